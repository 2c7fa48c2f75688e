#!/usr/bin/env bash
# Polling-cost benchmark (issue 11): one round of the commit poller over 200 repositories and one of
# the base-image poller over 1,000 tags, against loopback stubs; requests, wall time and CPU per round.
# SQLite and the JVM's temporary files in a scratch directory under wharf-bench/target, removed at the
# end; no engine needed.
# Usage: wharf-bench/scripts/polling.sh   — prints a Markdown table.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -o -B -q -pl wharf-bench -am package -DskipTests >&2
SCRATCH=$(mktemp -d -p "$ROOT/wharf-bench/target" polling.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
java -XX:-UsePerfData -Djava.io.tmpdir="$SCRATCH" \
  -Dlogback.configurationFile="$ROOT/wharf-bench/scripts/server-logback.xml" \
  -cp wharf-bench/target/benchmarks.jar dev.wharf.bench.PollingBenchmark "$SCRATCH"
