"""The store interface every backend implements, and the records it returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from verbinder.graphmodel.model import Dataset, Verband

__all__ = [
    "ConcurrentChangeError",
    "DatasetExistsError",
    "DatasetInfo",
    "DatasetNotFoundError",
    "ImportRecord",
    "Period",
    "Store",
    "StoreError",
]


Period = tuple[int, int]
"""A policy cycle: its first and last year."""


class StoreError(Exception):
    """A store could not do what was asked; the message is Dutch and meant for the user."""


class DatasetNotFoundError(StoreError):
    """No dataset with that name."""


class DatasetExistsError(StoreError):
    """A dataset with that name exists and replacing it was not asked for."""


class ConcurrentChangeError(StoreError):
    """The dataset changed since the writer read it (``expected_version`` did not match)."""

    def __init__(self, name: str, expected: int, found: int) -> None:
        super().__init__(
            f"De dataset '{name}' werd intussen door iemand anders gewijzigd (versie {found}, "
            f"u vertrok van versie {expected}). Er is niets bewaard: probeer opnieuw."
        )


def check_version(name: str, expected: int | None, found: int) -> None:
    """Raise :class:`ConcurrentChangeError` unless ``expected`` is None or equals ``found``
    (0 meaning: the dataset does not exist yet)."""
    if expected is not None and expected != found:
        raise ConcurrentChangeError(name, expected, found)


@dataclass(frozen=True)
class DatasetInfo:
    """What a store knows about one dataset without loading it."""

    name: str
    synthetic: bool
    description: str
    created: datetime
    version: int
    counts: dict[str, int]


@dataclass(frozen=True)
class ImportRecord:
    """One line of the import history: when, which file, its hash and the counts."""

    at: datetime
    dataset: str
    action: str
    file: str | None
    sha256: str | None
    counts: dict[str, int]


class Store(Protocol):
    """What every store offers; the SQLite and Neo4j stores behave the same."""

    def datasets(self) -> list[DatasetInfo]:
        """All datasets, by name."""
        ...

    def load(self, name: str) -> Dataset:
        """The whole dataset ``name``; raises :class:`DatasetNotFoundError`."""
        ...

    def save(
        self,
        dataset: Dataset,
        *,
        replace: bool = False,
        action: str = "import",
        file: str | None = None,
        sha256: str | None = None,
        expected_version: int | None = None,
    ) -> DatasetInfo:
        """Write ``dataset`` all-or-nothing and record it in the import history.

        With ``expected_version`` (0: must not exist yet) the write only happens when the
        stored version still is that one; else :class:`ConcurrentChangeError`.
        """
        ...

    def dataset_version(self, name: str) -> int:
        """A number that changes whenever dataset ``name`` is written."""
        ...

    def delete(self, name: str) -> None:
        """Remove dataset ``name``; its import history is kept."""
        ...

    def history(self, name: str | None = None) -> list[ImportRecord]:
        """The import history, oldest first, optionally of one dataset."""
        ...

    def kept(self, name: str, version: int, kind: str, key: str) -> bytes | None:
        """A result computed from version ``version`` of dataset ``name`` and kept with it
        (:func:`queries.kept.kept_frame`), or None."""
        ...

    def keep(self, dataset: Dataset, kind: str, key: str, value: bytes) -> bool:
        """Keep a result computed from ``dataset`` as this store loaded it, unless the
        dataset was written since; True when it was kept."""
        ...

    def save_cycle(
        self, period: Period, verbanden: tuple[Verband, ...], *, file: str | None = None
    ) -> None:
        """Keep ``verbanden`` as the reference of cycle ``period`` (:mod:`.cycles`),
        replacing an earlier one, and record it in the import history."""
        ...

    def cycle(self, period: Period) -> tuple[Verband, ...] | None:
        """The verbanden kept for cycle ``period``, or None."""
        ...

    def cycles(self) -> list[Period]:
        """The cycles whose verbanden are kept, oldest first."""
        ...
