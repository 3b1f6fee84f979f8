/**
 * Issue 9: words a writer understands. The main flow never says 「作業ブランチ」 or 「ベース」 (the
 * branch name stays visible as a detail). Read from every Japanese text the writer can see: the
 * renderer's sources and the messages main sends (git errors, publishing, the folder banner).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../main/services/git/fixtures'

async function sources(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await sources(p)))
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p)
  }
  return out
}

const PLACES = [
  'src/renderer/src',
  'src/shared',
  'src/main/services/publish',
  'src/main/services/git',
]

describe('the words of the publishing flow', () => {
  it('never say 「作業ブランチ」 or 「ベース」 to the writer', async () => {
    const found: string[] = []
    for (const place of PLACES) {
      for (const file of await sources(join(PROJECT_ROOT, place))) {
        const lines = (await readFile(file, 'utf8')).split('\n')
        lines.forEach((line, i) => {
          // 「リベース」 (git's rebase, named in one error about a rebase the writer started) is not 「ベース」.
          if (/作業ブランチ|(?<!リ)ベース/.test(line))
            found.push(`${relative(PROJECT_ROOT, file)}:${i + 1}`)
        })
      }
    }
    expect(found).toEqual([])
  })
})
