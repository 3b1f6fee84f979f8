/** The table's rules about one post: front matter, dates, slug, eyecatch, body images, excerpt. */
import { Parser } from 'htmlparser2'
import {
  assetDirOfPath,
  checkEyecatchValue,
  EXCERPT_LENGTH,
  inspectExcerpt,
  joinPostAsset,
  plainTextFromHtml,
  shareImageWarnings,
} from '../../../shared/card'
import { datePartsOf } from '../../../shared/dates'
import { msg } from '../../../shared/localized'
import { renderPost } from '../../../shared/markdown'
import { metadataSchemaFor, type MetadataSchema } from '../../../shared/metadata/schema'
import { readFields } from '../../../shared/metadata/round-trip'
import { validateFrontMatter } from '../../../shared/metadata/validate'
import { classifyImageSrc } from '../../../shared/post-images'
import type { RuleId } from '../../../shared/check/rules'
import { checkSlug, MAX_SLUG_LENGTH } from '../../../shared/slug'
import { resolveInRepo } from '../fs/paths'
import { knownValuesFor } from './known-values'
import type { CheckRun, FindingProducer, PostUnderCheck, RawFinding } from './types'
import { isClosingFence, isOpeningFence } from '../../../shared/front-matter-fence'

/** The renderer's placeholder for an image it refuses; its title ends with the src as written. */
const PLACEHOLDER_CLASS = /(?:^|\s)pw-missing-image(?:\s|$)/
const PLACEHOLDER_TITLE = /^[^:]*: ([\s\S]*)$/

/**
 * Image srcs of rendered HTML, in document order: `<img>` tags (Markdown and raw HTML) and the
 * placeholders the renderer puts where it refused an image (a `file:` or `javascript:` src…).
 */
function imageSrcs(html: string): string[] {
  const srcs: string[] = []
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'img' && attribs.src !== undefined) srcs.push(attribs.src)
      else if (attribs.class !== undefined && PLACEHOLDER_CLASS.test(attribs.class)) {
        srcs.push(PLACEHOLDER_TITLE.exec(attribs.title ?? '')?.[1] ?? '')
      }
    },
  })
  parser.write(html)
  parser.end()
  return srcs
}

/** 1-based line of the first line from `fromLine` (0-based) holding a needle, else `fromLine + 1`. */
function lineOf(lines: readonly string[], fromLine: number, needles: string[]): number {
  for (let i = fromLine; i < lines.length; i++) {
    if (needles.some((n) => n !== '' && lines[i]!.includes(n))) return i + 1
  }
  return fromLine + 1
}

/** 0-based line where the body starts: after the front matter's closing fence, if it has one. */
function bodyLineOf(lines: readonly string[]): number {
  if (!isOpeningFence(lines[0] ?? '')) return 0
  const close = lines.findIndex((line, i) => i > 0 && isClosingFence(line))
  return close < 0 ? 0 : close + 1
}

/** Eyecatch rules that need the image file itself. */
const EYECATCH_FILE_RULES: RuleId[] = [
  'eyecatch-missing',
  'eyecatch-not-image',
  'eyecatch-size',
  'eyecatch-ratio',
  'eyecatch-weight',
  'eyecatch-svg',
  'unsafe-path',
]
const SHARE_RULES = {
  'too-small': 'eyecatch-size',
  ratio: 'eyecatch-ratio',
  'too-large': 'eyecatch-weight',
  svg: 'eyecatch-svg',
} as const

/** The eyecatch file: inside the asset folder (P2), present, an image of a sensible size. */
async function eyecatchFindings(
  post: PostUnderCheck,
  run: CheckRun,
  value: unknown,
  line: number,
  add: (rule: RuleId, line: number, message: RawFinding['message']) => void,
): Promise<void> {
  const ref = checkEyecatchValue(value)
  if (ref.kind !== 'file' || !EYECATCH_FILE_RULES.some((r) => run.isOn(r))) return
  const relPath = post.file.relPath
  const rel = joinPostAsset(relPath, assetDirOfPath(run.profile, relPath), ref.name)
  const found = rel === null ? null : await resolveInRepo(run.root, rel)
  if (found === null || found.kind === 'refused') {
    add(
      'unsafe-path',
      line,
      found?.reason ??
        msg(
          `eyecatch「${ref.name}」はリポジトリの外を指しています。`,
          `The eyecatch "${ref.name}" points outside the repository.`,
        ),
    )
    return
  }
  if (!found.exists) {
    add(
      'eyecatch-missing',
      line,
      msg(
        `アイキャッチ「${found.relPath}」が見つかりません。ファイルを置くか eyecatch を直してください。`,
        `The eyecatch "${found.relPath}" was not found. Add the file or fix the eyecatch.`,
      ),
    )
    return
  }
  // sharp is loaded only when an eyecatch is actually measured. The header is enough to tell an
  // image from anything else; decoding every eyecatch (`decode: true`) costs several times more.
  const { readImageFile } = await import('../images/probe')
  const decode = run.config.options['eyecatch-not-image'].decode
  const probe = await readImageFile(found.realPath, { verify: decode })
  if (probe.kind === 'error') {
    // An SVG shows on the site, but not on X or Facebook: advice, not a broken card.
    add(
      probe.reason === 'svg' ? 'eyecatch-svg' : 'eyecatch-not-image',
      line,
      msg(
        `アイキャッチ「${found.relPath}」: ${probe.message.ja}`,
        `Eyecatch "${found.relPath}": ${probe.message.en}`,
      ),
    )
    return
  }
  const size = run.config.options['eyecatch-size']
  const { width, height, bytes, format } = probe.info
  const warnings = shareImageWarnings(
    { width, height, bytes, format },
    {
      minWidth: size.minWidth,
      minHeight: size.minHeight,
      ratioTolerance: run.config.options['eyecatch-ratio'].tolerance,
    },
  )
  for (const w of warnings) add(SHARE_RULES[w.id], line, w.message)
}

/** Body images: shown by the preview and present in the repository (P3). */
async function imageFindings(
  post: PostUnderCheck,
  run: CheckRun,
  html: string,
  lines: readonly string[],
  bodyLine: number,
  add: (rule: RuleId, line: number, message: RawFinding['message']) => void,
): Promise<void> {
  const relPath = post.file.relPath
  const assetDir = assetDirOfPath(run.profile, relPath)
  const seen = new Set<string>()
  for (const src of imageSrcs(html)) {
    if (seen.has(src)) continue
    seen.add(src)
    let decodedSrc = src
    try {
      decodedSrc = decodeURI(src)
    } catch {
      // keep the raw form for the line search
    }
    const line = lineOf(lines, bodyLine, [src, decodedSrc])
    const image = classifyImageSrc(src, relPath, assetDir, run.profile.sourceDir)
    if (image.kind === 'remote') continue
    if (image.kind === 'refused') {
      add(image.reason === 'root' ? 'image-root' : 'unsafe-path', line, image.message)
      continue
    }
    if (!run.isOn('image-missing') && !run.isOn('unsafe-path')) continue
    const found = await resolveInRepo(run.root, image.relPath)
    if (found.kind === 'refused') add('unsafe-path', line, found.reason)
    else if (!found.exists) {
      add(
        // A site-root path may be served from outside the source folder (a gem, a proxy): advice.
        src.startsWith('/') ? 'image-root' : 'image-missing',
        line,
        msg(
          `画像「${src}」（${image.relPath}）が見つかりません。`,
          `The image "${src}" (${image.relPath}) was not found.`,
        ),
      )
    }
  }
}

/** The slug in the file name: the allow-list (P1) and its length. */
function slugFindings(
  post: PostUnderCheck,
  run: CheckRun,
  add: (rule: RuleId, line: number, message: RawFinding['message']) => void,
): void {
  const slug = post.file.key.slug
  const max = run.config.options['slug-length'].max
  if ([...slug].length > max) {
    add(
      'slug-length',
      1,
      msg(
        `スラッグが ${[...slug].length} 文字あります。URL やブランチ名が長くなるので、${max} 文字以内がおすすめです。`,
        `The slug has ${[...slug].length} characters; URLs and branch names get long. Keep it within ${max}.`,
      ),
    )
  }
  // The length has its own rule: judge the characters of a long slug on a stand-in of the allowed
  // length that keeps its start and its end.
  const sample =
    slug.length > MAX_SLUG_LENGTH
      ? slug.slice(0, MAX_SLUG_LENGTH / 2) + slug.slice(-MAX_SLUG_LENGTH / 2)
      : slug
  const check = checkSlug(sample)
  if (check.kind === 'invalid') {
    add(
      'slug-format',
      1,
      msg(
        `ファイル名のスラッグ「${slug}」: ${check.reason.ja}`,
        `Slug "${slug}" in the file name: ${check.reason.en}`,
      ),
    )
  }
}

const schemas = new WeakMap<CheckRun, MetadataSchema>()

/** The front-matter schema of the run's profile, built once per run. */
function schemaOf(run: CheckRun): MetadataSchema {
  let schema = schemas.get(run)
  if (!schema) {
    schema = metadataSchemaFor(run.profile)
    schemas.set(run, schema)
  }
  return schema
}

/** The built-in rules about one post. */
export const postRules: FindingProducer = {
  id: 'rules',
  async post(post, run) {
    const out: RawFinding[] = []
    const relPath = post.file.relPath
    const add = (rule: RuleId, line: number, message: RawFinding['message']) => {
      if (run.isOn(rule)) out.push({ rule, relPath, line, message })
    }
    const text = post.text
    const lines = text.split('\n')
    const fields = readFields(text)
    const problems = validateFrontMatter(fields, {
      schema: schemaOf(run),
      rules: run.config,
      ...(await knownValuesFor(run, relPath)),
    })
    for (const p of problems) add(p.rule, p.line, p.message)
    slugFindings(post, run, add)

    // The URL comes from the front-matter date; a different day in the file name is confusing.
    const date = fields.data.date
    if (typeof date === 'string' && !fields.error) {
      const parts = datePartsOf(date)
      const { year, month, day } = post.file.key
      if (parts && (parts.year !== year || parts.month !== month || parts.day !== day)) {
        add(
          'date-filename',
          fields.keyLines.date ?? 1,
          msg(
            `date（${parts.year}-${parts.month}-${parts.day}）がファイル名の日付（${year}-${month}-${day}）と違います。公開される URL は date の日付になります。`,
            `The date (${parts.year}-${parts.month}-${parts.day}) differs from the file name's (${year}-${month}-${day}); the published URL uses the date.`,
          ),
        )
      }
    }

    // Problems the validator already found with the eyecatch's name are not measured again.
    if (!fields.error && !problems.some((p) => p.field === 'eyecatch'))
      await eyecatchFindings(post, run, fields.data.eyecatch, fields.keyLines.eyecatch ?? 1, add)

    const bodyLine = bodyLineOf(lines)
    if (
      run.isOn('image-missing') ||
      run.isOn('unsafe-path') ||
      run.isOn('image-root') ||
      run.isOn('excerpt-toc')
    ) {
      const html = renderPost(text, { resolveImage: (src) => src }).html
      await imageFindings(post, run, html, lines, bodyLine, add)
      if (run.isOn('excerpt-toc')) {
        // The card's excerpt is the plain text of the same HTML (src/shared/card/card.ts).
        const plain = plainTextFromHtml(html, EXCERPT_LENGTH)
        if (inspectExcerpt(plain).some((w) => w.id === 'toc'))
          add('excerpt-toc', lineOf(lines, bodyLine, ['{:toc}']), TOC_MESSAGE)
      }
    }
    return out.sort((a, b) => a.line - b.line)
  },
}

const TOC_MESSAGE = msg(
  '抜粋（フィードのカードの本文）の多くが目次です。目次（{:toc}）の前に、記事の内容を伝える導入の段落を置いてください。',
  'Most of the excerpt (the feed card’s text) is the table of contents. Put an introductory paragraph before the {:toc} list.',
)
