#!/usr/bin/env bash
# Sets up everything Verbinder needs on a fresh machine: a virtual environment in .venv with
# the package and its test tools. Safe to run again: it reinstalls only when pyproject.toml
# changed.
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
if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
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
