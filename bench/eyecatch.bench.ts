/**
 * Eyecatch benchmarks. Run: `npx tsx bench/eyecatch.bench.ts` (no build needed).
 * Prints one JSON line per measurement: `{ name, medianMs, p95Ms, rssMB, runs, targetMs }`, where
 * `rssMB` is the process's peak resident memory sampled while that measurement ran.
 *
 * - eyecatch-export-24mp-webp: a 6000×4000 photo-like JPEG in a post's asset folder → 1200×630
 *   WebP written next to it, through `ImageService.export` (read, checks, crop, resize, encode,
 *   atomic write). Target ≤ 200 ms median, RSS < 500 MB.
 * - eyecatch-export-24mp-exif6-webp: the same photo stored sideways with EXIF Orientation 6.
 * - eyecatch-estimate-24mp-webp: the size estimate for the quality slider (encode, no write).
 * - title-card-preview: a title card rendered and encoded for the preview.
 * - crop-drag-frame: the pure work per pointer move while dragging (pan + the preview's CSS
 *   transform); it must stay far below a 33 ms frame for ≥ 30 fps.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { configureSharp, ImageService } from '../src/main/services/images/image-service'
import { INITIAL_CROP, panCrop, type CropContext } from '../src/shared/eyecatch/crop'
import { cropPreviewStyle } from '../src/shared/eyecatch/preview-transform'
import type { ExportRequest } from '../src/shared/ipc/eyecatch'
import { stats } from './stats'

/** Samples RSS every few milliseconds (sharp works off the main thread, so the timer keeps running). */
function rssSampler(): () => number {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 2)
  return () => {
    clearInterval(timer)
    return Math.round(Math.max(peak, process.memoryUsage().rss) / (1024 * 1024))
  }
}

async function measure(
  name: string,
  runs: number,
  targetMs: number,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  await fn(-1) // warm-up: first decode, font and cache loading
  const stop = rssSampler()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  const rssMB = stop()
  console.log(JSON.stringify({ name, ...stats(samples), rssMB, runs, targetMs }))
}

/** A 24-megapixel JPEG that compresses like a photo: gradients, shapes and sensor-like noise. */
async function photo24mp(orientation?: number): Promise<Buffer> {
  const W = 6000
  const H = 4000
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a6ea5"/><stop offset="0.6" stop-color="#c0d6df"/><stop offset="1" stop-color="#e8a87c"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/><circle cx="2000" cy="2400" r="1100" fill="#2d6a4f"/><rect x="3600" y="800" width="1600" height="2600" fill="#b56576"/></svg>`
  const noise = await sharp({
    create: {
      width: W,
      height: H,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 24 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer()
  let image = sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 90 })
  if (orientation) image = image.withMetadata({ orientation })
  return image.toBuffer()
}

/** Writes the two test photos into `dir` (run in a child process, so its memory is not counted). */
async function makePhotos(dir: string): Promise<void> {
  await writeFile(join(dir, 'photo.jpg'), await photo24mp())
  await writeFile(join(dir, 'phone.jpg'), await photo24mp(6))
}

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), 'portal-writer-bench-'))
  const assetDir = 'source/blog/2026-01-15-bench'
  await mkdir(join(base, assetDir), { recursive: true })
  try {
    const made = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--make-photos', join(base, assetDir)],
      {
        stdio: 'inherit',
      },
    )
    if (made.status !== 0) throw new Error('could not make the test photos')
    configureSharp()
    const service = new ImageService({
      repoRoot: () => base,
      eyecatchSize: () => ({ width: 1200, height: 630 }),
      siteName: () => 'Pepabo Tech Portal',
      resourcesDir: resolve('resources'),
    })
    const exportOf = (file: string): ExportRequest => ({
      source: {
        kind: 'photo',
        image: { kind: 'asset', path: `${assetDir}/${file}` },
        crop: INITIAL_CROP,
      },
      format: 'webp',
      quality: 82,
      scale: 1,
      assetDir,
    })
    const exportRun = (file: string) => async () => {
      const r = await service.export(exportOf(file))
      if (r.kind !== 'ok' || r.width !== 1200 || r.height !== 630)
        throw new Error(`export failed: ${JSON.stringify(r)}`)
      await rm(join(base, r.path))
    }
    await measure('eyecatch-export-24mp-webp', 15, 200, exportRun('photo.jpg'))
    await measure('eyecatch-export-24mp-exif6-webp', 15, 200, exportRun('phone.jpg'))
    await measure('eyecatch-estimate-24mp-webp', 15, 200, async () => {
      const r = await service.estimate(exportOf('photo.jpg'))
      if (r.kind !== 'ok') throw new Error('estimate failed')
    })
    await measure('title-card-preview', 15, 300, async () => {
      const r = await service.titleCardPreview({
        title: 'SUZURIをHerokuからAmazon EKSに移設するためにやったこと',
        author: 'ぺぱたろう',
        role: 'SUZURI事業部 エンジニア',
        avatar: null,
        background: { kind: 'bundled', id: 'ocean' },
      })
      if (r.kind !== 'ok') throw new Error('title card failed')
    })
    const ctx: CropContext = {
      source: { width: 6000, height: 4000 },
      output: { width: 1200, height: 630 },
    }
    // Pure work per pointer move: samples of 1,000 moves, reported per move.
    const stop = rssSampler()
    const samples: number[] = []
    let state = { ...INITIAL_CROP, zoom: 2 }
    for (let run = 0; run < 15; run++) {
      const t = performance.now()
      for (let i = 0; i < 1000; i++) {
        state = panCrop(state, ctx, Math.sin(i) * 0.01, Math.cos(i) * 0.01)
        cropPreviewStyle(state, ctx, { width: 600, height: 315 })
      }
      samples.push((performance.now() - t) / 1000)
    }
    console.log(
      JSON.stringify({
        name: 'crop-drag-frame',
        ...stats(samples),
        rssMB: stop(),
        runs: 15,
        targetMs: 33,
      }),
    )
  } finally {
    await rm(base, { recursive: true, force: true })
  }
}

const makeAt = process.argv.indexOf('--make-photos')
if (makeAt >= 0) await makePhotos(process.argv[makeAt + 1]!)
else await main()
