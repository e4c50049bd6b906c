#!/usr/bin/env bash
# Capture-to-commit benchmark on the real stack: a fresh Fabric network (network/fabric.sh), an in-process Kafka
# broker and the hub. Prints the raw Fabric baseline (batches straight through the gateway connector), single events
# through POST /events and one large document through POST /capture; run it a few times and take the medians.
#
#   benchmark/run-ledger-benchmark.sh [runs]       default 3 runs
# Environment: FABRIC_HOME (see network/README.md); BENCHMARK_OPTS for -Dbenchmark.* overrides, e.g.
#   BENCHMARK_OPTS="-Dbenchmark.document.events=20000 -Dbenchmark.batch=500"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
cd "$root"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  echo "--- run $run of $runs"
  mvn -B -q -Pledger -f ledger-tests/pom.xml test -Dtest=LedgerThroughputBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false ${BENCHMARK_OPTS:-} 2>&1 | grep '^BENCHMARK' || {
      echo "run $run failed; see ledger-tests/target/surefire-reports" >&2; exit 1; }
  echo "load after run $run: $(cut -d' ' -f1-3 /proc/loadavg)"
done
