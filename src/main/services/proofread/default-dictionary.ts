/**
 * The prh dictionary the app ships for blogs without their own `.textlintrc`: the usual spellings of
 * common tech names. Kept in code (not a file) so the packaged app never looks it up on disk.
 * Patterns are case-insensitive and match whole words only, so `GitHub Actions` and URLs (masked
 * before linting anyway) are left alone.
 */

/** Expected spelling → the wrong spellings to flag (regular expressions, case-insensitive). */
const TERMS: Array<[expected: string, pattern: string]> = [
  ['JavaScript', 'java ?script'],
  ['TypeScript', 'type ?script'],
  ['GitHub', 'git ?hub'],
  ['GitLab', 'git ?lab'],
  ['Ruby on Rails', 'ruby ?on ?rails|rubyonrails'],
  ['Kubernetes', 'kubernetes|kubernates|kubenetes'],
  ['Docker', 'docker'],
  ['PostgreSQL', 'postgre ?sql|postgres sql'],
  ['MySQL', 'my ?sql'],
  ['Node.js', 'node\\.?js|nodejs'],
  ['npm', 'npm'],
  ['macOS', 'mac ?os|mac os x'],
  ['iOS', 'ios'],
  ['Python', 'python'],
  ['Terraform', 'terraform'],
  ['Elasticsearch', 'elastic ?search'],
  ['Redis', 'redis'],
  ['React', 'react\\.?js|reactjs'],
  ['Vue.js', 'vue\\.?js|vuejs'],
  ['Next.js', 'next\\.?js|nextjs'],
  ['webpack', 'web ?pack'],
  ['ESLint', 'es ?lint'],
  ['Visual Studio Code', 'visual ?studio ?code'],
  ['Google Cloud', 'google ?cloud'],
  ['AWS', 'aws'],
  ['Slack', 'slack'],
  ['WordPress', 'word ?press'],
  ['YouTube', 'you ?tube'],
  ['Chromium', 'chromium'],
  ['JSON', 'json'],
  ['YAML', 'yaml'],
]

function entry([expected, pattern]: [string, string]): string {
  // Whole words only: not inside a file name (`package.json`), a path or an identifier. prh itself
  // skips a match that already is the expected spelling.
  const regex = `/(?<![\\w./@-])(?:${pattern})(?![\\w@-]|\\.[A-Za-z0-9])/i`
  return [
    `  - expected: ${JSON.stringify(expected)}`,
    `    pattern: ${JSON.stringify(regex)}`,
  ].join('\n')
}

/** The built-in prh dictionary, as prh's YAML. */
export const DEFAULT_PRH_DICTIONARY = `version: 1\nrules:\n${TERMS.map(entry).join('\n')}\n`

/** The expected spellings of the built-in dictionary (for tests and the settings panel). */
export const DEFAULT_PRH_TERMS: readonly string[] = TERMS.map(([expected]) => expected)
