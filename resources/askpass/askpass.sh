#!/bin/sh
# Portal Writer's GIT_ASKPASS helper. git runs it with its prompt as the only argument
# ("Username for 'https://host:port': " or "Password for 'https://user@host:port': ") and reads one line.
# The answers come from environment variables that the app sets on that one git process only,
# so the token never appears on a command line, in a URL, in .git/config or in a log.
# It answers only for the host (and port) the token was saved for (PORTAL_WRITER_ASKPASS_HOST):
# a redirect to another server gets nothing (G3).
# With PORTAL_WRITER_ASKPASS_NODE set (development, tests), the Node script answers instead.
if [ -n "$PORTAL_WRITER_ASKPASS_NODE" ]; then
  ELECTRON_RUN_AS_NODE=1 exec "$PORTAL_WRITER_ASKPASS_NODE" "$(dirname "$0")/askpass.cjs" "$@"
fi
# The URL between the quotes, without scheme, user and path: host or host:port.
url=${1#*\'}
url=${url%%\'*}
host=${url#*://}
host=${host##*@}
host=${host%%/*}
host=$(printf '%s' "$host" | tr '[:upper:]' '[:lower:]')
expected=$(printf '%s' "$PORTAL_WRITER_ASKPASS_HOST" | tr '[:upper:]' '[:lower:]')
# Unknown or another host: fail, so git reports an authentication failure and sends nothing.
[ -n "$expected" ] && [ "$host" = "$expected" ] || exit 1
case "$1" in
  Username*|username*) answer=$PORTAL_WRITER_ASKPASS_USERNAME ;;
  *) answer=$PORTAL_WRITER_ASKPASS_TOKEN ;;
esac
# Nothing to answer: fail, so git reports an authentication failure rather than try an empty password.
[ -n "$answer" ] || exit 1
printf '%s\n' "$answer"
