import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The renderer's import boundaries are enforced by the project's own lint config: a module is
 * linted through ESLint's API as if it were a file at `filePath` in src/renderer/src.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'renderer/boundaries')
    .map((m) => m.message)
}

const use = (name: string) => `\nexport const used = ${name}\n`

describe('renderer import boundaries (lint)', () => {
  it('refuses a feature importing another feature sideways', async () => {
    const errors = await boundaryErrors(
      'src/renderer/src/card/boundary-probe.ts',
      `import { sortPosts } from '../posts/post-filter'${use('sortPosts')}`,
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain("'card/' must not import 'posts/'")
  })

  it('refuses a feature importing the composition root, and a leaf importing a feature', async () => {
    const fromFeature = await boundaryErrors(
      'src/renderer/src/editor/boundary-probe.tsx',
      `import { useControllers } from '../app/controllers'${use('useControllers')}`,
    )
    expect(fromFeature).toEqual([expect.stringContaining("'editor/' must not import 'app/'")])
    const fromLeaf = await boundaryErrors(
      'src/renderer/src/shell/boundary-probe.ts',
      `export { FeedCard } from '../card/FeedCard'\n`,
    )
    expect(fromLeaf).toEqual([expect.stringContaining("'shell/' must not import 'card/'")])
  }, 30_000)

  it('lets features use their own folder, the leaves and shared, and App compose features', async () => {
    const feature = await boundaryErrors(
      'src/renderer/src/card/boundary-probe.ts',
      [
        `import { draftCard } from './draft-card'`,
        `import { useShell } from '../shell/shell-context'`,
        `import { useI18n } from '../i18n/locale'`,
        `import { Dialog } from '../dialogs/Dialog'`,
        `import { buildCard } from '../../../shared/card'`,
        `export const used = [draftCard, useShell, useI18n, Dialog, buildCard]`,
      ].join('\n'),
    )
    expect(feature).toEqual([])
    const root = await boundaryErrors(
      'src/renderer/src/app/boundary-probe.ts',
      `import { sortPosts } from '../posts/post-filter'${use('sortPosts')}`,
    )
    expect(root).toEqual([])
  }, 30_000)
})
