/**
 * Publishing benchmarks. Run: `npx tsx bench/publish.bench.ts` (no build needed).
 * Prints one JSON line per measurement: `{ name, medianMs, p95Ms, runs, targetMs }`.
 *
 * - publish-3-images-loopback: the one-click flow (check, fetch, branch, commit, push with a
 *   token through askpass) of a new post with three ~200 KB images to the HTTP git server on
 *   127.0.0.1. Each run gets a fresh repository; setup is not timed. Target ≤ 1500 ms.
 * - states-2000-posts: states of all 2,000 posts (+ 5 drafts, 10 review branches, 3 of them sent)
 *   of a writer's clone, as the post list refreshes them. Target ≤ 150 ms.
 * - states-2000-posts-first-refresh: the same, the first time after the app opens the folder
 *   (nothing remembered of its commits and files yet). Target ≤ 150 ms.
 * - status-one-post-of-2000: the publish panel's full status of one post in that repository.
 * - states-2000-posts-unsettled-index: the worst case, a clone whose index no git has rewritten
 *   since the checkout (reported without a target; see writersClone).
 */
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { forgetObjectAnswers } from '../src/main/services/publish/object-answers'
import { forgetWorkingHashes } from '../src/main/services/publish/working-hashes'
import { DEFAULT_PROFILE } from '../src/shared/profile'
import { startGitHttpServer } from '../tests/helpers/git-http-server'
import {
  makeBlogRepo,
  makeService,
  newToken,
  put,
  sh,
  tempDir,
  tokenPushArgs,
  writePost,
} from '../tests/unit/main/services/git/fixtures'
import { stats } from './stats'

function report(name: string, samples: number[], targetMs: number): void {
  console.log(JSON.stringify({ name, ...stats(samples), targetMs }))
}

async function benchPublish(runs: number): Promise<void> {
  const token = newToken()
  const server = await startGitHttpServer({ token })
  const samples: number[] = []
  try {
    for (let i = 0; i < runs + 1; i++) {
      const name = `bench/blog-${i}`
      await server.createRepo(name)
      const root = await makeBlogRepo(server.repoUrl(name), { pushAuth: tokenPushArgs(token) })
      const { service } = await makeService(root)
      await service.setToken(`127.0.0.1:${server.port}`, token)
      const post = await writePost(root, `bench-post-${i}`, { images: 0 })
      for (let n = 1; n <= 3; n++)
        await put(root, `${post.assetDir}/photo-${n}.jpg`, randomBytes(200_000))
      await service.checkGit()
      const started = performance.now()
      const result = await service.publish({ path: post.path })
      const elapsed = performance.now() - started
      if (result.kind !== 'published')
        throw new Error(`publish failed: ${result.code} ${result.details ?? ''}`)
      if (i > 0) samples.push(elapsed) // the first run warms up the OS caches and askpass
      await rm(root, { recursive: true, force: true })
    }
  } finally {
    await server.close()
  }
  report('publish-3-images-loopback', samples, 1500)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The writer's folder: a clone, as on a real blog, so its objects arrive packed (a seed folder's
 * 6,000 loose objects make every tree read several times slower than any writer's repository).
 * Settled: some git (a terminal's, an editor's) has rewritten the index since the checkout, in a
 * later second, as happens in any folder in use; until then git re-reads every file on each status.
 */
async function writersClone(bare: string, options: { settle?: boolean } = {}): Promise<string> {
  const root = await tempDir('pw-bench-clone-')
  await sh(root, 'clone', '--quiet', bare, '.')
  await sh(root, 'config', 'user.name', 'Bench Writer')
  await sh(root, 'config', 'user.email', 'writer@example.com')
  if (options.settle !== false) {
    await sleep(1100)
    await sh(root, 'status', '--porcelain')
  }
  return root
}

async function benchStatus(runs: number): Promise<void> {
  const bare = await tempDir('pw-bench-bare-')
  await sh(bare, 'init', '--quiet', '--bare', '--initial-branch=main')
  const seed = await makeBlogRepo(bare)
  const paths: string[] = []
  for (let i = 0; i < 2000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')
    const year = 2015 + Math.floor(i / 336)
    const slug = `post-${i}`
    const path = `source/blog/${year}-${month}-${day}-${slug}.html.md`
    paths.push(path)
    await put(
      seed,
      path,
      `---\ntitle: Post ${i}\ndate: ${year}-${month}-${day}T10:00:00+09:00\n---\n\nBody ${i}\n`,
    )
    await put(seed, `source/blog/${year}-${month}-${day}-${slug}/eyecatch.png`, randomBytes(512))
  }
  await sh(seed, 'add', '-A')
  await sh(seed, 'commit', '--quiet', '-m', '2000 posts')
  await sh(seed, 'push', '--quiet', 'origin', 'main')
  // The writer's folder is a clone, as on a real blog: its objects arrive packed. (The seed
  // folder's 6,000 loose objects would make every tree read several times slower than any
  // writer's repository is.)
  const root = await writersClone(bare)
  const unsettled = await writersClone(bare, { settle: false })
  // A realistic working state: a few drafts and edits, and review branches (half of them sent).
  for (const dir of [root, unsettled]) {
    for (let i = 0; i < 5; i++) await writePost(dir, `draft-${i}`, { images: 1 })
    await put(dir, paths[10]!, 'edited\n')
    for (let n = 20; n < 120; n += 10) await sh(dir, 'branch', `post/post-${n}`)
    await sh(dir, 'push', '--quiet', 'origin', 'post/post-20', 'post/post-30', 'post/post-40')
  }
  for (let i = 0; i < 5; i++) paths.push(`source/blog/2025-01-15-draft-${i}.html.md`)
  const { service } = await makeService(root, { profile: DEFAULT_PROFILE })
  const states = async () => {
    const started = performance.now()
    const r = await service.states(paths)
    const elapsed = performance.now() - started
    if (r.kind !== 'ok' || Object.keys(r.states).length !== paths.length)
      throw new Error('states failed')
    if (r.states[paths[10]!] !== 'edited' || r.states[paths.at(-1)!] !== 'draft')
      throw new Error('states wrong')
    return elapsed
  }
  // The first refresh after opening: nothing known yet about the repository's commits.
  const firstSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    forgetObjectAnswers()
    forgetWorkingHashes()
    firstSamples.push(await states())
  }
  report('states-2000-posts-first-refresh', firstSamples, 150)
  await sleep(2100) // the drafts' hashes are remembered once the files have settled
  await states() // warm-up
  const listSamples: number[] = []
  for (let i = 0; i < runs; i++) listSamples.push(await states())
  report('states-2000-posts', listSamples, 150)
  const one = paths[10]!
  const oneSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const r = await service.status(one)
    oneSamples.push(performance.now() - started)
    if (r.kind !== 'ok' || r.status.state !== 'edited') throw new Error('status failed')
  }
  report('status-one-post-of-2000', oneSamples, 150)
  // The worst case, reported without a target: a clone whose index no git has rewritten since the
  // checkout (every file "racily clean", so each status reads all 4,000 files again; the app never
  // writes the writer's index itself).
  const other = (await makeService(unsettled, { profile: DEFAULT_PROFILE })).service
  await other.states(paths)
  const unsettledSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const r = await other.states(paths)
    unsettledSamples.push(performance.now() - started)
    if (r.kind !== 'ok') throw new Error('states failed')
  }
  console.log(
    JSON.stringify({ name: 'states-2000-posts-unsettled-index', ...stats(unsettledSamples) }),
  )
  for (const dir of [root, unsettled, seed, bare]) await rm(dir, { recursive: true, force: true })
}

if (!process.env.BENCH_ONLY_STATES) await benchPublish(Number(process.env.BENCH_RUNS ?? 15))
await benchStatus(Number(process.env.BENCH_RUNS ?? 15))
