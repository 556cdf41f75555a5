"""The Python API (``import verbinder as vb``): its walk-through runs, its surface is listed."""

from __future__ import annotations

import doctest
import inspect
import pydoc
from pathlib import Path

import verbinder as vb

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "python.md"


def test_the_walk_through_runs_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VERBINDER_DB", str(tmp_path / "standaard.sqlite"))
    monkeypatch.delenv("VERBINDER_STORE", raising=False)
    result = doctest.testfile(
        str(GUIDE),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 20 and result.failed == 0


def test_every_export_is_listed_and_explained_in_the_guide():
    public = {
        name
        for name in dir(vb)
        if not name.startswith("_") and not inspect.ismodule(getattr(vb, name))
    }
    assert public == set(vb.__all__), "an export missing from vb.__all__ (or the reverse)"
    guide = GUIDE.read_text(encoding="utf-8")
    assert [n for n in vb.__all__ if f"vb.{n}" not in guide] == []


def test_help_lists_every_function_with_its_summary():
    text = pydoc.render_doc(vb, renderer=pydoc.plaintext)
    for name in vb.__all__:
        item = getattr(vb, name)
        summary = inspect.getdoc(item).splitlines()[0]
        assert summary, name
        assert name in text and summary in text, name
