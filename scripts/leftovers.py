#!/usr/bin/env python3
"""What the test suite leaves behind: a snapshot before it, a comparison after it.

`mvn verify` runs `leftovers.py snapshot` before the first module and `leftovers.py check` after
the last one (see the root pom and docs/testing.md). The check fails the build when something is
there that was not before: containers, networks, volumes, images on the Docker engine, tags in the
test registries, entries in the temp folder. Without a Docker engine the engine part is skipped.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

REGISTRIES = [
    ("127.0.0.1:5000", None),
    ("127.0.0.1:5001", ("wharf", "wharf-secret")),
]

# Entries other programs keep in the temp folder while the suite runs (the JVM's perf data,
# systemd, X); nothing the suite creates.
TEMP_IGNORED = (
    "hsperfdata_",
    "systemd-private-",
    ".X11-unix",
    ".ICE-unix",
    ".font-unix",
    "surefire-",  # Maven's test runner's own folder
)


def docker(*args):
    try:
        result = subprocess.run(
            ["docker", *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return [line for line in result.stdout.splitlines() if line.strip()]


def engine_state():
    found = set()
    queries = {
        "container": ["ps", "-a", "--format", "{{.Names}} ({{.Image}})"],
        "network": ["network", "ls", "--format", "{{.Name}}"],
        "volume": ["volume", "ls", "--format", "{{.Name}}"],
        "image": ["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"],
    }
    for kind, args in queries.items():
        lines = docker(*args)
        if lines is None:
            return set()  # no engine: nothing to compare
        found.update(f"{kind} {line}" for line in lines)
    return found


def registry_get(host, auth, path):
    request = urllib.request.Request(f"http://{host}{path}")
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def catalog(host, auth):
    """Every repository of a registry; Distribution answers at most 1000 a page."""
    repositories = []
    while True:
        last = f"&last={repositories[-1]}" if repositories else ""
        page = registry_get(host, auth, f"/v2/_catalog?n=1000{last}").get("repositories") or []
        repositories.extend(page)
        if len(page) < 1000:
            return repositories


def registry_state():
    found = set()
    for host, auth in REGISTRIES:
        try:
            repositories = catalog(host, auth)
        except urllib.error.HTTPError:
            raise  # a registry that answers must be read, or its leftovers go unseen
        except OSError:
            continue  # registry not running
        for repository in repositories:
            try:
                tags = registry_get(host, auth, f"/v2/{repository}/tags/list").get("tags")
            except urllib.error.HTTPError as error:
                if error.code == 404:
                    continue  # a repository removed while this looked
                raise
            found.update(f"registry {host}/{repository}:{tag}" for tag in tags or [])
    return found


def temp_state():
    folder = tempfile.gettempdir()
    return {
        f"temp {os.path.join(folder, name)}"
        for name in os.listdir(folder)
        if not name.startswith(TEMP_IGNORED)
    }


def state():
    return engine_state() | registry_state() | temp_state()


def main(argv):
    if len(argv) not in (3, 4) or argv[1] not in ("snapshot", "check"):
        print("usage: leftovers.py snapshot FILE | check FILE [--fail=true|false]", file=sys.stderr)
        return 2
    command, path = argv[1], argv[2]
    fail = len(argv) == 4 and argv[3] == "--fail=true"
    if command == "snapshot":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(sorted(state())) + "\n")
        return 0
    try:
        with open(path, encoding="utf-8") as before_file:
            before = {line for line in before_file.read().splitlines() if line}
    except FileNotFoundError:
        print(f"leftovers: no snapshot at {path}; nothing to compare", file=sys.stderr)
        return 0
    left = sorted(state() - before)
    if not left:
        print("leftovers: the test suite left nothing behind")
        return 0
    print(f"leftovers: the test suite left {len(left)} things behind:", file=sys.stderr)
    for line in left:
        print(f"  {line}", file=sys.stderr)
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
