#!/usr/bin/env bash
# Builds what is needed, starts the whole platform on its own data directory (.bench-data) and ports, measures it,
# writes bench-report/report.md with two charts, and stops everything. Takes about 10 minutes on 2 cores.
# Options: --registrations=10000 --clients=32 --rates=50,100,200,300 --paced-seconds=10 --calls=3000 --warm-up=2000
#          --anchor-records=50000 --planning-delegates=1000 --planning-hosts=50 (per city)
#          --phases=registration,gateway,scheduling,kafka (which to run) --report=bench-report
#          --smoke (a run of seconds that checks the command works)
set -euo pipefail
cd "$(dirname "$0")"
echo "Building Convoy…"
./mvnw -q -B -DskipTests package
exec java -Xmx2g -cp local-platform/target/local-platform.jar org.convoy.local.Bench "$@"
