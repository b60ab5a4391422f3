#!/usr/bin/env bash
# The fault suite of issue 14 (docs/reliability.md): the apps in separate processes, a scripted campaign through the
# gateway while reward-service and invite-service are killed (-9) and restarted, the broker restarted, Redis flushed
# and restarted, MariaDB restarted and reward-service slowed; then counters computed from the script.
#
#   scripts/fault-suite.sh          the short version (the one `./mvnw -B verify` runs), a few minutes
#   scripts/fault-suite.sh --long   four rounds of every fault with more load between them, about 10 minutes
#
# Builds what the suite needs (the standalone jar and its modules; their tests skipped) and runs FaultSuiteIT only.
# Needs /usr/sbin/mariadbd and mariadb-install-db (a private MariaDB under fault-suite/target/, never the machine's
# shared one). Figures: fault-suite/target/fault-suite/<run>/result.txt; every process's log next to it in logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=short
case "${1:-}" in
  --long) mode=long ;;
  ""|--short) ;;
  *) echo "usage: $0 [--short|--long]" >&2; exit 2 ;;
esac
exec ./mvnw -B verify -pl fault-suite -am -DskipTests -DskipITs -Dfault.suite.skip=false -Dfault.suite.skipITs=false \
  -Dfault.suite="$mode" -Dit.test=FaultSuiteIT -Dfailsafe.failIfNoSpecifiedTests=false
