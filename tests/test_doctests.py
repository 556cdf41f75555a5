"""The examples in the docstrings, run against the modules as they are installed.

Each module is imported by its installed name (``verbinder.queries.export`` for the file
``queries/export.py``), so that an example sees the same classes as the code it documents.
The dashboard's modules are left out: a Streamlit page runs when it is imported.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("graphmodel", "loaders", "queries", "verbinder")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _installed_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts if parts[0] == "verbinder" else ["verbinder", *parts])


def _with_examples() -> list[str]:
    names = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if ">>> " in path.read_text(encoding="utf-8"):
                names.append(_installed_name(path))
    return names


@pytest.mark.parametrize("name", _with_examples())
def test_the_examples_in_the_docstrings_run(name):
    module = importlib.import_module(name)
    tests = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    assert tests, f"{name} mentions '>>> ' but has no example doctest finds"
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
