import { Worker } from 'node:worker_threads'
import type { RawFinding } from '../../../shared/proofread/incremental'
import type { ProofreadEngine, RuleScope } from './engine'
import type { LintHost, WorkerRequest, WorkerResponse } from './protocol'
import type { EngineConfig } from './shipped-rules'

/**
 * Lint hosts: {@link WorkerLintHost} runs textlint in a worker thread (the app); {@link
 * InProcessLintHost} runs it on the calling thread (the command line, tests).
 */

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never
type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }

/** textlint in a worker thread, started on first use and restarted after a crash. */
export class WorkerLintHost implements LintHost {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private config: EngineConfig | null = null
  /** After dispose no worker starts again (a warm-up still queued must not leave one running). */
  private disposed = false

  constructor(
    private readonly options: {
      /** The built worker script (`out/main/proofread-worker.js`). */
      workerFile: string
      /** The kuromoji dictionary folder; null uses the one next to kuromoji in node_modules. */
      dicPath?: string | null
      log?: (line: string) => void
    },
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker
    if (this.disposed) throw new Error('the proofreading worker was stopped')
    const worker = new Worker(this.options.workerFile, {
      workerData: { dicPath: this.options.dicPath ?? null },
    })
    worker.on('message', (response: WorkerResponse) => {
      const p = this.pending.get(response.id)
      if (!p) return
      this.pending.delete(response.id)
      p.resolve(response)
    })
    const fail = (error: Error) => {
      this.options.log?.(`proofread worker stopped: ${error.message}`)
      if (this.worker === worker) this.worker = null
      for (const p of this.pending.values()) p.reject(error)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit ${code}`)))
    // A restarted worker gets the configuration back before anything else.
    if (this.config) worker.postMessage({ id: 0, type: 'configure', config: this.config })
    this.worker = worker
    return worker
  }

  private send(request: WithoutId<WorkerRequest>): Promise<WorkerResponse> {
    const worker = this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ ...request, id })
    })
  }

  async configure(config: EngineConfig): Promise<void> {
    this.config = config
    const r = await this.send({ type: 'configure', config })
    if (r.type === 'failed') throw new Error(r.error)
  }

  async lint(texts: readonly string[], scope: RuleScope): Promise<RawFinding[][]> {
    const r = await this.send({ type: 'lint', texts: [...texts], scope })
    if (r.type === 'failed') throw new Error(r.error)
    if (r.type !== 'linted') throw new Error(`unexpected worker answer ${r.type}`)
    return r.results
  }

  async dispose(): Promise<void> {
    this.disposed = true
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}

/** textlint on the calling thread (loaded on first use). */
export class InProcessLintHost implements LintHost {
  private engine: Promise<ProofreadEngine> | null = null
  private config: EngineConfig | null = null

  async configure(config: EngineConfig): Promise<void> {
    this.config = config
    this.engine = null
  }

  private async current(): Promise<ProofreadEngine> {
    if (!this.engine) {
      const config = this.config
      this.engine = (async () => {
        const { ProofreadEngine } = await import('./engine')
        const { defaultEngineConfig } = await import('./default-config')
        return new ProofreadEngine(config ?? defaultEngineConfig())
      })()
    }
    return this.engine
  }

  async lint(texts: readonly string[], scope: RuleScope): Promise<RawFinding[][]> {
    const engine = await this.current()
    const out: RawFinding[][] = []
    for (const t of texts) out.push(await engine.lint(t, scope))
    return out
  }

  async dispose(): Promise<void> {}
}
