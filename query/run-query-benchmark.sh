#!/usr/bin/env bash
# The query index at scale (QueryBenchmark): bulk-loads a synthetic DSCSA supply chain into a PostgreSQL cluster of
# its own, then measures MATCH_epc and lot-wide query latency (p50/p99), recall reach, export throughput and the
# index's size on disk, each the median of several runs, with the machine's load average.
#
#   query/run-query-benchmark.sh                        10 M events (the first load takes a while; later runs reuse it)
#   query/run-query-benchmark.sh --events 200k --runs 1 a smoke run
#   query/run-query-benchmark.sh --load-only true       load (or top up) and stop
#
# Environment: BENCH_PG_DATA (cluster directory, default .tools/postgres-run/query-benchmark, kept to reuse a load;
# stop it with PG_DATA=<it> PG_PORT=<port> stack/postgres.sh stop),
# BENCH_PG_PORT (default 55433), BENCH_HEAP (default 2g), BENCH_PG_FAST=1 (fsync off while loading: faster, not
# what production does; the default keeps PostgreSQL's durable settings).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PG_DATA="${BENCH_PG_DATA:-$root/.tools/postgres-run/query-benchmark}"
export PG_PORT="${BENCH_PG_PORT:-55433}"
export PG_DATABASE=benchmark
export PG_FAST="${BENCH_PG_FAST:-0}"
heap="${BENCH_HEAP:-2g}"

mvn -q -f query/pom.xml test-compile
mvn -q -f query/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
stack/postgres.sh start
classpath="query/target/test-classes:query/target/classes:$(cat query/target/benchmark.classpath)"
exec java "-Xmx$heap" -cp "$classpath" org.pharmatrace.query.QueryBenchmark \
    --url "jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE" "$@"
