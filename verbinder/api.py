"""Verbinder from Python, for notebooks and scripts: ``import verbinder as vb``.

Open the store the CLI and the dashboard use, read a workbook with its validation report,
make the synthetic demo, and run every analysis; tables come back as pandas DataFrames with
their metadata in ``attrs`` (for example ``attrs["synthetic"]``). :func:`readable` gives a
table Dutch headings and Belgian number formats; :func:`measure` says what a column means.
The store is the local one (everything visible): the rights of a shared installation apply to
the CLI and the dashboard. A walk-through is in ``docs/python.md``.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.sector_fit import SectorFit
from verbinder.graphmodel.store import DatasetInfo, open_store
from verbinder.loaders import LoadError, LoadResult, load_dataset, validate
from verbinder.loaders.demo import DEMO_SEED, generate_demo
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.queries.brokers import brokers
from verbinder.queries.catalogue import Measure
from verbinder.queries.catalogue import measure as _measure
from verbinder.queries.change import NetworkChange, network_change
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.event_planner import plan_event as _plan_event
from verbinder.queries.gaps import VerbandGaps, verband_gaps
from verbinder.queries.kept import prepare
from verbinder.queries.missing_links import missing_links as _missing_links
from verbinder.queries.presentation import readable
from verbinder.queries.profile import VerbandProfile, verband_profile
from verbinder.queries.rapport import flanders_report_html, verband_report_html

__all__ = [
    "Dataset",
    "LoadError",
    "brokers",
    "change",
    "compare",
    "datasets",
    "demo",
    "gaps",
    "load",
    "measure",
    "missing_links",
    "open_store",
    "plan_event",
    "profile",
    "read",
    "readable",
    "report_html",
    "save",
    "validate",
]


def datasets(path: str | Path | None = None) -> pd.DataFrame:
    """The datasets in the store: name, version, when, synthetic or not, and their counts.

    ``path``: the SQLite file (default: the one ``verbinder`` uses; with
    ``VERBINDER_STORE=neo4j`` the Neo4j server)."""
    with open_store(path) as store:
        found: list[DatasetInfo] = store.datasets()
    return pd.DataFrame(
        [
            {
                "naam": info.name,
                "versie": info.version,
                "aangemaakt": info.created,
                "synthetisch": info.synthetic,
                **info.counts,
            }
            for info in found
        ]
    )


def load(name: str, path: str | Path | None = None) -> Dataset:
    """Dataset ``name`` from the store, exactly as it was saved."""
    with open_store(path) as store:
        return store.load(name)


def read(file: str | Path, *, name: str) -> LoadResult:
    """Read a workbook (.xlsx), a folder of CSV files or a Verbinder JSON file.

    Returns the dataset and its validation report (warnings and notes); raises
    :class:`LoadError` with every problem located (file, sheet, row, column) when anything is
    wrong, and then nothing is read."""
    return load_dataset(file, name=name)


def save(dataset: Dataset, path: str | Path | None = None, *, replace: bool = False) -> int:
    """Save ``dataset`` in the store under its name, as one transaction, and prepare the
    analyses the dashboard opens with; returns the stored version. ``replace`` must be True
    to overwrite a dataset of that name."""
    with open_store(path) as store:
        info = store.save(dataset, replace=replace, action="python")
        prepare(store, info.name)
        return info.version


def demo(*, scale: float = 1.0, seed: int = DEMO_SEED, name: str = "demo") -> Dataset:
    """The synthetic demo network on the real verbanden (marked synthetic wherever it shows);
    ``scale`` 0.1 gives a tenth of the organisations."""
    return generate_demo(seed=seed, scale=scale, name=name)


def profile(dataset: Dataset, verband: str) -> VerbandProfile:
    """Whole-network measures, engagement per type and the E-I index per sector group of one
    verband."""
    return verband_profile(dataset, verband)


def compare(dataset: Dataset) -> pd.DataFrame:
    """One row per verband: density, engagement and the SE-regular figures, to compare."""
    return compare_verbanden(dataset)


def missing_links(
    dataset: Dataset,
    verband: str,
    *,
    top: int | None = 50,
    sectors: Collection[str] | None = None,
    fit: SectorFit | None = None,
) -> pd.DataFrame:
    """Suggested SE-regular links of a verband, best first, each with its reasons.

    ``sectors``: only pairs in these NACE sections or SE activities; ``fit``: a sector-fit
    table (default: the one Verbinder ships)."""
    return _missing_links(
        dataset, verband, sectors=sectors, top=top, fit=fit or default_sector_fit()
    )


def plan_event(
    dataset: Dataset,
    verband: str,
    *,
    capacity: int,
    sectors: Collection[str] | None = None,
    table_size: int = 6,
    fit: SectorFit | None = None,
) -> pd.DataFrame:
    """An invite list for a matchmaking event of ``capacity`` places, with tables and reasons."""
    return _plan_event(
        dataset,
        verband,
        capacity=capacity,
        sectors=sectors,
        table_size=table_size,
        fit=fit or default_sector_fit(),
    )


def gaps(dataset: Dataset, verband: str) -> VerbandGaps:
    """Where the verband is thin: municipalities without ties to their SE actors, partner
    groups that are absent, SE actors without an employer."""
    return verband_gaps(dataset, verband)


def change(before: Dataset, after: Dataset, verband: str) -> NetworkChange:
    """New and lost ties of a verband between two datasets, and its measures before and after."""
    return network_change(before, after, verband)


def report_html(dataset: Dataset, verband: str | None = None) -> str:
    """The printable report (HTML) of one verband, or of all verbanden when ``verband`` is None."""
    if verband is None:
        return flanders_report_html(dataset)
    return verband_report_html(dataset, verband, fit=default_sector_fit())


def measure(column: str) -> Measure:
    """What a column means: its Dutch name, how to read it, the method and its source."""
    return _measure(column)
