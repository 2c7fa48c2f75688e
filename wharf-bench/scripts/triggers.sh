#!/usr/bin/env bash
# Trigger benchmark (issue 11): (a) signed webhook delivery to run queued, (b) a manifest pushed to
# a real docker-registry (Debian package) that notifies the server, to the dependent run queued.
# SQLite in a temporary directory; no engine needed.
# Usage: wharf-bench/scripts/triggers.sh   — prints Markdown table rows.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -B -q -pl wharf-bench -am package -DskipTests >&2
exec java -Dlogback.configurationFile="$ROOT/wharf-bench/scripts/server-logback.xml" -cp wharf-bench/target/benchmarks.jar dev.wharf.bench.TriggerBenchmark
