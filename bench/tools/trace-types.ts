/** The Chrome trace and CPU profile shapes the diagnostic tools in this folder read. */

/** One event of a Chrome trace (`Tracing.dataCollected`). */
export interface TraceEvent {
  name: string
  ph: string
  dur?: number
  pid: number
  tid: number
  ts: number
  args?: { name?: string; beginData?: unknown }
}

/** A V8 CPU profile (`Profiler.stop`), times in microseconds on the trace's clock. */
export interface CpuProfile {
  startTime: number
  nodes: Array<{
    id: number
    children?: number[]
    callFrame: { functionName: string; url: string; lineNumber: number }
  }>
  samples: number[]
  timeDeltas: number[]
}
