import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const hasBinary = existsSync(join('node_modules/electron/path.txt'))

describe('npm start: the first-start Electron check', () => {
  it('lets the app start when the binary is there, else explains what to do in both languages', () => {
    const r = spawnSync(process.execPath, ['scripts/ensure-electron.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 30_000,
    })
    if (hasBinary) {
      expect(r.status).toBe(0)
      return
    }
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('npm run try')
    expect(r.stderr).toContain('Electron をダウンロードできなかった')
    expect(r.stderr).toContain('Electron could not be downloaded')
  })

  it('runs before the app in both start scripts', async () => {
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.start).toMatch(
      /^node scripts\/ensure-electron\.mjs && electron-vite preview/,
    )
    expect(pkg.scripts.dev).toMatch(/^node scripts\/ensure-electron\.mjs && electron-vite dev/)
  })
})
