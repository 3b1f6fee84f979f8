/**
 * `npm run try`: the real app in Chromium on a machine without Electron.
 * Checks for a display first, builds, then opens a throwaway copy of the embedded sample blog (as
 * on a first start; removed when the window closes) in an app window (no tabs or address bar),
 * bound to the real services through the e2e harness. `--repo <path>` opens your own clone instead.
 * Close the window (or press Ctrl+C) to stop.
 */
import { spawnSync } from 'node:child_process'
import { launchApp } from '../tests/e2e/harness/launch-app'

const args = process.argv.slice(2)
const repoIndex = args.indexOf('--repo')
const repo = repoIndex >= 0 ? args[repoIndex + 1] : undefined

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    [
      'No display found. Run this on a desktop session, or under a virtual display: xvfb-run -a npm run try',
      '画面（ディスプレイ）が見つかりません。デスクトップで実行するか、仮想ディスプレイで実行してください: xvfb-run -a npm run try',
    ].join('\n'),
  )
  process.exit(1)
}

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const app = await launchApp({ repo, appWindow: { width: 1440, height: 900 } })
console.log(`Portal Writer is running at ${app.origin} on ${app.repoRoot()}`)
if (!repo) {
  console.log(
    'This is a throwaway copy of the sample blog: it is removed when the window closes. Publishing pushes to its local origin (a folder), so you get the branch name instead of a pull-request link.',
  )
}
console.log('Close the window or press Ctrl+C to stop.')
const stop = async () => {
  await app.close()
  process.exit(0)
}
app.context.on('close', () => void stop())
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
