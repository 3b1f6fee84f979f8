// The shipped textlint rule packages have no type declarations of their own.
declare module 'textlint-rule-preset-ja-technical-writing' {
  const preset: { rules: Record<string, unknown>; rulesConfig: Record<string, unknown> }
  export default preset
}
declare module 'textlint-rule-prh' {
  const rule: unknown
  export default rule
}
