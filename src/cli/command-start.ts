import { msg, type Locale } from '../shared/localized'
import { parseArgs, type OptionSpec, type ParsedArgs } from './args'
import { commandHelp, COMMAND_HELP, type CommandName } from './help'
import { langFromEnv } from './lang'
import { langOption, type CliIo } from './output'

/** A command's arguments read, or the exit code when it already answered (help or usage error). */
export type CommandStart =
  { kind: 'run'; args: ParsedArgs; lang: Locale } | { kind: 'exit'; code: number }

/**
 * Reads a command's arguments the same way for every command: `--lang` (default from the
 * environment), `--help` on stdout with exit 0, an unknown option named with exit 2.
 */
export function startCommand(
  name: CommandName,
  argv: readonly string[],
  io: CliIo,
  spec: OptionSpec,
): CommandStart {
  const envLang = langFromEnv(io.env)
  const parsed = parseArgs(argv, spec)
  if (parsed.kind === 'error') {
    io.err(`${parsed.message[envLang]}\n${usageLine(name, envLang)}`)
    return { kind: 'exit', code: 2 }
  }
  const lang = langOption(parsed.args.flags.get('lang'), envLang)
  if (lang === null) {
    io.err(msg('--lang は ja か en にしてください。', '--lang must be ja or en.')[envLang])
    return { kind: 'exit', code: 2 }
  }
  if (parsed.args.flags.has('help')) {
    io.out(commandHelp(name, lang))
    return { kind: 'exit', code: 0 }
  }
  return { kind: 'run', args: parsed.args, lang }
}

/** `使い方: portal-writer card …` / `Usage: …`, for a command called the wrong way. */
export function usageLine(name: CommandName, lang: Locale): string {
  const more = lang === 'ja' ? '（詳しくは --help）' : ' (see --help)'
  return `${lang === 'ja' ? '使い方' : 'Usage'}: ${COMMAND_HELP[name].usage}${more}`
}
