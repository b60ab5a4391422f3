#!/usr/bin/env bash
# The console's browser tests drive Debian's chromium (a browser download by Playwright is not possible here).
# Installs it when it is missing and this is a root shell with apt-get; otherwise says how to provide one.
# A CJK font comes with it, so the pages (and the screenshots kept for the docs) show Chinese, not boxes.
set -euo pipefail
chromium=${LAXIN_E2E_CHROMIUM:-/usr/bin/chromium}
packages=()
[ -x "$chromium" ] || packages+=(chromium)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then packages+=(fonts-wqy-microhei); fi
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${packages[*]} for the console's browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  exit 0
fi
if [ -x "$chromium" ]; then
  echo "No CJK font found (fonts-wqy-microhei): screenshots will show boxes for Chinese" >&2
  exit 0
fi
echo "No chromium at $chromium: install Debian's chromium (apt-get install chromium) or set LAXIN_E2E_CHROMIUM" >&2
exit 1
