import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The import-boundary rules of eslint.config.js (docs/ARCHITECTURE.md), run through ESLint's API on
 * probe files that are linted from memory under a path inside src/: a backward import must be an
 * error, so removing a rule fails this test.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url))
let eslint: ESLint

/** The `no-restricted-imports` messages ESLint reports for `code` as if it were at `path`. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` })
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)
    .map((m) => m.message)
}

describe('import boundaries (eslint)', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root })
  })

  it('shared never imports main, renderer, cli, Node or Electron', async () => {
    const probe = 'src/shared/boundary-probe.ts'
    const cases = [
      "import { codeOf } from '../main/services/fs/file-facts'",
      "import { format } from '../renderer/src/i18n/locale'",
      "import { toPosix } from '../cli/post-context'",
      "import { readFile } from 'node:fs/promises'",
      "import { app } from 'electron'",
    ]
    for (const line of cases) {
      expect(await boundaryErrors(probe, `${line}\nexport const x = 1\n`), line).not.toEqual([])
    }
    expect(
      await boundaryErrors(probe, "import { msg } from './localized'\nexport const x = msg\n"),
    ).toEqual([])
  }, 60_000)

  it('main never imports the renderer or the CLI; services never import electron', async () => {
    const probe = 'src/main/services/boundary-probe.ts'
    for (const line of [
      "import { format } from '../../renderer/src/i18n/locale'",
      "import { toPosix } from '../../cli/post-context'",
      "import { app } from 'electron'",
    ]) {
      expect(await boundaryErrors(probe, `${line}\nexport const x = 1\n`), line).not.toEqual([])
    }
  }, 60_000)

  it('electron is allowed in main/index.ts and main/ipc only', async () => {
    const code = "import { app } from 'electron'\nexport const x = app\n"
    expect(await boundaryErrors('src/main/ipc/boundary-probe.ts', code)).toEqual([])
    expect(await boundaryErrors('src/main/boundary-probe.ts', code)).not.toEqual([])
    expect(await boundaryErrors('src/cli/boundary-probe.ts', code)).not.toEqual([])
  }, 60_000)

  it('the renderer never imports main, and the CLI never imports the app shell', async () => {
    expect(
      await boundaryErrors(
        'src/renderer/src/boundary-probe.ts',
        "import { codeOf } from '../../main/services/fs/file-facts'\nexport const x = codeOf\n",
      ),
    ).not.toEqual([])
    expect(
      await boundaryErrors(
        'src/cli/boundary-probe.ts',
        "import { dispatch } from '../main/ipc/dispatch'\nexport const x = dispatch\n",
      ),
    ).not.toEqual([])
  }, 60_000)
})
