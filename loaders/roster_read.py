"""Read the returned forms of the network survey (issue #18).

:func:`read_roster_forms` reads every ``.xlsx`` of a folder and checks each form against the
dataset: whose form it is, whether the list was edited, every answer cell. Problems are
reported like the workbook loader's (file, sheet, row, column, in Dutch); with any error
nothing is returned, so a run reads all forms or none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.names import organisation_key
from verbinder.graphmodel.roster import (
    FREQUENCIES,
    KINDS,
    SCORE_KEYS,
    TRUST_ITEMS,
    RosterResponse,
    Stated,
    responses_after_merges,
)
from verbinder.loaders.parsing import CellError, is_empty, parse_bool, parse_score, parse_text
from verbinder.loaders.problems import WARNING, LoadError, Problem, ValidationReport
from verbinder.loaders.roster_form import (
    ADDED_SHEET,
    FORM_ID,
    META_SHEET,
    QUESTIONS,
    ROSTER_HEADERS,
)
from verbinder.loaders.tabular import RawTable, TableReadError, read_xlsx_tables

__all__ = ["ReadForms", "read_roster_forms"]

_HEADERS = (*ROSTER_HEADERS, *(q.header for q in QUESTIONS))
_COLUMN = {q.key: len(ROSTER_HEADERS) + i for i, q in enumerate(QUESTIONS)}
_TRUST = SCORE_KEYS[: len(TRUST_ITEMS)]
_VALUE = SCORE_KEYS[len(TRUST_ITEMS) :]


@dataclass(frozen=True)
class ReadForms:
    """The responses read from a folder, the file each came from, and the warnings."""

    verband_id: str
    responses: tuple[RosterResponse, ...]
    files: dict[str, str]
    report: ValidationReport


def _tick(value: object) -> bool:
    if parse_text(value).lower() in {"x", "ja", "1"}:
        return True
    raise CellError(f"'{parse_text(value)}': zet een x of laat de cel leeg")


def _choice(options: tuple[str, ...]) -> Callable[[object], str]:
    def parse(value: object) -> str:
        word = parse_text(value).lower()
        if word not in options:
            raise CellError(f"'{parse_text(value)}' is geen keuze; kies {', '.join(options)}")
        return word

    return parse


_PARSERS: dict[str, Callable[[object], object]] = {
    "contact": parse_bool,
    **dict.fromkeys(KINDS, _tick),
    "frequentie": _choice(FREQUENCIES),
    **dict.fromkeys(SCORE_KEYS, parse_score),
    "wens": parse_bool,
    "waarom": parse_text,
}


class _Form:
    """One file being read: its tables and where its problems go."""

    def __init__(self, path: Path, report: ValidationReport) -> None:
        self.path = path
        self.report = report
        self.ok = True
        self.tables: dict[str, RawTable] = {}
        self.meta: dict[str, str] = {}

    def problem(self, message: str, table: RawTable | None = None, row=None, position=None):
        """An error at this place of the form: the form is not read."""
        self._add(message, table, row, position)
        self.ok = False

    def warning(self, message: str, table: RawTable | None = None, row=None, position=None):
        """Something the reader should know; the form is read."""
        self._add(message, table, row, position, WARNING)

    def _add(self, message: str, table: RawTable | None, row, position, *severity: str) -> None:
        column = None if table is None or position is None else table.column_label(position)
        sheet = None if table is None else table.sheet
        self.report.add(Problem(self.path.name, message, sheet, row, column, *severity))

    def text(self, value: object, table: RawTable, row: int, position: int) -> str | None:
        """A cell's text; None (and a located problem) for an Excel error or a control
        character, '' for an empty cell."""
        if is_empty(value):
            return ""
        try:
            return parse_text(value)
        except CellError as exc:
            self.problem(str(exc), table, row, position)
            return None

    def open(self) -> bool:
        try:
            self.tables = read_xlsx_tables(self.path)
        except TableReadError as exc:
            self.report.add(exc.problem)
            return False
        meta = self.tables.get(META_SHEET)
        if meta is not None:
            self.meta = {
                str(r[0]).strip(): str(r[1]).strip()
                for r in meta.cells.itertuples(index=False)
                if not is_empty(r[0]) and not is_empty(r[1])
            }
        if self.meta.get("formulier") != FORM_ID:
            self.problem(
                "dit is geen formulier van de netwerkbevraging (het verborgen blad "
                f"'{META_SHEET}' ontbreekt of werd veranderd); gebruik de formulieren die "
                "'verbinder netwerkbevraging maak' schreef"
            )
            return False
        return True


def _check_roster(
    form: _Form, table: RawTable, dataset: Dataset, respondent: str
) -> dict[str, int]:
    """Row number per code of the list; every edit of the list is a problem. ``respondent``
    is the organisation the answers count for (after merges)."""
    expected = [c for c in form.meta.get("lijst", "").split(";") if c]
    if tuple(table.headers[: len(_HEADERS)]) != _HEADERS:
        for position, header in enumerate(_HEADERS):
            found = table.headers[position] if position < len(table.headers) else None
            if found != header:
                form.problem(
                    f"de kolom '{header}' ontbreekt of werd veranderd (nu '{found or ''}'); "
                    "verander de kolommen niet",
                    table,
                    table.header_row,
                    position if found is not None else None,
                )
                return {}
    rows: dict[str, int] = {}
    for number, cells in table.cells.iterrows():
        code = form.text(cells[0], table, number, 0)
        if code is None:
            continue
        if not code:
            form.problem(
                "een rij zonder code: schrijf een organisatie die ontbreekt op het blad "
                f"'{ADDED_SHEET}'",
                table,
                number,
                0,
            )
        elif code not in expected:
            form.problem(f"code '{code}' stond niet op de lijst", table, number, 0)
        elif code in rows:
            form.problem(f"code '{code}' staat twee keer in de lijst", table, number, 0)
        elif code in dataset.actor_by_id or code in dataset.merged_into:
            rows[code] = number
            typed = form.text(cells[1], table, number, 1)
            name = dataset.actor_by_id[code].name if code in dataset.actor_by_id else typed
            if typed and typed != name:
                form.warning(
                    f"de naam '{typed}' verschilt van die in de dataset ('{name}'); de code telt",
                    table,
                    number,
                    1,
                )
    for code in expected:
        if code in dataset.merged_into and code in rows:
            own = dataset.merged_into[code] == respondent
            form.warning(_merged(code, dataset, own=own), table, rows[code], 0)
        elif code not in dataset.actor_by_id and code not in dataset.merged_into:
            form.problem(
                f"de organisatie met code '{code}' staat niet meer in de dataset (verwijderd); "
                "maak nieuwe formulieren",
                table,
            )
        elif code not in rows:
            form.problem(f"de organisatie met code '{code}' werd uit de lijst verwijderd", table)
        elif code == respondent:  # this form's organisation was merged into this one
            form.warning(
                f"uw organisatie werd intussen samengevoegd met '{dataset.actor_by_id[code].name}' "
                "(deze rij): ze telt niet (een relatie met uzelf)",
                table,
                rows[code],
                0,
            )
    return rows


def _name(code: str, dataset: Dataset) -> str:
    """The name of the organisation with ``code``, or of the one it was merged into."""
    return dataset.actor_by_id[dataset.merged_into.get(code, code)].name


def _merged(code: str, dataset: Dataset, *, own: bool = False) -> str:
    current = dataset.actor_by_id[dataset.merged_into[code]]
    merged = f"de organisatie met code '{code}' werd intussen samengevoegd met "
    if own:
        return merged + "uw eigen organisatie: deze rij telt niet (een relatie met uzelf)"
    return (
        merged + f"'{current.name}' (code {current.id}); de antwoorden tellen voor die organisatie"
    )


def _stated(form: _Form, table: RawTable, number: int, code: str) -> Stated | None:
    cells = table.cells.loc[number]
    values = {}
    for key, position in _COLUMN.items():
        value = cells[position] if position in cells.index else None
        if is_empty(value):
            continue
        try:
            values[key] = _PARSERS[key](value)
        except CellError as exc:
            form.problem(str(exc), table, number, position)
    if not values:
        return None
    kinds = tuple(k for k in KINDS if values.get(k))
    trust = tuple(values.get(k) for k in _TRUST)
    value = tuple(values.get(k) for k in _VALUE)
    rated = any(v is not None for v in trust + value) or "frequentie" in values
    if values.get("contact") is False and (kinds or rated):
        form.problem(
            "'nee' bij contact, maar toch een soort relatie, frequentie of score ingevuld",
            table,
            number,
            _COLUMN["contact"],
        )
    elif rated and not kinds and values.get("contact") is not True:
        form.problem(
            "frequentie, vertrouwen en waarde enkel invullen bij een organisatie waarmee u "
            "contact had: zet 'ja' bij contact",
            table,
            number,
            _COLUMN["contact"],
        )
    return Stated(
        code,
        values.get("contact"),
        kinds,
        values.get("frequentie"),
        trust,
        value,
        bool(values.get("wens")),
        values.get("waarom"),
    )


def _added(form: _Form, dataset: Dataset, roster: dict[str, int], sheet: str) -> list[str]:
    table = form.tables.get(ADDED_SHEET)
    if table is None or table.cells.empty:
        return []
    listed = {organisation_key(_name(c, dataset)): (c, n) for c, n in roster.items()}
    known = {organisation_key(a.name): a for a in dataset.actors}
    names = []
    for number, cells in table.cells.iterrows():
        texts = [form.text(cells[i], table, number, i) if i < len(cells) else "" for i in range(3)]
        name, town, why = (t or "" for t in texts)
        if not name:
            if town or why:
                form.problem("vul de naam van de organisatie in", table, number, 0)
            continue
        key = organisation_key(name)
        if key in listed:
            code, row = listed[key]
            form.problem(
                f"'{name}' staat al in de lijst als '{_name(code, dataset)}' "
                f"(rij {row} van blad '{sheet}'): vul die rij in",
                table,
                number,
                0,
            )
        else:
            if key in known:
                form.warning(
                    f"'{name}' is gekend als '{known[key].name}' (code {known[key].id}), "
                    "maar is geen lid van dit verband",
                    table,
                    number,
                    0,
                )
            names.append(name + (f" ({town})" if town else "") + (f": {why}" if why else ""))
    return names


def _read_form(
    form: _Form, dataset: Dataset, verband_id: str | None, received: date
) -> RosterResponse | None:
    verband, respondent = form.meta.get("verband", ""), form.meta.get("organisatie", "")
    if verband not in dataset.verband_by_id:
        form.problem(f"formulier van verband '{verband}', dat niet in deze dataset staat")
        return None
    if verband_id is not None and verband != verband_id:
        form.problem(f"dit formulier hoort bij verband '{verband}', niet bij '{verband_id}'")
        return None
    current = dataset.merged_into.get(respondent, respondent)
    if current not in {a.id for a in dataset.members_of(verband)}:
        form.problem(f"de organisatie met code '{respondent}' is geen lid van '{verband}'")
        return None
    if current != respondent:
        form.warning(f"dit formulier: {_merged(respondent, dataset)}")
    sheet = form.meta.get("blad", "")
    table = form.tables.get(sheet.strip().lower())
    if table is None:
        form.problem(f"het blad '{sheet}' met de lijst ontbreekt (hernoemd of verwijderd?)")
        return None
    rows = _check_roster(form, table, dataset, current)
    stated = [s for code, n in rows.items() if (s := _stated(form, table, n, code))]
    added = _added(form, dataset, rows, sheet)
    if not form.ok:
        return None
    roster = tuple(c for c in form.meta.get("lijst", "").split(";") if c)
    return RosterResponse(verband, respondent, received, roster, tuple(stated), tuple(added))


def _refuse_replacing_kept_answers(
    responses: dict[str, RosterResponse],
    source: dict[str, str],
    dataset: Dataset,
    report: ValidationReport,
) -> None:
    """A form of an organisation merged since into one whose answers are stored would
    replace those answers: it is read only together with that organisation's form."""
    stored = {r.id for r in dataset.roster_responses}
    for key, response in responses.items():
        current = dataset.merged_into.get(response.respondent)
        if current is None:
            continue
        kept_id = f"{response.verband_id}:{current}"
        if kept_id in stored and kept_id not in responses:
            name = dataset.actor_by_id[current].name
            report.add(
                Problem(
                    source[key],
                    f"dit formulier: {_merged(response.respondent, dataset)}, maar '{name}' "
                    f"antwoordde zelf al; lees het samen met het formulier van '{name}' in "
                    "(in dezelfde map), anders vervangt het diens antwoorden",
                )
            )


def read_roster_forms(
    folder: str | Path,
    dataset: Dataset,
    verband_id: str | None = None,
    *,
    received: date | None = None,
) -> ReadForms:
    """Every form in ``folder`` (``.xlsx``; Excel's ``~$`` lock files are skipped).

    Parameters
    ----------
    folder : path
        The folder with the returned forms.
    dataset : Dataset
        The dataset the forms were made from.
    verband_id : str, optional
        The verband of this round; without it, all forms must be of one verband.
    received : date, optional
        The day to record as the day the forms were read (default today).

    Raises
    ------
    LoadError
        With every problem of every form; nothing is read then.
    """
    folder = Path(folder)
    report = ValidationReport(str(folder))
    files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
    )
    if not files:
        report.add(Problem(folder.name, "deze map bevat geen ingevulde formulieren (.xlsx)"))
        raise LoadError(report)
    responses: dict[str, RosterResponse] = {}
    source: dict[str, str] = {}
    for path in files:
        form = _Form(path, report)
        if not form.open():
            continue
        response = _read_form(form, dataset, verband_id, received or date.today())
        if response is None:
            continue
        if response.id in responses:
            report.add(
                Problem(
                    path.name,
                    f"tweede formulier van '{_name(response.respondent, dataset)}' "
                    f"(ook in {source[response.id]}); laat er één in de map",
                )
            )
            continue
        responses[response.id] = response
        source[response.id] = path.name
    verbanden = sorted({r.verband_id for r in responses.values()})
    if len(verbanden) > 1:
        report.add(
            Problem(
                folder.name,
                f"formulieren van meer dan één verband ({', '.join(verbanden)}); "
                "lees ze per verband in, of kies het verband met --verband",
            )
        )
    if not report.ok:
        raise LoadError(report)
    _refuse_replacing_kept_answers(responses, source, dataset, report)
    if not report.ok:
        raise LoadError(report)
    chosen = verbanden[0] if verbanden else verband_id or ""
    files: dict[str, list[str]] = {}
    for i, response in responses.items():
        current = dataset.merged_into.get(response.respondent, response.respondent)
        files.setdefault(current, []).append(source[i])
    return ReadForms(
        chosen,
        responses_after_merges(tuple(responses.values()), dataset),
        {who: ", ".join(names) for who, names in files.items()},
        report,
    )
