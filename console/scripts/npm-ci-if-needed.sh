#!/usr/bin/env bash
# `npm ci` with the machine's Node.js and npm (never a downloaded Node), skipped when node_modules was installed
# from this very package-lock.json (its digest is kept in node_modules/.laxin-lock.sha256).
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f node_modules/.laxin-lock.sha256 ] && [ "$(cat node_modules/.laxin-lock.sha256)" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > node_modules/.laxin-lock.sha256
