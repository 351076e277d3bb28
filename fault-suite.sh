#!/usr/bin/env bash
# Builds what is needed, starts the whole platform with two instances of each service, two gateways and a cluster of
# three Kafka brokers on its own data directory (.fault-data), drives registrations, approvals and meetings through
# the gateways while it kills a process with SIGKILL every 20 s (each service, a gateway, the broker leading the
# busiest partitions, in turn) until each kind was killed 10 times, lets it settle, and checks that nothing
# acknowledged was lost or sent twice. Writes fault-report/report.md (and the platform's output in
# fault-report/platform.log); exits 1 when the platform did not hold. About 25 minutes on 2 cores.
# Options: --kills=10 (per kind of process) --kill-every=20 --restart-after=3 --calm=30 --rate=3 (registrations a
#          second) --meeting-every-ms=1500 --instances=2 --gateways=2 --kafka-brokers=3 --settle=300
#          --longest-minutes=40 --report=fault-report --data-dir=.fault-data
#          --smoke (one kill of each kind), and any port setting of the launcher (--gateway-port=…)
set -euo pipefail
cd "$(dirname "$0")"
echo "Building Convoy…"
./mvnw -q -B -DskipTests package
exec java -Xmx1g -cp local-platform/target/local-platform.jar org.convoy.local.FaultSuite "$@"
