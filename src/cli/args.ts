/** Command-line arguments split into positionals and `--flags`. */
export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string | true>
}

/** Result of parsing: the arguments, or the first unknown or incomplete option. */
export type ArgsResult = { kind: 'ok'; args: ParsedArgs } | { kind: 'error'; message: string }

/**
 * Parses `argv` for one command. `valued` options take the next argument (or `--x=value`),
 * `switches` take none; `--` ends the options.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  switches: readonly string[],
): ArgsResult {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg))
        return { kind: 'error', message: arg }
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    if (valued.includes(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1)
      if (value === undefined) return { kind: 'error', message: arg }
      flags.set(name, value)
    } else if (switches.includes(name) && eq < 0) {
      flags.set(name, true)
    } else {
      return { kind: 'error', message: arg }
    }
  }
  return { kind: 'ok', args: { positionals, flags } }
}
