#!/usr/bin/env bash
# `npm ci` with the machine's Node.js and npm (never a downloaded Node), skipped when node_modules was installed
# from this very package-lock.json (its digest is kept in node_modules/.laxin-lock.sha256).
# Shared by the front-end modules (console/, h5/, sdk/); run in the module's folder (Maven's exec does), or name it.
set -euo pipefail
cd "${1:-.}"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f node_modules/.laxin-lock.sha256 ] && [ "$(cat node_modules/.laxin-lock.sha256)" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > node_modules/.laxin-lock.sha256
