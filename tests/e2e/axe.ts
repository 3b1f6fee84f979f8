/**
 * axe-core (the WCAG rule engine) run inside the real app page: its source is evaluated in the
 * page through the harness, as @axe-core/playwright would do (that package needs Node 22).
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Frame, Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let axeSource: Promise<string> | null = null

/** One rule's failures, trimmed to what a report needs. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string; summary: string }>
}

/** Options for {@link runAxe}. */
export interface AxeOptions {
  /**
   * Rules switched off for named elements only: rule id → CSS selectors excluded from it. Every
   * entry needs a comment at the call site saying why.
   */
  exclude?: Record<string, string[]>
  /**
   * For a frame sandboxed without `allow-scripts` (the preview): Chromium runs no timer callbacks
   * there, and axe waits on `setTimeout` between its checks. The frame's `setTimeout` becomes a
   * promise job for the scan (the frame has no script of its own that could notice).
   */
  timersAsMicrotasks?: boolean
}

/** Runs axe-core on a page (or frame) and returns every violation with its impact. */
export async function runAxe(
  target: Page | Frame,
  options: AxeOptions = {},
): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const source = await axeSource
  // evaluate() runs through the debugging protocol, so the app's CSP (no inline script) still holds
  // for the app itself.
  await target.evaluate(`if (!window.axe) { ${source} }`)
  if (options.timersAsMicrotasks) {
    await target.evaluate(() => {
      // A frame sandboxed without scripts runs no timer callbacks (promise jobs still run).
      const w = window as unknown as { setTimeout: (cb: () => void) => number }
      w.setTimeout = (cb: (...args: unknown[]) => void, _ms?: number, ...args: unknown[]) => {
        void Promise.resolve().then(() => cb(...args))
        return 0
      }
    })
  }
  const raw = await target.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }
    ).axe
    return axe.run(document, { resultTypes: ['violations'], iframes: false })
  })
  const result = raw as {
    violations: Array<{
      id: string
      impact: string | null
      help: string
      nodes: Array<{ target: unknown[]; failureSummary?: string }>
    }>
  }
  const excluded = options.exclude ?? {}
  return result.violations
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' }))
        .filter((n) => !(excluded[v.id] ?? []).some((sel) => n.target.includes(sel))),
    }))
    .filter((v) => v.nodes.length > 0)
}

/** Only the violations that block people: axe's "serious" and "critical". */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** A readable one-line-per-node report for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n')
}
