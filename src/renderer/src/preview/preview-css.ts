/**
 * The article styles of the preview document: a calm, blog-like page with Japanese typography and
 * highlight.js colours, light and dark following `prefers-color-scheme`.
 */
export const PREVIEW_CSS = String.raw`
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --faint: #8b949e; --bg: #ffffff; --line: #e3e6ea;
  --link: #0b63c5; --code-bg: #f4f5f7; --pre-bg: #f6f8fa; --quote: #d0d7de; --mark: #fff3b0;
  --th-bg: #f6f8fa; --tag-bg: #eef2f7; --placeholder: #f3f4f6;
  --hl-keyword: #cf222e; --hl-string: #0a3069; --hl-number: #0550ae; --hl-comment: #59636e;
  --hl-title: #8250df; --hl-attr: #0550ae; --hl-built: #953800; --hl-meta: #57606a;
  --hl-add-bg: #e6ffec; --hl-add: #116329; --hl-del-bg: #ffebe9; --hl-del: #82071e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e8eb; --muted: #a0a8b3; --faint: #767f8a; --bg: #17191d; --line: #2d3139;
    --link: #6cb4ff; --code-bg: #252930; --pre-bg: #1f2329; --quote: #3b414b; --mark: #5c4b00;
    --th-bg: #20242a; --tag-bg: #242a33; --placeholder: #22262c;
    --hl-keyword: #ff7b72; --hl-string: #a5d6ff; --hl-number: #79c0ff; --hl-comment: #8b949e;
    --hl-title: #d2a8ff; --hl-attr: #79c0ff; --hl-built: #ffa657; --hl-meta: #8b949e;
    --hl-add-bg: #12261e; --hl-add: #aff5b4; --hl-del-bg: #2d1214; --hl-del: #ffdcd7;
  }
}
* { box-sizing: border-box; }
html {
  background: var(--bg);
  color: var(--fg);
  font-family: "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans CJK JP",
    "BIZ UDPGothic", "Yu Gothic UI", "Meiryo", system-ui, sans-serif;
  font-size: 100%;
  line-height: 1.9;
  -webkit-text-size-adjust: 100%;
  text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased;
}
body { margin: 0; }
.pw-page { padding: 40px 36px 30vh; }
.pw-article {
  max-width: 760px;
  margin: 0 auto;
  text-spacing-trim: trim-start;
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  font-feature-settings: "palt" 0;
  letter-spacing: 0.02em;
}
.pw-article:empty::before { content: ""; }
.pw-article > :first-child { margin-top: 0; }
/*
 * Long articles: blocks far from the viewport are not laid out (their last size is kept as a
 * placeholder); the parent marks the window of blocks near it (layout-window.ts).
 */
.pw-article.pw-long > * { content-visibility: hidden; contain-intrinsic-size: auto 3em; }
.pw-article.pw-long > .pw-near { content-visibility: visible; }
h1, h2, h3, h4, h5, h6 { line-height: 1.5; font-weight: 700; letter-spacing: 0.01em; scroll-margin-top: 16px; text-spacing-trim: trim-both; }
h1 { font-size: 1.9em; margin: 0 0 0.8em; }
h2 { font-size: 1.5em; margin: 2.2em 0 0.9em; padding-bottom: 0.3em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.25em; margin: 1.9em 0 0.7em; }
h4 { font-size: 1.08em; margin: 1.6em 0 0.6em; }
h5, h6 { font-size: 1em; margin: 1.4em 0 0.5em; color: var(--muted); }
p { margin: 0 0 1.3em; }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.18em; text-decoration-thickness: 1px; cursor: pointer; }
a:hover { text-decoration-thickness: 2px; }
strong { font-weight: 700; }
mark { background: var(--mark); color: inherit; padding: 0 0.1em; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2.5em 0; }
img { max-width: 100%; height: auto; vertical-align: middle; border-radius: 4px; }
figure { margin: 1.6em 0; }
figcaption { color: var(--muted); font-size: 0.88em; text-align: center; margin-top: 0.4em; }
ul, ol { margin: 0 0 1.3em; padding-left: 1.7em; }
li { margin: 0.25em 0; }
li > ul, li > ol { margin: 0.25em 0; }
li > p { margin: 0.3em 0; }
ul.task-list, .contains-task-list { list-style: none; padding-left: 1.2em; }
blockquote { margin: 0 0 1.3em; padding: 0.2em 1.1em; border-left: 4px solid var(--quote); color: var(--muted); }
blockquote > :last-child { margin-bottom: 0; }
code, kbd, samp, pre {
  font-family: "SFMono-Regular", "JetBrains Mono", "Cascadia Code", "DejaVu Sans Mono", Menlo, Consolas,
    "Noto Sans Mono CJK JP", monospace;
  font-size: 0.88em;
  letter-spacing: 0;
}
:not(pre) > code { background: var(--code-bg); padding: 0.15em 0.4em; border-radius: 4px; overflow-wrap: anywhere; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0.05em 0.4em; }
pre {
  background: var(--pre-bg);
  border: 1px solid var(--line);
  border-radius: 8px;
  padding: 14px 16px;
  margin: 0 0 1.4em;
  overflow: auto;
  line-height: 1.6;
  tab-size: 4;
}
a:focus-visible, pre:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
pre code { background: none; padding: 0; font-size: 1em; white-space: pre; word-break: normal; overflow-wrap: normal; }
table { border-collapse: collapse; margin: 0 0 1.4em; display: block; overflow-x: auto; max-width: 100%; font-size: 0.94em; line-height: 1.7; }
th, td { border: 1px solid var(--line); padding: 0.45em 0.8em; text-align: left; vertical-align: top; }
th { background: var(--th-bg); font-weight: 700; }
tr:nth-child(2n) td { background: color-mix(in srgb, var(--th-bg) 55%, transparent); }
dl { margin: 0 0 1.3em; }
dt { font-weight: 700; }
dd { margin: 0 0 0.6em 1.5em; }
details { margin: 0 0 1.3em; border: 1px solid var(--line); border-radius: 8px; padding: 0.5em 1em; }
summary { cursor: pointer; font-weight: 700; }
.footnotes, section.footnotes, div.footnotes { margin-top: 3em; font-size: 0.88em; color: var(--muted); border-top: 1px solid var(--line); padding-top: 1em; }
.footnotes ol { padding-left: 1.5em; }
sup { line-height: 0; }
.footnote-ref a, a.footnote { text-decoration: none; }
#markdown-toc, .markdown-toc, ol.toc, ul.toc { background: var(--pre-bg); border: 1px solid var(--line); border-radius: 8px; padding: 0.9em 1em 0.9em 2.4em; }
#markdown-toc ul, #markdown-toc ol { margin: 0.2em 0; }
/* An image that cannot be shown (outside the repository, missing, or refused). */
.pw-missing-image {
  display: inline-flex; align-items: center; justify-content: center; min-width: 12em; min-height: 6em;
  padding: 1em; background: var(--placeholder); color: var(--faint); border: 1px dashed var(--line);
  border-radius: 6px; font-size: 0.85em;
}
/* An embed (script or frame) removed from the preview: a box naming its service, with its link. */
.pw-embed {
  display: flex; flex-direction: column; gap: 0.3em; text-align: center;
  align-items: center; justify-content: center; min-height: 5em; margin: 0 0 1.4em;
  padding: 1em; background: var(--placeholder); color: var(--faint); border: 1px dashed var(--line);
  border-radius: 8px; font-size: 0.85em;
}
.pw-embed-link { word-break: break-all; }
/* The post header (title, date, tags) as the blog shows it above the article. */
.pw-post-header { margin: 0 0 2.2em; }
.pw-post-header h1 { margin-bottom: 0.4em; }
.pw-post-meta { color: var(--muted); font-size: 0.9em; display: flex; flex-wrap: wrap; gap: 0.3em 1em; margin: 0; }
.pw-post-tags { list-style: none; padding: 0; margin: 0.8em 0 0; display: flex; flex-wrap: wrap; gap: 0.4em; }
.pw-post-tags li { margin: 0; background: var(--tag-bg); color: var(--muted); font-size: 0.8em; padding: 0.1em 0.7em; border-radius: 999px; }
.pw-draft { background: #fff1c2; color: #6b4e00; border-radius: 4px; padding: 0 0.5em; font-size: 0.85em; }
@media (prefers-color-scheme: dark) { .pw-draft { background: #4a3b00; color: #ffe48a; } }
/* highlight.js */
.hljs { color: var(--fg); background: transparent; }
.hljs-comment, .hljs-quote { color: var(--hl-comment); font-style: italic; }
.hljs-keyword, .hljs-selector-tag, .hljs-doctag, .hljs-template-tag, .hljs-type { color: var(--hl-keyword); }
.hljs-string, .hljs-regexp, .hljs-addition .hljs-string, .hljs-meta .hljs-string { color: var(--hl-string); }
.hljs-number, .hljs-literal, .hljs-variable, .hljs-template-variable, .hljs-attr, .hljs-symbol, .hljs-bullet, .hljs-link { color: var(--hl-number); }
.hljs-title, .hljs-title.class_, .hljs-title.function_, .hljs-section, .hljs-name { color: var(--hl-title); }
.hljs-attribute, .hljs-selector-id, .hljs-selector-class, .hljs-selector-attr, .hljs-selector-pseudo, .hljs-property { color: var(--hl-attr); }
.hljs-built_in, .hljs-params, .hljs-subst { color: var(--hl-built); }
.hljs-meta, .hljs-meta .hljs-keyword { color: var(--hl-meta); }
.hljs-addition { color: var(--hl-add); background: var(--hl-add-bg); }
.hljs-deletion { color: var(--hl-del); background: var(--hl-del-bg); }
.hljs-emphasis { font-style: italic; }
.hljs-strong { font-weight: 700; }
`
