"""Spreadsheet cells as Verbinder writes and reads them: formula protection and Excel errors.

One place for both directions: the exports (:mod:`queries.export`) protect text that a
spreadsheet would run as a formula, and the loaders (:mod:`loaders.tabular`) undo exactly that
protection and recognise Excel's error values.
"""

from __future__ import annotations

__all__ = ["EXCEL_ERRORS", "FORMULA_TRIGGERS", "ExcelError", "escape_formula", "unescape_formula"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV
Injection": tab and carriage return too, which some spreadsheets skip before a formula)."""

EXCEL_ERRORS = frozenset(
    {"#VALUE!", "#REF!", "#N/A", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"}
)


class ExcelError(str):
    """A cell that holds an Excel error value (#VALUE!, ...), not text the user typed."""

    __slots__ = ()


def _needs_escape(text: str) -> bool:
    if text[:1] in FORMULA_TRIGGERS or text in EXCEL_ERRORS:
        return True
    return text[:1] == "'" and _needs_escape(text[1:])


def escape_formula(text: str) -> str:
    """Prefix an apostrophe when a CSV cell would read as a formula or an Excel error value.

    Text that already starts with an apostrophe gets one more when the rest would need one,
    so that :func:`unescape_formula` restores every text exactly.

    >>> escape_formula("=1+1"), escape_formula("'=x"), escape_formula("'t Hof")
    ("'=1+1", "''=x", "'t Hof")
    """
    return "'" + text if _needs_escape(text) else text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula`.

    >>> unescape_formula("'=1+1"), unescape_formula("''=x"), unescape_formula("'t Hof")
    ('=1+1', "'=x", "'t Hof")
    """
    return text[1:] if text[:1] == "'" and _needs_escape(text[1:]) else text
