#!/usr/bin/env bash
# Web UI benchmark (issue 13): page times of the runs list with 10,000 runs stored and of a run with
# 50 steps and a 100,000-line log; SQLite in a temporary directory, through HTTP with a session.
# No engine needed. Usage: wharf-bench/scripts/web-ui.sh   — prints Markdown table rows.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -B -q -pl wharf-bench -am package -DskipTests >&2
exec java -Dlogback.configurationFile="$ROOT/wharf-bench/scripts/server-logback.xml" -cp wharf-bench/target/benchmarks.jar dev.wharf.bench.WebUiBenchmark
