/**
 * Packs the app with the real electron-builder and `electron-builder.yml`, as `npm run dist` does,
 * but for `--linux dir` against a stub Electron folder: the Electron binary cannot be downloaded on
 * these machines (docs TOOLCHAIN.md), and installers (AppImage, deb, dmg, nsis) download their own
 * tools. What a user would notice in a broken package is all checked here: the app code and its
 * runtime dependencies are in app.asar, sharp's native parts are outside it, the sample blog opens
 * from `process.resourcesPath`, nothing from the source tree ships, and the fuses are flipped.
 *
 * The stub `electron` file carries Electron's fuse sentinel followed by a stock fuse wire, so
 * electron-builder's real `@electron/fuses` step flips it exactly as it would flip the real binary.
 *
 * Project packed: the repository itself when its `out/` is complete (as in `npm test`, whose build
 * step runs first). Otherwise a temporary copy of the project (same package.json, lockfile,
 * electron-builder.yml and resources, the real node_modules linked, decoy `src/` and `tests/`
 * files that must not ship), with `out/` built into it by electron-vite so nothing is written into
 * the repository; when that build fails (other parts of the app mid-change), a minimal `out/` is
 * used instead. Which one was packed, and why, is printed.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFile, listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FUSES } from '../../../src/main/electron/security'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = join(ROOT, 'node_modules/.bin')
const PACKAGE = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const ELECTRON_VERSION = PACKAGE.devDependencies.electron!
/** The executable name `electron-builder.yml` gives the Linux app. */
const EXECUTABLE = 'portal-writer'

/** `@electron/fuses` V1: the sentinel, then version 1, the wire length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const
/** What a stock Electron binary ships with ('1' enabled, '0' disabled). */
const STOCK_WIRE = '10110001'

/** Heavy build and test tools: none of them may end up inside the packaged app. */
const DEV_ONLY = [
  'electron',
  'electron-builder',
  'electron-vite',
  'vite',
  'vitest',
  'typescript',
  'eslint',
  'prettier',
  'playwright-core',
  '@playwright/test',
  'jsdom',
  'tsx',
]

interface RunResult {
  ok: boolean
  output: string
}

/** Runs a command and collects its output; never throws. */
function run(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        maxBuffer: 256 * 1024 * 1024,
        timeout: 240_000,
        env: {
          ...process.env,
          CI: 'true',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        },
      },
      (error, stdout, stderr) => resolve({ ok: error === null, output: `${stdout}\n${stderr}` }),
    )
  })
}

/** All files under a folder, relative, with `/` separators, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

/** An Electron folder with no Electron in it: enough for electron-builder's `dir` target. */
async function makeStubElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const script = Buffer.from(
    '#!/bin/sh\necho "stub Electron used by the packaging test" >&2\nexit 1\n# ',
  )
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSE_ORDER.length]),
    Buffer.from(STOCK_WIRE),
  ])
  await writeFile(join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]))
  await chmod(join(dir, 'electron'), 0o755)
  await writeFile(join(dir, 'version'), `${ELECTRON_VERSION}\n`)
  await writeFile(join(dir, 'LICENSE'), 'Stub of the Electron license for tests.\n')
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stub</title>\n')
}

/** The build outputs the app needs at run time (electron.vite.config.ts). */
const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/proofread-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]

/** Terminal colour codes, stripped from the build's output before quoting it. */
const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** A minimal stand-in for `out/`, used only when the real build fails. */
const MINIMAL_OUT: Record<string, string> = {
  'out/main/index.js': "'use strict'\n// Minimal stand-in for the built main process.\n",
  'out/main/index.js.map': '{"version":3,"sources":[],"mappings":""}\n',
  'out/main/proofread-worker.js': '// Minimal stand-in for the built proofreading worker.\n',
  'out/preload/index.cjs': "'use strict'\n",
  'out/renderer/index.html': '<!doctype html><title>Portal Writer</title>\n',
}

/** Writes text files under a folder, creating their parent folders. */
async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true })
    await writeFile(join(dir, path), text)
  }
}

/**
 * A throwaway copy of the project: package.json, lockfile, electron-builder.yml, resources, the
 * real node_modules (linked) and decoy sources that must not ship. `out/` is built into it by
 * electron-vite (nothing is written into the repository); if that build fails, a minimal `out/`.
 */
async function makeFixtureProject(dir: string): Promise<string> {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    await cp(join(ROOT, file), join(dir, file))
  }
  for (const folder of ['resources/sample-blog', 'resources/icons']) {
    await cp(join(ROOT, folder), join(dir, folder), { recursive: true })
  }
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  await writeFiles(dir, {
    'src/main/index.ts': '// decoy source: must not be packaged\n',
    'tests/unit/decoy.test.ts': '// decoy test: must not be packaged\n',
  })
  const build = await run(join(BIN, 'electron-vite'), ['build', '--outDir', join(dir, 'out')], ROOT)
  if (build.ok && BUILD_OUTPUTS.every((f) => existsSync(join(dir, f))))
    return 'fixture copy with a fresh electron-vite build'
  await rm(join(dir, 'out'), { recursive: true, force: true })
  await writeFiles(dir, MINIMAL_OUT)
  const lines = build.output
    .replace(ANSI_COLOR, '')
    .split('\n')
    .map((l) => l.trim())
  const reason =
    lines.find((l) => /could not resolve|cannot find|not found/i.test(l)) ??
    lines.find((l) => /error/i.test(l)) ??
    'no message'
  return `fixture copy with a minimal out/, because electron-vite build failed here (${reason.slice(0, 200)})`
}

/** Picks what to pack: the repository when its `out/` is complete, else a fixture copy. */
async function prepareProject(scratch: string): Promise<{ dir: string; note: string }> {
  if (BUILD_OUTPUTS.every((f) => existsSync(join(ROOT, f))))
    return { dir: ROOT, note: 'repository and its built out/' }
  const dir = join(scratch, 'project')
  const note = await makeFixtureProject(dir)
  return { dir, note }
}

let scratch = ''
let projectDir = ''
let appOutDir = ''
let asarPath = ''
let asarEntries: string[] = []

// The stub Electron is a shell script and the fixture links node_modules: POSIX hosts only.
describe.skipIf(process.platform === 'win32')(
  'electron-builder.yml packs a working app (linux dir, stub Electron)',
  () => {
    beforeAll(async () => {
      scratch = await mkdtemp(join(tmpdir(), 'pw-pack-'))
      const project = await prepareProject(scratch)
      projectDir = project.dir
      console.info(`[packaging] packing the ${project.note}`)
      const stub = join(scratch, 'electron-stub')
      await makeStubElectron(stub)
      const output = join(scratch, 'dist')
      const pack = await run(
        process.execPath,
        [
          join(BIN, 'electron-builder'),
          '--linux',
          'dir',
          '--publish',
          'never',
          '--config',
          'electron-builder.yml',
          `-c.electronDist=${stub}`,
          `-c.electronVersion=${ELECTRON_VERSION}`,
          `-c.directories.output=${output}`,
          // Never rebuild native modules in the shared node_modules from a test.
          '-c.npmRebuild=false',
        ],
        projectDir,
      )
      if (!pack.ok) throw new Error(`electron-builder failed:\n${pack.output.slice(-4000)}`)
      const unpacked = (await readdir(output)).find((name) => /^linux(-\w+)?-unpacked$/.test(name))
      if (!unpacked)
        throw new Error(
          `no linux-unpacked folder in ${output}: ${(await readdir(output)).join(', ')}`,
        )
      appOutDir = join(output, unpacked)
      asarPath = join(appOutDir, 'resources/app.asar')
      asarEntries = existsSync(asarPath)
        ? listPackage(asarPath, { isPack: false }).map((p) => p.split('\\').join('/'))
        : []
    }, 300_000)

    afterAll(async () => {
      if (scratch) await rm(scratch, { recursive: true, force: true })
    })

    it('puts the built app and package.json into resources/app.asar, with main pointing at a packed file', () => {
      expect(existsSync(asarPath)).toBe(true)
      expect(asarEntries).toContain('/out/main/index.js')
      expect(asarEntries).toContain('/out/preload/index.cjs')
      expect(asarEntries).toContain('/out/renderer/index.html')
      expect(asarEntries).toContain('/package.json')
      const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as {
        name: string
        main: string
      }
      expect(manifest.name).toBe('portal-writer')
      expect(asarEntries).toContain(`/${manifest.main.replace(/^\.\//, '')}`)
    })

    it('ships every runtime dependency and none of the build or test tools', () => {
      for (const dep of Object.keys(PACKAGE.dependencies)) {
        expect(asarEntries, `dependency ${dep}`).toContain(`/node_modules/${dep}/package.json`)
      }
      for (const tool of DEV_ONLY.filter((t) => t in PACKAGE.devDependencies)) {
        expect(asarEntries, `dev tool ${tool}`).not.toContain(`/node_modules/${tool}/package.json`)
      }
    })

    it('leaks no sources, tests, configs or source maps into the archive', () => {
      const topLevel = new Set(asarEntries.map((p) => p.split('/')[1]))
      expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json'])
      expect(asarEntries.filter((p) => p.startsWith('/out/') && p.endsWith('.map'))).toEqual([])
      expect(existsSync(join(projectDir, 'src'))).toBe(true) // the sources were there to leak
    })

    it('unpacks sharp and its native libvips binaries next to the archive', async () => {
      const unpacked = join(appOutDir, 'resources/app.asar.unpacked/node_modules')
      expect(existsSync(join(unpacked, 'sharp/package.json'))).toBe(true)
      const files = await listFiles(join(unpacked, '@img'))
      // The Node addon and the libvips shared library it loads: neither can be read from an asar.
      expect(
        files.some((f) => /^sharp-linux(musl)?-\w+\/lib\/sharp-.+\.node$/.test(f)),
        files.join('\n'),
      ).toBe(true)
      expect(
        files.some((f) => /^sharp-libvips-linux(musl)?-\w+\/lib\/libvips-cpp\.so/.test(f)),
        files.join('\n'),
      ).toBe(true)
    })

    it('copies the sample blog, byte for byte, to resources/sample-blog where the app looks for it', async () => {
      const source = join(ROOT, 'resources/sample-blog')
      const packed = join(appOutDir, 'resources/sample-blog')
      const want = await listFiles(source)
      expect(want).toContain('.portal-writer.yml')
      expect(want.filter((f) => f.endsWith('.html.md')).length).toBeGreaterThanOrEqual(7)
      expect(await listFiles(packed)).toEqual(want)
      for (const file of want) {
        expect(await sha256(join(packed, file)), file).toBe(await sha256(join(source, file)))
      }
      expect(existsSync(join(appOutDir, 'resources/icons/icon.png'))).toBe(true)
    })

    it('ships textlint bundled in out/main and kuromoji’s dictionary beside the asar, where the worker reads it', async () => {
      expect(asarEntries).toContain('/out/main/proofread-worker.js')
      const want = (await readdir(join(ROOT, 'node_modules/kuromoji/dict')))
        .filter((f) => f.endsWith('.dat.gz'))
        .sort()
      expect(want.length).toBeGreaterThan(5)
      expect((await readdir(join(appOutDir, 'resources/kuromoji-dict'))).sort()).toEqual(want)
    })

    it('flips the Electron fuses in the packaged executable as src/main/electron/security.ts asks', async () => {
      const binary = await readFile(join(appOutDir, EXECUTABLE))
      const at = binary.indexOf(FUSE_SENTINEL)
      expect(at).toBeGreaterThan(-1)
      const wire = binary
        .subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + FUSE_ORDER.length)
        .toString('latin1')
      const state = (name: (typeof FUSE_ORDER)[number]) => wire[FUSE_ORDER.indexOf(name)]
      for (const [name, enabled] of Object.entries(FUSES)) {
        expect(state(name as (typeof FUSE_ORDER)[number]), name).toBe(enabled ? '1' : '0')
      }
      // The app serves its pages over its own protocol, so file:// keeps no extra privileges.
      expect(state('grantFileProtocolExtraPrivileges')).toBe('0')
      expect(wire).not.toBe(STOCK_WIRE)
    })
  },
)
