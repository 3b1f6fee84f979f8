import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { appWindowArgs as tryWindowArgs } from '../../e2e/harness/chromium'

describe('npm run try', () => {
  it('checks for a display before building anything', () => {
    const started = Date.now()
    const r = spawnSync('npm', ['run', 'try'], {
      encoding: 'utf8',
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
      timeout: 120_000,
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('xvfb-run -a npm run try')
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/electron-vite build|vite v\d/)
    expect(Date.now() - started).toBeLessThan(60_000)
  }, 120_000)

  it('opens the app as an app window of the window’s size, with the translate prompt off', () => {
    const args = tryWindowArgs('http://127.0.0.1:5555/index.html', { width: 1440, height: 900 })
    expect(args).toContain('--app=http://127.0.0.1:5555/index.html')
    expect(args).toContain('--window-size=1440,900')
    expect(args.find((a) => a.startsWith('--disable-features='))).toContain('Translate')
    expect(args).toContain('--lang=ja')
  })
})
