/** Parsing git's `--progress` output (stderr) into numbers a progress bar can use. Pure. */

/** One progress line of git, e.g. `Writing objects:  45% (9/20)`. */
export interface GitProgressLine {
  /** The step as git names it: `Counting objects`, `Compressing objects`, `Writing objects`… */
  title: string
  /** 0–100 when git reports a percentage, else null. */
  percent: number | null
  done: number | null
  total: number | null
}

const PERCENT_LINE = /^(?:remote:\s+)?([A-Za-z][A-Za-z ]*?):\s+(\d{1,3})% \((\d+)\/(\d+)\)/
const COUNT_LINE = /^(?:remote:\s+)?([A-Za-z][A-Za-z ]*?):\s+(\d+)(?:,|$|\s)/

/**
 * Parses one line of git progress. Lines are separated by `\r` (updates in place) or `\n`.
 * Returns null for lines that are not progress (hints, `To http://…`, ref updates).
 */
export function parseProgressLine(line: string): GitProgressLine | null {
  const text = line.trim()
  const p = PERCENT_LINE.exec(text)
  if (p) {
    return {
      title: p[1]!,
      percent: Math.min(100, Number(p[2])),
      done: Number(p[3]),
      total: Number(p[4]),
    }
  }
  const c = COUNT_LINE.exec(text)
  if (c && /objects|deltas|Enumerating/i.test(c[1]!)) {
    return { title: c[1]!, percent: null, done: Number(c[2]), total: null }
  }
  return null
}

/**
 * Weights of push steps in the overall push progress: the objects are written (uploaded) in the
 * last and longest step, so it gets most of the bar.
 */
const PUSH_STEPS: Array<{ title: RegExp; from: number; to: number }> = [
  { title: /^Enumerating objects$/, from: 0, to: 2 },
  { title: /^Counting objects$/, from: 2, to: 10 },
  { title: /^Compressing objects$/, from: 10, to: 20 },
  { title: /^Writing objects$/, from: 20, to: 95 },
  // What the server reports after receiving (GitHub: "Resolving deltas") closes the bar.
  { title: /^Resolving deltas$/, from: 95, to: 100 },
]

/** Maps a push progress line to 0–100 of the whole push, or null when it says nothing new. */
export function pushPercent(progress: GitProgressLine): number | null {
  const step = PUSH_STEPS.find((s) => s.title.test(progress.title))
  if (!step) return null
  const fraction = progress.percent === null ? 0 : progress.percent / 100
  return Math.round(step.from + (step.to - step.from) * fraction)
}

/** Fetch steps: the server counts and compresses, then objects are received. */
const FETCH_STEPS: Array<{ title: RegExp; from: number; to: number }> = [
  { title: /^Enumerating objects$/, from: 0, to: 5 },
  { title: /^Counting objects$/, from: 5, to: 10 },
  { title: /^Compressing objects$/, from: 10, to: 20 },
  { title: /^Receiving objects$/, from: 20, to: 90 },
  { title: /^Resolving deltas$/, from: 90, to: 100 },
]

/** Maps a fetch progress line to 0–100 of the whole fetch, or null. */
export function fetchPercent(progress: GitProgressLine): number | null {
  const step = FETCH_STEPS.find((s) => s.title.test(progress.title))
  if (!step) return null
  const fraction = progress.percent === null ? 0 : progress.percent / 100
  return Math.round(step.from + (step.to - step.from) * fraction)
}

/**
 * Splits a stream of stderr chunks into complete lines, on `\r` or `\n`, keeping the unfinished
 * tail for the next chunk.
 */
export function createLineSplitter(onLine: (line: string) => void): {
  push(chunk: string): void
  flush(): void
} {
  let pending = ''
  return {
    push(chunk) {
      pending += chunk
      const parts = pending.split(/\r\n|\r|\n/)
      pending = parts.pop() ?? ''
      for (const part of parts) if (part !== '') onLine(part)
    },
    flush() {
      if (pending !== '') onLine(pending)
      pending = ''
    },
  }
}
