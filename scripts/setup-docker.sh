#!/usr/bin/env bash
# Prepares this machine for Wharf's tests and examples, idempotently and offline:
#   - installs what is missing (apt): docker.io, docker-registry, busybox-static, bash-static, apache2-utils,
#     and for the web UI's browser tests chromium, chromium-driver and fonts-liberation
#   - starts dockerd in the background unless an engine already answers, and waits for it
#   - starts two CNCF Distribution registries on loopback: 127.0.0.1:5000 (no auth) and
#     127.0.0.1:5001 (htpasswd: user "wharf", password "wharf-secret")
#   - makes the offline base images with `docker import` from Debian's static binaries:
#     wharf-test/busybox:latest, wharf-test/bash:latest and wharf-test/docker-cli:latest (busybox
#     plus the host's docker CLI), also tagged busybox:latest, bash:latest and docker:latest
# It never pulls from a public registry. Run it as root (CI and these machines are root).
set -euo pipefail

STATE=${WHARF_SETUP_STATE:-/var/lib/wharf-setup}
REG_USER=wharf
REG_PASSWORD=wharf-secret
log() { printf 'setup-docker: %s\n' "$*" >&2; }

install_missing() {
  local want=() pkg
  for pkg in docker.io docker-registry busybox-static bash-static apache2-utils \
    chromium chromium-driver fonts-liberation; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || want+=("$pkg")
  done
  if ((${#want[@]})); then
    log "installing ${want[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${want[@]}" >/dev/null
  fi
}

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

start_engine() {
  if engine_answers; then
    log "a Docker engine already answers"
    return
  fi
  if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST#unix://}" = "$DOCKER_HOST" ]; then
    echo "setup-docker: DOCKER_HOST=$DOCKER_HOST does not answer; start that engine first" >&2
    exit 3
  fi
  mkdir -p "$STATE"
  log "starting dockerd (log: $STATE/dockerd.log)"
  # setsid + nohup: the daemon outlives this script (CI runs the tests after it returns).
  setsid nohup dockerd --host=unix:///var/run/docker.sock >"$STATE/dockerd.log" 2>&1 </dev/null &
  local i
  for i in $(seq 1 60); do
    engine_answers && return
    sleep 1
  done
  echo "setup-docker: dockerd did not answer within 60 s; see $STATE/dockerd.log:" >&2
  tail -20 "$STATE/dockerd.log" >&2 || true
  exit 3
}

start_registry() { # PORT AUTH(yes|no)
  local port=$1 auth=$2 dir="$STATE/registry-$1"
  if curl -s -o /dev/null "http://127.0.0.1:$port/v2/"; then
    log "registry on 127.0.0.1:$port already answers"
    return
  fi
  mkdir -p "$dir/data"
  {
    echo "version: 0.1"
    echo "log: {level: warn}"
    echo "storage: {filesystem: {rootdirectory: $dir/data}, delete: {enabled: true}}"
    echo "http: {addr: 127.0.0.1:$port}"
    if [ "$auth" = yes ]; then
      htpasswd -Bbn "$REG_USER" "$REG_PASSWORD" >"$dir/htpasswd"
      echo "auth: {htpasswd: {realm: wharf, path: $dir/htpasswd}}"
    fi
  } >"$dir/config.yml"
  setsid nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null &
  local i
  for i in $(seq 1 30); do
    curl -s -o /dev/null "http://127.0.0.1:$port/v2/" && { log "registry on 127.0.0.1:$port started"; return; }
    sleep 0.5
  done
  echo "setup-docker: the registry on 127.0.0.1:$port did not start; see $dir/registry.log" >&2
  exit 3
}

import_image() { # NAME ROOTFS-BUILDER [ENTRYPOINT-JSON]
  local name=$1 builder=$2 entrypoint=${3:-[]}
  if docker image inspect "$name:latest" >/dev/null 2>&1; then
    return
  fi
  local root
  root=$(mktemp -d)
  "$builder" "$root"
  tar -C "$root" -c . | docker import -c 'CMD ["sh"]' -c "ENTRYPOINT $entrypoint" -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$name:latest" >/dev/null
  rm -rf "$root"
  log "imported $name:latest"
}

busybox_root() {
  local root=$1 applet
  mkdir -p "$root"/{bin,etc,tmp,root,workspace,usr/bin,var}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
}

bash_root() {
  local root=$1
  busybox_root "$root"
  cp /bin/bash-static "$root/bin/bash"
}

# The host's docker CLI (a Go binary that links only libc) for steps that drive the engine
# through the run's socket, as Microsoft's tutorial tasks do with `cmd: docker stop test`.
docker_cli_root() {
  local root=$1 lib
  busybox_root "$root"
  cp "$(command -v docker)" "$root/usr/bin/docker"
  for lib in $(ldd "$(command -v docker)" 2>/dev/null | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  # As in the public docker image: `docker stop test` runs the CLI, `sh -c …` runs sh.
  mkdir -p "$root/usr/local/bin"
  printf '#!/bin/sh\nif [ "$#" -gt 0 ] && command -v "$1" >/dev/null 2>&1; then exec "$@"; fi\nexec docker "$@"\n' >"$root/usr/local/bin/docker-entrypoint.sh"
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
}

make_images() {
  import_image wharf-test/busybox busybox_root
  import_image wharf-test/bash bash_root
  import_image wharf-test/docker-cli docker_cli_root '["docker-entrypoint.sh"]'
  docker tag wharf-test/busybox:latest busybox:latest
  docker tag wharf-test/bash:latest bash:latest
  docker tag wharf-test/docker-cli:latest docker:latest
}

install_missing
start_engine
start_registry 5000 no
start_registry 5001 yes
make_images
log "ready: engine $(docker version -f '{{.Server.Version}} (API {{.Server.APIVersion}})'), registries 127.0.0.1:5000 and 127.0.0.1:5001 ($REG_USER), images wharf-test/busybox wharf-test/bash wharf-test/docker-cli"
