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

  it.skipIf(hasBinary)(
    'a failed download prints no raw stack trace, and the Japanese says all the English says',
    () => {
      const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' }
      delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
      const r = spawnSync(process.execPath, ['scripts/ensure-electron.mjs'], {
        encoding: 'utf8',
        env,
        timeout: 60_000,
      })
      expect(r.status).toBe(1)
      const out = `${r.stdout}\n${r.stderr}`
      expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
      expect(out).not.toMatch(/RequestError|node:internal/)
      // Both languages: the reason, running npm start again with internet (100 MB), npm run try.
      expect(r.stderr).toMatch(/インターネットに接続できる場合は、もう一度「npm start」.*100 MB/)
      expect(r.stderr).toMatch(/With internet access, run "npm start" again.*100 MB/)
      expect(r.stderr).toContain('理由')
      expect(r.stderr).toContain('Reason')
    },
  )

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
