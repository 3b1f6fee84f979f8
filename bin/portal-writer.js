#!/usr/bin/env node
// `portal-writer`: post cards, checks and HTML from the command line (src/cli).
//
// Runs the built command (out/cli/index.js, made by `npm run build:cli`, which `prepare` runs after
// `npm install`) when it is at least as new as the sources it was built from. In a development
// clone whose sources changed since, it runs the TypeScript sources through tsx instead, so the
// command never runs stale code. `PORTAL_WRITER_FROM_SOURCE=1` forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'cli', 'index.js')
const source = join(root, 'src', 'cli', 'index.ts')
// Everything the command is built from.
const SOURCE_DIRS = ['src/cli', 'src/shared', 'src/main/services'].map((d) => join(root, d))

function newestMtime(dir) {
  let newest = 0
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function useSource() {
  if (!existsSync(source)) return false
  if (process.env.PORTAL_WRITER_FROM_SOURCE === '1' || !existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return SOURCE_DIRS.some((dir) => newestMtime(dir) > builtAt)
}

async function load() {
  if (useSource()) {
    try {
      const { tsImport } = await import('tsx/esm/api')
      return await tsImport(pathToFileURL(source).href, import.meta.url)
    } catch (error) {
      if (!existsSync(built)) throw error
    }
  }
  return import(pathToFileURL(built).href)
}

const cli = await load()
process.exitCode = await cli.main(process.argv.slice(2))
