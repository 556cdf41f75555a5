#!/usr/bin/env bash
# Quick start: set everything up, create the synthetic demo dataset in the embedded store,
# print the report of one verband (default: gent) and start the dashboard on
# http://127.0.0.1:8501 (stop it with Ctrl+C).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/verbinder demo
.venv/bin/verbinder report --verband "${1:-gent}"
exec .venv/bin/verbinder dashboard
