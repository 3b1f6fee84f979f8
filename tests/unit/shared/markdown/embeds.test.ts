import createDOMPurify, { type WindowLike } from 'dompurify'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { renderPost, sanitizePreviewHtml } from '../../../../src/shared/markdown'

const { window } = new JSDOM('<!doctype html><html><body></body></html>')
const purify = createDOMPurify(window as unknown as WindowLike)

/** The preview's embed placeholders of a post body: service, link, and what they say. */
function embeds(md: string) {
  const html = sanitizePreviewHtml(renderPost(md).html, purify)
  const doc = window.document.implementation.createHTMLDocument('')
  doc.body.innerHTML = html
  expect(doc.querySelector('script, iframe')).toBeNull()
  return [...doc.querySelectorAll('.pw-embed')].map((box) => ({
    service: box.getAttribute('data-service'),
    text: box.textContent,
    href: box.querySelector('a')?.getAttribute('href') ?? null,
  }))
}

describe('embeds the preview cannot run show a placeholder naming the service, with its link', () => {
  it('Speaker Deck (a script) no longer vanishes', () => {
    const out = embeds(
      'スライドです。\n\n<script defer class="speakerdeck-embed" data-id="0123abcd" data-ratio="1.7777777777777777" src="//speakerdeck.com/assets/embed.js"></script>\n\n続き',
    )
    expect(out).toEqual([
      {
        service: 'Speaker Deck',
        text: expect.stringContaining('Speaker Deck'),
        href: 'https://speakerdeck.com/player/0123abcd',
      },
    ])
  })

  it('Docswell (a script with the slide in data-src)', () => {
    const out = embeds(
      '<script async class="docswell-embed" src="https://bcdn.docswell.com/assets/libs/docswell-embed/docswell-embed.min.js" data-src="https://www.docswell.com/slide/ABC123/embed" data-aspect="0.5625"></script>',
    )
    expect(out).toMatchObject([
      { service: 'Docswell', href: 'https://www.docswell.com/slide/ABC123/embed' },
    ])
  })

  it('a GitHub Gist script links to the gist', () => {
    expect(
      embeds('<script src="https://gist.github.com/someone/0a1b2c.js"></script>'),
    ).toMatchObject([{ service: 'GitHub Gist', href: 'https://gist.github.com/someone/0a1b2c' }])
  })

  it('a YouTube iframe names YouTube and links to the video', () => {
    expect(
      embeds(
        '<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>',
      ),
    ).toMatchObject([{ service: 'YouTube', href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }])
  })

  it('an unknown script still gets a placeholder naming its host, without a link to a .js file', () => {
    expect(embeds('<script src="https://widgets.example.com/embed.js"></script>')).toEqual([
      {
        service: 'widgets.example.com',
        text: expect.stringContaining('widgets.example.com'),
        href: null,
      },
    ])
  })

  it('a tweet shows as its blockquote: its widget script adds no second box', () => {
    expect(
      embeds(
        '<blockquote class="twitter-tweet"><p>やあ</p><a href="https://twitter.com/a/status/1">1</a></blockquote> <script async src="https://platform.twitter.com/widgets.js"></script>',
      ),
    ).toEqual([])
  })

  it('never links anything but http(s)', () => {
    expect(embeds('<iframe src="javascript:alert(1)"></iframe>')).toMatchObject([{ href: null }])
  })
})
