#!/usr/bin/env bash
# Builds what is needed, then starts the whole Convoy platform on this machine without Docker.
# Settings: ./run-local.sh --gateway-port=9080 --reset   (or CONVOY_GATEWAY_PORT=9080 ...; see README)
# With --zipkin it also fetches Zipkin's server (once, 135 MB from Maven Central) and starts it for the traces.
set -euo pipefail
cd "$(dirname "$0")"
zipkin=${CONVOY_ZIPKIN:-false}
zipkin_jar=${CONVOY_ZIPKIN_JAR:-}
for arg in "$@"; do
  case $arg in
    --zipkin) zipkin=true ;;
    --zipkin=*) zipkin=${arg#--zipkin=} ;;
    --zipkin-jar=*) zipkin_jar=${arg#--zipkin-jar=} ;;
  esac
done
echo "Building Convoy (the first build downloads dependencies and takes a few minutes)…"
./mvnw -q -B -DskipTests package
# A server of the user's own (--zipkin-jar) needs nothing fetched.
if [[ $zipkin == true && -z $zipkin_jar ]]; then
  echo "Fetching Zipkin's server into local-platform/target/zipkin (135 MB from Maven Central the first time)…"
  if ! ./mvnw -q -B -pl local-platform dependency:copy@zipkin-server; then
    echo "Could not fetch Zipkin's server (io.zipkin:zipkin-server, classifier exec) from Maven Central; Maven's" \
         "lines above say why. Start without --zipkin, or download the jar and give --zipkin-jar=<path>." >&2
    exit 1
  fi
fi
exec java -jar local-platform/target/local-platform.jar "$@"
