import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { finalizeFindings } from '../../../../../src/shared/proofread/incremental'
import { maskNonProse } from '../../../../../src/shared/proofread/mask'
import type { ProofreadRequest, ProofreadResult } from '../../../../../src/shared/ipc/proofread'
import { defaultEngineConfig } from '../../../../../src/main/services/proofread/config'
import { ProofreadEngine, type RuleScope } from '../../../../../src/main/services/proofread/engine'
import { BACKGROUND_NICE } from '../../../../../src/main/services/proofread/background-priority'
import { WorkerLintHost } from '../../../../../src/main/services/proofread/lint-host'
import type { LintHost } from '../../../../../src/main/services/proofread/protocol'
import { ProofreadService } from '../../../../../src/main/services/proofread/service'
import type { EngineConfig } from '../../../../../src/main/services/proofread/shipped-rules'
import { makeTempDir, removeTempDirs } from '../../../../helpers/temp-repo'

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url))
const BUILT = join(ROOT, 'out/main')
const DICT = join(ROOT, 'node_modules/kuromoji/dict')

const PARAGRAPHS = Array.from(
  { length: 24 },
  (_, i) => `${i + 1}番目の段落です。この機能はjavascriptで使用することができます。`,
)
const POST = `---\ntitle: テスト\n---\n\n${PARAGRAPHS.join('\n\n')}\n\nこれは本文である。\n`

/** Counts what the worker is asked to lint. */
class CountingHost implements LintHost {
  texts = 0
  constructor(private readonly inner: LintHost) {}
  configure(config: EngineConfig) {
    return this.inner.configure(config)
  }
  lint(texts: readonly string[], scope: RuleScope) {
    this.texts += texts.length
    return this.inner.lint(texts, scope)
  }
  dispose() {
    return this.inner.dispose()
  }
}

let workerFile: string
let root: string
let host: CountingHost
let disabled: string[] = []
let service: ProofreadService

async function untilComplete(
  request: ProofreadRequest,
): Promise<Extract<ProofreadResult, { kind: 'ok' }>[]> {
  const answers = []
  for (;;) {
    const r = await service.lint(request)
    if (r.kind !== 'ok') throw new Error(JSON.stringify(r))
    answers.push(r)
    if (r.complete) return answers
  }
}

describe('proofreading in the bundled worker', () => {
  beforeAll(async () => {
    if (!existsSync(join(BUILT, 'proofread-worker.js'))) {
      throw new Error('out/main/proofread-worker.js is missing: run "npm run build" first.')
    }
    // The bundle, alone in a folder with no node_modules anywhere above it: what the packaged app has.
    const dir = await makeTempDir('pw-worker-')
    await cp(BUILT, join(dir, 'main'), { recursive: true })
    workerFile = join(dir, 'main/proofread-worker.js')
    root = await makeTempDir('pw-proofread-repo-')
    host = new CountingHost(new WorkerLintHost({ workerFile, dicPath: DICT }))
    service = new ProofreadService({
      root: () => root,
      host,
      disabledRules: () => disabled,
      saveDisabledRules: async (_root, ids) => {
        disabled = ids
      },
      budgetMs: 0,
      batchChars: 100,
      configCheckMs: 0,
    })
  })
  afterAll(async () => {
    await service.dispose()
    await removeTempDirs()
  })

  it('answers within its budget, nearest paragraphs first, until it has what a full run has', async () => {
    const cursor = POST.indexOf('24番目')
    const answers = await untilComplete({ path: 'a.md', text: POST, cursor, scope: 'paragraphs' })
    expect(answers.length).toBeGreaterThan(1)
    // The first answer already covers the paragraph at the cursor.
    expect(
      answers[0]!.findings.some((f) => f.line === POST.slice(0, cursor).split('\n').length),
    ).toBe(true)
    const engine = new ProofreadEngine(defaultEngineConfig())
    const mask = maskNonProse(POST)
    const full = finalizeFindings(POST, await engine.lint(mask.text, 'local'), {
      excluded: mask.excluded,
    })
    expect(answers.at(-1)!.findings).toEqual(full)
    expect(answers.at(-1)!.documentChecked).toBe(false)
    expect(answers.at(-1)!.source).toEqual({ file: null, disabled: [] })
  }, 120_000)

  it.runIf(process.platform === 'linux')(
    'lints at a lower priority in its own thread, leaving the app’s threads as they were',
    async () => {
      await untilComplete({ path: 'p.md', text: '優先度の確認です。\n', scope: 'paragraphs' })
      // /proc/<pid>/task/<tid>/stat: field 19 is the thread's nice value (after `(comm)`).
      const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
      const tasks = await readdir('/proc/self/task')
      const nices = await Promise.all(
        tasks.map(async (t) => niceOf(await readFile(`/proc/self/task/${t}/stat`, 'utf8'))),
      )
      expect(nices.filter((n) => n === BACKGROUND_NICE)).toHaveLength(1) // the worker
      expect(niceOf(await readFile('/proc/thread-self/stat', 'utf8'))).toBe(0)
    },
  )

  it.runIf(process.platform === 'linux')(
    'still finishes a long lint promptly while other programs keep every core busy',
    async () => {
      // A writer's machine is rarely idle (a build, a browser tab). At the lowest priority ("nice"
      // 19) the scheduler gave the lint 1/70 of a core next to such work: a 0.8 s first lint
      // took 40 s, and the panel said 「校正しています…」 all that time.
      const text = maskNonProse(`${PARAGRAPHS.join('\n\n')}\n\n`.repeat(6)).text
      const timed = async () => {
        const started = performance.now()
        await host.lint([text], 'local')
        return performance.now() - started
      }
      await timed() // warm
      const idle = Math.min(await timed(), await timed())
      const burners = Array.from({ length: availableParallelism() }, () =>
        spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
      )
      try {
        await new Promise((resolve) => setTimeout(resolve, 200))
        const busy = await Promise.race([
          timed(),
          new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 20 * idle + 5000)),
        ])
        // Sharing a core with a normal-priority program: about 4 times as long at nice 5, about
        // 70 times at nice 19.
        expect(busy).toBeLessThan(10 * idle + 1000)
      } finally {
        for (const b of burners) b.kill('SIGKILL')
      }
    },
    120_000,
  )

  it('relints only the edited paragraph, and the document-wide rules when asked', async () => {
    const before = host.texts
    const edited = POST.replace('3番目の段落です。', '3番目の段落を直しました。')
    const [r] = await untilComplete({ path: 'a.md', text: edited, scope: 'paragraphs' })
    expect(host.texts - before).toBe(1)
    expect(r!.findings.filter((f) => f.ruleId.endsWith('no-mix-dearu-desumasu'))).toEqual([])
    const [doc] = await untilComplete({ path: 'a.md', text: edited, scope: 'document' })
    expect(doc!.documentChecked).toBe(true)
    const mixed = doc!.findings.filter((f) => f.ruleId.endsWith('no-mix-dearu-desumasu'))
    expect(mixed.map((f) => f.line)).toEqual([edited.split('\n').length - 1])
    // Typing elsewhere keeps the document-wide finding in place until the next pause.
    const again = edited.replace('5番目', '五番目')
    const [typed] = await untilComplete({ path: 'a.md', text: again, scope: 'paragraphs' })
    expect(typed!.documentChecked).toBe(false)
    expect(typed!.findings.filter((f) => f.ruleId.endsWith('no-mix-dearu-desumasu'))).toHaveLength(
      1,
    )
  }, 120_000)

  it('drops a request a newer one for the same post overtook', async () => {
    const first = service.lint({ path: 'a.md', text: POST, scope: 'paragraphs' })
    const second = service.lint({
      path: 'a.md',
      text: POST + '\n追記です。\n',
      scope: 'paragraphs',
    })
    expect(await first).toEqual({ kind: 'superseded' })
    expect((await second).kind).toBe('ok')
  }, 60_000)

  it('leaves out a rule turned off for the repository', async () => {
    expect(await service.setRuleDisabled('prh', true)).toEqual(['prh'])
    const [r] = await untilComplete({ path: 'a.md', text: POST, scope: 'paragraphs' })
    expect(r!.findings.some((f) => f.ruleId === 'prh')).toBe(false)
    expect(r!.source.disabled).toEqual(['prh'])
    expect(await service.setRuleDisabled('prh', false)).toEqual([])
  }, 60_000)

  it('reads a .textlintrc written while the app runs', async () => {
    await writeFile(
      join(root, '.textlintrc.json'),
      '{ "rules": { "prh": { "rulePaths": ["terms.yml"] }, "no-such-rule": true } }',
    )
    await writeFile(
      join(root, 'terms.yml'),
      'version: 1\nrules:\n  - expected: 段落\n    pattern: /だんらく/\n',
    )
    const [r] = await untilComplete({
      path: 'a.md',
      text: 'だんらくです。javascriptで使用することができます。\n',
      scope: 'paragraphs',
    })
    expect(r!.findings.map((f) => f.message)).toEqual(['だんらく => 段落'])
    expect(r!.source.file).toBe('.textlintrc.json')
    expect(r!.notices.map((n) => n.ja)).toEqual([
      'ルール no-such-rule はこのアプリに含まれていないため使いません。',
    ])
  }, 60_000)
})

describe('warming up when a repository opens', () => {
  it('configures the worker and loads its dictionary before the first request; nothing without a repository', async () => {
    const dir = await makeTempDir('pw-worker-warm-')
    await cp(BUILT, join(dir, 'main'), { recursive: true })
    const counted = new CountingHost(
      new WorkerLintHost({ workerFile: join(dir, 'main/proofread-worker.js'), dicPath: DICT }),
    )
    let open: string | null = null
    const warmed = new ProofreadService({
      root: () => open,
      host: counted,
      disabledRules: () => [],
      saveDisabledRules: async () => undefined,
    })
    try {
      await warmed.warm()
      expect(counted.texts).toBe(0)
      open = await makeTempDir('pw-proofread-warm-')
      await warmed.warm()
      expect(counted.texts).toBe(1)
      // The first real request then finds the worker ready and lints just its paragraph.
      const r = await warmed.lint({ path: 'a.md', text: POST, scope: 'paragraphs' })
      expect(r.kind).toBe('ok')
    } finally {
      await warmed.dispose()
    }
    // A warm-up still queued when the app closes starts no worker again.
    await warmed.warm()
    await expect(counted.lint(['校正します。'], 'local')).rejects.toThrow(/stopped/)
  }, 120_000)
})
