import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n/locale'
import { PaneResizer } from './pane-resizer'
import { PANE_LIMITS } from './pane-sizes'

/**
 * Three side-by-side panes with two drag handles (also keyboard-resizable: arrows, Shift+arrows,
 * Home/End). Sizes are applied by {@link PaneResizer} without re-rendering React.
 */
export function SplitPanes(props: {
  list: ReactNode
  editor: ReactNode
  preview: ReactNode
  onResize(): void
}) {
  const { t } = useI18n()
  const root = useRef<HTMLElement>(null)
  const { onResize } = props

  useEffect(() => {
    if (!root.current) return
    const resizer = new PaneResizer(root.current, onResize)
    return () => resizer.dispose()
  }, [onResize])

  return (
    <main className="panes" ref={root}>
      <section className="pane pane-list" aria-label={t('list.label')}>
        {props.list}
      </section>
      <div
        className="pane-handle"
        data-handle="list"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('panes.list')}
        aria-valuemin={PANE_LIMITS.listMin}
        aria-valuemax={PANE_LIMITS.listMax}
        tabIndex={0}
      />
      <section className="pane pane-editor" aria-label={t('editor.label')}>
        {props.editor}
      </section>
      <div
        className="pane-handle"
        data-handle="editor"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('panes.editor')}
        aria-valuemin={0}
        aria-valuemax={100}
        tabIndex={0}
      />
      <section className="pane pane-preview" aria-label={t('preview.label')}>
        {props.preview}
      </section>
    </main>
  )
}
