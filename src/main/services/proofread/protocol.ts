import type { RawFinding } from '../../../shared/proofread/incremental'
import type { RuleScope } from './engine'
import type { EngineConfig } from './shipped-rules'

/** Messages to the proofreading worker. */
export type WorkerRequest =
  | { id: number; type: 'configure'; config: EngineConfig }
  | { id: number; type: 'lint'; texts: string[]; scope: RuleScope }

/** Answers from the proofreading worker (same `id` as the request). */
export type WorkerResponse =
  | { id: number; type: 'configured' }
  | { id: number; type: 'linted'; results: RawFinding[][] }
  | { id: number; type: 'failed'; error: string }

/** Where linting happens: a worker thread in the app, in-process for the command line and tests. */
export interface LintHost {
  /** Uses this configuration for the lints that follow. */
  configure(config: EngineConfig): Promise<void>
  /** Lints each text alone with the rules of a scope. */
  lint(texts: readonly string[], scope: RuleScope): Promise<RawFinding[][]>
  /** Stops the worker. */
  dispose(): Promise<void>
}
