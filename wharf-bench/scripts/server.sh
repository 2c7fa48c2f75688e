#!/usr/bin/env bash
# Server benchmark (issue 6): (a) queue-to-start latency with an idle embedded agent and a fast
# fake executor, (b) list-runs throughput with 10,000 runs stored; SQLite in a temporary directory.
# No engine needed. Usage: wharf-bench/scripts/server.sh   — prints Markdown table rows.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -B -q -pl wharf-bench -am package -DskipTests >&2
exec java -Dlogback.configurationFile="$ROOT/wharf-bench/scripts/server-logback.xml" -cp wharf-bench/target/benchmarks.jar dev.wharf.bench.ServerBenchmark
