/**
 * S12 variants from issue 16 item 3: a front matter with 100,000 distinct keys is refused before
 * the YAML parser runs, with a message naming the limit, by every reader (preview, form, card,
 * lint, the post list); one under the limit parses without a quadratic step.
 */
import { postsServiceFor } from '../../../helpers/posts-service'
import { afterAll, describe, expect, it } from 'vitest'
import { buildCard } from '../../../../src/shared/card/card'
import { FRONT_MATTER_LIMITS, splitPost } from '../../../../src/shared/front-matter'
import { renderPost } from '../../../../src/shared/markdown/render-post'
import { checkFrontMatter } from '../../../../src/shared/metadata/check'
import { readFields } from '../../../../src/shared/metadata/round-trip'
import { validatePost } from '../../../../src/shared/metadata/validate'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { makeTempRepo, postPathFor, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

function post(keys: number, prefix = 'key'): string {
  const yaml = Array.from({ length: keys }, (_, i) => `${prefix}${i}: value ${i}`).join('\n')
  return `---\ntitle: "Huge"\n${yaml}\n---\n\n本文です。\n`
}

/**
 * CPU time of `run` (ms): the work done, not the wall clock, so a machine busy with other jobs
 * does not fail the test while a quadratic step still does.
 */
function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage()
  const value = run()
  const used = process.cpuUsage(start)
  return { value, ms: (used.user + used.system) / 1000 }
}

describe('S12: a front matter of 100,000 keys', () => {
  const huge = post(100_000)

  it('is refused quickly by every shared reader, with a message naming the limit', () => {
    const { value: split, ms } = timed(() => splitPost(huge))
    expect(ms).toBeLessThan(1000)
    expect(split.error?.message.en).toMatch(/limit is 1,000 lines/)
    expect(split.error?.message.ja).toMatch(/上限は 1,000 行/)
    expect(split.yaml.length).toBeGreaterThan(1_000_000) // kept as typed (D1)
    // A different text each time, so no cache hides the cost.
    const readers: Array<(text: string) => unknown> = [
      (t) => readFields(t),
      (t) => checkFrontMatter(t),
      (t) => validatePost(t),
      (t) => renderPost(t),
      (t) => buildCard(t, { profile: DEFAULT_PROFILE, path: 'x', now: 0 }),
    ]
    readers.forEach((read, i) => {
      const { ms: readMs } = timed(() => read(`${huge}\n${i}`))
      expect(readMs).toBeLessThan(1000)
    })
    expect(readFields(`${huge} `).error?.message.en).toMatch(/too long/)
  })

  it('is listed and opened by main within a second, with the problem shown', async () => {
    const path = postPathFor('2025-03-01', 'huge')
    const root = await makeTempRepo({ [path]: huge })
    const posts = postsServiceFor(root)
    const start = performance.now()
    const [row] = await posts.list()
    expect(row?.problem?.en).toMatch(/limit is 1,000 lines/)
    expect((await posts.read(path)).kind).toBe('ok')
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it('is refused by size too, with the limit in KB', () => {
    const longValues = `---\ntitle: "x"\nnote: "${'あ'.repeat(30_000)}"\n---\n`
    expect(splitPost(longValues).error?.message.en).toMatch(
      new RegExp(`limit is ${FRONT_MATTER_LIMITS.bytes / 1024} KB`),
    )
  })
})

describe('S12: a front matter at the limit parses without a quadratic step', () => {
  it('reads 999 distinct keys quickly and still reports a duplicate key at its line', () => {
    readFields(post(999, 'warm-up')) // the first parse also compiles the YAML library
    const { value, ms } = timed(() => readFields(post(999, 'k')))
    expect(value.error).toBeNull()
    expect(value.keyLines['k998']).toBe(1001)
    expect(ms).toBeLessThan(1000)
    const dup = splitPost('---\ntitle: a\nnested:\n  x: 1\n  x: 2\n---\n')
    expect(dup.error).toMatchObject({ line: 5 })
    expect(dup.error?.message.en).toMatch(/unique/)
  })
})

describe('S12: a deeply nested front matter is refused before parsing', () => {
  // Each of these is under the size and line limits; the YAML library recurses once per level
  // and ran out of stack (0.5–1 s each), and V8 can die compiling a regular expression there.
  const deep: Array<[string, string]> = [
    ['flow lists', `x: ${'['.repeat(30_000)}`],
    ['flow lists, closed', `x: ${'['.repeat(15_000)}${']'.repeat(15_000)}`],
    ['flow maps', `x: ${'{a: '.repeat(15_000)}`],
    ['compact block lists', `x:\n  ${'- '.repeat(20_000)}y`],
    ['more flow lists', `x: ${'['.repeat(60_000)}`],
  ]

  it.each(deep)('%s: refused with the nesting limit, quickly', (_name, yaml) => {
    const text = `---\ntitle: "Deep"\n${yaml}\n---\n\n本文です。\n`
    const { value, ms } = timed(() => splitPost(text))
    expect(value.error?.message.en).toMatch(
      new RegExp(`nested too deeply.*the limit is ${FRONT_MATTER_LIMITS.depth} levels`),
    )
    expect(value.error?.message.ja).toMatch(`上限は ${FRONT_MATTER_LIMITS.depth} 段`)
    expect(ms).toBeLessThan(200)
  })

  it('reads real nesting, quoted brackets, comments and block text as before', () => {
    const ok = [
      'gallery:',
      ...Array.from({ length: 300 }, (_, i) => `  - {src: "img-${i}.png", alt: "[${i}]]]"}`),
      'note: |',
      `  ${'[{'.repeat(200)} text, not nesting`,
      `tags: [a, b] # ${'['.repeat(200)}`,
      `deep: ${'['.repeat(40)}1${']'.repeat(40)}`,
    ].join('\n')
    const { value } = timed(() => splitPost(`---\ntitle: ok\n${ok}\n---\n`))
    expect(value.error).toBeNull()
    expect((value.data.gallery as unknown[]).length).toBe(300)
  })
})
