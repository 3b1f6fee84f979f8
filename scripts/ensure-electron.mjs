#!/usr/bin/env node
// Runs before `npm start` / `npm run dev`: makes sure Electron's binary is there.
// package.json keeps electron's install script from running (`allowScripts`), because on machines
// that reach only the npm registry it cannot download and would fail the install. On a desktop
// with internet, the first start downloads the binary here instead.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
if (existsSync(join(electronDir, 'path.txt'))) process.exit(0)

const help = [
  '',
  'Electron could not be downloaded, so the desktop app cannot start here.',
  '- With internet access, run "npm start" again (the download is about 100 MB).',
  '- Without it, use the real app in Chromium instead: npm run try',
  '',
  'Electron をダウンロードできなかったため、デスクトップアプリを起動できません。',
  '- インターネットに接続できる場合は、もう一度「npm start」を実行してください（ダウンロードは約 100 MB です）。',
  '- 接続できない場合は、Chromium で同じアプリを開けます: npm run try',
  '',
].join('\n')

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error(`ELECTRON_SKIP_BINARY_DOWNLOAD is set.${help}`)
  process.exit(1)
}
console.log(
  'Downloading Electron for the first start… / 初回起動のため Electron をダウンロードしています…',
)
// The installer's own errors are stack traces: keep them, and show only their first line.
const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  timeout: 10 * 60_000,
})
if (r.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
  const reason =
    (r.stderr ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('at ') && !/^[{}]/.test(line))
      ?.replace(/^(?:\w*Error:\s*)+/, '')
      .slice(0, 200) ?? (r.error ? String(r.error.message) : `exit ${r.status}`)
  console.error(`${help}\nReason / 理由: ${reason}\n`)
  process.exit(1)
}
