/** Runs `portal-writer` in this process (the sources), capturing what it prints. */
import { main } from '../../../src/cli/index'

/** What a run printed and how it ended. */
export interface MainRun {
  code: number
  stdout: string
  stderr: string
  /** stdout split into lines, without the trailing empty one. */
  lines: string[]
}

/** Runs `main(args)` in `cwd` with `env` as the whole environment (LANG unset unless given). */
export async function runMain(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<MainRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd,
    env,
  })
  const stdout = out.length ? out.join('\n') + '\n' : ''
  return { code, stdout, stderr: err.join('\n'), lines: stdout.split('\n').filter(Boolean) }
}
