"""Validation problems with their location (file, sheet, row, column) and Dutch message."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ERROR", "INFO", "WARNING", "LoadError", "Problem", "ValidationReport"]

ERROR = "fout"
WARNING = "waarschuwing"
INFO = "info"


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as the user sees it in Excel.

    ``row`` is the spreadsheet row number (the header is usually row 1); ``column`` is the
    header as written in the file, with its column letter for workbooks.
    """

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    level: str = ERROR

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet is not None:
            where.append(f"blad '{self.sheet}'")
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column is not None:
            where.append(f"kolom {self.column}")
        prefix = "" if self.level == ERROR else f"{self.level}: "
        return f"{', '.join(where)}: {prefix}{self.message}"


@dataclass
class ValidationReport:
    """Every problem found in one input, errors and warnings, in the order found."""

    source: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the import."""
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that are shown but do not stop the import."""
        return [p for p in self.problems if p.level == WARNING]

    @property
    def ok(self) -> bool:
        """True when nothing stops the import."""
        return not self.errors

    def add(self, problem: Problem) -> None:
        """Record one problem."""
        self.problems.append(problem)

    def summary(self) -> str:
        """One Dutch line: how many errors and warnings."""
        return f"{self.source}: {len(self.errors)} fout(en), {len(self.warnings)} waarschuwing(en)"

    def as_rows(self) -> list[dict[str, object]]:
        """The problems as rows (for a table or an export of the report)."""
        return [
            dict(
                zip(
                    PROBLEM_COLUMNS,
                    (p.level, p.file, p.sheet, p.row, p.column, p.message),
                    strict=True,
                )
            )
            for p in self.problems
        ]


PROBLEM_COLUMNS = ("niveau", "bestand", "blad", "rij", "kolom", "melding")
"""The columns of :meth:`ValidationReport.as_rows`."""


class LoadError(Exception):
    """An input could not be imported; ``report`` lists every problem found."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.summary())
        self.report = report
