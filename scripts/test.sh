#!/usr/bin/env bash
# Set everything up and run the whole test suite: ruff, a smoke run of the benchmarks at a tiny
# size, then pytest (the tests, and through tests/test_doctests.py the docstrings' examples).
# Exits non-zero when anything fails. pytest runs last so that its summary ("N passed ...") is
# the closing line CI reads.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --tests
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python benchmarks/run.py --smoke
.venv/bin/python benchmarks/metrics.py --smoke
.venv/bin/python benchmarks/kept.py --smoke
.venv/bin/python benchmarks/links.py --smoke
.venv/bin/python benchmarks/dashboard.py --smoke
.venv/bin/python benchmarks/browser.py --smoke
.venv/bin/python benchmarks/push.py --smoke
.venv/bin/python benchmarks/kbo.py --smoke --folder "$(mktemp -d)"
.venv/bin/python scripts/fuzz_loaders.py --runs 300  # coverage-guided smoke run, seeded
.venv/bin/python -m pytest tests "$@"
