import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import type { ProofFinding } from '../../../../src/shared/ipc/proofread'
import { findingsField, setFindings } from '../../../../src/renderer/src/proofread/findings-field'

const finding = (from: number, to: number, fix: ProofFinding['fix'] = null): ProofFinding => ({
  ruleId: 'prh',
  message: 'javascript => JavaScript',
  from,
  to,
  line: 1,
  column: from + 1,
  severity: 'error',
  fix,
})

function stateWith(doc: string, findings: ProofFinding[]): EditorState {
  const state = EditorState.create({ doc, extensions: [findingsField] })
  return state.update({ effects: setFindings.of(findings) }).state
}

describe('proofreading findings in the editor state', () => {
  it('move with typing before them, keeping their quick fix aligned', () => {
    const state = stateWith('本文javascriptです', [
      finding(2, 12, { from: 2, to: 12, text: 'JavaScript' }),
    ])
    const next = state.update({ changes: { from: 0, insert: '新しい' } }).state
    const [f] = next.field(findingsField).findings
    expect(next.doc.sliceString(f!.from, f!.to)).toBe('javascript')
    expect(f!.fix).toEqual({ from: 5, to: 15, text: 'JavaScript' })
    expect(next.field(findingsField).starts).toEqual([5])
  })

  it('disappear when their text is deleted, and are replaced by the next lint', () => {
    const state = stateWith('本文javascriptです', [finding(2, 12)])
    const deleted = state.update({ changes: { from: 2, to: 12 } }).state
    expect(deleted.field(findingsField).findings).toEqual([])
    const relinted = deleted.update({ effects: setFindings.of([finding(0, 2)]) }).state
    expect(relinted.field(findingsField).findings.map((f) => [f.from, f.to])).toEqual([[0, 2]])
  })

  it('ignore findings past the end of a document that shrank meanwhile', () => {
    const state = stateWith('短い', [finding(0, 1), finding(40, 45)])
    expect(state.field(findingsField).findings.map((f) => f.from)).toEqual([0])
  })
})
