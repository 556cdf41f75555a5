"""Load the workbook regisseurs fill in (.xlsx, or a folder of CSV files) into a Dataset.

Everything is checked before anything is built: :func:`load_workbook_dataset` either returns
a complete dataset or raises :class:`~loaders.problems.LoadError` with every problem located
by file, sheet, row and column, so an import with any error changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    SourceFile,
    Tie,
    Verband,
)
from graphmodel.reference import reference_verbanden
from graphmodel.tables import INFO_SHEET, REQUIRED_SHEETS, SHEETS
from graphmodel.types import Provenance
from loaders.parsing import CellError, is_empty, parse_bool, parse_text, suggestion
from loaders.problems import INFO, WARNING, LoadError, Problem, ValidationReport
from loaders.sheets import Cell, Row, SheetReader
from loaders.tabular import RawTable, TableReadError, read_csv_table, read_xlsx_tables

__all__ = ["LoadResult", "load_workbook_dataset"]

IGNORED_SHEETS = {"uitleg", "lijsten"}
"""Sheets of the template that hold help and dropdown lists, not data."""


@dataclass(frozen=True)
class LoadResult:
    """A dataset read from files, the report (warnings only) and the files' hashes."""

    dataset: Dataset
    report: ValidationReport
    sources: tuple[SourceFile, ...]

    @property
    def sha256(self) -> str:
        """One hash for the whole input (the file's, or a hash of the folder's file hashes)."""
        if len(self.sources) == 1:
            return self.sources[0].sha256
        joined = "\n".join(f"{s.path} {s.sha256}" for s in self.sources)
        return hashlib.sha256(joined.encode()).hexdigest()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_tables(path: Path, report: ValidationReport) -> tuple[dict[str, RawTable], list[Path]]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
        tables = {}
        for file in files:
            table, encoding, delimiter = read_csv_table(file, file.stem)
            tables[file.stem.strip().lower()] = table
            report.add(
                Problem(
                    file.name,
                    f"gelezen als {encoding} met scheidingsteken '{delimiter}'",
                    level=INFO,
                )
            )
        return tables, files
    if path.suffix.lower() == ".xlsx":
        return read_xlsx_tables(path), [path]
    raise TableReadError(
        Problem(
            path.name,
            "geef een Excel-werkmap (.xlsx) of een map met CSV-bestanden "
            "(actoren.csv, relaties.csv, ...)",
        )
    )


def load_workbook_dataset(path: str | Path, *, name: str) -> LoadResult:
    """Read and check a workbook (.xlsx) or a folder of CSV files into dataset ``name``.

    Raises
    ------
    LoadError
        When the input has any error; its ``report`` lists them all.
    """
    path = Path(path)
    report = ValidationReport(str(path))
    if not path.exists():
        report.add(Problem(path.name, "dit bestand of deze map bestaat niet"))
        raise LoadError(report)
    try:
        tables, files = _read_tables(path, report)
    except TableReadError as exc:
        report.add(exc.problem)
        raise LoadError(report) from exc
    dataset = _Builder(tables, report, path.name).build(name)
    sheet_order = {table.sheet: i for i, table in enumerate(tables.values())}
    report.problems.sort(
        key=lambda p: (p.sheet is not None, sheet_order.get(p.sheet, -1), p.row or 0)
    )
    if not report.ok:
        raise LoadError(report)
    sources = tuple(SourceFile(str(f), _sha256(f)) for f in files)
    return LoadResult(dataset.replace(sources=sources), report, sources)


class _Builder:
    """Turns checked sheets into model records, collecting problems instead of stopping."""

    def __init__(self, tables: dict[str, RawTable], report: ValidationReport, file: str) -> None:
        self.report = report
        self.file = file
        self.sheets: dict[str, SheetReader] = {}
        for key, table in tables.items():
            if key in SHEETS:
                self.sheets[key] = SheetReader(table, SHEETS[key], report)
            elif key not in IGNORED_SHEETS | {INFO_SHEET} and table.headers:
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
                report.add(
                    Problem(
                        file,
                        f"het verplichte blad '{sheet}' ontbreekt "
                        f"(of het bestand {sheet}.csv in de map)",
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
        verbanden = self._check_verbanden(verbanden)
        synthetic, description = self._info()
        return Dataset(
            name=name,
            actors=actors,
            ties=ties,
            verbanden=verbanden,
            events=events,
            participations=participations,
            synthetic=synthetic,
            description=description,
        )

    def _rows(self, sheet: str) -> list[Row]:
        reader = self.sheets.get(sheet)
        return list(reader.rows()) if reader else []

    def _verbanden(self) -> tuple[Verband, ...]:
        seen: dict[str, int] = {}
        result = []
        for row in self._rows("verbanden"):
            values = {
                h: row.get(h)
                for h in (
                    "id",
                    "naam",
                    "rechtsvorm",
                    "provincie",
                    "gemeenten",
                    "inwoners",
                    "subsidie_eur",
                    "periode_van",
                    "periode_tot",
                    "centrumstad",
                    "opmerking",
                    "bron",
                )
            }
            vid = values["id"]
            if vid is not None and vid in seen:
                row.error("id", f"verband '{vid}' staat er al op rij {seen[vid]}")
            if not row.ok:
                continue
            seen[vid] = row.number
            result.append(
                Verband(
                    vid,
                    values["naam"],
                    values["rechtsvorm"],
                    values["provincie"],
                    values["gemeenten"] or (),
                    values["inwoners"],
                    values["subsidie_eur"],
                    values["periode_van"],
                    values["periode_tot"],
                    values["centrumstad"],
                    values["opmerking"],
                    values["bron"],
                )
            )
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
            if not row.ok:
                continue
            actors.append(
                Actor(
                    id=v["id"],
                    name=v["naam"],
                    type=v["type"],
                    municipality=v["gemeente"],
                    nace=v["nace"] or (),
                    activities=v["activiteiten"] or (),
                    kbo=v["kbo"],
                    fte=v["vte"],
                    target_group_workers=v["doelgroepwerknemers"],
                    memberships=tuple(memberships.get(v["id"], {}).values()),
                    tags=v["tags"] or (),
                    contact_name=v["contactpersoon"],
                    contact_email=v["email"],
                    note=v["opmerking"],
                )
            )
        return tuple(actors)

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
                if row.ok:
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
        if value in self.actor_ids:
            return value
        ids = self.names.get(value, [])
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
            ties.append(
                Tie(
                    tid,
                    source,
                    target,
                    v["soort"],
                    1.0 if v["gewicht"] is None else v["gewicht"],
                    v["geldig_vanaf"],
                    v["geldig_tot"],
                    v["herkomst"] or Provenance.BESTAND,
                    v["opmerking"],
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
            events.append(
                Event(v["id"], v["naam"], v["datum"], v["verband"], v["soort"], v["thema"])
            )
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
                result.append(Participation(event, actor))
        return tuple(result)

    def _check_verbanden(self, verbanden: tuple[Verband, ...]) -> tuple[Verband, ...]:
        known = {v.id for v in verbanden}
        reference = {v.id: v for v in reference_verbanden()}
        added: list[Verband] = []
        for verband, cell in self.verband_refs:
            if verband in known:
                continue
            if verband in reference:
                known.add(verband)
                added.append(reference[verband])
                cell.sheet.problem(
                    f"verband '{verband}' staat niet in het blad verbanden: de "
                    "referentiegegevens 2017-2019 worden gebruikt",
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
        if self.info is None:
            return False, ""
        values: dict[str, object] = {}
        for number, cells in self.info.cells.iterrows():
            key = "" if is_empty(cells[0]) else parse_text(cells[0]).lower()
            values[key] = None if len(cells) < 2 or is_empty(cells[1]) else cells[1]
            if key not in {"synthetisch", "beschrijving", "let op"}:
                self.report.add(
                    Problem(
                        self.info.file,
                        f"onbekende sleutel '{key}'",
                        self.info.sheet,
                        int(number),
                        "A",
                    )
                )
        try:
            synthetic = values.get("synthetisch") is not None and parse_bool(values["synthetisch"])
        except CellError as exc:
            self.report.add(Problem(self.info.file, str(exc), self.info.sheet, None, "B"))
            synthetic = False
        description = values.get("beschrijving")
        return synthetic, "" if description is None else parse_text(description)
