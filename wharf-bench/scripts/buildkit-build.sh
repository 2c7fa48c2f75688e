#!/usr/bin/env bash
# Benchmark of `wharf build` against `docker build` + `docker push` by hand (issue 14), on a
# multi-stage build: a "compile" stage, a test stage that runs the result, and a small runtime
# image. The offline base image is busybox, which has no compiler: the compile stage is shell work
# of the same shape (read sources, produce a binary-sized artefact, one output per source file).
# Measured: the classic builder cold (--no-cache) and warm (every layer cached), and BuildKit with
# a RUN --mount=type=cache compile stage: first build after the cache mount was emptied vs a build
# after one source changed (the cache mount keeps the other outputs). By hand = the docker CLI with
# DOCKER_BUILDKIT=0 (classic) or the engine's own CLI with DOCKER_BUILDKIT=1.
# Needs hyperfine, a running engine and the registry at 127.0.0.1:5000 (scripts/setup-docker.sh).
# Usage: wharf-bench/scripts/buildkit-build.sh [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
WORK=$(mktemp -d)
REG=127.0.0.1:5000
TAG=bench-bk-$$
cleanup() {
  rm -rf "$WORK"
  # By id: a tag moved to a newer build leaves the older image untagged under the same name.
  docker images --format '{{.ID}} {{.Repository}}' | awk -v t="$TAG" 'index($2, t) {print $1}' |
    sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
}
trap cleanup EXIT
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install -y hyperfine" >&2; exit 3; }
"$ROOT/wharf" --version >/dev/null
WHARF=$(ls -d "$ROOT"/wharf-cli/target/wharf-*/bin/wharf | head -1)
# The by-hand BuildKit build needs a docker CLI that still builds with BuildKit without buildx.
BKCLI=${BKCLI:-/usr/bin/docker}

mkdir -p "$WORK/classic/src" "$WORK/buildkit/src"
for i in $(seq 1 20); do
  for d in classic buildkit; do
    { echo "# module $i"; for l in $(seq 1 200); do echo "f$l() { echo $i.$l; }"; done; } >"$WORK/$d/src/m$i.sh"
  done
done
# compile: one object per source (a sha-named 256 KiB block each), then link them into one file.
COMPILE='for s in src/*.sh; do o=$OBJ/$(basename $s .sh).o; if [ ! -f $o ] || [ $s -nt $o ]; then (cat $s; dd if=/dev/urandom bs=64k count=4 2>/dev/null | od -An -tx1 | head -c 262144) > $o; fi; done; mkdir -p /out; cat $OBJ/*.o > /out/app; echo "#!/bin/sh" > /out/run; echo "wc -c < /usr/local/lib/app" >> /out/run; chmod +x /out/run'
cat >"$WORK/classic/Dockerfile" <<DF
FROM wharf-test/busybox AS build
WORKDIR /b
COPY src src
RUN OBJ=/tmp/obj; mkdir -p \$OBJ; $COMPILE
FROM build AS test
RUN test "\$(wc -c < /out/app)" -gt 5000000 && echo tests passed > /out/tested
FROM wharf-test/busybox
COPY --from=build /out/app /usr/local/lib/app
COPY --from=build /out/run /usr/local/bin/app
COPY --from=test /out/tested /tested
CMD ["app"]
DF
sed 's|^RUN OBJ=/tmp/obj; mkdir -p \$OBJ;|RUN --mount=type=cache,id=CACHEID,target=/cache OBJ=/cache;|' \
  "$WORK/classic/Dockerfile" >"$WORK/buildkit/Dockerfile.in"
grep -q 'mount=type=cache' "$WORK/buildkit/Dockerfile.in"
sed "s/CACHEID/$TAG/" "$WORK/buildkit/Dockerfile.in" >"$WORK/buildkit/Dockerfile"

# A new cache mount id empties the mount (without pruning the engine's other build cache) and
# changes the RUN line, so the compile layer is rebuilt too.
new_mount() { sed "s/CACHEID/$TAG-$RANDOM$RANDOM/" "$1/Dockerfile.in" >"$1/Dockerfile"; }
touch_source() { echo "# $RANDOM$RANDOM" >>"$1/src/m1.sh"; }
export -f new_mount touch_source
export TAG

cd "$WORK"
hyperfine -N --runs "$RUNS" --export-json "$WORK/classic.json" \
  -n wharf-classic-cold "$WHARF build --no-cache -r $REG -t $TAG:w classic" \
  -n docker-classic-cold "bash -c 'DOCKER_BUILDKIT=0 docker build -q --no-cache -t $REG/$TAG:d classic >/dev/null && docker push -q $REG/$TAG:d >/dev/null'" \
  -n wharf-classic-warm "$WHARF build -r $REG -t $TAG:w classic" \
  -n docker-classic-warm "bash -c 'DOCKER_BUILDKIT=0 docker build -q -t $REG/$TAG:d classic >/dev/null && docker push -q $REG/$TAG:d >/dev/null'" >&2
# BuildKit: "first" uses a new, empty cache mount each time; "second" changes one source file so
# the compile layer is rebuilt but the cache mount still holds the other objects.
hyperfine -N --runs "$RUNS" --export-json "$WORK/buildkit.json" \
  --prepare "bash -c 'new_mount $WORK/buildkit'" \
  -n wharf-bk-first "$WHARF build -r $REG -t $TAG:wb buildkit" \
  --prepare "bash -c 'new_mount $WORK/buildkit'" \
  -n docker-bk-first "bash -c 'DOCKER_BUILDKIT=1 $BKCLI build -q -t $REG/$TAG:db buildkit >/dev/null && docker push -q $REG/$TAG:db >/dev/null'" \
  --prepare "bash -c 'touch_source $WORK/buildkit'" \
  -n wharf-bk-second "$WHARF build -r $REG -t $TAG:wb buildkit" \
  --prepare "bash -c 'touch_source $WORK/buildkit'" \
  -n docker-bk-second "bash -c 'DOCKER_BUILDKIT=1 $BKCLI build -q -t $REG/$TAG:db buildkit >/dev/null && docker push -q $REG/$TAG:db >/dev/null'" >&2

python3 - "$WORK/classic.json" "$WORK/buildkit.json" <<'PY'
import json, sys
r = {}
for f in sys.argv[1:]:
    r.update({x["command"]: x for x in json.load(open(f))["results"]})
m = lambda k: r[k]["median"]
print("| build (multi-stage, 20 sources, push to 127.0.0.1:5000) | wharf build median s | docker build + push median s | ratio |")
print("|---|---|---|---|")
for name, w, d in [
    ("classic, cold (--no-cache)", "wharf-classic-cold", "docker-classic-cold"),
    ("classic, warm (all layers cached)", "wharf-classic-warm", "docker-classic-warm"),
    ("BuildKit, cache mount empty", "wharf-bk-first", "docker-bk-first"),
    ("BuildKit, one source changed, cache mount warm", "wharf-bk-second", "docker-bk-second"),
]:
    print(f"| {name} | {m(w):.2f} | {m(d):.2f} | {m(w)/m(d):.2f} |")
print()
print(f"cache mount: second build / first build = {m('wharf-bk-second')/m('wharf-bk-first'):.2f} (wharf), "
      f"{m('docker-bk-second')/m('docker-bk-first'):.2f} (by hand)")
PY
