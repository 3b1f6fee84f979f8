import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { Parser } from 'htmlparser2'
import {
  assetDirOfPath,
  checkEyecatchValue,
  checkFrontMatter,
  frontMatterKeyLines,
  joinPostAsset,
  MIN_SHARE_HEIGHT,
  MIN_SHARE_WIDTH,
  shareImageWarnings,
} from '../shared/card'
import { datePartsOf } from '../shared/dates'
import { splitPost } from '../shared/front-matter'
import { msg, type LocalizedText } from '../shared/localized'
import { renderPost } from '../shared/markdown'
import { patternRoot, PROFILE_FILE, type Profile } from '../shared/profile'
import { checkSlug } from '../shared/slug'
import { probeImage } from '../main/services/images/probe'
import { resolveInRepo } from '../main/services/paths'
import { decodeText } from '../main/services/post-bytes'
import { scanPostFiles, type PostFile } from '../main/services/post-list'
import { readRepoProfile } from '../main/services/repo'
import { parseArgs } from './args'
import { classifyImageSrc } from './images'
import { formatFinding, type CliIo, type Finding, type Severity } from './output'
import { findRepoRoot, toPosix } from './post-context'
import { proofreadRepository, toCheckFinding } from './proofread'

/** Usage of `portal-writer check`. */
export const CHECK_USAGE = 'portal-writer check [--proofread] [<repo>]'

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

/** 1-based line of the first occurrence of `needle` in the body, else the body's first line. */
function lineOf(text: string, bodyLine: number, needles: string[]): number {
  const lines = text.split('\n')
  for (let i = bodyLine; i < lines.length; i++) {
    if (needles.some((n) => n !== '' && lines[i]!.includes(n))) return i + 1
  }
  return bodyLine + 1
}

/** What one post check needs to know about the repository. */
interface CheckContext {
  root: string
  profile: Profile
  display: (relPath: string) => string
}

/** Checks one post file; returns its findings. */
async function checkPost(ctx: CheckContext, file: PostFile): Promise<Finding[]> {
  const findings: Finding[] = []
  const name = ctx.display(file.relPath)
  const add = (line: number, severity: Severity, message: LocalizedText) =>
    findings.push({ file: name, line, severity, message })

  const resolved = await resolveInRepo(ctx.root, file.relPath)
  if (resolved.kind === 'refused') {
    add(1, 'error', resolved.reason)
    return findings
  }
  const decoded = decodeText(await readFile(resolved.realPath))
  if (!decoded.validUtf8) {
    add(
      1,
      'error',
      msg(
        'UTF-8 として正しくないバイトがあります。UTF-8 で保存し直してください。',
        'The file has bytes that are not valid UTF-8. Save it as UTF-8.',
      ),
    )
    return findings
  }
  const text = decoded.text

  // Path rules (P1): the slug in the file name must follow the allow-list.
  const slug = checkSlug(file.key.slug)
  if (slug.kind === 'invalid') {
    add(
      1,
      'error',
      msg(
        `ファイル名のスラッグ「${file.key.slug}」: ${slug.reason.ja}`,
        `Slug "${file.key.slug}" in the file name: ${slug.reason.en}`,
      ),
    )
  }

  for (const p of checkFrontMatter(text)) add(p.line, 'error', p.message)
  const split = splitPost(text)
  const keyLines = split.error ? new Map<string, number>() : frontMatterKeyLines(split.yaml)

  // The URL comes from the front-matter date; a different day in the file name is confusing.
  if (typeof split.data.date === 'string') {
    const parts = datePartsOf(split.data.date)
    const { year, month, day } = file.key
    if (parts && (parts.year !== year || parts.month !== month || parts.day !== day)) {
      add(
        keyLines.get('date') ?? 1,
        'warning',
        msg(
          `date（${parts.year}-${parts.month}-${parts.day}）がファイル名の日付（${year}-${month}-${day}）と違います。公開される URL は date の日付になります。`,
          `The date (${parts.year}-${parts.month}-${parts.day}) differs from the file name's (${year}-${month}-${day}); the published URL uses the date.`,
        ),
      )
    }
  }

  const assetDir = assetDirOfPath(ctx.profile, file.relPath)

  // Eyecatch: inside the asset folder (P2), present, an image of a sensible size.
  const eyecatchLine = keyLines.get('eyecatch') ?? 1
  const ref = checkEyecatchValue(split.data.eyecatch)
  if (ref.kind === 'invalid') add(eyecatchLine, 'error', ref.message)
  if (ref.kind === 'file') {
    const rel = joinPostAsset(file.relPath, assetDir, ref.name)
    const found = rel === null ? null : await resolveInRepo(ctx.root, rel)
    if (found === null || found.kind === 'refused') {
      add(
        eyecatchLine,
        'error',
        found?.reason ??
          msg(
            `eyecatch「${ref.name}」はリポジトリの外を指しています。`,
            `The eyecatch "${ref.name}" points outside the repository.`,
          ),
      )
    } else if (!found.exists) {
      add(
        eyecatchLine,
        'error',
        msg(
          `アイキャッチ「${found.relPath}」が見つかりません。ファイルを置くか eyecatch を直してください。`,
          `The eyecatch "${found.relPath}" was not found. Add the file or fix the eyecatch.`,
        ),
      )
    } else {
      const probe = await probeImage(found.realPath)
      if (probe.kind === 'error') {
        add(
          eyecatchLine,
          'error',
          msg(
            `アイキャッチ「${found.relPath}」: ${probe.message.ja}`,
            `Eyecatch "${found.relPath}": ${probe.message.en}`,
          ),
        )
      } else {
        const { width, height, bytes, format } = probe.info
        if (width < MIN_SHARE_WIDTH || height < MIN_SHARE_HEIGHT) {
          add(
            eyecatchLine,
            'error',
            msg(
              `アイキャッチ「${found.relPath}」は ${width}×${height} です。${MIN_SHARE_WIDTH}×${MIN_SHARE_HEIGHT} 以上（おすすめは ${ctx.profile.eyecatchWidth}×${ctx.profile.eyecatchHeight}）にしてください。`,
              `The eyecatch "${found.relPath}" is ${width}×${height}; use at least ${MIN_SHARE_WIDTH}×${MIN_SHARE_HEIGHT} (${ctx.profile.eyecatchWidth}×${ctx.profile.eyecatchHeight} is best).`,
            ),
          )
        }
        for (const w of shareImageWarnings({ width, height, bytes, format })) {
          if (w.id !== 'too-small') add(eyecatchLine, 'warning', w.message)
        }
      }
    }
  }

  // Images in the body: shown by the preview and present in the repository (P3).
  const rendered = renderPost(text, { resolveImage: (src) => src })
  const seen = new Set<string>()
  for (const src of imageSrcs(rendered.html)) {
    if (seen.has(src)) continue
    seen.add(src)
    let decodedSrc = src
    try {
      decodedSrc = decodeURI(src)
    } catch {
      // keep the raw form for the line search
    }
    const line = lineOf(text, split.bodyLine, [src, decodedSrc])
    const image = classifyImageSrc(src, file.relPath, assetDir)
    if (image.kind === 'remote') continue
    if (image.kind === 'refused') {
      add(line, image.reason === 'root' ? 'warning' : 'error', image.message)
      continue
    }
    const found = await resolveInRepo(ctx.root, image.relPath)
    if (found.kind === 'refused') add(line, 'error', found.reason)
    else if (!found.exists) {
      add(
        line,
        'error',
        msg(
          `画像「${src}」（${image.relPath}）が見つかりません。`,
          `The image "${src}" (${image.relPath}) was not found.`,
        ),
      )
    }
  }
  return findings
}

/** Post-like files in the posts folder that the profile's `postPath` does not match. */
async function strayPosts(root: string, profile: Profile, matched: Set<string>): Promise<string[]> {
  const dir = patternRoot(profile.postPath)
  const depth = profile.postPath.split('/').length
  // Only a flat layout (`source/blog/{...}.html.md`) can be listed without guessing.
  if (dir.split('/').filter(Boolean).length !== depth - 1) return []
  const entries = await readdir(join(root, ...dir.split('/').filter(Boolean)), {
    withFileTypes: true,
  }).catch(() => [])
  return entries
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name) && !/^readme\./i.test(e.name))
    .map((e) => (dir ? `${dir}/${e.name}` : e.name))
    .filter((rel) => !matched.has(rel))
    .sort()
}

/** Runs every check on a repository; returns the findings and how many posts were checked. */
export async function checkRepository(
  root: string,
  cwd: string,
): Promise<{ findings: Finding[]; posts: number }> {
  const display = (relPath: string) => {
    const rel = toPosix(relative(cwd, join(root, ...relPath.split('/'))))
    return rel === '' ? '.' : rel
  }
  const findings: Finding[] = []
  const { profile, profileError } = await readRepoProfile(root)
  if (profileError)
    findings.push({
      file: display(PROFILE_FILE),
      line: profileError.line,
      severity: 'error',
      message: profileError.message,
    })
  const { files } = await scanPostFiles(root, profile.postPath)
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0))
  const ctx: CheckContext = { root, profile, display }
  const bySlug = new Map<string, string>()
  for (const file of files) {
    findings.push(...(await checkPost(ctx, file)).sort((a, b) => a.line - b.line))
    const first = bySlug.get(file.key.slug)
    if (first) {
      findings.push({
        file: display(file.relPath),
        line: 1,
        severity: 'warning',
        message: msg(
          `スラッグ「${file.key.slug}」は ${display(first)} と同じです。公開用のブランチ名などが重なるので、別のスラッグにしてください。`,
          `The slug "${file.key.slug}" is also used by ${display(first)}; branch names would collide. Choose another slug.`,
        ),
      })
    } else bySlug.set(file.key.slug, file.relPath)
  }
  for (const rel of await strayPosts(root, profile, new Set(files.map((f) => f.relPath)))) {
    findings.push({
      file: display(rel),
      line: 1,
      severity: 'warning',
      message: msg(
        `ファイル名が記事の規則（${profile.postPath}）に合わないため、記事として扱われません。`,
        `The file name does not follow the post rule (${profile.postPath}), so it is not treated as a post.`,
      ),
    })
  }
  return { findings, posts: files.length }
}

/** `portal-writer check`: validates every post; exits 1 when any error was found. */
export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, [], ['proofread'])
  if (parsed.kind === 'error' || parsed.args.positionals.length > 1) {
    io.err(`使い方 / usage: ${CHECK_USAGE}`)
    return 2
  }
  const given = parsed.args.positionals[0]
  const root = given ? resolve(io.cwd, given) : ((await findRepoRoot(io.cwd)) ?? io.cwd)
  const exists = await readdir(root).then(
    () => true,
    () => false,
  )
  if (!exists) {
    io.err(`${given ?? root}: フォルダが見つかりません / folder not found`)
    return 2
  }
  const { findings, posts } = await checkRepository(root, io.cwd)
  if (parsed.args.flags.has('proofread')) {
    const proofread = await proofreadRepository(root, io.cwd)
    for (const n of proofread.notices) io.err(`${n.ja} / ${n.en}`)
    findings.push(...proofread.findings.map(toCheckFinding))
  }
  for (const f of findings) io.out(formatFinding(f))
  const errors = findings.filter((f) => f.severity === 'error').length
  const warnings = findings.length - errors
  io.out(
    `${posts} 件の記事を確認: エラー ${errors} 件、警告 ${warnings} 件 / checked ${posts} posts: ${errors} errors, ${warnings} warnings`,
  )
  return errors > 0 ? 1 : 0
}
