import { useEffect, useState } from 'react'
import type { ImageFacts } from '../../../../shared/card'
import type { ProbeResult } from '../../../../shared/ipc/eyecatch'
import { useShell } from '../../shell/shell-context'
import type { SteadyView } from '../../shell/workspace-view'
import { useI18n } from '../../i18n/locale'
import { cardImageResolver } from '../card-image'
import { useDraftCard } from '../draft-card'
import { SharePreviews } from '../SharePreviews'
import { cardText } from '../strings'
import { useShown } from '../use-shown'
import './tabs.css'

/** Quiet time before probing a changed eyecatch path (the writer may still be typing it), ms. */
const PROBE_DELAY_MS = 200

/**
 * The 「シェア」 tab: how the open post looks shared on X, Facebook, Slack and Hatena Bookmark,
 * live as the writer types, with the eyecatch's size, weight and format read by main (the window's
 * CSP keeps it from reading image bytes itself) and the warnings they lead to.
 */
export function ShareTab({ view }: { view: SteadyView }) {
  const { portal } = useShell()
  const { locale } = useI18n()
  const [ref, shown] = useShown<HTMLDivElement>()
  const draft = useDraftCard(shown)
  const eyecatch = draft?.card.eyecatch ?? null
  const local = eyecatch !== null && !/^https?:\/\//i.test(eyecatch)
  const [probe, setProbe] = useState<{ path: string; result: ProbeResult } | null>(null)

  useEffect(() => {
    if (!shown || !local || eyecatch === null) return
    let current = true
    const timer = setTimeout(() => {
      portal.images.probe({ image: { kind: 'asset', path: eyecatch } }).then(
        (result) => current && setProbe({ path: eyecatch, result }),
        () => undefined,
      )
    }, PROBE_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // Probed again whenever the tab is shown: the file may have been replaced meanwhile.
  }, [portal, shown, local, eyecatch])

  if (!draft || !view.currentPath) {
    return (
      <div className="pwt" ref={ref} data-testid="share-tab">
        <p className="pwt__empty">{cardText(locale, 'noPost')}</p>
      </div>
    )
  }
  const probed = local && probe?.path === eyecatch ? probe.result : null
  const facts: Partial<ImageFacts> | null =
    probed?.kind === 'ok'
      ? {
          width: probed.info.width,
          height: probed.info.height,
          bytes: probed.info.bytes,
          format: probed.info.format,
        }
      : null
  // An SVG is refused by the probe; SharePreviews already says why from the file name.
  const problem =
    probed?.kind === 'error' && !/\.svg$/i.test(eyecatch ?? '') ? probed.message : null
  return (
    <div className="pwt pwt--share" ref={ref} data-testid="share-tab">
      {problem && (
        <p className="pwt__warning" role="alert" data-testid="share-probe-problem">
          {cardText(locale, 'shareProbeFailed', { message: problem[locale] })}
        </p>
      )}
      <SharePreviews
        card={draft.card}
        resolveImage={cardImageResolver(draft.inputs.assetBase)}
        imageFacts={facts}
        locale={locale}
      />
    </div>
  )
}
