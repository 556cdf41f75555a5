"""The data-loading edge of the dashboard: the store and cached datasets, keyed by version."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st
from verbinder.dashboards import labels
from verbinder.graphmodel.access import LOCAL, Principal, Role, principal_for, roles_path
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.reference import REFERENCE_PERIOD
from verbinder.graphmodel.scoping import scope_dataset
from verbinder.graphmodel.store import DatasetInfo, StoreError, open_store, store_location
from verbinder.graphmodel.store.cycles import cycle_reference
from verbinder.loaders import LoadError, LoadResult, load_dataset
from verbinder.loaders.limits import current_limits
from verbinder.loaders.roster_form import write_roster_forms
from verbinder.loaders.roster_read import ReadForms, read_roster_forms
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.loaders.template import write_template
from verbinder.queries.kept import ambitions_table, brokers_table, compare_table, mixing_table
from verbinder.queries.roster import roster_members

__all__ = [
    "DatasetInfo",
    "LoadError",
    "NotSignedInError",
    "StoreError",
    "ambitions_of",
    "auth_configured",
    "brokers_of",
    "can_merge",
    "can_write",
    "compared",
    "dataset",
    "datasets",
    "duplicates_of",
    "is_analyst",
    "links_of",
    "mixing_of",
    "plan_of",
    "principal",
    "profile_of",
    "read_upload",
    "save",
    "sector_activities",
    "store_path",
    "survey_form_bytes",
    "template_bytes",
    "upload_limit_mb",
    "view_of",
    "warm_first_dataset",
]

T = TypeVar("T")


def store_path() -> str:
    """Where the dashboard's store is: the SQLite file ($VERBINDER_DB or the default path), or
    the Neo4j server when VERBINDER_STORE=neo4j. Also the cache key of its data."""
    return store_location()


class NotSignedInError(Exception):
    """A roles file is configured and nobody is signed in yet."""


def auth_configured() -> bool:
    """True when ``.streamlit/secrets.toml`` has an ``[auth]`` section (OIDC login)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def principal() -> Principal:
    """Who uses this session: :data:`graphmodel.access.LOCAL` without a roles file; with one,
    the signed-in user (``st.user``, by e-mail) as the roles file describes them.

    Raises :class:`NotSignedInError` when nobody is signed in, and
    :class:`graphmodel.access.AccessDeniedError` for a user the roles file does not know.
    """
    path = roles_path()
    if path is None:
        return LOCAL
    if not st.user.get("is_logged_in"):
        raise NotSignedInError
    return principal_for(st.user.get("email") or "", path)


def datasets() -> list[DatasetInfo]:
    """The datasets in the store (read on every run: cheap, and never stale)."""
    with open_store(principal=principal()) as store:
        return store.datasets()


@st.cache_resource(max_entries=4, show_spinner=labels.SPIN_LOAD)
def _whole(path: str, name: str, version: int) -> Dataset:
    with open_store() as store:  # ``path`` is the cache key: store_location()
        return store.load(name)


@st.cache_resource(max_entries=16, show_spinner=labels.SPIN_LOAD)
def _load(path: str, name: str, version: int, role: str, verbanden: tuple[str, ...]) -> Dataset:
    """The dataset as one scope (role and verbanden) sees it: users with the same rights share
    the copy, users with different rights never do (the scope is part of the key)."""
    whole = _whole(path, name, version)
    if role == Role.BEHEERDER.value:
        return whole
    return scope_dataset(whole, Principal(role, Role(role), frozenset(verbanden)))


Key = tuple[str, str, int, str, tuple[str, ...]]


def _key(info: DatasetInfo) -> Key:
    return (str(store_path()), info.name, info.version, *principal().scope_key)


def warm_first_dataset() -> None:
    """Load the dataset a first visitor gets (the first by name) into the shared cache, before
    the server takes visitors: loading 30,000 actors takes over a second, which the first
    person to open the dashboard waited for."""
    with open_store() as store:
        infos = store.datasets()
    if infos:
        _whole(str(store_path()), infos[0].name, infos[0].version)


def dataset(info: DatasetInfo) -> Dataset:
    """The dataset as the session's user may see it, loaded once per (store, name, version,
    scope) and shared read-only."""
    return _load(*_key(info))


# Broker tables and the comparison are read from the tables the store kept for this version
# and scope (queries.kept): another session, or this one after a restart, does not analyse
# the dataset again.


@st.cache_data(max_entries=32, show_spinner=labels.SPIN_BROKERS)
def _brokers(key: Key, verband: str):
    with open_store(principal=principal()) as store:
        return brokers_table(store, key[1], key[2], lambda: _load(*key), verband)


@st.cache_data(max_entries=32, show_spinner=labels.SPIN_PROFILE)
def _profile(key: Key, verband: str):
    from verbinder.queries.profile import verband_profile

    return verband_profile(_load(*key), verband)


@st.cache_data(max_entries=8, show_spinner=labels.SPIN_COMPARE)
def _compare(key: Key):
    with open_store(principal=principal()) as store:
        return compare_table(store, key[1], key[2], lambda: _load(*key))


def is_analyst(who: Principal) -> bool:
    """True for a WSE analyst, who sees the pages of aggregates only."""
    return who.role is Role.ANALIST


def sector_activities() -> list[str]:
    """The activities of the shipped sector-fit table, to filter suggestions by."""
    return default_sector_fit().activities


@st.cache_data(max_entries=32, show_spinner=labels.SPIN_LINKS)
def _links(key: Key, verband: str, sectors: tuple, top: int):
    from verbinder.queries.missing_links import missing_links

    return missing_links(
        _load(*key),
        verband,
        fit=default_sector_fit(),
        sectors=list(sectors) or None,
        top=top,
    )


@st.cache_data(max_entries=32, show_spinner=labels.SPIN_PLAN)
def _plan(key: Key, verband: str, sectors: tuple, capacity: int, table_size: int):
    from verbinder.queries.event_planner import plan_event

    return plan_event(
        _load(*key),
        verband,
        capacity=capacity,
        fit=default_sector_fit(),
        sectors=list(sectors) or None,
        table_size=table_size,
    )


@st.cache_data(max_entries=8, show_spinner=labels.SPIN_DUPLICATES)
def _duplicates(key: Key):
    from verbinder.queries.duplicates import find_duplicates

    return find_duplicates(_load(*key))


def duplicates_of(info: DatasetInfo):
    """queries.duplicates.find_duplicates, cached by dataset version."""
    return _duplicates(_key(info))


def links_of(info: DatasetInfo, verband: str, sectors: tuple, top: int):
    """queries.missing_links with the shipped sector fit, cached by dataset version."""
    return _links(_key(info), verband, sectors, top)


def plan_of(info: DatasetInfo, verband: str, sectors: tuple, capacity: int, table_size: int):
    """queries.event_planner.plan_event with the shipped sector fit, cached by version."""
    return _plan(_key(info), verband, sectors, capacity, table_size)


@st.cache_data(max_entries=8, show_spinner=False)
def _view(key: Key, name: str, choices: tuple, _make: Callable[[], object]) -> object:
    return _make()


def view_of(info: DatasetInfo, name: str, choices: tuple, make: Callable[[], T]) -> T:
    """``make()``, kept per dataset version, user scope, view ``name`` and the page's
    ``choices`` it depends on (hashable values): a page that draws the same view again, or
    is opened again with the same choices, shows it without building it again."""
    return _view(_key(info), name, choices, make)  # type: ignore[return-value]


def brokers_of(info: DatasetInfo, verband: str):
    """queries.brokers for one verband, cached by dataset version."""
    return _brokers(_key(info), verband)


def profile_of(info: DatasetInfo, verband: str):
    """queries.profile.verband_profile, cached by dataset version."""
    return _profile(_key(info), verband)


@st.cache_data(max_entries=16, show_spinner=labels.SPIN_COMPARE)
def _mixing(key: Key, kind: str):
    with open_store(principal=principal()) as store:
        return mixing_table(store, key[1], key[2], lambda: _load(*key), kind)


@st.cache_data(max_entries=8, show_spinner=labels.SPIN_COMPARE)
def _ambitions(key: Key):
    with open_store(principal=principal()) as store:
        return ambitions_table(store, key[1], key[2], lambda: _load(*key))


def ambitions_of(info: DatasetInfo):
    """queries.ambitions.ambitions, cached by dataset version."""
    return _ambitions(_key(info))


def mixing_of(info: DatasetInfo, kind: str):
    """queries.mixing.mixing_comparison of one kind, cached by dataset version."""
    return _mixing(_key(info), kind)


def compared(info: DatasetInfo):
    """queries.compare.compare_verbanden, cached by dataset version."""
    return _compare(_key(info))


def save(
    data: Dataset,
    *,
    action: str,
    replace: bool = True,
    file: str | None = None,
    sha256: str | None = None,
) -> DatasetInfo:
    """Store ``data`` (as a new version when it replaces one, so caches are not stale), with
    the session user's rights (a regisseur's part is merged into the whole). A change of a
    loaded dataset is refused, with "probeer opnieuw", when someone saved it in between."""
    with open_store(principal=principal()) as store:
        return store.save(
            data,
            replace=replace,
            action=action,
            file=file,
            sha256=sha256,
            expected_version=data.version if replace else None,
        )


def load_demo() -> DatasetInfo:
    """Make the synthetic demo (as ``verbinder demo`` does) and store it as dataset 'demo'."""
    from verbinder.loaders.demo import generate_demo

    return save(generate_demo(), action="demo (dashboard)", replace=False)


def upload_limit_mb() -> float:
    """The largest file the loaders read, in MB (``VERBINDER_MAX_BESTAND_MB``)."""
    return current_limits().file_mb


def periods() -> list[tuple[int, int]]:
    """The policy cycles a dataset can belong to: the shipped 2017-2019 and every cycle whose
    verbanden are kept in the store (``verbinder periode --bewaar``), newest first."""
    with open_store(principal=principal()) as store:
        return sorted({REFERENCE_PERIOD, *store.cycles()}, reverse=True)


def read_upload(
    file_name: str, content: bytes, dataset_name: str, period: tuple[int, int]
) -> LoadResult:
    """Check an uploaded workbook (written to a temporary file, then removed) as a dataset of
    the policy cycle ``period``.

    Raises :class:`loaders.LoadError` with every located problem.
    """
    with open_store(principal=principal()) as store:
        reference = cycle_reference(store, period)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(file_name).name
        path.write_bytes(content)
        return load_dataset(path, name=dataset_name, reference=reference)


def can_merge() -> bool:
    """Whether the session's user may merge duplicates (a beheerder, or the local mode):
    merge records keep both actors whole, other verbanden included."""
    return principal().sees_everything


def can_write() -> bool:
    """Whether the session's user may change data (not an analist)."""
    return principal().role is not Role.ANALIST


def survey_form_bytes(verband_ids: tuple[str, ...]) -> bytes:
    """The offline survey form with a row per given verband."""
    from verbinder.loaders.survey import write_survey_form

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bevraging.xlsx"
        return write_survey_form(path, list(verband_ids)).read_bytes()


def template_bytes() -> bytes:
    """The empty workbook of ``verbinder template``."""
    with tempfile.TemporaryDirectory() as folder:
        return write_template(Path(folder) / "verbinder-sjabloon.xlsx").read_bytes()


def roster_forms_zip(data: Dataset, verband_id: str) -> bytes:
    """The network survey's forms of ``verband_id``, one per partner, in one zip."""
    members = roster_members(data, verband_id)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(buffer, "w") as archive:
        for path in write_roster_forms(
            folder,
            dataset=data.name,
            verband_id=verband_id,
            verband_name=data.verband_by_id[verband_id].name,
            members=members,
            synthetic=data.synthetic,
        ):
            archive.write(path, path.name)
    return buffer.getvalue()


def read_roster_upload(files: list[tuple[str, bytes]], data: Dataset, verband_id: str) -> ReadForms:
    """Check uploaded forms (written to a temporary folder, then removed) against ``data``.

    Two uploads with one file name are both kept (the second as ``name (2).xlsx``). Raises
    :class:`loaders.LoadError` with every located problem.
    """
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, content) in enumerate(files, start=1):
            path = Path(folder) / Path(name).name
            if path.exists():
                path = path.with_name(f"{path.stem} ({number}){path.suffix}")
            path.write_bytes(content)
        return read_roster_forms(folder, data, verband_id)
