"""Turn checked sheets (from a workbook, a CSV folder or JSON) into a Dataset.

Every problem is collected with its location instead of stopping at the first, so that one
report lists them all; the caller refuses the import when any is an error.
"""

from __future__ import annotations

import difflib

from verbinder.graphmodel.activities import vocabulary
from verbinder.graphmodel.fields import from_cells
from verbinder.graphmodel.model import (
    RECORDS,
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.reference import reference_verbanden
from verbinder.graphmodel.roster import RosterResponse
from verbinder.graphmodel.survey import SurveyAnswer
from verbinder.graphmodel.tables import INFO_SHEET, REQUIRED_SHEETS, SHEETS
from verbinder.graphmodel.types import Provenance
from verbinder.loaders.parsing import CellError, is_empty, parse_bool, parse_text, suggestion
from verbinder.loaders.places import check_places, place_code
from verbinder.loaders.problems import INFO, WARNING, Problem, ValidationReport
from verbinder.loaders.roster_sheet import roster_responses
from verbinder.loaders.sheets import Cell, Row, SheetReader
from verbinder.loaders.survey import survey_rows
from verbinder.loaders.tabular import RawTable

__all__ = ["IGNORED_SHEETS", "build_dataset"]

IGNORED_SHEETS = {"uitleg", "lijsten"}
"""Sheets of the template that hold help and dropdown lists, not data."""


def build_dataset(
    tables: dict[str, RawTable],
    report: ValidationReport,
    file: str,
    name: str,
    reference: tuple[Verband, ...] | None = None,
) -> Dataset:
    """A dataset from raw tables keyed by sheet name; problems go to ``report``.

    A verband the actors name that the sheet ``verbanden`` does not hold is taken from
    ``reference``: the verbanden of the dataset's policy cycle (default: the shipped
    2017-2019 ones, :func:`graphmodel.reference.reference_verbanden`).
    """
    reference = reference_verbanden() if reference is None else reference
    return _Builder(tables, report, file, reference).build(name)


class _Builder:
    """Turns checked sheets into model records, collecting problems instead of stopping."""

    def __init__(
        self,
        tables: dict[str, RawTable],
        report: ValidationReport,
        file: str,
        reference: tuple[Verband, ...],
    ) -> None:
        self.report = report
        self.reference = reference
        self.file = file
        self.sheets: dict[str, SheetReader] = {}
        for key, table in tables.items():
            if key in SHEETS and table.headers:
                self.sheets[key] = SheetReader(table, SHEETS[key], report)
            elif key in SHEETS or key in IGNORED_SHEETS | {INFO_SHEET} or not table.headers:
                continue
            elif close := difflib.get_close_matches(key, list(SHEETS), n=1, cutoff=0.75):
                report.add(
                    Problem(
                        table.file,
                        f"blad '{table.sheet}' is geen gekend blad; "
                        f"bedoelde u '{close[0]}'? Hernoem het blad of het bestand",
                        table.sheet,
                    )
                )
            else:
                report.add(
                    Problem(
                        table.file,
                        f"blad '{table.sheet}' is geen gekend blad en wordt niet ingelezen",
                        table.sheet,
                        level=WARNING,
                    )
                )
        self.info = tables.get(INFO_SHEET)
        for sheet in REQUIRED_SHEETS:
            if sheet not in self.sheets:
                empty = sheet in tables
                report.add(
                    Problem(
                        file,
                        f"het verplichte blad '{sheet}' is leeg: zet minstens de kolomkoppen "
                        "in rij 1"
                        if empty
                        else f"het verplichte blad '{sheet}' ontbreekt (of het "
                        f"bestand {sheet}.csv in de map)",
                        sheet if empty else None,
                    )
                )
        self.actor_ids: dict[str, Row] = {}
        self.names: dict[str, list[str]] = {}
        self.verband_refs: list[tuple[str, Cell]] = []

    def build(self, name: str) -> Dataset:
        verbanden = self._verbanden()
        actors = self._actors()
        ties = self._ties()
        events = self._events()
        participations = self._participations({e.id for e in events})
        surveys = self._surveys()
        roster_responses = self._roster_responses()
        verbanden = self._check_verbanden(verbanden)
        synthetic, description = self._info()
        if not synthetic and any(t.provenance is Provenance.SYNTHETISCH for t in ties):
            synthetic = True
            self.report.add(
                Problem(
                    self.file,
                    "de relaties hebben herkomst 'synthetisch': de "
                    "dataset wordt als synthetisch gemarkeerd",
                    level=INFO,
                )
            )
        return Dataset(
            name=name,
            actors=actors,
            ties=ties,
            verbanden=verbanden,
            events=events,
            participations=participations,
            synthetic=synthetic,
            description=description,
            surveys=surveys,
            roster_responses=roster_responses,
        )

    def _surveys(self) -> tuple[SurveyAnswer, ...]:
        """The optional sheet ``bevraging``: one survey answer per verband."""
        reader = self.sheets.get("bevraging")
        if reader is None:
            return ()
        answers = []
        for answer, row in survey_rows(reader):
            self.verband_refs.append((answer.verband_id, row.cell("verband")))
            answers.append(answer)
        return tuple(answers)

    def _roster_responses(self) -> tuple[RosterResponse, ...]:
        """The optional sheet ``netwerkbevraging``: the network survey's responses."""
        reader = self.sheets.get("netwerkbevraging")
        if reader is None:
            return ()
        responses = []
        for response, row in roster_responses(reader):
            self.verband_refs.append((response.verband_id, row.cell("verband")))
            unknown = [
                a for a in (response.respondent, *response.roster) if a not in self.actor_ids
            ]
            if unknown:
                row.error(None, f"onbekende organisatie '{unknown[0]}' in de netwerkbevraging")
                continue
            responses.append(response)
        return tuple(responses)

    def _rows(self, sheet: str) -> list[Row]:
        reader = self.sheets.get(sheet)
        return list(reader.rows()) if reader else []

    def _verbanden(self) -> tuple[Verband, ...]:
        seen: dict[str, int] = {}
        result = []
        for row in self._rows("verbanden"):
            values = {h: row.get(h) for h in row.sheet.columns}
            vid = values["id"]
            if vid is not None and vid in seen:
                row.error("id", f"verband '{vid}' staat er al op rij {seen[vid]}")
            check_places(row, "gemeenten", values["gemeenten"] or ())
            if not row.ok:
                continue
            seen[vid] = row.number
            result.append(from_cells(RECORDS["verbanden"], values))
        return tuple(result)

    def _membership(
        self,
        row: Row,
        verband: str,
        engagement: object,
        header: str,
        political: object = None,
        administrative: object = None,
    ) -> Membership:
        self.verband_refs.append((verband, row.cell(header)))
        return Membership(verband, engagement, political, administrative)  # type: ignore[arg-type]

    def _actors(self) -> tuple[Actor, ...]:
        parsed: list[tuple[Row, dict]] = []
        for row in self._rows("actoren"):
            values = {h: row.get(h) for h in row.sheet.columns}
            aid = values["id"]
            if aid is not None and aid in self.actor_ids:
                row.error("id", f"id '{aid}' komt al voor op rij {self.actor_ids[aid].number}")
                continue
            if aid is not None:
                self.actor_ids[aid] = row
            parsed.append((row, values))
        memberships = self._memberships_from_actors(parsed)
        for _, values in parsed:
            if values["naam"] is not None and values["id"] is not None:
                self.names.setdefault(values["naam"], []).append(values["id"])
        memberships = self._memberships_sheet(memberships)
        actors = []
        for row, v in parsed:
            if (v["breedtegraad"] is None) != (v["lengtegraad"] is None) and row.ok:
                missing = "lengtegraad" if v["lengtegraad"] is None else "breedtegraad"
                row.error(missing, "vul breedte- en lengtegraad allebei in, of geen van beide")
            if not row.ok:
                continue
            nis = place_code(row, v["gemeente"], v["nis"])
            if not row.ok:
                continue
            activities = self._activities(row, v["type"], v["activiteiten"] or ())
            memberships_of = tuple(memberships.get(v["id"], {}).values())
            actors.append(
                from_cells(
                    RECORDS["actors"],
                    v,
                    nis=nis,
                    activities=activities,
                    memberships=memberships_of,
                )
            )
        return tuple(actors)

    def _activities(self, row: Row, kind, written: tuple[str, ...]) -> tuple[str, ...]:
        """An SE actor's activities in Verbinder's words; each other spelling is said, and
        an activity named twice (also in two spellings) is kept once with a warning. Other
        actors' activities are kept as written (matchmaking does not use them)."""
        if kind is None or not kind.is_social_economy:
            return written
        known = vocabulary()
        result = []
        for text in written:
            name = known.resolve(text)
            if name is None:
                close = known.suggest(text)
                hint = f"; bedoelde u '{close}'?" if close else "."
                row.sheet.problem(
                    f"activiteit '{text}' is niet gekend{hint} Zonder gekende activiteit krijgt "
                    "deze actor geen voorstellen voor nieuwe relaties (de lijst staat op het blad "
                    "uitleg van het sjabloon; een eigen activiteit voegt u toe in een eigen "
                    "sectorfit-bestand)",
                    row=row.number,
                    header="activiteiten",
                    level=WARNING,
                )
                result.append(text)
            elif name != text.lower():
                row.sheet.problem(
                    f"activiteit '{text}' wordt gelezen als '{name}'",
                    row=row.number,
                    header="activiteiten",
                    level=WARNING,
                )
                result.append(name)
            else:
                result.append(name)
        kept = tuple(dict.fromkeys(result))
        for twice in sorted({a for a in result if result.count(a) > 1}):
            row.sheet.problem(
                f"activiteit '{twice}' staat er meer dan eens; ze is één keer bewaard",
                row=row.number,
                header="activiteiten",
                level=WARNING,
            )
        return kept

    def _memberships_from_actors(self, parsed: list[tuple[Row, dict]]) -> dict[str, dict]:
        result: dict[str, dict[str, Membership]] = {}
        for row, v in parsed:
            verbanden = v["verbanden"] or ()
            levels = (v["betrokkenheid"], v["betrokkenheid_politiek"], v["betrokkenheid_ambtelijk"])
            if not verbanden:
                for header, level in zip(
                    ("betrokkenheid", "betrokkenheid_politiek", "betrokkenheid_ambtelijk"),
                    levels,
                    strict=True,
                ):
                    if level is not None:
                        row.error(
                            header, "betrokkenheid zonder verband: vul ook de kolom 'verbanden' in"
                        )
                continue
            if levels[0] is None:
                if row.is_blank("betrokkenheid"):
                    row.error(
                        "betrokkenheid",
                        "vul de betrokkenheid in (geen, passief, actief "
                        "of zeer actief) voor " + ", ".join(verbanden),
                    )
                continue
            if len(set(verbanden)) != len(verbanden):
                row.error("verbanden", "hetzelfde verband staat er twee keer")
                continue
            result[v["id"]] = {
                verband: self._membership(row, verband, levels[0], "verbanden", *levels[1:])
                for verband in verbanden
            }
        return result

    def resolve_actor(self, row: Row, header: str) -> str | None:
        """The id of the actor named in a cell (by id or exact, unique name)."""
        value = row.get(header)
        if value is None:
            return None
        ids = self.names.get(value, [])
        if value in self.actor_ids:
            others = [i for i in ids if i != value]
            if others:
                row.sheet.problem(
                    f"'{value}' is de id van een actor en ook de naam van een andere "
                    f"({', '.join(others)}); Verbinder gebruikt de id",
                    row=row.number,
                    header=header,
                    level=WARNING,
                )
            return value
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            row.error(header, f"de naam '{value}' is niet uniek ({', '.join(ids)}); gebruik de id")
        else:
            row.error(
                header,
                f"'{value}' is geen gekende actor (id of naam uit het blad "
                f"actoren){suggestion(value, list(self.actor_ids) + list(self.names))}",
            )
        return None

    def _memberships_sheet(self, result: dict[str, dict]) -> dict[str, dict]:
        for row in self._rows("lidmaatschappen"):
            actor = self.resolve_actor(row, "actor")
            verband = row.get("verband")
            levels = [
                row.get(h)
                for h in ("betrokkenheid", "betrokkenheid_politiek", "betrokkenheid_ambtelijk")
            ]
            if not row.ok:
                continue
            if verband in result.get(actor, {}):
                row.error(
                    "verband",
                    f"'{actor}' is al lid van '{verband}' (in het blad actoren "
                    "of hoger in dit blad)",
                )
                continue
            result.setdefault(actor, {})[verband] = self._membership(
                row, verband, levels[0], "verband", levels[1], levels[2]
            )
        return result

    def _ties(self) -> tuple[Tie, ...]:
        seen: dict[str, int] = {}
        parsed = []
        for row in self._rows("relaties"):
            tid = row.get("id")
            source = self.resolve_actor(row, "bron")
            target = self.resolve_actor(row, "doel")
            values = {
                h: row.get(h)
                for h in ("soort", "gewicht", "geldig_vanaf", "geldig_tot", "herkomst", "opmerking")
            }
            if tid is not None and tid in seen:
                row.error("id", f"relatie '{tid}' staat er al op rij {seen[tid]}")
            if source is not None and source == target:
                row.error("doel", f"een relatie van '{source}' met zichzelf kan niet")
            weight = values["gewicht"]
            if weight is not None and weight <= 0:
                row.error("gewicht", f"het gewicht moet groter dan 0 zijn, niet {weight:g}")
            start, end = values["geldig_vanaf"], values["geldig_tot"]
            if start is not None and end is not None and end < start:
                row.error(
                    "geldig_tot",
                    f"de einddatum {end:%d/%m/%Y} ligt voor de begindatum {start:%d/%m/%Y}",
                )
            if tid is not None:
                seen.setdefault(tid, row.number)
            if row.ok:
                parsed.append((row, tid, source, target, values))
        ties = []
        for row, tid, source, target, v in parsed:
            if tid is None:
                tid = f"{row.sheet.name}-{row.number}"
                while tid in seen:
                    tid += "b"
                seen[tid] = row.number
            provenance = v["herkomst"] or Provenance.BESTAND
            ties.append(
                from_cells(
                    RECORDS["ties"], v, id=tid, source=source, target=target, provenance=provenance
                )
            )
        return tuple(ties)

    def _events(self) -> tuple[Event, ...]:
        seen: dict[str, int] = {}
        events = []
        for row in self._rows("evenementen"):
            v = {h: row.get(h) for h in row.sheet.columns}
            if v["id"] is not None and v["id"] in seen:
                row.error("id", f"evenement '{v['id']}' staat er al op rij {seen[v['id']]}")
            if not row.ok:
                continue
            seen[v["id"]] = row.number
            if v["verband"] is not None:
                self.verband_refs.append((v["verband"], row.cell("verband")))
            events.append(from_cells(RECORDS["events"], v))
        return tuple(events)

    def _participations(self, event_ids: set[str]) -> tuple[Participation, ...]:
        seen: dict[tuple[str, str], int] = {}
        result = []
        for row in self._rows("deelnames"):
            event = row.get("evenement")
            actor = self.resolve_actor(row, "actor")
            if event is not None and event not in event_ids:
                row.error(
                    "evenement",
                    f"'{event}' is geen gekend evenement (blad evenementen)"
                    + suggestion(event, sorted(event_ids)),
                )
            if row.ok and (event, actor) in seen:
                row.error("actor", f"deze deelname staat er al op rij {seen[(event, actor)]}")
            if row.ok:
                seen[(event, actor)] = row.number
                cells = {h: row.get(h) for h in row.sheet.columns}
                record = RECORDS["participations"]
                result.append(from_cells(record, cells, event_id=event, actor_id=actor))
        return tuple(result)

    def _check_verbanden(self, verbanden: tuple[Verband, ...]) -> tuple[Verband, ...]:
        known = {v.id for v in verbanden}
        reference = {v.id: v for v in self.reference}
        added: list[Verband] = []
        for verband, cell in self.verband_refs:
            if verband in known:
                continue
            if verband in reference:
                known.add(verband)
                added.append(reference[verband])
                cell.sheet.problem(
                    f"verband '{verband}' staat niet in het blad verbanden: de "
                    f"referentiegegevens {_period(reference[verband])} worden gebruikt",
                    row=cell.row,
                    header=cell.column,
                    level=INFO,
                )
            else:
                cell.error(
                    f"'{verband}' is geen gekend verband (blad verbanden of de "
                    f"referentielijst){suggestion(verband, sorted(known | set(reference)))}"
                )
        return verbanden + tuple(added)

    def _info(self) -> tuple[bool, str]:
        """Description and synthetic flag from the key/value sheet ``info`` (every row read)."""
        if self.info is None or not self.info.headers:
            return False, ""
        table = self.info
        rows = [(table.header_row, list(table.headers))]
        rows += [
            (int(n), list(cells))
            for n, cells in zip(
                table.cells.index, table.cells.itertuples(index=False, name=None), strict=True
            )
        ]
        values: dict[str, tuple[int, object]] = {}

        def text(value: object, number: int, column: str) -> str | None:
            """The cell's text ('' when empty), or None after reporting why it is unusable."""
            try:
                return "" if is_empty(value) else parse_text(value)
            except CellError as exc:
                self.report.add(Problem(table.file, str(exc), table.sheet, number, column))
                return None

        for number, cells in rows:
            key = text(cells[0], number, "A")
            if key is None:
                continue
            key = key.lower()
            value = cells[1] if len(cells) > 1 and not is_empty(cells[1]) else None
            extra = [c for c in cells[2:] if not is_empty(c)]
            if key == "sleutel":
                continue
            if key not in {"synthetisch", "beschrijving", "let op"} or extra:
                what = f"onbekende sleutel '{key}'" if not extra else "een derde kolom"
                self.report.add(
                    Problem(
                        table.file,
                        f"het blad info bevat {what}; enkel "
                        "'synthetisch' en 'beschrijving' met hun waarde in kolom "
                        "B worden gelezen",
                        table.sheet,
                        number,
                    )
                )
                continue
            values[key] = (number, value)
        synthetic = False
        if "synthetisch" in values:
            number, value = values["synthetisch"]
            try:
                synthetic = value is not None and parse_bool(value)
            except CellError as exc:
                self.report.add(Problem(table.file, str(exc), table.sheet, number, "B"))
            if value is None:
                self.report.add(
                    Problem(table.file, "vul 'ja' of 'nee' in", table.sheet, number, "B")
                )
        number, description = values.get("beschrijving", (0, None))
        return synthetic, text(description, number, "B") or ""


def _period(verband: Verband) -> str:
    """The cycle of a reference verband, as the messages name it."""
    return f"{verband.period_start}-{verband.period_end}"
