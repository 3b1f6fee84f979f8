/**
 * In-page probes for the preview benchmark: where the caret goes, what a keystroke costs (to the
 * next frame and to the preview's `pw:preview-updated`), and the longest frame around an action.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp, type LaunchOptions } from '../tests/e2e/harness/launch-app'
import { generateBenchPost } from '../tests/helpers/long-post'

interface Probe {
  pending: number[]
  preview: number[]
  frame: number[]
  /** The frame's own work: from its animation-frame callbacks to the task after it is painted. */
  paint: number[]
  render: number[]
  /** Per update: keystroke → render start (CodeMirror's update), live post, patch, card. */
  editor: number[]
  livePost: number[]
  patch: number[]
  card: number[]
}

/** What one typing run measured (ms per sample). */
export type TypingFigures = Omit<Probe, 'pending'>

type ProbeWindow = Window & { __bench: Probe }

/** Opens a post from the list and waits until the preview's article shows its title. */
export async function openAndWait(page: Page, title: string, timeout = 120_000): Promise<void> {
  await page.getByRole('listbox').getByRole('option', { name: title }).click()
  await page
    .frameLocator('iframe.preview-frame')
    .locator('#pw-article h1')
    .filter({ hasText: title })
    .waitFor({ state: 'attached', timeout })
}

/** Installs the keystroke and preview listeners once per page. */
export async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow
    // No named functions in here: tsx would wrap them in a helper the page lacks.
    w.__bench = {
      pending: [],
      preview: [],
      frame: [],
      paint: [],
      render: [],
      editor: [],
      livePost: [],
      patch: [],
      card: [],
    }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'pw:card') w.__bench.card.push(e.duration)
        if (e.name === 'pw:live-post') w.__bench.livePost.push(e.duration)
      }
    }).observe({ entryTypes: ['measure'] })
    document.addEventListener(
      'beforeinput',
      () => {
        const t0 = performance.now()
        w.__bench.pending.push(t0)
        // The next frame after the keystroke: its rAF, then a task after that frame is painted.
        requestAnimationFrame(() => {
          const r = performance.now()
          setTimeout(() => {
            const now = performance.now()
            w.__bench.frame.push(now - t0)
            w.__bench.paint.push(now - r)
          }, 0)
        })
      },
      { capture: true },
    )
    window.addEventListener('pw:preview-updated', (e) => {
      const d = (
        e as CustomEvent<{ ms: number; started: number; renderMs: number; patchMs: number }>
      ).detail
      w.__bench.render.push(d.ms)
      w.__bench.patch.push(d.patchMs)
      if (w.__bench.pending.length > 0) w.__bench.editor.push(d.started - w.__bench.pending[0]!)
      const now = performance.now()
      for (const t0 of w.__bench.pending) w.__bench.preview.push(now - t0)
      w.__bench.pending = []
    })
  })
}

/**
 * Puts the caret at the start of the line in the middle of the post, at its end, at the end of a
 * heading in the middle, or at the end of the first paragraph after the table of contents (`top`).
 * Reaches the EditorView through CodeMirror's DOM (a benchmark-only shortcut; the app exposes
 * nothing).
 */
export async function placeCaret(
  page: Page,
  where: 'mid' | 'end' | 'heading' | 'top',
): Promise<void> {
  await page.locator('.cm-content').click()
  await page.evaluate((where) => {
    const content = document.querySelector('.cm-content') as unknown as {
      cmTile: {
        root: {
          view: {
            state: {
              doc: {
                length: number
                lines: number
                lineAt(pos: number): { from: number; number: number }
                line(n: number): { to: number; text: string }
              }
            }
            dispatch(tr: unknown): void
          }
        }
      }
    }
    const view = content.cmTile.root.view
    const doc = view.state.doc
    let at = where === 'end' ? doc.length : doc.lineAt(Math.floor(doc.length / 2)).from
    if (where === 'top') {
      // The end of the first paragraph after the table of contents: the table stays in view.
      let toc = false
      for (let n = 1; n <= doc.lines; n++) {
        const line = doc.line(n)
        toc ||= line.text === '{:toc}'
        if (toc && line.text.endsWith('。')) {
          at = line.to
          break
        }
      }
    }
    if (where === 'heading') {
      // The end of the first heading after the middle (typing in it changes the table of contents).
      for (let n = doc.lineAt(at).number; n <= doc.lines; n++) {
        const line = doc.line(n)
        if (/^#{2,6} /.test(line.text)) {
          at = line.to
          break
        }
      }
    }
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true })
  }, where)
  await page.waitForTimeout(300)
}

/** Types `edits` keystrokes one at a time (every 20th a newline), each waited for in the preview. */
export async function typeAndMeasure(
  page: Page,
  edits: number,
  /** Every how many keystrokes a newline (0: none, as when typing a heading). */
  newlineEvery = 20,
): Promise<TypingFigures> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow
    for (const key of Object.keys(w.__bench))
      (w.__bench as unknown as Record<string, number[]>)[key] = []
  })
  for (let i = 0; i < edits; i++) {
    const before = await page.evaluate(
      () => (window as unknown as ProbeWindow).__bench.preview.length,
    )
    await page.keyboard.insertText(
      newlineEvery > 0 && i % newlineEvery === newlineEvery - 1 ? '\n' : 'あ',
    )
    await page.waitForFunction(
      (n) => (window as unknown as ProbeWindow).__bench.preview.length > n,
      before,
      { timeout: 30_000, polling: 'raf' },
    )
  }
  // Let the last keystroke's frame probe land.
  await page.waitForTimeout(100)
  return page.evaluate(() => {
    const { pending: _pending, ...figures } = (window as unknown as ProbeWindow).__bench
    return figures
  })
}

/** The longest gap between animation frames (ms) while `action` runs and for 1.5 s after it. */
export async function longestFrame(page: Page, action: () => Promise<unknown>): Promise<number> {
  // A string, not a function: tsx would wrap the named callback in a helper the page lacks.
  await page.evaluate(`(() => {
    const f = { last: performance.now(), max: 0, on: true }
    window.__frames = f
    const tick = (t) => {
      f.max = Math.max(f.max, t - f.last)
      f.last = t
      if (f.on) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  await action()
  await page.waitForTimeout(1500)
  return page.evaluate(() => {
    const w = window as unknown as { __frames: { max: number; on: boolean } }
    w.__frames.on = false
    return Math.round(w.__frames.max * 100) / 100
  })
}

/** Pastes text the way the clipboard does (shared with the E2E tests). */
export { pasteText } from '../tests/helpers/paste'

/**
 * A temporary blog holding one generated post of `chars` characters (`slug` names its file) for a
 * diagnostic to open; returns the repository folder and the blog's post folder.
 */
export async function generatedPostRepo(
  slug: string,
  title: string,
  chars: number,
): Promise<{ repo: string; dir: string }> {
  const repo = await mkdtemp(join(tmpdir(), `pw-${slug}-`))
  const dir = join(repo, 'source/blog')
  await mkdir(dir, { recursive: true })
  await writeFile(
    join(dir, `2026-11-10-${slug}.html.md`),
    generateBenchPost(title, '2026-11-10T10:00:00+09:00', chars),
  )
  return { repo, dir }
}

/**
 * Runs `body` on the real app opened on a blog made by {@link generatedPostRepo} (`before` may add
 * files to its post folder first), then closes the app and removes the blog, whatever happens.
 */
export async function withGeneratedPost(
  post: { slug: string; title: string; chars: number },
  body: (app: LaunchedApp, dir: string) => Promise<void>,
  options: {
    launch?: Omit<LaunchOptions, 'repo'>
    before?: (dir: string) => Promise<void>
  } = {},
): Promise<void> {
  const { repo, dir } = await generatedPostRepo(post.slug, post.title, post.chars)
  try {
    await options.before?.(dir)
    const app = await launchApp({ ...options.launch, repo })
    try {
      await body(app, dir)
    } finally {
      await app.close()
    }
  } finally {
    await rm(repo, { recursive: true, force: true })
  }
}
