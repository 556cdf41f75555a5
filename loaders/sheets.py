"""Map a raw table onto a sheet definition and read its cells, reporting every problem located."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from verbinder.graphmodel.tables import Column
from verbinder.loaders.parsing import (
    CellError,
    is_empty,
    parse_actor_type,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_email,
    parse_engagement,
    parse_int,
    parse_kbo,
    parse_latitude,
    parse_list,
    parse_longitude,
    parse_nace,
    parse_provenance,
    parse_score,
    parse_text,
    parse_tie_kind,
    suggestion,
)
from verbinder.loaders.problems import ERROR, INFO, WARNING, Problem, ValidationReport
from verbinder.loaders.tabular import RawTable

__all__ = ["Cell", "SheetReader", "normalise_header"]

_PARSERS: dict[str, Callable[[object], object]] = {
    "text": parse_text,
    "int": parse_int,
    "decimal": parse_decimal,
    "date": parse_date,
    "engagement": parse_engagement,
    "actortype": parse_actor_type,
    "tiekind": parse_tie_kind,
    "list": parse_list,
    "nace": parse_nace,
    "kbo": parse_kbo,
    "latitude": parse_latitude,
    "longitude": parse_longitude,
    "email": parse_email,
    "provenance": parse_provenance,
    "bool": parse_bool,
    "score": parse_score,
}


def normalise_header(header: str) -> str:
    """Lower case, spaces and hyphens as '_': 'Geldig vanaf' -> 'geldig_vanaf'.

    >>> normalise_header(" E-mail "), normalise_header("Betrokkenheid  politiek")
    ('e_mail', 'betrokkenheid_politiek')
    """
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


class Cell:
    """Where a value was read (sheet, row, column), to report a later problem about it."""

    __slots__ = ("column", "row", "sheet")

    def __init__(self, sheet: SheetReader, row: int, column: str) -> None:
        self.sheet = sheet
        self.row = row
        self.column = column

    def error(self, message: str) -> None:
        """Report ``message`` at this cell."""
        self.sheet.problem(message, row=self.row, header=self.column)


class SheetReader:
    """A raw table checked against a sheet's columns.

    On creation it reports missing required columns, unknown columns that hold data (or, with
    ``other_columns_allowed``, notes that they are not used) and duplicate columns.
    :meth:`rows` then yields :class:`Row` objects whose :meth:`Row.get` parses a cell and
    reports its problem where it is.
    """

    def __init__(
        self,
        table: RawTable,
        columns: tuple[Column, ...],
        report: ValidationReport,
        *,
        other_columns_allowed: bool = False,
    ) -> None:
        self.table = table
        self.report = report
        self.columns = {c.header: c for c in columns}
        self.positions: dict[str, int] = {}
        self.usable = True
        names = {}
        for column in columns:
            for name in (column.header, *column.aliases):
                names[normalise_header(name)] = column.header
        for position, header in enumerate(table.headers):
            label = table.column_label(position)
            if not header:
                self.problem(
                    "deze kolom heeft gegevens maar geen kop; geef ze een naam uit de "
                    "lijst of verwijder ze",
                    row=table.header_row,
                    label=label,
                )
                continue
            canonical = names.get(normalise_header(header))
            if canonical is None and other_columns_allowed:
                self.problem(
                    f"kolom '{header}' wordt niet gebruikt",
                    row=table.header_row,
                    label=label,
                    level=INFO,
                )
            elif canonical is None and table.cells[position].map(is_empty).all():
                self.problem(
                    f"kolom '{header}' is onbekend en leeg; ze wordt genegeerd",
                    row=table.header_row,
                    label=label,
                    level=WARNING,
                )
            elif canonical is None:
                self.problem(
                    f"kolom '{header}' is onbekend"
                    f"{suggestion(normalise_header(header), list(names)) or '.'}"
                    " Verbinder neemt geen kolommen over die het niet kent: hernoem of "
                    "verwijder ze",
                    row=table.header_row,
                    label=label,
                )
            elif canonical in self.positions:
                first = table.column_label(self.positions[canonical])
                self.problem(
                    f"kolom '{canonical}' staat er twee keer (ook {first})",
                    row=table.header_row,
                    label=label,
                )
            else:
                self.positions[canonical] = position
        for column in columns:
            if column.required and column.header not in self.positions:
                self.usable = False
                self.problem(
                    f"de verplichte kolom '{column.header}' ontbreekt", row=table.header_row
                )

    @property
    def name(self) -> str:
        """The sheet name as in the file."""
        return self.table.sheet

    def has(self, header: str) -> bool:
        """Whether the file has this column."""
        return header in self.positions

    def label(self, header: str) -> str:
        """How the column is named in messages."""
        position = self.positions.get(header)
        return f"'{header}'" if position is None else self.table.column_label(position)

    def problem(
        self,
        message: str,
        *,
        row: int | None = None,
        header: str | None = None,
        label: str | None = None,
        level: str = ERROR,
    ) -> None:
        """Report a problem in this sheet."""
        if label is None and header is not None:
            label = self.label(header)
        self.report.add(Problem(self.table.file, message, self.table.sheet, row, label, level))

    def rows(self) -> Iterator[Row]:
        """The data rows, if the sheet has its required columns."""
        if not self.usable:
            return
        for number, cells in zip(
            self.table.cells.index, self.table.cells.itertuples(index=False, name=None), strict=True
        ):
            yield Row(self, int(number), cells)


class Row:
    """One data row; ``ok`` turns false when any cell in it had an error."""

    __slots__ = ("cells", "number", "ok", "sheet")

    def __init__(self, sheet: SheetReader, number: int, cells: tuple) -> None:
        self.sheet = sheet
        self.number = number
        self.cells = cells
        self.ok = True

    def cell(self, header: str) -> Cell:
        """The location of a column in this row."""
        return Cell(self.sheet, self.number, header)

    def error(self, header: str | None, message: str) -> None:
        """Report an error in this row (at ``header`` if given)."""
        self.ok = False
        self.sheet.problem(message, row=self.number, header=header)

    def is_blank(self, header: str) -> bool:
        """Whether the cell of this column is empty (or the column is missing)."""
        position = self.sheet.positions.get(header)
        return position is None or is_empty(self.cells[position])

    def get(self, header: str) -> object | None:
        """The parsed value of a column, None when empty or missing; errors are reported."""
        position = self.sheet.positions.get(header)
        raw = None if position is None else self.cells[position]
        column = self.sheet.columns[header]
        if is_empty(raw):
            if column.required:
                self.error(header, f"'{header}' is verplicht en is leeg")
            return None
        try:
            value = _PARSERS[column.kind](raw)
        except CellError as exc:
            self.error(header, str(exc))
            return None
        if column.kind in ("int", "decimal") and value < 0:
            self.error(header, f"'{parse_text(raw)}' mag niet negatief zijn")
            return None
        return value
