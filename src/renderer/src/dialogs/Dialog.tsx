import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Props of {@link Dialog}. */
export interface DialogProps {
  open: boolean
  /** Escape or the close button; omit to require a choice. */
  onClose?(): void
  labelledBy: string
  describedBy?: string
  className?: string
  children: ReactNode
}

/**
 * A modal dialog on the native `<dialog>` (the rest of the page is inert), with Tab kept inside
 * and focus returned to where it was when it closes.
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  describedBy,
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const d = ref.current
    if (!d || !open) return
    const previous = document.activeElement as HTMLElement | null
    if (!d.open) d.showModal()
    const first =
      d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    return () => {
      if (d.open) d.close()
      previous?.focus?.()
    }
  }, [open])

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return
    const items = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []).filter(
      (el) => el.offsetParent !== null,
    )
    if (items.length === 0) return
    const first = items[0]!
    const last = items[items.length - 1]!
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  if (!open) return null
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal="true"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault()
        onClose?.()
      }}
    >
      {children}
    </dialog>
  )
}
