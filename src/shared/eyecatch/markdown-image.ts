/**
 * The Markdown for a body image saved in the post's asset folder: `![alt](file)`, with the alt
 * text's brackets and backslashes escaped and a target with spaces or parentheses wrapped in `<…>`
 * so kramdown and markdown-it read it the same way.
 */
export function bodyImageMarkdown(alt: string, fileName: string): string {
  const safeAlt = alt.replace(/[\r\n]+/g, ' ').replace(/([\\[\]])/g, '\\$1')
  const target = /[\s()<>]/.test(fileName)
    ? `<${fileName.replace(/[<>]/g, encodeURIComponent)}>`
    : fileName
  return `![${safeAlt}](${target})`
}
