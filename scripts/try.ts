/**
 * `npm run try`: the real app in Chromium on a machine without Electron.
 * Opens a fresh copy of the embedded sample blog (as on a first start) in a visible Chromium window,
 * bound to the real services through the e2e harness. `--repo <path>` opens your own clone instead.
 * Close the window (or press Ctrl+C) to stop.
 */
import { launchApp } from '../tests/e2e/harness/launch-app'

const args = process.argv.slice(2)
const repoIndex = args.indexOf('--repo')
const repo = repoIndex >= 0 ? args[repoIndex + 1] : undefined

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found. Run this on a desktop session, or under a virtual display: xvfb-run -a npm run try',
  )
  process.exit(1)
}

const app = await launchApp({ repo, headless: false, viewport: null })
console.log(`Portal Writer is running at ${app.origin} on ${app.repoRoot()}`)
console.log('Close the browser window or press Ctrl+C to stop.')
const stop = async () => {
  await app.close()
  process.exit(0)
}
app.browser.on('disconnected', () => void stop())
process.on('SIGINT', () => void stop())
