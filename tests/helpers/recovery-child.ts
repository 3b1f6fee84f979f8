/**
 * Child process for the kill test of the recovery journal: `tsx recovery-child.ts <dataDir>
 * <repoRoot> <path> <text>` journals the text, prints `journaled`, then waits to be killed.
 */
import { RecoveryJournal } from '../../src/main/services/posts/recovery'

const [dataDir, repoRoot, path, text] = process.argv.slice(2)
const r = await new RecoveryJournal({ dataDir: dataDir! }).write(repoRoot!, path!, text!, 'base')
process.stdout.write(r.kind === 'ok' ? 'journaled\n' : `failed ${JSON.stringify(r)}\n`)
setInterval(() => undefined, 1000)
