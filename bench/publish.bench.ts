/**
 * Publishing benchmarks. Run: `npx tsx bench/publish.bench.ts` (no build needed).
 * Prints one JSON line per measurement: `{ name, medianMs, p95Ms, runs, targetMs }`.
 *
 * - publish-3-images-loopback: the one-click flow (check, fetch, branch, commit, push with a
 *   token through askpass) of a new post with three ~200 KB images to the HTTP git server on
 *   127.0.0.1. Each run gets a fresh repository; setup is not timed. Target ≤ 1500 ms.
 * - states-2000-posts: states of all 2,000 posts of a repository (the post list). Target ≤ 150 ms.
 * - status-one-post-of-2000: the publish panel's full status of one post in that repository.
 */
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
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

async function benchStatus(runs: number): Promise<void> {
  const bare = await tempDir('pw-bench-bare-')
  await sh(bare, 'init', '--quiet', '--bare', '--initial-branch=main')
  const root = await makeBlogRepo(bare)
  const paths: string[] = []
  for (let i = 0; i < 2000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')
    const year = 2015 + Math.floor(i / 336)
    const slug = `post-${i}`
    const path = `source/blog/${year}-${month}-${day}-${slug}.html.md`
    paths.push(path)
    await put(
      root,
      path,
      `---\ntitle: Post ${i}\ndate: ${year}-${month}-${day}T10:00:00+09:00\n---\n\nBody ${i}\n`,
    )
    await put(root, `source/blog/${year}-${month}-${day}-${slug}/eyecatch.png`, randomBytes(512))
  }
  await sh(root, 'add', '-A')
  await sh(root, 'commit', '--quiet', '-m', '2000 posts')
  await sh(root, 'push', '--quiet', 'origin', 'main')
  // A realistic working state: a few drafts and edits, a few post branches.
  const { service } = await makeService(root, { profile: DEFAULT_PROFILE })
  for (let i = 0; i < 5; i++) paths.push((await writePost(root, `draft-${i}`, { images: 1 })).path)
  await put(root, paths[10]!, 'edited\n')
  await sh(root, 'branch', 'post/post-20')
  await sh(root, 'branch', 'post/post-30')
  const one = paths[10]!
  await service.states(paths) // warm-up
  const listSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const r = await service.states(paths)
    listSamples.push(performance.now() - started)
    if (r.kind !== 'ok' || Object.keys(r.states).length !== paths.length)
      throw new Error('states failed')
  }
  report('states-2000-posts', listSamples, 150)
  const oneSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const r = await service.status(one)
    oneSamples.push(performance.now() - started)
    if (r.kind !== 'ok' || r.status.state !== 'edited') throw new Error('status failed')
  }
  report('status-one-post-of-2000', oneSamples, 150)
  await rm(root, { recursive: true, force: true })
  await rm(bare, { recursive: true, force: true })
}

await benchPublish(Number(process.env.BENCH_RUNS ?? 15))
await benchStatus(Number(process.env.BENCH_RUNS ?? 15))
