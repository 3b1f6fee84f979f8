#!/usr/bin/env node
// `portal-writer`: post cards, checks and HTML from the command line (src/cli).
//
// Runs the built command (out/cli/index.js, made by `npm run build:cli`, which `prepare` runs after
// `npm install`) when it is at least as new as the sources it was built from. In a development
// clone whose sources changed since, it runs the TypeScript sources through tsx instead, so the
// command never runs stale code. `PORTAL_WRITER_FROM_SOURCE=1` forces the sources.
import { existsSync, statSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'cli', 'index.js')
const source = join(root, 'src', 'cli', 'index.ts')
// Everything the command is built from.
const SOURCE_DIRS = ['src/cli', 'src/shared', 'src/main/services'].map((d) => join(root, d))

/** Whether any file under `dir` changed after `since` (stops at the first one found). */
async function changedSince(dir, since) {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return false
  }
  const results = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return changedSince(path, since)
      if (!entry.isFile()) return false
      return (await stat(path)).mtimeMs > since
    }),
  )
  return results.includes(true)
}

async function fromSource() {
  const { tsImport } = await import('tsx/esm/api')
  return tsImport(pathToFileURL(source).href, import.meta.url)
}

async function load() {
  const hasSource = existsSync(source)
  if (hasSource && (process.env.PORTAL_WRITER_FROM_SOURCE === '1' || !existsSync(built)))
    return fromSource()
  if (!hasSource) return import(pathToFileURL(built).href)
  // The staleness check runs on the thread pool while the built command loads: a fresh build
  // (the usual case) costs no extra wait.
  const builtAt = statSync(built).mtimeMs
  const [stale, cli] = await Promise.all([
    Promise.all(SOURCE_DIRS.map((dir) => changedSince(dir, builtAt))).then((r) => r.includes(true)),
    import(pathToFileURL(built).href),
  ])
  if (!stale) return cli
  try {
    return await fromSource()
  } catch {
    return cli
  }
}

const cli = await load()
process.exitCode = await cli.main(process.argv.slice(2))
