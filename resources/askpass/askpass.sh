#!/bin/sh
# Portal Writer's GIT_ASKPASS helper. git runs it with its prompt as the only argument
# ("Username for 'https://host': " or "Password for 'https://user@host': ") and reads one line.
# The answers come from environment variables that the app sets on that one git process only,
# so the token never appears on a command line, in a URL, in .git/config or in a log.
# With PORTAL_WRITER_ASKPASS_NODE set (development, tests), the Node script answers instead.
if [ -n "$PORTAL_WRITER_ASKPASS_NODE" ]; then
  ELECTRON_RUN_AS_NODE=1 exec "$PORTAL_WRITER_ASKPASS_NODE" "$(dirname "$0")/askpass.cjs" "$@"
fi
case "$1" in
  Username*|username*) answer=$PORTAL_WRITER_ASKPASS_USERNAME ;;
  *) answer=$PORTAL_WRITER_ASKPASS_TOKEN ;;
esac
# Nothing to answer: fail, so git reports an authentication failure rather than try an empty password.
[ -n "$answer" ] || exit 1
printf '%s\n' "$answer"
