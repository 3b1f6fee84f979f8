import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react'
import { checkConfigOf } from '../../../shared/check/config'
import type { Suggestions } from '../../../shared/ipc/metadata'
import { withOpenPost } from '../../../shared/metadata/facets'
import { readFields, type FieldValue } from '../../../shared/metadata/round-trip'
import { metadataSchemaFor } from '../../../shared/metadata/schema'
import type { ValidationContext } from '../../../shared/metadata/validate'
import { patternMatcher } from '../../../shared/profile'
import { quoteValueEdit } from '../../../shared/yaml-explain'
import { useI18n } from '../i18n/locale'
import { resolveImageSrc } from '../shell/resolve-image'
import { useShell } from '../shell/shell-context'
import type { SteadyView } from '../shell/workspace-view'
import type { MetadataEditorLink } from './editor-link'
import { MetadataPanel } from './MetadataPanel'
import type { MoveOutcome } from './PostLocation'
import { mdText } from './strings'
import { applyFormEdit } from './transaction'

/** Where the panel's open/closed state is remembered. */
export const METADATA_OPEN_KEY = 'portal-writer.metadata-open'

function rememberedOpen(): boolean {
  try {
    return localStorage.getItem(METADATA_OPEN_KEY) !== 'false'
  } catch {
    return true
  }
}

/** Props of {@link MetadataSection}. */
export interface MetadataSectionProps {
  view: SteadyView
  /** The form's link to the editor (the app's one link). */
  link: MetadataEditorLink
  /** Opens the eyecatch tools. */
  onOpenEyecatch(): void
}

/**
 * The metadata form at the top of the editor pane, collapsible (remembered). It reads the shown
 * post's front matter from the editor, writes every form edit back into the editor as an undoable
 * change, and knows the repository's suggestions and the post's asset files.
 */
export function MetadataSection({
  view,
  link: metadataEditorLink,
  onOpenEyecatch,
}: MetadataSectionProps) {
  const { portal, workspace, assets: postAssets } = useShell()
  const { locale } = useI18n()
  const bodyId = useId()
  const [open, setOpen] = useState(rememberedOpen)
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null)
  // Keyed by the post they were listed for: another post's folder must never judge this one's eyecatch.
  const listed = useSyncExternalStore(postAssets.subscribe, postAssets.getSnapshot)
  const [refusal, setRefusal] = useState<string | null>(null)
  const text = useSyncExternalStore(metadataEditorLink.subscribe, metadataEditorLink.getSnapshot)
  const path = view.currentPath
  const assets = listed && listed.path === path ? listed.files : null
  const profile = view.repo?.profile ?? null
  // Whether the post has edits not saved yet: suggestions and assets are read again after a save.
  // A boolean of its own, so only this section re-renders when it flips (the form is memoized).
  const dirty = useSyncExternalStore(
    workspace.subscribe,
    () => workspace.getSnapshot().current?.dirty ?? false,
  )
  const assetDir = view.current?.assetDir ?? null
  const schema = useMemo(() => metadataSchemaFor(profile), [profile])
  const rules = useMemo(() => (profile ? checkConfigOf(profile) : undefined), [profile])

  // Suggestions and asset files: on opening a post and after each save.
  useEffect(() => {
    if (!path || dirty) return
    let live = true
    portal.metadata
      .suggestions({ excludePath: path })
      .then((s) => live && setSuggestions(s))
      .catch(() => undefined)
    void postAssets.refresh(path)
    return () => {
      live = false
    }
  }, [portal, postAssets, path, dirty, view.postsVersion])

  const context = useMemo<ValidationContext>(
    () => ({
      schema,
      assetFiles: assets ? assets.map((f) => f.name) : null,
      assetDir,
      knownAuthors: suggestions?.authors ?? null,
      knownTags: suggestions?.tags ?? null,
      rules,
    }),
    [schema, assets, assetDir, suggestions, rules],
  )
  // In the commit itself, so an edit right after a new asset list is judged with it.
  useLayoutEffect(() => metadataEditorLink.setContext(context), [metadataEditorLink, context])
  useEffect(() => metadataEditorLink.setLocale(locale), [metadataEditorLink, locale])

  const fields = useMemo(() => readFields(text), [text])
  // `text` changes with the context's inputs only through the editor; problems follow both.
  const problems = useMemo(
    () => (open ? metadataEditorLink.problems(text) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, context, open],
  )
  const shown = useMemo(
    () => (suggestions ? withOpenPost(suggestions, fields.error ? null : fields.data) : null),
    [suggestions, fields],
  )

  const location = useMemo(() => {
    if (!path || !profile) return undefined
    const key = patternMatcher(profile.postPath)(path)
    return key ? { slug: key.slug, day: `${key.year}-${key.month}-${key.day}` } : undefined
  }, [path, profile])
  const takenSlugs = useMemo(
    () => view.posts.filter((p) => p.path !== path).map((p) => p.slug),
    [view.posts, path],
  )

  const onEdit = useCallback(
    (field: string, value: FieldValue, options?: { typing?: boolean }) => {
      const editor = metadataEditorLink.editorView
      if (!editor) return
      const result = applyFormEdit(editor, field, value, {
        order: schema.fields.map((f) => f.key),
        typing: options?.typing,
      })
      setRefusal(result.kind === 'error' ? result.message[locale] : null)
    },
    [metadataEditorLink, schema, locale],
  )
  const onMove = useCallback(
    async (request: { slug?: string; date?: string }): Promise<MoveOutcome> =>
      workspace.movePost(request),
    [workspace],
  )
  const assetBase = view.appInfo?.assetBase ?? null
  const resolveImage = useCallback(
    (name: string) =>
      path && assetBase ? resolveImageSrc(name, { postPath: path, assetDir, assetBase }) : null,
    [path, assetDir, assetBase],
  )

  // Stable callbacks: the panel is memoized, so typing after an autosave (the post's save state
  // changes, nothing the form shows) renders none of its fields again.
  const onQuoteLine = useCallback(
    (line: number) => {
      const editor = metadataEditorLink.editorView
      const edit = editor && quoteValueEdit(editor.state.doc.toString(), line)
      if (editor && edit) editor.dispatch({ changes: edit, userEvent: 'input.quote' })
    },
    [metadataEditorLink],
  )
  const onShowLine = useCallback(
    (line: number) => {
      const editor = metadataEditorLink.editorView
      if (!editor) return
      const at = editor.state.doc.line(Math.min(line, editor.state.doc.lines)).from
      editor.dispatch({ selection: { anchor: at }, scrollIntoView: true })
      editor.focus()
    },
    [metadataEditorLink],
  )

  if (!view.current || !path) return null
  const toggle = () => {
    setOpen(!open)
    try {
      localStorage.setItem(METADATA_OPEN_KEY, String(!open))
    } catch {
      // Not remembering is harmless.
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length
  return (
    <div className="pwm-section" data-open={open ? 'true' : 'false'}>
      <button
        type="button"
        className="pwm-section-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={toggle}
      >
        <span className="pwm-section-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {mdText(locale, 'sectionLabel')}
        {!open && errors > 0 && (
          <span className="pwm-section-count">
            {mdText(locale, 'errorLabel')} {errors}
          </span>
        )}
      </button>
      <div id={bodyId} className="pwm-section-body" hidden={!open}>
        {open && (
          <>
            {refusal && (
              <p className="pwm-banner" role="alert">
                {mdText(locale, 'editRefused', { message: refusal })}
              </p>
            )}
            <MetadataPanel
              key={path}
              fields={fields}
              schema={schema}
              problems={problems}
              suggestions={shown}
              assetFiles={assets}
              locale={locale}
              onEdit={onEdit}
              onOpenEyecatch={onOpenEyecatch}
              resolveImage={resolveImage}
              onQuoteLine={onQuoteLine}
              onShowLine={onShowLine}
              location={view.current.readOnly ? undefined : location}
              takenSlugs={takenSlugs}
              onMove={onMove}
            />
          </>
        )}
      </div>
    </div>
  )
}
