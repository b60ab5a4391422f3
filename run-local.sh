#!/usr/bin/env bash
# Starts the whole Laxin suite (gateway + five services) in one JVM on embedded defaults:
# H2 files + embedded Redis + in-process RocketMQ under ./.laxin-data (LAXIN_DATA_DIR to move it).
# Builds first when a source is newer than the jar (the console with the machine's Node.js and npm). Ctrl-C stops
# everything. The printed walkthrough starts with the console: http://localhost:8080/console/
set -euo pipefail
cd "$(dirname "$0")"
jar=standalone/target/laxin-standalone.jar
stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find . \( -path ./.laxin-data -o -path '*/target' -o -path ./.git -o -name node_modules -o -path ./console/dist \) -prune -o \
      \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name '*.xml' -o -name '*.vue' -o -name '*.ts' \
         -o -name '*.json' -o -name '*.css' -o -name 'index.html' \) -newer "$jar" -print -quit)" ]
}
if stale; then
  echo "Building Laxin (tests are the other command: ./mvnw -B verify)…"
  ./mvnw -B -q -DskipTests package
fi
exec java -XX:+UseG1GC -Dtls.server.mode=disabled -jar "$jar" "$@"
