import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { msg } from '../../../shared/localized'
import type { ProofreadRequest, ProofreadResult } from '../../../shared/ipc/proofread'
import {
  anchorFindings,
  assembleFindings,
  ChunkCache,
  chunkLintText,
  finalizeFindings,
  planLint,
  type AnchoredFinding,
} from '../../../shared/proofread/incremental'
import { maskNonProse } from '../../../shared/proofread/mask'
import { CONFIG_FILE_NAMES } from './config-file'
import { loadProofreadConfig, type ProofreadConfig } from './config'
import type { LintHost } from './protocol'

/**
 * Proofreading of open posts, in main: the repository's configuration (reloaded when its files
 * change), one incremental cache per post, and a lint host that does the work off this thread.
 * Requests are served one at a time; a request lints the paragraphs nearest the cursor first and
 * answers within its time budget with what it knows (`complete: false` asks the editor to come back
 * for the rest), so a paragraph being written never waits behind a whole first lint.
 */

/** Options of {@link ProofreadService}. */
export interface ProofreadServiceOptions {
  /** The open repository's root, or null. */
  root(): string | null
  host: LintHost
  /** Rule ids turned off for a repository (the app's settings). */
  disabledRules(root: string): readonly string[]
  /** Stores the rule ids turned off for a repository. */
  saveDisabledRules(root: string, ruleIds: string[]): Promise<void>
  /** How long one request may lint before answering with what it knows (ms; default 200). */
  budgetMs?: number
  /** Characters per worker batch (default 1500). */
  batchChars?: number
  /** How often the configuration files are checked for changes (ms; default 1000). */
  configCheckMs?: number
  log?: (line: string) => void
}

interface PostState {
  cache: ChunkCache
  anchored: AnchoredFinding[]
  /** The masked text the document-wide rules last ran on. */
  documentText: string | null
}

interface Loaded {
  root: string
  stamp: string
  checkedAt: number
  config: ProofreadConfig
}

const MAX_POSTS = 6
/** A sentence that makes the worker load its tokenizer dictionary. */
const WARM_UP_TEXT = '校正の準備をしています。'

/** Proofreading of open posts (see the module comment). */
export class ProofreadService {
  private loaded: Loaded | null = null
  private readonly posts = new Map<string, PostState>()
  private readonly latest = new Map<string, number>()
  private generation = 0
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: ProofreadServiceOptions) {}

  /** Lints a post's text (see the module comment). */
  lint(request: ProofreadRequest): Promise<ProofreadResult> {
    const gen = ++this.generation
    this.latest.set(request.path, gen)
    const run = this.chain.then(() => this.run(request, gen))
    this.chain = run.catch(() => undefined)
    return run.catch((error: unknown) => {
      this.options.log?.(
        `proofread failed: ${error instanceof Error ? error.stack : String(error)}`,
      )
      return {
        kind: 'error' as const,
        message: msg(
          `校正できませんでした（${error instanceof Error ? error.message : String(error)}）。`,
          `Proofreading failed (${error instanceof Error ? error.message : String(error)}).`,
        ),
      }
    })
  }

  /**
   * Loads the open repository's configuration and the linter with its dictionaries ahead of the
   * first request (call when a repository opens): a cold start takes seconds, which the writer
   * would otherwise wait for on the first paragraph. Queued like a request; never throws.
   */
  warm(): Promise<void> {
    const run = this.chain.then(async () => {
      const root = this.options.root()
      if (!root) return
      await this.ensureConfig(root)
      await this.options.host.lint([WARM_UP_TEXT], 'local')
    })
    this.chain = run.catch(() => undefined)
    return run.catch((error: unknown) => {
      this.options.log?.(
        `proofread warm-up failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    })
  }

  /** Turns a rule off (or on again) for the open repository; returns the rules now off. */
  async setRuleDisabled(ruleId: string, disabled: boolean): Promise<string[]> {
    const root = this.options.root()
    if (!root) return []
    const now = new Set(this.options.disabledRules(root))
    if (disabled) now.add(ruleId)
    else now.delete(ruleId)
    const list = [...now].sort()
    await this.options.saveDisabledRules(root, list)
    return list
  }

  /** Stops the lint host. */
  dispose(): Promise<void> {
    return this.options.host.dispose()
  }

  private superseded(path: string, gen: number): boolean {
    return this.latest.get(path) !== gen
  }

  private async run(request: ProofreadRequest, gen: number): Promise<ProofreadResult> {
    if (this.superseded(request.path, gen)) return { kind: 'superseded' }
    const root = this.options.root()
    if (!root) {
      return {
        kind: 'error',
        message: msg('リポジトリが開かれていません。', 'No repository is open.'),
      }
    }
    const config = await this.ensureConfig(root)
    const started = Date.now()
    const budget = this.options.budgetMs ?? 200
    const batchChars = this.options.batchChars ?? 1500
    const post = this.postState(request.path)
    const mask = maskNonProse(request.text)
    const plan = planLint(mask.text, post.cache, request.cursor ?? 0)

    let complete = true
    let next = 0
    while (next < plan.missing.length) {
      if (next > 0 && (Date.now() - started > budget || this.superseded(request.path, gen))) {
        complete = false
        break
      }
      const batch = [plan.missing[next++]!]
      let size = batch[0]!.text.length
      while (next < plan.missing.length && size + plan.missing[next]!.text.length <= batchChars) {
        size += plan.missing[next]!.text.length
        batch.push(plan.missing[next++]!)
      }
      const results = await this.options.host.lint(
        batch.map((c) => chunkLintText(c, plan.appendix)),
        'local',
      )
      batch.forEach((c, i) => post.cache.set(c, plan.appendix, results[i] ?? []))
    }
    if (complete) post.cache.retain(plan)
    if (this.superseded(request.path, gen)) return { kind: 'superseded' }

    if (complete && request.scope === 'document' && post.documentText !== mask.text) {
      const [whole] = await this.options.host.lint([mask.text], 'document')
      post.anchored = anchorFindings(plan, whole ?? [])
      post.documentText = mask.text
    }
    const disabled = [...this.options.disabledRules(root)]
    return {
      kind: 'ok',
      findings: finalizeFindings(request.text, assembleFindings(plan, post.cache, post.anchored), {
        excluded: mask.excluded,
        disabled: new Set(disabled),
      }),
      complete,
      documentChecked: post.documentText === mask.text,
      notices: config.notices,
      source: { file: config.file, disabled },
    }
  }

  private postState(path: string): PostState {
    let post = this.posts.get(path)
    if (post) {
      // Most recently used last, so the oldest is dropped first.
      this.posts.delete(path)
    } else {
      post = { cache: new ChunkCache(), anchored: [], documentText: null }
    }
    this.posts.set(path, post)
    while (this.posts.size > MAX_POSTS) this.posts.delete(this.posts.keys().next().value!)
    return post
  }

  /** Loads the configuration when the repository or its files changed (checked at most once a second). */
  private async ensureConfig(root: string): Promise<ProofreadConfig> {
    const loaded = this.loaded
    const now = Date.now()
    if (
      loaded &&
      loaded.root === root &&
      now - loaded.checkedAt < (this.options.configCheckMs ?? 1000)
    ) {
      return loaded.config
    }
    const files = new Set([
      ...CONFIG_FILE_NAMES.map((n) => join(root, n)),
      ...(loaded?.root === root ? loaded.config.files : []),
    ])
    const stamp = await stampOf([...files])
    if (loaded && loaded.root === root && loaded.stamp === stamp) {
      loaded.checkedAt = now
      return loaded.config
    }
    const config = await loadProofreadConfig(root)
    // The dictionaries may have been found only now: stamp what this configuration reads.
    const fullStamp = await stampOf([...new Set([...files, ...config.files])])
    await this.options.host.configure(config.engine)
    this.posts.clear()
    this.loaded = { root, stamp: fullStamp, checkedAt: Date.now(), config }
    return config
  }
}

async function stampOf(files: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    [...files].sort().map(async (f) => {
      try {
        const s = await stat(f)
        return `${f}:${s.mtimeMs}:${s.size}`
      } catch {
        return `${f}:-`
      }
    }),
  )
  return parts.join('|')
}
