"""A store seen through one principal's rights: reads are scoped, writes are merged and checked.

Every front end (CLI, dashboard) opens its store through :func:`graphmodel.store.open_store`,
which wraps it here when a roles file is configured; the rules themselves live in
:mod:`graphmodel.scoping`.
"""

from __future__ import annotations

from dataclasses import replace as copy_with
from pathlib import Path

from verbinder.graphmodel.access import AccessDeniedError, Principal, Role
from verbinder.graphmodel.model import Dataset, Verband
from verbinder.graphmodel.scoping import merge_scoped, scope_dataset
from verbinder.graphmodel.store.base import (
    ConcurrentChangeError,
    DatasetInfo,
    DatasetNotFoundError,
    ImportRecord,
    Period,
    Store,
)

__all__ = ["GuardedStore"]

ATTEMPTS = 20
"""How often a regisseur's write is merged again when someone else wrote in between."""


class GuardedStore:
    """``store`` as ``principal`` may use it (the :class:`~graphmodel.store.base.Store`
    interface).

    A regisseur reads their part of each dataset and writes only within their verbanden (a
    write replaces their part and keeps the rest; when another write lands in between, the
    merge is redone from the new state); an analist only reads, without personal data; a
    beheerder is not restricted. Deleting datasets is for a beheerder only.
    """

    def __init__(self, store: Store, principal: Principal) -> None:
        self.inner = store
        self.principal = principal

    @property
    def path(self) -> Path | str:
        """Where the wrapped store is (file or server)."""
        return getattr(self.inner, "path", None) or getattr(self.inner, "uri", "")

    def close(self) -> None:
        """Close the wrapped store."""
        self.inner.close()

    def __enter__(self) -> GuardedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _require(self, *roles: Role, what: str) -> None:
        if self.principal.role not in roles:
            raise AccessDeniedError(f"Als {self.principal.role.value} mag u {what}.")

    def datasets(self) -> list[DatasetInfo]:
        """All datasets; a regisseur does not see the counts of the whole."""
        infos = self.inner.datasets()
        if self.principal.role is Role.REGISSEUR:
            return [copy_with(info, counts={}) for info in infos]
        return infos

    def dataset_version(self, name: str) -> int:
        """The stored version of ``name``."""
        return self.inner.dataset_version(name)

    def load(self, name: str) -> Dataset:
        """What the principal may see of dataset ``name``."""
        return scope_dataset(self.inner.load(name), self.principal)

    def _scoped(self, key: str) -> str:
        role, verbanden = self.principal.scope_key
        return f"{role}:{','.join(verbanden)}|{key}"

    def kept(self, name: str, version: int, kind: str, key: str) -> bytes | None:
        """A result kept for this principal's view (users with other rights never share)."""
        return self.inner.kept(name, version, kind, self._scoped(key))

    def keep(self, dataset: Dataset, kind: str, key: str, value: bytes) -> bool:
        """Keep a result computed from this principal's view of ``dataset``."""
        return self.inner.keep(dataset, kind, self._scoped(key), value)

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
        """Write ``dataset`` (for a regisseur: their part of it, merged into the whole)."""
        if self.principal.role is Role.BEHEERDER:
            return self.inner.save(
                dataset.replace(principal=None),
                replace=replace,
                action=action,
                file=file,
                sha256=sha256,
                expected_version=expected_version,
            )
        self._require(Role.REGISSEUR, what="geen gegevens wijzigen of inlezen")
        attempts_left = 1 if expected_version is not None else ATTEMPTS
        while True:
            attempts_left -= 1
            version, current = self._current(dataset.name)
            merged = merge_scoped(current, dataset, self.principal)
            try:
                info = self.inner.save(
                    merged,
                    replace=replace,
                    action=f"{action} (regisseur {', '.join(sorted(self.principal.verbanden))})",
                    file=file,
                    sha256=sha256,
                    expected_version=version if expected_version is None else expected_version,
                )
            except ConcurrentChangeError:
                if attempts_left == 0:
                    raise
                continue
            return copy_with(info, counts=scope_dataset(merged, self.principal).counts())

    def _current(self, name: str) -> tuple[int, Dataset | None]:
        """The stored version of ``name`` and the whole dataset (0 and None when absent); the
        version is read first, so a write in between makes the later save fail and retry."""
        try:
            return self.inner.dataset_version(name), self.inner.load(name)
        except DatasetNotFoundError:
            return 0, None

    def save_cycle(
        self, period: Period, verbanden: tuple[Verband, ...], *, file: str | None = None
    ) -> None:
        """Keep a cycle's verbanden as reference (beheerder only: they hold for everyone)."""
        self._require(Role.BEHEERDER, what="geen verbanden van een beleidsperiode bewaren")
        self.inner.save_cycle(period, verbanden, file=file)

    def cycle(self, period: Period) -> tuple[Verband, ...] | None:
        """The verbanden kept for cycle ``period`` (public reference, for every role)."""
        return self.inner.cycle(period)

    def cycles(self) -> list[Period]:
        """The cycles whose verbanden are kept."""
        return self.inner.cycles()

    def delete(self, name: str) -> None:
        """Remove dataset ``name`` (beheerder only)."""
        self._require(Role.BEHEERDER, what="geen dataset verwijderen")
        self.inner.delete(name)

    def history(self, name: str | None = None) -> list[ImportRecord]:
        """The import history; a regisseur sees when and what, not the files or counts."""
        records = self.inner.history(name)
        if self.principal.role is Role.REGISSEUR:
            return [copy_with(r, file=None, sha256=None, counts={}) for r in records]
        return records
