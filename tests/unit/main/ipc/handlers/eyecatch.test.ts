import { rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEyecatchHandlers } from '../../../../../src/main/ipc/handlers/eyecatch'
import { ImageService } from '../../../../../src/main/services/images/image-service'
import { INITIAL_CROP } from '../../../../../src/shared/eyecatch/crop'
import {
  eyecatchApiShape,
  eyecatchChannels,
  type EyecatchChannel,
} from '../../../../../src/shared/ipc/eyecatch'
import { makeWorkspace, markerJpeg } from '../../images/make-images'

let ws: Awaited<ReturnType<typeof makeWorkspace>>
let handlers: ReturnType<typeof createEyecatchHandlers>

beforeAll(async () => {
  ws = await makeWorkspace()
  const service = new ImageService({
    repoRoot: () => ws.root,
    eyecatchSize: () => ({ width: 1200, height: 630 }),
    siteName: () => 'Pepabo Tech Portal',
    resourcesDir: resolve('resources'),
  })
  handlers = createEyecatchHandlers(service)
})

afterAll(async () => {
  await rm(ws.base, { recursive: true, force: true })
})

/** Runs one channel the way main's dispatch does: request schema in, response schema out. */
async function call<C extends EyecatchChannel>(channel: C, request: unknown): Promise<unknown> {
  const spec = eyecatchChannels[channel]
  const parsed = spec.request.parse(request)
  const handler = handlers[channel] as (r: unknown) => Promise<unknown>
  const response = await handler(parsed)
  return spec.response.parse(response)
}

describe('the eyecatch channels', () => {
  it('has a handler for every channel and every API method names a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(eyecatchChannels).sort())
    const methods = Object.values(eyecatchApiShape).flatMap((group) => Object.values(group))
    expect(methods.sort()).toEqual(Object.keys(eyecatchChannels).sort())
  })

  it('answers every channel with what its schema promises, from staging to export', async () => {
    const photo = await markerJpeg(2000, 1500, { orientation: 6 })
    const staged = (await call('images:stage', {
      name: 'phone.jpg',
      data: new Uint8Array(photo),
    })) as { kind: string; id: string }
    expect(staged.kind).toBe('ok')
    const image = { kind: 'staged', id: staged.id }
    expect(await call('images:probe', { image })).toMatchObject({
      kind: 'ok',
      info: { width: 1500, height: 2000 },
    })
    const source = { kind: 'photo', image, crop: INITIAL_CROP }
    expect(
      await call('eyecatch:estimate', { source, format: 'webp', quality: 80, scale: 1 }),
    ).toMatchObject({ kind: 'ok' })
    const exported = await call('eyecatch:export', {
      source,
      format: 'jpeg',
      quality: 80,
      scale: 1,
      assetDir: ws.assetDir,
    })
    expect(exported).toMatchObject({ kind: 'ok', fileName: 'eyecatch.jpg' })
    expect(
      await call('images:importBody', {
        assetDir: ws.assetDir,
        data: new Uint8Array(photo),
        name: 'p.jpg',
      }),
    ).toMatchObject({ kind: 'ok' })
    expect(await call('images:list', { assetDir: ws.assetDir })).toMatchObject({
      kind: 'ok',
      images: [{ name: 'eyecatch.jpg' }, { name: expect.stringMatching(/^p-/) }],
    })
    const card = {
      title: 'タイトル',
      author: 'a',
      role: 'b',
      avatar: null,
      background: { kind: 'bundled', id: 'mint' },
    }
    expect(await call('eyecatch:titleCardPreview', { card })).toMatchObject({
      kind: 'ok',
      fontSize: 54,
    })
    expect(await call('eyecatch:backgrounds', undefined)).toHaveLength(5)
  })

  it('refuses malformed requests before they reach a handler', () => {
    expect(
      eyecatchChannels['eyecatch:export'].request.safeParse({
        source: { kind: 'photo' },
        assetDir: 'x',
      }).success,
    ).toBe(false)
    expect(
      eyecatchChannels['images:stage'].request.safeParse({ name: 'x', data: 'not bytes' }).success,
    ).toBe(false)
    const crop = { ...INITIAL_CROP, rotation: 45 }
    const source = { kind: 'photo', image: { kind: 'asset', path: 'a.jpg' }, crop }
    expect(
      eyecatchChannels['eyecatch:estimate'].request.safeParse({
        source,
        format: 'webp',
        quality: 80,
        scale: 1,
      }).success,
    ).toBe(false)
    expect(
      eyecatchChannels['eyecatch:estimate'].request.safeParse({
        source: { ...source, crop: INITIAL_CROP },
        format: 'gif',
        quality: 80,
        scale: 1,
      }).success,
    ).toBe(false)
  })
})
