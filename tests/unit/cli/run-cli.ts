/** Runs the real `portal-writer` command (bin/portal-writer.js) in a child process. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

/** The bin file, as `npx portal-writer` runs it. */
export const BIN = fileURLToPath(new URL('../../../bin/portal-writer.js', import.meta.url))

/** What a run printed and how it ended. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Spawns `node bin/portal-writer.js …args` in `cwd`. The sources are used (not a stale build):
 * `PORTAL_WRITER_FROM_SOURCE=1`.
 */
export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, PORTAL_WRITER_FROM_SOURCE: '1', TZ: 'America/New_York', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A real PNG of the given size (sharp). */
export function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3388cc' } })
    .png()
    .toBuffer()
}

/** A real JPEG of the given size (sharp). */
export function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#cc8833' } })
    .jpeg()
    .toBuffer()
}
