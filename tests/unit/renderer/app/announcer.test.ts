import { describe, expect, it } from 'vitest'
import { Announcer, publishNews, saveNews } from '../../../../src/renderer/src/app/announcer'
import type { SaveState } from '../../../../src/renderer/src/save/doc-session'

describe('saveNews: what a screen reader hears about saving', () => {
  it('says nothing through a typing session: unsaved → saving → saved, again and again', () => {
    const session: SaveState[] = [
      'saved',
      'unsaved',
      'saving',
      'saved',
      'unsaved',
      'saving',
      'saved',
    ]
    const said = session.slice(1).map((next, i) => saveNews(session[i]!, next))
    expect(said.filter((s) => s !== null)).toEqual([])
  })

  it('says a failure, a conflict and a read-only file once, and the recovery', () => {
    expect(saveNews('saving', 'error')).toBe('save.error')
    expect(saveNews('error', 'error')).toBeNull()
    expect(saveNews('unsaved', 'conflict')).toBe('save.conflict')
    expect(saveNews(null, 'readonly')).toBe('save.readonly')
    expect(saveNews('error', 'saved')).toBe('save.saved')
    expect(saveNews('conflict', 'saved')).toBe('save.saved')
    expect(saveNews('saved', null)).toBeNull()
  })
})

describe('publishNews', () => {
  it('names a new phase, not each percent of the same one', () => {
    expect(publishNews(null, 'check')).toBe('check')
    expect(publishNews('push', 'push')).toBeNull()
    expect(publishNews('push', 'done')).toBe('done')
  })
})

describe('Announcer', () => {
  it('tells its listeners once per message and drops an immediate repeat', () => {
    const a = new Announcer()
    const heard: string[] = []
    const stop = a.subscribe(() => heard.push(a.getSnapshot().text))
    a.say('保存済み', 1000)
    a.say('保存済み', 1200)
    a.say('', 1300)
    a.say('送信しています', 1400)
    a.say('保存済み', 5000)
    stop()
    a.say('聞こえない', 6000)
    expect(heard).toEqual(['保存済み', '送信しています', '保存済み'])
    expect(a.getSnapshot()).toEqual({ id: 4, text: '聞こえない' })
  })
})
