#!/usr/bin/env bash
# Runs the EPCIS benchmark (see benchmark/README.md). Builds the runnable jar when it is missing or older than the
# sources, then runs everything in one JVM, on the Temurin 25 JDK when it is installed (OpenEPCIS is only run on a
# current JDK; our code is Java 17 bytecode and runs there unchanged).
#
#   benchmark/run-epcis-benchmark.sh                       # 1 M events, -Xmx256m, 3 runs of every workload
#   benchmark/run-epcis-benchmark.sh --target-bytes 1g     # a ~1 GB document instead
#   benchmark/run-epcis-benchmark.sh --events 20k --runs 1 # a quick smoke run
#   BENCH_HEAP=2g benchmark/run-epcis-benchmark.sh ...     # another heap limit
#   benchmark/run-epcis-benchmark.sh --openepcis-heap 4g ...
#       after the main run, runs "hash" and "openepcis" again in a second JVM with that heap, for when OpenEPCIS
#       runs out of memory at the main run's heap limit (the ratio is then taken at equal heap)
#
# Environment: BENCH_JAVA (java binary), BENCH_HEAP (default 256m), BENCH_JAVA_OPTS (extra JVM options),
# BENCH_NO_BUILD=1 (run the jar as it is, even if sources are newer).
# Every other argument goes to the benchmark; --help lists them.
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$module/.." && pwd)"
jar="$module/target/epcis-benchmark.jar"

java_bin="${BENCH_JAVA:-}"
if [ -z "$java_bin" ]; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    java_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  else
    java_bin="$(command -v java)"
    echo "run-epcis-benchmark: Temurin 25 not found under /usr/lib/jvm, using $java_bin" >&2
  fi
fi
heap="${BENCH_HEAP:-256m}"

openepcis_heap=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --openepcis-heap) openepcis_heap="${2:?--openepcis-heap needs a size, e.g. 4g}"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$module" "$root/epcis-model" -newer "$jar" \
          \( -name '*.java' -o -name 'pom.xml' -o -name '*.xjb' -o -path '*/src/main/resources/*' \) \
          -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}

if [ ! -f "$jar" ] || { [ -z "${BENCH_NO_BUILD:-}" ] && stale; }; then
  echo "run-epcis-benchmark: building the benchmark and the modules it measures..." >&2
  (cd "$root" && mvn -q -pl benchmark -am install -DskipTests >&2) || { echo "run-epcis-benchmark: build failed" >&2; exit 3; }
fi

run() {
  local xmx="$1"; shift
  # Generated documents are cached under target/data, so a rerun of the same size starts measuring at once.
  (cd "$module" && "$java_bin" -Xmx"$xmx" ${BENCH_JAVA_OPTS:-} -jar "$jar" --data-dir "$module/target/data" "$@")
}

run "$heap" ${args[@]+"${args[@]}"}

if [ -n "$openepcis_heap" ]; then
  echo
  echo "=== second JVM, -Xmx$openepcis_heap: hash and openepcis only ==="
  run "$openepcis_heap" ${args[@]+"${args[@]}"} --workloads hash,openepcis --sample 0
fi
