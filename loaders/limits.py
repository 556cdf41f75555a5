"""Limits on what a loader reads, checked before a file is parsed.

Every file that enters (CLI, dashboard upload, attendance lists, sector fit) passes
:func:`check_file` and the row limit in :mod:`loaders.tabular`. The limits are generous for
real networks (Flanders has about 100,000 employers) and stop what would exhaust a regional
office's laptop: a huge file, a workbook whose zip expands to gigabytes, a sheet of a million
rows. Each can be raised with an environment variable.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from verbinder.graphmodel.formatting import count
from verbinder.loaders.problems import Problem
from verbinder.loaders.xml_parts import declared_parts, sheet_of_part

__all__ = ["LimitError", "Limits", "check_file", "current_limits"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""First bytes of an OLE2 compound file: an old .xls or a password-protected workbook."""

MB = 1_000_000


class LimitError(Exception):
    """A file that is refused before reading; carries one located :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Limits:
    """File size (MB), expanded size of a workbook (MB) and rows per sheet."""

    file_mb: float = 100
    expanded_mb: float = 1_000
    rows: int = 500_000


ENV = {
    "file_mb": "VERBINDER_MAX_BESTAND_MB",
    "expanded_mb": "VERBINDER_MAX_UITGEPAKT_MB",
    "rows": "VERBINDER_MAX_RIJEN",
}


def current_limits() -> Limits:
    """The limits, each overridden by its environment variable when set (see ``ENV``)."""
    values = {}
    for field, variable in ENV.items():
        raw = os.environ.get(variable)
        if raw:
            values[field] = int(raw) if field == "rows" else float(raw)
    return Limits(**values)


def _refuse(path: Path, message: str) -> LimitError:
    return LimitError(Problem(path.name, message))


def check_file(path: Path, limits: Limits | None = None) -> None:
    """Raise :class:`LimitError` for an empty or too large file, an old or password-protected
    workbook, a workbook that would expand beyond the limit, or one whose XML declares a
    document type (:mod:`loaders.xml_parts`)."""
    limits = limits or current_limits()
    size = path.stat().st_size
    workbook = path.suffix.lower() in (".xlsx", ".xlsm")
    if size == 0 and workbook:  # an empty CSV file is an empty table, judged by its role
        raise _refuse(path, "dit bestand is leeg (0 bytes)")
    if size > limits.file_mb * MB:
        raise _refuse(
            path,
            f"dit bestand is {count(size / MB)} MB; Verbinder leest bestanden tot "
            f"{count(limits.file_mb)} MB ({ENV['file_mb']} verhoogt die grens)",
        )
    if not workbook:
        return
    with path.open("rb") as handle:
        start = handle.read(len(OLE_MAGIC))
    if start == OLE_MAGIC:
        raise _refuse(
            path,
            "deze werkmap is met een wachtwoord beveiligd of in het oude .xls-formaat: open "
            "ze in Excel en bewaar ze zonder wachtwoord als Excel-werkmap (.xlsx)",
        )
    try:
        if not zipfile.is_zipfile(path):
            return  # openpyxl says it is no workbook, with the file's name
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            declared = expanded <= limits.expanded_mb * MB and declared_parts(archive)
            sheet = declared and sheet_of_part(archive, declared[0])
    except Exception as exc:  # zipfile raises several types for a damaged archive
        raise _refuse(
            path,
            "dit bestand is beschadigd: het lijkt op een Excel-werkmap maar de inhoud kan niet "
            f"uitgepakt worden ({type(exc).__name__}); bewaar het opnieuw vanuit Excel",
        ) from exc
    if expanded > limits.expanded_mb * MB:
        raise _refuse(
            path,
            f"deze werkmap pakt uit tot {count(expanded / MB)} MB; Verbinder leest werkmappen "
            f"tot {count(limits.expanded_mb)} MB uitgepakt ({ENV['expanded_mb']} verhoogt die "
            "grens)",
        )
    if declared:
        message = (
            f"het onderdeel '{declared[0]}' van deze werkmap bevat een DTD-declaratie "
            "(<!DOCTYPE>); Excel schrijft die nooit, en ze kan een bestand laten uitdijen tot "
            "het de computer vastzet of andere bestanden van deze computer laten inlezen. "
            "Verbinder leest deze werkmap daarom niet: neem de gegevens over in het sjabloon "
            "(verbinder template) of in een werkmap die Excel zelf bewaarde"
        )
        raise LimitError(Problem(path.name, message, sheet=sheet or None))
