import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../../src/main/services/fs/atomic-file'
import { KnownFiles } from '../../../../src/main/services/posts/known-files'
import { hashBytes } from '../../../../src/main/services/posts/post-bytes'
import { PostsService } from '../../../../src/main/services/posts/posts'
import { PostWatcher } from '../../../../src/main/services/posts/watcher'
import type { EventName, EventPayload, RepoInfo } from '../../../../src/shared/ipc/contract'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import {
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  sleep,
  waitFor,
} from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

type Emitted = { event: EventName; payload: EventPayload<EventName> }
const watchers: PostWatcher[] = []
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.dispose()))
})

const A = postPathFor('2025-01-10', 'watched')

async function setup(pollMs = 0) {
  const root = await makeTempRepo({
    [A]: postText({ title: 'A' }),
    [postPathFor('2025-01-09', 'other')]: postText({ title: 'B' }),
  })
  const repo: RepoInfo = {
    root,
    name: 'blog',
    profile: DEFAULT_PROFILE,
    profileError: null,
    isSample: false,
  }
  const emitted: Emitted[] = []
  const known = new KnownFiles()
  const writer = new AtomicWriter()
  const posts = new PostsService({ repo: () => repo, writer, known })
  const watcher = new PostWatcher({
    emit: (event, payload) => emitted.push({ event, payload }),
    writer,
    known,
    debounceMs: 40,
    pollMs,
  })
  watchers.push(watcher)
  await watcher.setRepo(repo)
  const doc = await posts.read(A)
  if (doc.kind !== 'ok') throw new Error('read failed')
  await watcher.watchPost(A)
  const changes = () =>
    emitted.filter((e) => e.event === 'post:changed-on-disk').map((e) => e.payload)
  const listChanges = () => emitted.filter((e) => e.event === 'posts:list-changed').length
  return { root, posts, watcher, emitted, doc: doc.doc, changes, listChanges }
}

describe('PostWatcher', () => {
  it('D2: reports a change made by someone else, with their text (LF) and hash', async () => {
    const { root, changes } = await setup()
    await writeFile(join(root, A), 'edited elsewhere\r\n')
    const [change] = await waitFor(() => (changes().length ? changes() : null))
    expect(change).toEqual({
      path: A,
      kind: 'modified',
      text: 'edited elsewhere\n',
      hash: hashBytes(Buffer.from('edited elsewhere\r\n')),
    })
  })

  it('never echoes the app’s own saves, even many in a row', async () => {
    const { posts, doc, changes, listChanges } = await setup()
    let hash = doc.hash
    for (let i = 0; i < 5; i++) {
      const r = await posts.save({ path: A, text: `${doc.text}edit ${i}\n`, expectedHash: hash })
      if (r.kind !== 'saved') throw new Error(JSON.stringify(r))
      hash = r.hash
    }
    await sleep(400)
    expect(changes()).toEqual([])
    expect(listChanges()).toBe(0)
  })

  it('an external change after the app’s own save is still reported', async () => {
    const { root, posts, doc, changes } = await setup()
    await posts.save({ path: A, text: 'mine\n', expectedHash: doc.hash })
    await sleep(150)
    await writeFile(join(root, A), 'theirs\n')
    const [change] = await waitFor(() => (changes().length ? changes() : null))
    expect(change).toMatchObject({ kind: 'modified', text: 'theirs\n' })
  })

  it('D3: reports a deleted post once, and a rename away as deleted', async () => {
    const { root, changes } = await setup()
    await rename(join(root, A), join(root, 'source/blog/renamed.md'))
    const [change] = await waitFor(() => (changes().length ? changes() : null))
    expect(change).toEqual({ path: A, kind: 'deleted', text: null, hash: null })
    await sleep(200)
    expect(changes()).toHaveLength(1)
  })

  it('D3: the app’s own save recreating a deleted post is not reported back', async () => {
    const { root, posts, changes } = await setup()
    await rm(join(root, A))
    await waitFor(() => changes().length === 1)
    await posts.save({ path: A, text: 'recreated\n', expectedHash: null })
    await sleep(300)
    expect(changes()).toHaveLength(1)
  })

  it('stops reporting the old post after switching to another', async () => {
    const { root, watcher, changes } = await setup()
    await watcher.watchPost(postPathFor('2025-01-09', 'other'))
    await writeFile(join(root, A), 'changed after switching\n')
    await sleep(300)
    expect(changes()).toEqual([])
    await watcher.watchPost(null)
    await writeFile(join(root, postPathFor('2025-01-09', 'other')), 'x\n')
    await sleep(300)
    expect(changes()).toEqual([])
  })

  it('polling catches a change when file events are missed', async () => {
    const { root, watcher, changes } = await setup(100)
    // Simulate a lost event stream (a network drive): stop the folder watcher, keep the poll.
    ;(watcher as unknown as { post: { watcher: { close(): void } } }).post.watcher.close()
    await writeFile(join(root, A), 'seen by polling\n')
    const [change] = await waitFor(() => (changes().length ? changes() : null))
    expect(change).toMatchObject({ kind: 'modified', text: 'seen by polling\n' })
  })

  it('emits posts:list-changed when a post appears or disappears, not for other files', async () => {
    const { root, listChanges } = await setup()
    await writeFile(join(root, 'source/blog/notes.txt'), 'not a post')
    await sleep(250)
    expect(listChanges()).toBe(0)
    await writeFile(join(root, postPathFor('2025-02-01', 'new-one')), postText({ title: 'New' }))
    await waitFor(() => listChanges() === 1)
    await rm(join(root, postPathFor('2025-01-09', 'other')))
    await waitFor(() => listChanges() === 2)
  })

  it('notices the posts folder being created in an empty repository', async () => {
    const root = await makeTempRepo({ 'README.md': '' })
    const emitted: string[] = []
    const known = new KnownFiles()
    const watcher = new PostWatcher({
      emit: (event) => emitted.push(event),
      writer: new AtomicWriter(),
      known,
      debounceMs: 40,
      pollMs: 0,
    })
    watchers.push(watcher)
    await watcher.setRepo({
      root,
      name: 'x',
      profile: DEFAULT_PROFILE,
      profileError: null,
      isSample: false,
    })
    const repo: RepoInfo = {
      root,
      name: 'x',
      profile: DEFAULT_PROFILE,
      profileError: null,
      isSample: false,
    }
    const posts = new PostsService({ repo: () => repo, writer: new AtomicWriter(), known })
    const r = await posts.create({ title: 'First', slug: 'first', date: '2025-01-01' })
    expect(r.kind).toBe('created')
    await waitFor(() => emitted.includes('posts:list-changed'))
  })
})
