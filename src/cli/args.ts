import { closestName } from '../shared/closest-name'
import { msg, type LocalizedText } from '../shared/localized'

/** Command-line arguments split into positionals and `--flags`. */
export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string | true>
}

/** How a command's options are read. */
export interface OptionSpec {
  /** Options that take a value: the next argument, or `--x=value`. */
  valued?: readonly string[]
  /** Options whose value may be left out: taken from the next argument unless it is an option. */
  optionalValue?: readonly string[]
  /** Options without a value. */
  switches?: readonly string[]
}

/** Result of parsing: the arguments, or why they cannot be read (both languages). */
export type ArgsResult =
  { kind: 'ok'; args: ParsedArgs } | { kind: 'error'; message: LocalizedText }

/** Options every command takes. */
const COMMON = ['help', 'lang']

/** The error for an option the command does not know, suggesting the nearest known one. */
export function unknownOption(arg: string, known: readonly string[]): LocalizedText {
  const name = arg.replace(/^-+/, '').replace(/=.*$/, '')
  const near = closestName(name, known)
  const shown = arg.replace(/=.*$/, '')
  return near
    ? msg(
        `不明なオプション ${shown}。--${near} のことですか？`,
        `Unknown option ${shown}. Did you mean --${near}?`,
      )
    : msg(
        `不明なオプション ${shown}。--help で使えるオプションを確かめてください。`,
        `Unknown option ${shown}. See --help for the options.`,
      )
}

/**
 * Parses `argv` for one command; `--help`, `-h` and `--lang <ja|en>` are always known. `--` ends
 * the options.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ArgsResult {
  const valued = [...(spec.valued ?? []), 'lang']
  const optional = spec.optionalValue ?? []
  const switches = [...(spec.switches ?? []), 'help']
  const known = [...new Set([...valued, ...optional, ...switches, ...COMMON])]
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h') {
      flags.set('help', true)
      continue
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg))
        return { kind: 'error', message: unknownOption(arg, known) }
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    if (valued.includes(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1)
      if (value === undefined)
        return {
          kind: 'error',
          message: msg(`${arg} には値が要ります。`, `${arg} needs a value.`),
        }
      flags.set(name, value)
    } else if (optional.includes(name)) {
      const following = argv[i + 1]
      if (eq >= 0) flags.set(name, arg.slice(eq + 1))
      else if (following !== undefined && !following.startsWith('-')) flags.set(name, argv[++i]!)
      else flags.set(name, true)
    } else if (switches.includes(name) && eq < 0) {
      flags.set(name, true)
    } else {
      return { kind: 'error', message: unknownOption(arg, known) }
    }
  }
  return { kind: 'ok', args: { positionals, flags } }
}
