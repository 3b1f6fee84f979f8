/**
 * What a keystroke allocates: opens a generated post of BENCH_SIZE characters in the real app, types
 * mid-document (every 20th keystroke a newline) with V8's sampling heap profiler on, and prints the
 * bytes allocated per keystroke by each function (self) and under each function (inclusive).
 * Allocation is what the keystrokes' garbage collections cost. A diagnostic, not a benchmark:
 * `npx tsx bench/tools/alloc-typing.ts`.
 */
import {
  installProbes,
  openAndWait,
  placeCaret,
  typeAndMeasure,
  withGeneratedPost,
} from '../preview-probes'
import { stats } from '../stats'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)
const EDITS = Number(process.env.BENCH_EDITS ?? 80)

/** A node of V8's sampling heap profile. */
interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number }
  selfSize: number
  children: HeapNode[]
}

function label(node: HeapNode): string {
  const f = node.callFrame
  return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
}

/** Self and inclusive bytes per function label (recursion counted once per stack). */
function tally(root: HeapNode): { self: Map<string, number>; inclusive: Map<string, number> } {
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const walk = (node: HeapNode, stack: string[]): number => {
    const key = label(node)
    self.set(key, (self.get(key) ?? 0) + node.selfSize)
    let total = node.selfSize
    for (const child of node.children) total += walk(child, [...stack, key])
    if (!stack.includes(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + total)
    return total
  }
  walk(root, [])
  return { self, inclusive }
}

function print(title: string, totals: Map<string, number>, rows = 30): void {
  console.log(`--- ${title}`)
  const sorted = [...totals.entries()]
    .filter(([k]) => !k.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1])
  for (const [key, bytes] of sorted.slice(0, rows))
    console.log(`${(bytes / EDITS / 1024).toFixed(1).padStart(8)} KB/key  ${key}`)
}

async function main(): Promise<void> {
  const title = `割り当て ${SIZE / 1000}k`
  await withGeneratedPost({ slug: 'alloc', title, chars: SIZE }, async ({ page }) => {
    await installProbes(page)
    await openAndWait(page, title)
    await page.waitForTimeout(3000)
    await placeCaret(page, process.env.TRACE_CARET === 'heading' ? 'heading' : 'mid')
    // Warm: the first keystrokes compile the code the rest run.
    await typeAndMeasure(page, 20)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      // Everything allocated, not only what is still alive at the end.
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
    const r = await typeAndMeasure(page, EDITS)
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: HeapNode }
    }
    const { self, inclusive } = tally(profile.head)
    const total = [...self.values()].reduce((a, b) => a + b, 0)
    console.log(`allocated ${(total / EDITS / 1024).toFixed(1)} KB per keystroke (sampled)`)
    print('self', self)
    print('inclusive', inclusive, 60)
    console.log('frame', stats(r.frame), 'preview', stats(r.preview))
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
