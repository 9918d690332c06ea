#!/bin/sh
# The classic entrypoint script: set-up at container start, then `exec` the app so it replaces the shell.
# It runs under init (see Dockerfile): init stays PID 1, so even after the exec the app is not PID 1. That
# matters: the kernel gives PID 1 no default signal actions (a SIGTERM the app does not handle would be
# ignored and `docker stop` would wait 10 s for its SIGKILL), and PID 1 must reap every orphan.
set -eu

: "${APP_GREETING:=hello}"
mkdir -p /tmp/app
printf '{"greeting": "%s"}\n' "$APP_GREETING" > /tmp/app/settings.json
echo "entrypoint: set-up done, starting $*"

exec "$@"
