"""Imports follow the data: loaders -> graphmodel -> queries -> dashboards and the CLI.

Read from the source with ``ast`` (every import, also those inside functions). The rules:

- ``graphmodel`` imports nothing of ours but itself: the model, the metrics and the stores.
- ``loaders`` read files into the model: ``graphmodel`` only.
- ``queries`` answer questions on the model: ``graphmodel`` only, never a loader.
- ``dashboards.data`` is the dashboard's data edge: it opens the store, reads uploads and
  caches; it may use ``graphmodel``, ``loaders`` and ``queries``.
- every other dashboard module (pages, widgets) calls ``queries`` and ``dashboards.data``; of
  ``graphmodel`` it uses only the vocabulary it draws (types, model classes, the survey's
  wording) and the number formats, never a store, a metric, a view or access rules; never a
  loader.
- nothing imports the CLI package ``verbinder`` except itself.

Every folder installs under ``verbinder`` (``verbinder.queries`` is the folder ``queries/``);
the rules name the folders.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graphmodel", "loaders", "queries", "dashboards", "verbinder")
DATA_EDGE = "dashboards.data"
DRAWN_VOCABULARY = {
    "graphmodel.types",
    "graphmodel.model",
    "graphmodel.survey",
    "graphmodel.formatting",
}
"""What a dashboard page may take from graphmodel: words and formats, no data access."""


def _modules() -> dict[str, Path]:
    """Module name (without the ``verbinder.`` every folder installs under) -> file."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _short(name: str) -> str:
    """``verbinder.queries.x`` -> ``queries.x``; the CLI's own modules keep their name."""
    inner = name.removeprefix("verbinder.")
    return inner if inner.split(".")[0] in PACKAGES[:-1] else name


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    names = {_short(n) for n in names}
    return {n for n in names if n.split(".")[0] in PACKAGES}


def _allowed(module: str, imported: str) -> bool:
    own, target = module.split(".")[0], imported.split(".")[0]
    if own == target:
        return True
    if own in ("loaders", "queries"):
        return target == "graphmodel"
    if own == "dashboards":
        if module == DATA_EDGE:
            return target in ("graphmodel", "loaders", "queries")
        return target == "queries" or any(
            imported == v or imported.startswith(f"{v}.") for v in DRAWN_VOCABULARY
        )
    return own == "verbinder" and target != "dashboards"


MODULES = _modules()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_data(module):
    against = sorted(i for i in _imports(MODULES[module]) if not _allowed(module, i))
    assert against == [], f"{module} imports against the flow: {against}"


def test_the_rules_see_every_package_and_refuse_an_arrow_back():
    assert {m.split(".")[0] for m in MODULES} == set(PACKAGES)
    assert _imports(ROOT / "queries" / "export.py") >= {"graphmodel.cells.escape_formula"}
    assert not _allowed("graphmodel.store.neo4j", "queries.cypher")
    assert not _allowed("queries.export", "loaders.parsing")
    assert not _allowed("dashboards.views.start", "verbinder.render")
    assert not _allowed("dashboards.views.gegevens", "graphmodel.store")
    assert _allowed("dashboards.data", "loaders")


def test_the_folders_are_reached_only_by_their_installed_names():
    # tests/conftest.py keeps the checkout off sys.path: a module found as 'queries' here
    # would hide an import that fails once installed.
    for folder in PACKAGES[:-1]:
        spec = importlib.util.find_spec(folder)  # tests/<folder> is a namespace of tests
        assert spec is None or spec.origin != str(ROOT / folder / "__init__.py"), folder
        installed = importlib.util.find_spec(f"verbinder.{folder}")
        assert installed.origin == str(ROOT / folder / "__init__.py")
