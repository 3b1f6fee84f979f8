/** The publish preflight's post check: the same table and levels as the command and the editor. */
import { afterAll, describe, expect, it } from 'vitest'
import { checkPostForPublish } from '../../../../../src/main/services/check/preflight'
import { parseProfile } from '../../../../../src/shared/profile'
import { makeTempRepo, removeTempDirs } from '../../../../helpers/temp-repo'

afterAll(removeTempDirs)

const P = 'source/blog'
const post = (extra: string, body: string) =>
  `---\ntitle: 記事\ndate: 2025-01-01T10:00:00+09:00\ntags: []\nauthors: [a]\n${extra}---\n\n${body}`

describe('checkPostForPublish', () => {
  it('stops on the post’s errors, keeps its warnings, and ignores other posts', async () => {
    const root = await makeTempRepo({
      [`${P}/2025-01-01-mine.html.md`]: post('eyecatch: gone.png\n', '導入。\n'),
      [`${P}/2025-01-02-other.html.md`]: post('', '![](missing.png)\n'),
    })
    const parsed = parseProfile('')
    if (parsed.kind !== 'ok') throw new Error('profile')
    const result = await checkPostForPublish(root, parsed.profile, `${P}/2025-01-01-mine.html.md`)
    expect(result.errors.map((e) => e.en)).toEqual([
      `${P}/2025-01-01-mine.html.md line 6: The eyecatch "${P}/2025-01-01-mine/gone.png" was not found. Add the file or fix the eyecatch. [eyecatch-missing]`,
    ])
    expect(result.warnings.map((w) => w.en)).toEqual([
      `${P}/2025-01-01-mine.html.md line 4: The post has no tags. Add at least one so readers can find related posts. [tags-missing]`,
    ])
  })

  it('follows the profile’s check: levels', async () => {
    const root = await makeTempRepo({
      [`${P}/2025-01-01-mine.html.md`]: post('', '導入。\n'),
    })
    const parsed = parseProfile('check:\n  tags-missing: error\n')
    if (parsed.kind !== 'ok') throw new Error('profile')
    const result = await checkPostForPublish(root, parsed.profile, `${P}/2025-01-01-mine.html.md`)
    expect(result.errors.map((e) => e.en)).toHaveLength(1)
    expect(result.errors[0]!.ja).toContain('[tags-missing]')
    expect(result.warnings).toEqual([])
  })
})
