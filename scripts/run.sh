#!/usr/bin/env bash
# Quick start: set everything up, create the synthetic demo dataset in the embedded store and
# print the report of one verband (default: gent).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/verbinder demo
.venv/bin/verbinder report --verband "${1:-gent}"
