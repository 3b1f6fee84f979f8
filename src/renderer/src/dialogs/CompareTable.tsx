import { useMemo } from 'react'
import { useI18n } from '../i18n/locale'
import { diffLines, foldUnchanged } from './line-diff'

/** Props of {@link CompareTable}. */
export interface CompareTableProps {
  left: string
  right: string
  leftLabel: string
  rightLabel: string
  /** Names the region for screen readers. */
  label: string
}

/** Two texts side by side, line by line, unchanged runs folded. */
export function CompareTable({ left, right, leftLabel, rightLabel, label }: CompareTableProps) {
  const { t } = useI18n()
  const rows = useMemo(() => diffLines(left, right), [left, right])
  const changed = rows.filter((r) => r.kind !== 'same').length
  const shown = useMemo(() => foldUnchanged(rows), [rows])
  return (
    <div className="compare" role="region" aria-label={label}>
      <p className="compare-summary">{t('conflict.changedLines', { n: changed })}</p>
      <div className="compare-table" tabIndex={0}>
        <table>
          <colgroup>
            <col className="ln" />
            <col />
            <col className="ln" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th colSpan={2} scope="colgroup">
                {leftLabel}
              </th>
              <th colSpan={2} scope="colgroup">
                {rightLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) =>
              r.kind === 'fold' ? (
                <tr key={i} className="diff-fold">
                  <td colSpan={4}>{t('conflict.folded', { n: r.count })}</td>
                </tr>
              ) : (
                <tr key={i} className={`diff-${r.kind}`}>
                  <td className="ln">{r.leftNo ?? ''}</td>
                  <td className="code mine">{r.left ?? ''}</td>
                  <td className="ln">{r.rightNo ?? ''}</td>
                  <td className="code theirs">{r.right ?? ''}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
