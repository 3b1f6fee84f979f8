// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PreviewController } from '../../../../src/renderer/src/preview/preview-controller'
import type { RenderedArticle } from '../../../../src/renderer/src/preview/render-article'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Frames happen only when the test says so: each runs the callbacks queued before it. */
function manualFrames() {
  let queued: FrameRequestCallback[] = []
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queued.push(cb)
    return queued.length
  })
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
  return {
    paint() {
      const run = queued
      queued = []
      for (const cb of run) cb(performance.now())
    },
  }
}

/** A live post whose every render takes `ms` (a big post filling in is slower than 40 ms). */
function slowSource(ms: number) {
  let renders = 0
  return {
    get renders() {
      return renders
    },
    render(): RenderedArticle {
      renders++
      const until = performance.now() + ms
      while (performance.now() < until) {
        // Busy, as a real render is: the controller measures it.
      }
      return { header: null, headerKey: '', blocks: [], sourceChars: 0 }
    },
  }
}

function previewFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe')
  document.body.append(frame)
  frame.contentDocument!.body.innerHTML = '<article id="pw-article"></article>'
  return frame
}

describe('PreviewController: a big change is painted in the editor before the preview renders it', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.replaceChildren()
  })

  it('also while renders are slow and throttled (a paste while a long post fills in)', async () => {
    const frames = manualFrames()
    const source = slowSource(45)
    const hooks = {
      openExternal: () => undefined,
      onPatched: () => undefined,
      onScroll: () => undefined,
    }
    const preview = new PreviewController(source, hooks)
    preview.attach(previewFrame())
    expect(source.renders).toBe(1)
    // A second slow render: from now on renders are throttled to one per 150 ms or more.
    preview.schedule()
    frames.paint()
    await sleep(20)
    expect(source.renders).toBe(2)

    // Typing queues a throttled render; then a paste comes before any frame is painted.
    preview.schedule()
    preview.schedule(true)
    await sleep(400)
    // The throttle's time came, but the editor has not painted the paste yet: no render.
    expect(source.renders).toBe(2)
    frames.paint()
    await sleep(20)
    expect(source.renders).toBe(3)
    preview.detach()
  })
})

describe('PreviewController: a long post', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.replaceChildren()
  })

  it('is laid out by window from its first render, while only its first blocks are there', () => {
    manualFrames()
    // A 200k-character post's first step: 40 blocks and 「レンダリング中…」 for the rest.
    const blocks = Array.from({ length: 40 }, (_, i) => ({
      html: `<p data-line="${i * 2}">段落 ${i}</p>`,
      line: i * 2,
    }))
    let article: RenderedArticle = { header: null, headerKey: '', blocks, sourceChars: 200_000 }
    const preview = new PreviewController(
      { render: () => article },
      { openExternal: () => undefined, onPatched: () => undefined, onScroll: () => undefined },
    )
    const frame = previewFrame()
    preview.attach(frame)
    const shown = frame.contentDocument!.getElementById('pw-article')!
    expect(shown.children).toHaveLength(40)
    // Every block it puts in before the class comes would be laid out whole (Japanese text shaped
    // for the whole first step: 20-30 ms), though only the viewport's need to be.
    expect(shown.classList.contains('pw-long')).toBe(true)
    // A short post with as many blocks is laid out whole.
    article = { header: null, headerKey: '', blocks: blocks.slice(0, 39), sourceChars: 5_000 }
    preview.schedule()
    preview.flush()
    expect(shown.children).toHaveLength(39)
    expect(shown.classList.contains('pw-long')).toBe(false)
  })
})
