#!/usr/bin/env bash
# Builds what is needed, then starts the whole Convoy platform on this machine without Docker.
# Settings: ./run-local.sh --gateway-port=9080 --reset   (or CONVOY_GATEWAY_PORT=9080 ...; see README)
set -euo pipefail
cd "$(dirname "$0")"
echo "Building Convoy (the first build downloads dependencies and takes a few minutes)…"
./mvnw -q -B -DskipTests package
exec java -jar local-platform/target/local-platform.jar "$@"
