#!/usr/bin/env bash
# The latency a run's engine socket adds to a step's `docker run` (issue 10): interleaved pairs of
# `docker run --rm wharf-test/busybox true` on the engine's own socket and on a run's socket.
# Needs the docker CLI and a running engine (scripts/setup-docker.sh).
# Usage: wharf-bench/scripts/socket-latency.sh [PAIRS] [scoped|untrusted]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -B -q -o -DskipTests -Dspotless.check.skip=true -pl wharf-bench -am package >&2
java -cp "wharf-bench/target/benchmarks.jar" dev.wharf.bench.SocketLatency "${1:-20}" "${2:-scoped}"
