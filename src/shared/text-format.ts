/** Small formatters for text shown to people, one of each for the whole app. */

/** Fills `{name}` placeholders from `vars`; a placeholder with no value stays as written. */
export function fillPlaceholders(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] === undefined ? m : String(vars[name]),
  )
}

/** A byte count for people: 512 B, 84 KB, 1.2 MB; empty when unknown. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
