"""Read an attendance list (as registration tools export it) and match organisations to actors.

Only organisations are used: the names and e-mail addresses of people in the list are read to
find the header, never kept. A row matches an actor by id, by KBO number, or by its
organisation name once letter case, accents, punctuation and legal forms (nv, bv, vzw, ...) are
set aside. Anything less certain goes to a review list with the closest actors and how close
they are: nothing uncertain is matched silently.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from verbinder.graphmodel.model import Dataset, Event, Participation
from verbinder.graphmodel.names import organisation_key
from verbinder.graphmodel.tables import Column
from verbinder.loaders.parsing import CellError, parse_kbo
from verbinder.loaders.problems import WARNING, LoadError, Problem, ValidationReport
from verbinder.loaders.sheets import SheetReader
from verbinder.loaders.tabular import TableReadError, read_csv_table, read_xlsx_tables

__all__ = [
    "AttendanceMatch",
    "ReviewItem",
    "match_attendance",
    "read_suggestions",
    "record_attendance",
]

ATTENDANCE_COLUMNS = (
    Column(
        "organisatie",
        "text",
        "Organisatie van de deelnemer.",
        False,
        ("organisation", "organization", "company", "bedrijf", "werkgever", "organisatienaam"),
    ),
    Column(
        "actor",
        "text",
        "Optioneel: id van de actor in Verbinder.",
        False,
        ("actor_id", "verbinder_id"),
    ),
    Column(
        "kbo",
        "text",
        "Optioneel: ondernemingsnummer.",
        False,
        ("ondernemingsnummer", "btw", "vat", "enterprise_number"),
    ),
    Column(
        "naam",
        "text",
        "Naam van de deelnemer (wordt niet bewaard).",
        False,
        ("name", "deelnemer", "full_name"),
    ),
    Column("voornaam", "text", "Voornaam (wordt niet bewaard).", False, ("first_name",)),
    Column("achternaam", "text", "Achternaam (wordt niet bewaard).", False, ("last_name",)),
    Column("email", "text", "E-mail (wordt niet bewaard).", False, ("e_mail", "mail")),
)

REVIEW_CUTOFF = 0.75
"""Names at least this close (difflib ratio) are offered for review; others are unmatched."""


@dataclass(frozen=True)
class ReviewItem:
    """A row whose organisation could not be matched for certain."""

    row: int
    organisation: str
    suggestions: tuple[tuple[str, str, float], ...]  # (actor id, actor name, closeness 0-1)


@dataclass(frozen=True)
class AttendanceMatch:
    """Matched actor ids (with the rows they came from), the review list and the report."""

    matched: dict[str, list[int]]
    how: dict[str, str]
    review: tuple[ReviewItem, ...]
    report: ValidationReport


def _table(path: Path, report: ValidationReport):
    try:
        if path.suffix.lower() == ".xlsx":
            tables = read_xlsx_tables(path)
            return next((t for t in tables.values() if t.headers), None)
        if path.suffix.lower() == ".csv":
            return read_csv_table(path, path.stem)[0]
    except TableReadError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    report.add(Problem(path.name, "geef een aanwezigheidslijst als .csv of .xlsx"))
    raise LoadError(report)


def match_attendance(path: str | Path, dataset: Dataset) -> AttendanceMatch:
    """Match the organisations of an attendance list to the actors of ``dataset``.

    Raises
    ------
    LoadError
        When the file cannot be read or has no organisation column; rows that do not match
        are not errors but go to ``review``.
    """
    path = Path(path)
    report = ValidationReport(str(path))
    if not path.is_file():
        report.add(Problem(path.name, "dit bestand bestaat niet"))
        raise LoadError(report)
    table = _table(path, report)
    if table is None:
        report.add(Problem(path.name, "de lijst is leeg"))
        raise LoadError(report)
    reader = SheetReader(table, ATTENDANCE_COLUMNS, report, other_columns_allowed=True)
    if not any(reader.has(c) for c in ("organisatie", "actor", "kbo")):
        report.add(
            Problem(
                path.name,
                "de lijst heeft geen kolom organisatie, actor of kbo",
                table.sheet,
                table.header_row,
            )
        )
    if not report.ok:
        raise LoadError(report)
    by_kbo = {a.kbo: a.id for a in dataset.actors if a.kbo}
    by_name: dict[str, list[str]] = {}
    for actor in dataset.actors:
        by_name.setdefault(organisation_key(actor.name), []).append(actor.id)
    normalised = list(by_name)
    matched: dict[str, list[int]] = {}
    how: dict[str, str] = {}
    review = []
    for row in reader.rows():
        organisation = row.get("organisatie")
        actor_id = row.get("actor")
        kbo_text = row.get("kbo")
        found, reason = None, ""
        if actor_id is not None:
            if actor_id in dataset.actor_by_id:
                found, reason = actor_id, "id"
            else:
                row.error("actor", f"'{actor_id}' is geen actor in deze dataset")
                continue
        elif kbo_text is not None:
            try:
                found = by_kbo.get(parse_kbo(kbo_text))
                reason = "KBO-nummer"
            except CellError as exc:
                row.error("kbo", str(exc))
                continue
        if found is None and organisation:
            ids = by_name.get(organisation_key(organisation), [])
            if len(ids) == 1:
                found, reason = ids[0], "naam"
        if found is not None:
            matched.setdefault(found, []).append(row.number)
            how.setdefault(found, reason)
            continue
        if not organisation:
            row.sheet.problem(
                "geen organisatie, id of KBO-nummer: deze rij wordt niet gekoppeld",
                row=row.number,
                level=WARNING,
            )
            continue
        key = organisation_key(organisation)
        close = difflib.get_close_matches(key, normalised, n=3, cutoff=REVIEW_CUTOFF)
        suggestions = tuple(
            (
                actor,
                dataset.actor_by_id[actor].name,
                round(difflib.SequenceMatcher(None, key, name).ratio(), 2),
            )
            for name in close
            for actor in by_name[name]
        )
        review.append(ReviewItem(row.number, organisation, suggestions))
    if not report.ok:
        raise LoadError(report)
    return AttendanceMatch(matched, how, tuple(review), report)


def record_attendance(dataset: Dataset, event: Event, actor_ids: list[str]) -> Dataset:
    """The dataset with ``event`` and one participation per actor; an event with the same id is
    replaced with its participations, so recording the same list twice changes nothing."""
    events = (*(e for e in dataset.events if e.id != event.id), event)
    kept = tuple(p for p in dataset.participations if p.event_id != event.id)
    added = tuple(Participation(event.id, actor) for actor in dict.fromkeys(actor_ids))
    return dataset.replace(events=events, participations=kept + added)


def read_suggestions(path: str | Path) -> list[tuple[str, str]]:
    """The (SE actor, employer) pairs of an earlier ``missing-links`` export (.csv or .xlsx)."""
    path = Path(path)
    report = ValidationReport(str(path))
    columns = (
        Column("se_actor", "text", "SE-actor", True),
        Column("werkgever", "text", "werkgever", True),
    )
    try:
        if path.suffix.lower() == ".xlsx":
            tables = read_xlsx_tables(path)
            table = tables.get("resultaat") or next(iter(tables.values()))
        else:
            table = read_csv_table(path, path.stem)[0]
    except TableReadError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    reader = SheetReader(table, columns, report, other_columns_allowed=True)
    pairs = [(row.get("se_actor"), row.get("werkgever")) for row in reader.rows()]
    if not report.ok:
        raise LoadError(report)
    return [pair for pair in pairs if None not in pair]
