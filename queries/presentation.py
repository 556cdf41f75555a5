"""Query results as people read them: Dutch headings from the catalogue, Belgian number formats,
a legend of what each column means. Used by the CLI, the dashboard and the reports.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

import pandas as pd
from verbinder.graphmodel.formatting import Kind, format_value, is_missing
from verbinder.queries.catalogue import VOCABULARIES, Measure, measure

__all__ = [
    "MEASURE_TABLE",
    "legend_lines",
    "measure_table",
    "measure_text",
    "readable",
    "shown",
    "text_table",
]

MEASURE_TABLE = ("Maat", "Waarde", "Wat het zegt")
"""The headings of :func:`measure_table`."""

_SELF_EXPLANATORY = (Kind.ID, Kind.TEXT)
WIDTH = 100
"""Terminal width that legends and readings are wrapped to."""


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with Dutch headings and every value formatted as text (a named index becomes
    the first column); raises :class:`~queries.catalogue.UncataloguedColumnError` for a column
    without an entry.

    >>> readable(pd.DataFrame({"graad": [221.0], "z_totaal": [285.034]}))
      Contacten Makelaar, z-score totaal
    0       221                     285,0
    """
    if frame.index.name is not None:
        frame = frame.reset_index()
    entries = [measure(str(column)) for column in frame.columns]
    return pd.DataFrame(
        {
            entry.name: [shown(v, entry) for v in frame[column]]
            for entry, column in zip(entries, frame.columns, strict=True)
        },
        index=frame.index,
    )


def shown(value: object, entry: Measure) -> str:
    """One value of a column as it is shown: formatted by its kind, a code by its label.

    >>> shown("vlaamse_overheid", measure("type")), shown(0.125, measure("dichtheid"))
    ('Vlaamse overheid', '12,5%')
    """
    if entry.values is not None and not is_missing(value):
        return VOCABULARIES[entry.values](value)
    return format_value(value, entry.kind, entry.missing)


def measure_table(values: Mapping[str, object]) -> pd.DataFrame:
    """One row per measure: its Dutch name, its value formatted by its kind, its reading."""
    rows = []
    for key, value in values.items():
        entry = measure(key)
        rows.append([entry.name, shown(value, entry), entry.reading])
    return pd.DataFrame(rows, columns=list(MEASURE_TABLE))


def legend_lines(columns: Iterable[str]) -> list[str]:
    """``Naam: lezing`` for every column that is a figure (names and ids need none)."""
    lines = []
    for column in dict.fromkeys(columns):
        entry = measure(column)
        if entry.kind not in _SELF_EXPLANATORY:
            text = f"{entry.name}: {entry.reading}"
            lines += textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="    ")
    return ["Legende:", *lines] if lines else []


def text_table(frame: pd.DataFrame, *, legend: bool = True) -> str:
    """``frame`` as a terminal table with Dutch headings and numbers, the legend under it."""
    if frame.empty:
        return "  (geen)"
    shown = readable(frame)
    with pd.option_context("display.width", 250, "display.max_columns", None):
        body = shown.to_string(index=False)
    lines = ["  " + line for line in body.splitlines()]
    columns = list(frame.columns) if frame.index.name is None else [frame.index.name]
    if frame.index.name is not None:
        columns += list(frame.columns)
    if legend:
        lines += ["", *legend_lines(columns)]
    return "\n".join(lines)


def measure_text(values: Mapping[str, object]) -> str:
    """The measures of :func:`measure_table` as aligned terminal lines: name, value, reading."""
    table = measure_table(values)
    name_width = max(len(name) for name in table["Maat"])
    value_width = max(len(value) for value in table["Waarde"])
    indent = " " * (name_width + value_width + 6)
    return "\n".join(
        textwrap.fill(
            f"  {name:<{name_width}}  {value:>{value_width}}  {reading}",
            max(WIDTH, len(indent) + 40),
            subsequent_indent=indent,
        )
        for name, value, reading in table.itertuples(index=False)
    )
