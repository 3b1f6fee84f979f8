import {
  Facet,
  StateEffect,
  StateField,
  type EditorState,
  type Extension,
  type TransactionSpec,
} from '@codemirror/state'
import { EditorView, showPanel, type Panel, type ViewUpdate } from '@codemirror/view'
import { bodyImageMarkdown } from '../../../shared/eyecatch/markdown-image'
import { MAX_IMAGE_BYTES, type BodyImageResult } from '../../../shared/ipc/eyecatch'
import type { PortalApi } from '../../../shared/ipc/contract'
import { msg, type Locale, type LocalizedText } from '../../../shared/localized'
import { FRONT_MATTER_OPEN, imageTarget } from './image-target'
import { fillPlaceholders } from '../../../shared/text-format'

/**
 * Body images: an image pasted or dropped into the editor is saved into the post's asset folder by
 * main (resized, metadata stripped, de-duplicated) and its Markdown link is inserted where it was
 * dropped, after the writer gives it an alt text in a small prompt under the editor. Nothing is
 * saved when the writer cancels. A paste that also carries plain text (a spreadsheet's cells come
 * with a picture of them) and everything else pasted (text, HTML) is left to CodeMirror, which
 * inserts the clipboard's plain text only, never its HTML (S8).
 */

/** What the extension asks of the app. */
export interface BodyImageHost {
  /** The open post's asset folder (repository-relative), or null when it has none. */
  assetDir(): string | null
  /** Saves the image into the asset folder (`window.portal.images.importBody`). */
  importBody: PortalApi['images']['importBody']
  /** The UI language; default: the page's `lang`. */
  locale?(): Locale
}

/** Options of {@link imageDrop}. */
export interface ImageDropOptions {
  /** The host; default: the one given to {@link connectBodyImages}. */
  host?: BodyImageHost
}

/** The prompt's labels. */
export const imageDropStrings = {
  label: { ja: '画像を挿入', en: 'Insert image' },
  alt: { ja: '「{name}」の説明（代替テキスト）', en: 'Description of “{name}” (alt text)' },
  altHint: {
    ja: '画像が見えない読者に読み上げられます',
    en: 'Read out to readers who cannot see the image',
  },
  insert: { ja: '挿入', en: 'Insert' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  saving: { ja: '画像を保存しています…', en: 'Saving the image…' },
  more: { ja: 'ほかに {n} 枚', en: '{n} more' },
} as const satisfies Record<string, LocalizedText>

const NO_ASSET_DIR = msg(
  'この記事には画像フォルダーがないため、画像を保存できません。記事のファイル名が設定の規則に合っているか確かめてください。',
  'This post has no image folder, so the image cannot be saved. Check that the post’s file name follows the profile.',
)
const TOO_LARGE = msg(
  '画像が大きすぎます（上限 50 MB）。画像編集アプリで小さくしてから貼り付けてください。',
  'The image is too large (the limit is 50 MB). Make it smaller in an image editor, then paste it again.',
)
const EMPTY = msg(
  'ファイルが空です（0 バイト）。画像を保存し直してから、もう一度貼り付けてください。',
  'The file is empty (0 bytes). Save the image again, then paste it once more.',
)

function unexpected(error: unknown): LocalizedText {
  return msg(
    `画像を保存できませんでした（${String(error)}）。記事はそのままです。`,
    `The image could not be saved (${String(error)}). The post is unchanged.`,
  )
}

/** An image waiting for its alt text, and where its link goes. */
export interface PendingImage {
  /** Tells one prompt from the next (a result arriving late is dropped). */
  id: number
  files: readonly File[]
  /** The range the link replaces (a paste over a selection), mapped through later edits. */
  from: number
  to: number
  busy: boolean
  error: LocalizedText | null
}

/** Opens, updates or closes the prompt. */
export const setPendingImage = StateEffect.define<PendingImage | null>()

/** The prompt's state: which images wait, and where their links go. */
export const pendingImageField = StateField.define<PendingImage | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setPendingImage)) return e.value
    if (!value || !tr.docChanged) return value
    const from = tr.changes.mapPos(value.from, -1)
    return { ...value, from, to: Math.max(from, tr.changes.mapPos(value.to, 1)) }
  },
  provide: (field) => showPanel.from(field, (p) => (p ? promptPanel : null)),
})

/** A host given to this editor's own {@link imageDrop} call. */
const hostFacet = Facet.define<BodyImageHost, BodyImageHost | null>({
  combine: (hosts) => hosts[0] ?? null,
})

let nextId = 1
let connected: BodyImageHost | null = null

/** A host over `window.portal`, for the open post whose asset folder `assetDir` tells. */
export function portalBodyImageHost(
  portal: Pick<PortalApi, 'images'>,
  assetDir: () => string | null,
): BodyImageHost {
  return { assetDir, importBody: (request) => portal.images.importBody(request) }
}

/** Tells every editor using {@link imageDrop} without its own host where images go. */
export function connectBodyImages(host: BodyImageHost): () => void {
  connected = host
  return () => {
    if (connected === host) connected = null
  }
}

/** The image files of a drop or a paste, in order. */
export function imageFilesOf(files: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(files ?? []).filter((f) => f.type.startsWith('image/'))
}

/** Opens the prompt for `files`, their links to replace `from`–`to`. */
export function startImagePrompt(
  files: readonly File[],
  from: number,
  to: number = from,
): TransactionSpec {
  return {
    effects: setPendingImage.of({ id: nextId++, files, from, to, busy: false, error: null }),
  }
}

/** The prompt for a drop or paste, its link kept out of the front matter (or a hint why not). */
function promptOutsideFrontMatter(
  view: EditorView,
  files: readonly File[],
  from: number,
  to: number,
): TransactionSpec {
  const target = imageTarget(view.state.doc, from, to)
  if (target) return startImagePrompt(files, target.from, target.to)
  const end = view.state.doc.length
  return {
    effects: setPendingImage.of({
      id: nextId++,
      files,
      from: end,
      to: end,
      busy: false,
      error: FRONT_MATTER_OPEN,
    }),
  }
}

/**
 * Inserts the saved image's link for the first waiting file and moves on to the next (or closes
 * the prompt). A link next to other text on its line becomes its own paragraph, so kramdown shows
 * it as a block image. Undoable like typing.
 */
export function insertImageLink(
  state: EditorState,
  pending: PendingImage,
  markdown: string,
): TransactionSpec {
  const line = state.doc.lineAt(pending.from)
  const before = pending.from > line.from ? '\n\n' : ''
  const after = pending.to < state.doc.lineAt(pending.to).to ? '\n\n' : ''
  const insert = `${before}${markdown}${after}`
  const end = pending.from + before.length + markdown.length
  const rest = pending.files.slice(1)
  return {
    changes: { from: pending.from, to: pending.to, insert },
    selection: { anchor: end },
    effects: setPendingImage.of(
      rest.length > 0
        ? { id: nextId++, files: rest, from: end, to: end, busy: false, error: null }
        : null,
    ),
    scrollIntoView: true,
    userEvent: 'input.paste',
  }
}

function text(
  locale: Locale,
  key: keyof typeof imageDropStrings,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(imageDropStrings[key][locale], vars)
}

function localeOf(host: BodyImageHost | null): Locale {
  const l = host?.locale?.() ?? document.documentElement.lang
  return l === 'en' ? 'en' : 'ja'
}

/** Saves the first waiting image and inserts its link; on failure the prompt shows why. */
async function confirm(view: EditorView, host: BodyImageHost, alt: string): Promise<void> {
  const pending = view.state.field(pendingImageField, false)
  if (!pending || pending.busy) return
  const file = pending.files[0]!
  const still = () => view.state.field(pendingImageField, false)?.id === pending.id
  const fail = (error: LocalizedText) => {
    const now = view.state.field(pendingImageField, false)
    if (now && now.id === pending.id)
      view.dispatch({ effects: setPendingImage.of({ ...now, busy: false, error }) })
  }
  if (!imageTarget(view.state.doc, pending.from, pending.to)) return fail(FRONT_MATTER_OPEN)
  const assetDir = host.assetDir()
  if (!assetDir) return fail(NO_ASSET_DIR)
  if (file.size === 0) return fail(EMPTY)
  if (file.size > MAX_IMAGE_BYTES) return fail(TOO_LARGE)
  view.dispatch({ effects: setPendingImage.of({ ...pending, busy: true, error: null }) })
  let result: BodyImageResult
  try {
    const data = new Uint8Array(await file.arrayBuffer())
    result = await host.importBody({ assetDir, data, name: file.name })
  } catch (e) {
    result = { kind: 'error', message: unexpected(e) }
  }
  // The writer cancelled, or switched to another post (its own editor state) meanwhile.
  if (!still()) return
  if (result.kind === 'error') return fail(result.message)
  const now = view.state.field(pendingImageField)!
  view.dispatch(insertImageLink(view.state, now, bodyImageMarkdown(alt.trim(), result.fileName)))
  if (!view.state.field(pendingImageField, false)) view.focus()
}

function cancel(view: EditorView): void {
  if (view.state.field(pendingImageField, false))
    view.dispatch({ effects: setPendingImage.of(null) })
  view.focus()
}

function hostOf(view: EditorView): BodyImageHost | null {
  return view.state.facet(hostFacet) ?? connected
}

/** The prompt under the editor: alt text, insert, cancel, and what went wrong. */
function promptPanel(view: EditorView): Panel {
  const dom = document.createElement('form')
  dom.className = 'cm-pw-image-prompt'
  dom.setAttribute('role', 'group')
  const label = document.createElement('label')
  const caption = document.createElement('span')
  const hint = document.createElement('span')
  hint.className = 'cm-pw-image-hint'
  const input = document.createElement('input')
  input.type = 'text'
  input.className = 'cm-textfield'
  input.name = 'alt'
  input.autocomplete = 'off'
  label.append(caption, hint, input)
  const ok = document.createElement('button')
  ok.type = 'submit'
  ok.className = 'cm-button'
  const no = document.createElement('button')
  no.type = 'button'
  no.className = 'cm-button'
  const status = document.createElement('p')
  status.className = 'cm-pw-image-status'
  status.setAttribute('aria-live', 'polite')
  dom.append(label, ok, no, status)

  let shownId = -1
  const render = () => {
    const pending = view.state.field(pendingImageField, false)
    if (!pending) return
    const locale = localeOf(hostOf(view))
    const name = pending.files[0]?.name || 'image'
    dom.setAttribute('aria-label', text(locale, 'label'))
    caption.textContent =
      text(locale, 'alt', { name }) +
      (pending.files.length > 1
        ? `（${text(locale, 'more', { n: pending.files.length - 1 })}）`
        : '')
    hint.textContent = text(locale, 'altHint')
    ok.textContent = text(locale, 'insert')
    no.textContent = text(locale, 'cancel')
    ok.disabled = pending.busy
    input.disabled = pending.busy
    status.textContent = pending.busy ? text(locale, 'saving') : (pending.error?.[locale] ?? '')
    status.setAttribute('role', pending.error ? 'alert' : 'status')
    status.dataset.error = pending.error ? 'true' : 'false'
    if (pending.id !== shownId) {
      // A new image: a fresh, empty alt field with the keyboard in it.
      shownId = pending.id
      input.value = ''
      queueMicrotask(() => input.focus())
    }
  }

  dom.addEventListener('submit', (e) => {
    e.preventDefault()
    const host = hostOf(view)
    if (host) void confirm(view, host, input.value)
  })
  no.addEventListener('click', () => cancel(view))
  dom.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      cancel(view)
    }
  })
  render()
  return {
    dom,
    mount: () => input.focus(),
    update: (update: ViewUpdate) => {
      if (
        update.startState.field(pendingImageField, false) !==
        update.state.field(pendingImageField, false)
      )
        render()
    },
  }
}

const theme = EditorView.baseTheme({
  '.cm-pw-image-prompt': {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: '6px 8px',
    padding: '10px 12px',
    fontFamily: 'var(--font-ui, system-ui, sans-serif)',
    fontSize: '0.8125rem',
  },
  '.cm-pw-image-prompt label': {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    flex: '1 1 260px',
  },
  '.cm-pw-image-hint': { opacity: '0.75', fontSize: '0.75rem' },
  '.cm-pw-image-prompt input': {
    width: '100%',
    boxSizing: 'border-box',
    margin: '0',
    padding: '5px 8px',
    fontSize: '0.8125rem',
  },
  '.cm-pw-image-prompt button': { margin: '0', padding: '5px 12px', fontSize: '0.8125rem' },
  '.cm-pw-image-status': { margin: '0', flexBasis: '100%' },
  '.cm-pw-image-status:empty': { display: 'none' },
  '.cm-pw-image-status[data-error=true]': { color: '#b3261e', fontWeight: '600' },
})

/**
 * The body-image extension: paste or drop an image into the editor to save it into the post's
 * asset folder and insert its Markdown link after an alt-text prompt. Read-only posts ignore it.
 */
export function imageDrop(options: ImageDropOptions = {}): Extension {
  return [
    pendingImageField,
    options.host ? hostFacet.of(options.host) : [],
    EditorView.domEventHandlers({
      paste(event, view) {
        const data = event.clipboardData
        // Office apps put a picture of the copied cells next to their text: text wins.
        if (!data || data.getData('text/plain') !== '') return false
        const files = imageFilesOf(data.files)
        if (files.length === 0 || view.state.readOnly || !hostOf(view)) return false
        event.preventDefault()
        const { from, to } = view.state.selection.main
        view.dispatch(promptOutsideFrontMatter(view, files, from, to))
        return true
      },
      drop(event, view) {
        const files = imageFilesOf(event.dataTransfer?.files)
        if (files.length === 0 || view.state.readOnly || !hostOf(view)) return false
        event.preventDefault()
        // Dropped onto a line: the image goes after that line, never into the middle of a word.
        const at =
          view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head
        const pos = view.state.doc.lineAt(at).to
        view.dispatch(promptOutsideFrontMatter(view, files, pos, pos))
        return true
      },
    }),
    theme,
  ]
}
