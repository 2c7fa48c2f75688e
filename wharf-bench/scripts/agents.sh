#!/usr/bin/env bash
# Agent benchmark (issue 12): (a) queue-to-start with one idle remote agent waiting in its long
# poll, (b) dispatch throughput of 300 runs with 3 remote agents; agents speak the agent protocol
# over loopback HTTP with an executor that does nothing; SQLite in a temporary directory. No engine
# needed. Usage: wharf-bench/scripts/agents.sh   — prints Markdown table rows.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -B -q -pl wharf-bench -am package -DskipTests >&2
exec java -Dlogback.configurationFile="$ROOT/wharf-bench/scripts/server-logback.xml" -cp wharf-bench/target/benchmarks.jar dev.wharf.bench.AgentBenchmark
