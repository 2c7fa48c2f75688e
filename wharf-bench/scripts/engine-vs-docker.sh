#!/usr/bin/env bash
# Paired benchmark of `wharf run` against what a careful person does by hand with the docker CLI
# (issue 4): (a) 10 sequential trivial steps, (b) 1 step, (c) 10 parallel steps vs their
# sequential twin. Needs hyperfine (apt) and a running engine (scripts/setup-docker.sh).
# Usage: wharf-bench/scripts/engine-vs-docker.sh [RUNS]   — prints the ratios as a table.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-10}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install -y hyperfine" >&2; exit 3; }
"$ROOT/wharf" --version >/dev/null   # build the distribution and its CDS archive first
WHARF=$(ls -d "$ROOT"/wharf-cli/target/wharf-*/bin/wharf | head -1)
IMAGE=wharf-test/busybox

task() { # N PARALLEL(yes|no)
  echo "version: v1.1.0"
  echo "steps:"
  for i in $(seq 1 "$1"); do
    echo "  - id: s$i"
    echo "    cmd: $IMAGE true"
    [ "$2" = yes ] && echo '    when: ["-"]'
  done
  return 0
}
task 10 no >"$WORK/seq10.yaml"
task 1 no >"$WORK/one.yaml"
task 10 yes >"$WORK/par10.yaml"

by_hand() { # N
  cat <<SH
set -e
n=bench-\$\$-\$RANDOM
docker network create "\$n" >/dev/null
docker volume create "\$n" >/dev/null
for i in \$(seq 1 $1); do docker run --rm --network "\$n" -v "\$n:/workspace" -w /workspace $IMAGE true; done
docker network rm "\$n" >/dev/null
docker volume rm "\$n" >/dev/null
SH
}
by_hand 10 >"$WORK/seq10.sh"
by_hand 1 >"$WORK/one.sh"

hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/results.json" \
  -n wharf-seq10 "$WHARF run -f $WORK/seq10.yaml /dev/null" \
  -n docker-seq10 "bash $WORK/seq10.sh" \
  -n wharf-one "$WHARF run -f $WORK/one.yaml /dev/null" \
  -n docker-one "bash $WORK/one.sh" \
  -n wharf-par10 "$WHARF run -f $WORK/par10.yaml /dev/null" >&2

python3 - "$WORK/results.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
m = lambda k: r[k]["median"]
rows = [
  ("(a) 10 sequential steps: wharf / docker CLI script", m("wharf-seq10"), m("docker-seq10"), 1.0),
  ("(b) 1 step: wharf / docker CLI script", m("wharf-one"), m("docker-one"), 1.2),
  ("(c) 10 parallel / 10 sequential (wharf)", m("wharf-par10"), m("wharf-seq10"), 0.7),
]
print("| comparison | median s | reference median s | ratio | target |")
print("| --- | --- | --- | --- | --- |")
for name, a, b, t in rows:
    print(f"| {name} | {a:.3f} | {b:.3f} | {a/b:.2f}x | <= {t}x |")
PY
