/**
 * The one table of post rules: id, default level, options and words, shared by `portal-writer
 * check`, the editor's lint and the publish preflight, so the app and CI always agree.
 *
 * Levels mean something: an error is a post the site or its card will show wrong (a missing file,
 * front matter or a date the site cannot read, an eyecatch that is missing or not an image, two
 * posts at one URL, a path that leaves the repository). A warning is advice. The defaults are
 * chosen so that a blog whose published posts display correctly passes.
 */
import { z } from 'zod'
import { msg, type LocalizedText } from '../localized'

/** A level a rule can be set to in the profile's `check:` key. */
export type RuleLevel = 'error' | 'warning' | 'off'

/** How serious a finding is (a rule's level once it is on). */
export type FindingSeverity = 'error' | 'warning'

/**
 * Where a rule runs: on one post (its files, and what the other posts use, for `tag-variant` and
 * `unknown-author`), or once over the whole blog (slug collisions, stray files).
 */
export type RuleScope = 'post' | 'repository'

/** One rule of the table. */
export interface RuleSpec {
  /** Level when the profile says nothing. */
  level: FindingSeverity
  scope: RuleScope
  /** What the rule looks for, in one line (help, docs, the profile's error). */
  description: LocalizedText
  /** The rule's options with their defaults; strict, so a misspelt option is refused. */
  options: z.ZodObject
}

const noOptions = z.object({}).strict()
const size = (max: number) => z.number().int().positive().max(max)

/** Every rule, in the order the documentation lists them. */
export const RULES = {
  profile: {
    level: 'error',
    scope: 'repository',
    description: msg('.portal-writer.yml が読めない', '.portal-writer.yml cannot be read'),
    options: noOptions,
  },
  'post-file': {
    level: 'error',
    scope: 'post',
    description: msg(
      '記事ファイルが読めない（UTF-8 でない、リポジトリの外へのリンク）',
      'the post file cannot be read (not UTF-8, a link leaving the repository)',
    ),
    options: noOptions,
  },
  'front-matter': {
    level: 'error',
    scope: 'post',
    description: msg(
      'フロントマターがない・YAML が壊れている・必須の項目（title・authors）がない・型が違う',
      'front matter missing, broken YAML, a required field (title, authors) missing or of the wrong type',
    ),
    options: noOptions,
  },
  'date-invalid': {
    level: 'error',
    scope: 'post',
    description: msg('date がない、または日付として読めない', 'the date is missing or not a date'),
    options: noOptions,
  },
  'date-format': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'date に時刻と時差（+09:00）がない',
      'the date has no time and offset (+09:00)',
    ),
    options: noOptions,
  },
  'date-offset': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'date の時差がプロファイルの timezone と違う',
      "the date's offset is not the profile's timezone",
    ),
    options: noOptions,
  },
  'date-filename': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'date の日付がファイル名の日付と違う（URL は date の日付になる）',
      "the date's day differs from the file name's (the URL uses the date)",
    ),
    options: noOptions,
  },
  'title-length': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'タイトルがフィードのカードの 3 行に収まらない',
      "the title does not fit the feed card's 3 lines",
    ),
    options: noOptions,
  },
  'tags-missing': {
    level: 'warning',
    scope: 'post',
    description: msg('タグが 1 つもない', 'the post has no tags'),
    options: noOptions,
  },
  'tags-too-many': {
    level: 'warning',
    scope: 'post',
    description: msg('タグが多すぎる', 'too many tags'),
    options: noOptions,
  },
  'list-duplicate': {
    level: 'warning',
    scope: 'post',
    description: msg('タグや著者に同じものが 2 回ある', 'the same tag or author appears twice'),
    options: noOptions,
  },
  'tag-variant': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'ほかの記事のタグと表記だけが違うタグ',
      "a tag spelt differently from another post's tag",
    ),
    options: noOptions,
  },
  'unknown-author': {
    level: 'warning',
    scope: 'post',
    description: msg('ほかの記事にいない著者', 'an author no other post has'),
    options: noOptions,
  },
  'slug-format': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'スラッグに a-z 0-9 - 以外の文字がある',
      'the slug has characters other than a-z 0-9 -',
    ),
    options: noOptions,
  },
  'slug-length': {
    level: 'warning',
    scope: 'post',
    description: msg('スラッグが長い', 'the slug is long'),
    options: z.object({ max: size(255).default(80) }).strict(),
  },
  'slug-collision': {
    level: 'error',
    scope: 'repository',
    description: msg(
      '同じ日付・同じスラッグの記事がほかにある（URL が重なる）',
      'another post has the same date and slug (the same URL)',
    ),
    options: noOptions,
  },
  'slug-reuse': {
    level: 'warning',
    scope: 'repository',
    description: msg(
      '別の日付の記事と同じスラッグ（公開用のブランチ名が重なる）',
      'a post on another date has the same slug (publishing branches collide)',
    ),
    options: noOptions,
  },
  'unsafe-path': {
    level: 'error',
    scope: 'post',
    description: msg(
      '画像やアイキャッチのパスがリポジトリや画像フォルダの外を指す、file: などの src',
      'an image or eyecatch path leaving the repository or image folder, a file: or similar src',
    ),
    options: noOptions,
  },
  'image-missing': {
    level: 'error',
    scope: 'post',
    description: msg('本文の画像ファイルがない', 'an image of the body is missing'),
    options: noOptions,
  },
  'image-root': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'サイトのルートからの画像パス（確かめられない）',
      'an image path from the site root (cannot be checked)',
    ),
    options: noOptions,
  },
  'eyecatch-missing': {
    level: 'error',
    scope: 'post',
    description: msg('アイキャッチのファイルがない', 'the eyecatch file is missing'),
    options: noOptions,
  },
  'eyecatch-not-image': {
    level: 'error',
    scope: 'post',
    description: msg(
      'アイキャッチが画像として読めない（decode: true で中身まで読んで確かめる）',
      'the eyecatch cannot be read as an image (decode: true also decodes it to find damage)',
    ),
    options: z.object({ decode: z.boolean().default(false) }).strict(),
  },
  'eyecatch-size': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'アイキャッチが小さい（共有カードで小さなサムネイルになる）',
      'the eyecatch is small (share cards show a small thumbnail)',
    ),
    options: z
      .object({ minWidth: size(8000).default(600), minHeight: size(8000).default(315) })
      .strict(),
  },
  'eyecatch-ratio': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'アイキャッチの縦横比が共有カード（1.91:1）と違う',
      "the eyecatch's shape is not the share card's 1.91:1",
    ),
    options: z.object({ tolerance: z.number().min(0).max(1).default(0.03) }).strict(),
  },
  'eyecatch-weight': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'アイキャッチが 5 MB を超える（X が表示しない）',
      'the eyecatch is over 5 MB (X does not show it)',
    ),
    options: noOptions,
  },
  'eyecatch-svg': {
    level: 'warning',
    scope: 'post',
    description: msg(
      'アイキャッチが SVG（X と Facebook が表示しない）',
      'the eyecatch is an SVG (X and Facebook do not show it)',
    ),
    options: noOptions,
  },
  'excerpt-toc': {
    level: 'warning',
    scope: 'post',
    description: msg(
      '抜粋が目次で始まる（フィードのカードが目次になる）',
      'the excerpt starts with the table of contents',
    ),
    options: noOptions,
  },
  'stray-file': {
    level: 'warning',
    scope: 'repository',
    description: msg(
      '記事フォルダの Markdown で、ファイル名が postPath に合わないもの',
      'a Markdown file in the posts folder whose name does not follow postPath',
    ),
    options: noOptions,
  },
} as const satisfies Record<string, RuleSpec>

/** A rule's id. */
export type RuleId = keyof typeof RULES

/** Every rule id, in table order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[]

/** Whether a string is a rule id of the table. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id)
}

/** The options a rule's schema gives when nothing is set (its defaults). */
export type RuleOptions<R extends RuleId> = z.output<(typeof RULES)[R]['options']>
