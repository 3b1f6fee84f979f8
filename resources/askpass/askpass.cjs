#!/usr/bin/env node
// Portal Writer's GIT_ASKPASS helper (Node). git runs it with its prompt as the only argument
// ("Username for 'https://host:port': " or "Password for 'https://user@host:port': ") and reads
// one line from stdout. The answers come from environment variables the app sets on that one git
// process only: the token is never on a command line, in a URL, in .git/config or in a log. It
// answers only for the host (and port) the token was saved for (PORTAL_WRITER_ASKPASS_HOST), so a
// redirect to another server gets nothing (G3).
'use strict'

const prompt = process.argv[2] || ''
const quoted = /'([^']*)'/.exec(prompt)
const host = quoted
  ? quoted[1]
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/^.*@/, '')
      .replace(/\/.*$/, '')
      .toLowerCase()
  : ''
const expected = (process.env.PORTAL_WRITER_ASKPASS_HOST || '').toLowerCase()
// Unknown or another host: exit non-zero so git reports an authentication failure.
if (expected === '' || host !== expected) process.exit(1)
const answer = /^username/i.test(prompt)
  ? process.env.PORTAL_WRITER_ASKPASS_USERNAME
  : process.env.PORTAL_WRITER_ASKPASS_TOKEN
if (!answer) {
  // Nothing to answer: exit non-zero so git reports an authentication failure instead of
  // trying an empty password.
  process.exit(1)
}
process.stdout.write(`${answer}\n`)
