/**
 * A separate process that publishes one post and stops dead before a chosen step of the send (it
 * prints `AT <step>` and waits), so a test can SIGKILL it there: a real kill, not an exception.
 * Usage: `node --import tsx tests/helpers/publish-until-killed.ts <repo root> <post path> <step>`.
 */
import { join } from 'node:path'
import { createFileTokenStore } from '../../src/main/services/publish/credentials'
import { makeService, testEncryption } from '../unit/main/services/git/fixtures'

const [root, path, stopAt] = process.argv.slice(2)
if (!root || !path || !stopAt) throw new Error('usage: <repo root> <post path> <step>')
// Its own token file (removed with the repository): the test's store stays the test's.
const tokens = createFileTokenStore({
  file: join(root, '.git', 'portal-writer-killed-process-tokens.json'),
  encryption: testEncryption(),
})
const { service } = await makeService(root, {
  tokens,
  beforeStep: async (step) => {
    if (step !== stopAt) return
    process.stdout.write(`AT ${step}\n`)
    await new Promise(() => undefined)
  },
})
// Over HTTP the test hands its token over (this process's token store cannot read the test's).
if (process.env.PW_TEST_TOKEN && process.env.PW_TEST_HOST)
  await service.setToken(process.env.PW_TEST_HOST, process.env.PW_TEST_TOKEN)
const result = await service.publish({ path })
process.stdout.write(`DONE ${result.kind}\n`)
