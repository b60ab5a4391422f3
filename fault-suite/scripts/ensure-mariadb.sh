#!/usr/bin/env bash
# The fault suite runs a private MariaDB it can kill and restart (never the machine's shared one): it needs Debian's
# mariadbd and mariadb-install-db. Installs mariadb-server when they are missing and this is a root shell with
# apt-get; otherwise says how to provide them.
set -euo pipefail
if [ -x /usr/sbin/mariadbd ] && command -v mariadb-install-db >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing mariadb-server for the fault suite's private MariaDB…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
  exit 0
fi
echo "No /usr/sbin/mariadbd or mariadb-install-db: install Debian's mariadb-server (apt-get install mariadb-server)" >&2
exit 1
