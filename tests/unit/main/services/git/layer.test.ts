/**
 * The git layer's shape (issue 9): every git process of the app starts in `git/core.ts`, and each
 * verb file runs only its own verb, so a reader finds `git merge-base` in `merge-base.ts` and
 * nowhere else. Read from the sources, so a new file that spawns git itself fails here.
 */
import { readdir, readFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from './fixtures'

const SRC = join(PROJECT_ROOT, 'src')
const GIT_DIR = join(SRC, 'main/services/git')

async function sources(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await sources(p)))
    else if (/\.(ts|tsx|mts|cts)$/.test(e.name)) out.push(p)
  }
  return out
}

/**
 * The git subcommands a file runs: the first literal of each argument list, whether written in
 * the call (`gitIn(ctx, ['x'…`, `git(['x'…`), in an `args = ['x'…` or in a `cond ? ['x'…] : ['y'…]`.
 */
function verbsRun(text: string): string[] {
  const verbs = new Set<string>()
  const list = /(?:\bgitIn\(\s*\w+,\s*|\bgit\(\s*|\bargs\s*=\s*|\?\s*|\]\s*:\s*)\[\s*'([a-z-]+)'/g
  for (const m of text.matchAll(list)) verbs.add(m[1]!)
  return [...verbs]
}

/** Files of the git layer that are not one verb: the runner and pure helpers. */
const NOT_A_VERB = new Set([
  'core.ts', // the one runner
  'errors.ts', // git's words → error kinds
  'progress.ts',
  'redact.ts',
  'pathspec.ts',
  'temp-index.ts', // an environment for other verbs
  'changed-files.ts', // composes merge-base, diff and ls-files
])
/** Verb files whose name differs from the verb. */
const VERB_OF: Record<string, string> = { 'version.ts': '--version' }

describe('the git layer', () => {
  it('is the only place that starts processes', async () => {
    const offenders: string[] = []
    for (const file of await sources(SRC)) {
      const text = await readFile(file, 'utf8')
      if (
        /from ['"](?:node:)?child_process['"]|require\(['"](?:node:)?child_process['"]\)/.test(text)
      )
        offenders.push(relative(SRC, file))
    }
    expect(offenders).toEqual(['main/services/git/core.ts'])
  })

  it('has one verb per file, named after it', async () => {
    const wrong: Record<string, string[]> = {}
    for (const file of await sources(GIT_DIR)) {
      const name = basename(file)
      const verbs = verbsRun(await readFile(file, 'utf8'))
      if (NOT_A_VERB.has(name)) {
        if (name !== 'core.ts' && name !== 'changed-files.ts' && verbs.length > 0)
          wrong[name] = verbs
        continue
      }
      const own = VERB_OF[name] ?? name.replace(/\.ts$/, '')
      const others = verbs.filter((v) => v !== own)
      if (others.length > 0 || verbs.length === 0) wrong[name] = verbs
    }
    expect(wrong).toEqual({})
  })

  it('composes verbs in changed-files.ts without running git itself', async () => {
    expect(verbsRun(await readFile(join(GIT_DIR, 'changed-files.ts'), 'utf8'))).toEqual([])
  })
})
