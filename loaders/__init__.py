"""Everything that turns outside data into the model: workbooks, CSV folders, JSON, demo data."""

from __future__ import annotations

from pathlib import Path

from verbinder.graphmodel.model import Verband
from verbinder.loaders.json_loader import load_json_dataset
from verbinder.loaders.problems import LoadError, Problem, ValidationReport
from verbinder.loaders.workbook import LoadResult, load_workbook_dataset

__all__ = [
    "LoadError",
    "LoadResult",
    "Problem",
    "ValidationReport",
    "load_dataset",
    "validate",
]


def load_dataset(
    path: str | Path, *, name: str, reference: tuple[Verband, ...] | None = None
) -> LoadResult:
    """Read a workbook (.xlsx), a folder of CSV files or a Verbinder JSON file.

    ``reference``: the verbanden of the dataset's policy cycle, for the verbanden the input
    names without describing them (default: those of 2017-2019 that Verbinder ships).

    Raises
    ------
    LoadError
        With every problem located, when anything is wrong; nothing is returned then.
    """
    if Path(path).suffix.lower() == ".json" and not Path(path).is_dir():
        return load_json_dataset(path, name=name, reference=reference)
    return load_workbook_dataset(path, name=name, reference=reference)


def validate(path: str | Path) -> ValidationReport:
    """Every problem in an input, without importing it."""
    try:
        return load_dataset(path, name="controle").report
    except LoadError as exc:
        return exc.report
