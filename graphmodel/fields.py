"""One description of the model's fields, read by every form a record takes.

Each field of a model record (:mod:`graphmodel.model`) says, in its ``metadata``, the sheet
column it is (:func:`column`): Dutch header, accepted aliases, value kind, help text, whether it
is personal data. Its Python type and default come from the dataclass itself. From that one
description this module derives a record's sheet columns (:func:`sheet_columns`), its cells for
a sheet (:func:`to_cells`) and back (:func:`from_cells`), its JSON form (:func:`to_plain`,
:func:`from_plain`) and its SQLite row by column name (:func:`to_row`, :func:`from_row`).
Adding a field to the model is therefore one line in ``model.py`` plus, for the embedded store,
a migration that adds its column.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, IntEnum
from functools import cache
from operator import attrgetter
from typing import Any

__all__ = [
    "LIST_SEPARATOR",
    "Column",
    "column",
    "columns",
    "from_cells",
    "from_plain",
    "from_row",
    "header_fields",
    "nested",
    "personal_fields",
    "row_columns",
    "sheet_columns",
    "to_cells",
    "to_plain",
    "to_row",
]

LIST_SEPARATOR = "; "
"""How lists (verbanden, NACE codes, tags) are written in one cell; ``;``, ``,`` and ``|`` read."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its Dutch header, accepted aliases, value kind and help text."""

    header: str
    kind: str
    help: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    personal: bool = False


def column(
    header: str, kind: str, help: str, *aliases: str, required: bool = False, personal: bool = False
) -> dict[str, Column]:
    """Field metadata: the field is the sheet column ``header`` (see :class:`Column`)."""
    return {"column": Column(header, kind, help, required, aliases, personal)}


def columns(*shown: Column) -> dict[str, tuple[Column, ...]]:
    """Field metadata of a field of nested records that a sheet shows as these columns."""
    return {"columns": shown}


@dataclass(frozen=True)
class _Field:
    """What the codecs need of one field; ``encode``/``decode`` are None for plain values."""

    name: str
    column: Column | None
    encode: Callable[[Any], Any] | None
    decode: Callable[[Any], Any] | None
    record: type | None
    listed: bool
    default: Any


def _split(hint: Any) -> tuple[Any, bool]:
    """The type without ``| None``, and whether it is a tuple (of that element type)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if typing.get_origin(hint) is tuple:
        return typing.get_args(hint)[0], True
    return hint, False


def _codec(kind: Any) -> tuple[Callable[[Any], Any] | None, Callable[[Any], Any] | None]:
    if isinstance(kind, type) and issubclass(kind, Enum):
        return attrgetter("value"), kind
    if kind is datetime:
        return datetime.isoformat, datetime.fromisoformat
    if kind is date:
        return date.isoformat, date.fromisoformat
    return None, None


@cache
def _fields(record: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(record)
    result = []
    for f in dataclasses.fields(record):
        kind, listed = _split(hints[f.name])
        inner = kind if dataclasses.is_dataclass(kind) else None
        encode, decode = _codec(kind)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        result.append(
            _Field(f.name, f.metadata.get("column"), encode, decode, inner, listed, default)
        )
    return tuple(result)


def nested(record: type) -> dict[str, type]:
    """Fields of ``record`` that hold nested records, with the nested record type."""
    return {f.name: f.record for f in _fields(record) if f.record is not None}


def personal_fields(record: type) -> frozenset[str]:
    """Names of the fields that hold personal data (left out of exports by default)."""
    return frozenset(f.name for f in _fields(record) if f.column and f.column.personal)


def sheet_columns(record: type, *, with_nested: bool = True) -> tuple[Column, ...]:
    """The sheet columns of ``record`` in field order; ``with_nested`` includes the columns
    a field of nested records shows (read by the loaders, not written by :func:`to_cells`)."""
    shown: list[Column] = []
    for f in dataclasses.fields(record):
        if "column" in f.metadata:
            shown.append(f.metadata["column"])
        if with_nested:
            shown.extend(f.metadata.get("columns", ()))
    return tuple(shown)


def header_fields(record: type) -> dict[str, str]:
    """``{Dutch header: field name}`` of the fields of ``record`` that are one sheet column."""
    return {f.column.header: f.name for f in _fields(record) if f.column is not None}


def to_plain(record: Any, *, omit: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The record as JSON-ready data keyed by field name; fields in ``omit`` become None."""
    plain: dict[str, Any] = {}
    for f in _fields(type(record)):
        value = getattr(record, f.name)
        if f.name in omit or value is None:
            plain[f.name] = None
        elif f.record is not None:
            plain[f.name] = [to_plain(item) for item in value]
        elif f.listed:
            plain[f.name] = list(value) if f.encode is None else [f.encode(v) for v in value]
        else:
            plain[f.name] = value if f.encode is None else f.encode(value)
    return plain


def from_plain(record: type, data: Mapping[str, Any], **given: Any) -> Any:
    """The record from :func:`to_plain` output, with the fields ``given``; a missing optional
    field takes its default.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` on data of another shape.
    """
    values: dict[str, Any] = {}
    for f in _fields(record):
        if f.name in given or (f.name not in data and f.default is not dataclasses.MISSING):
            continue
        value = data[f.name]
        if value is None:
            values[f.name] = None
        elif f.record is not None:
            values[f.name] = tuple(from_plain(f.record, item) for item in value)
        elif f.listed:
            values[f.name] = tuple(value if f.decode is None else map(f.decode, value))
        else:
            values[f.name] = value if f.decode is None else f.decode(value)
    return record(**values, **given)


_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _list_to_text(encode: Callable[[Any], Any] | None) -> Callable[[Any], str]:
    def to_text(values: tuple) -> str:
        return _JSON(values if encode is None else [encode(v) for v in values])

    return to_text


def _text_to_list(decode: Callable[[Any], Any] | None) -> Callable[[str], tuple]:
    def to_list(text: str) -> tuple:
        return tuple(json.loads(text) if decode is None else map(decode, json.loads(text)))

    return to_list


@dataclass(frozen=True)
class _RowPlan:
    """The SQLite row of a record type: its columns, how to read them off a record, and which
    of them are converted (by position) on the way in and out."""

    columns: tuple[str, ...]
    values: Callable[[Any], tuple]
    encoders: tuple[tuple[int, Callable[[Any], Any]], ...]
    decoders: tuple[tuple[int, Callable[[Any], Any]], ...]


@cache
def _row_plan(record: type) -> _RowPlan:
    kept = [f for f in _fields(record) if f.record is None]
    names = tuple(f.name for f in kept)
    getter = attrgetter(*names)
    encoders = [(i, _list_to_text(f.encode) if f.listed else f.encode) for i, f in enumerate(kept)]
    decoders = [(i, _text_to_list(f.decode) if f.listed else f.decode) for i, f in enumerate(kept)]
    return _RowPlan(
        names,
        getter if len(names) > 1 else lambda r: (getter(r),),
        tuple((i, e) for i, e in encoders if e is not None),
        tuple((i, d) for i, d in decoders if d is not None),
    )


def row_columns(record: type) -> tuple[str, ...]:
    """The SQLite columns of ``record`` (its field names, nested records left out: they have
    a table of their own), in the order of :func:`to_row`."""
    return _row_plan(record).columns


def to_row(record: Any) -> list:
    """The record's values for :func:`row_columns`; lists as JSON text, enums as values,
    dates as ISO text."""
    plan = _row_plan(type(record))
    values = list(plan.values(record))
    for i, encode in plan.encoders:
        if values[i] is not None:
            values[i] = encode(values[i])
    return values


def from_row(record: type, row: Sequence[Any], **given: Any) -> Any:
    """The record from the values of its :func:`row_columns`, with the nested records
    ``given``."""
    plan = _row_plan(record)
    values = list(row)
    for i, decode in plan.decoders:
        if values[i] is not None:
            values[i] = decode(values[i])
    return record(**dict(zip(plan.columns, values, strict=True)), **given)


def to_cells(record: Any, *, words: Callable[[Any], Any]) -> dict[str, Any]:
    """The record's cells keyed by Dutch header: lists joined with :data:`LIST_SEPARATOR`,
    engagement levels through ``words``, other enums as their value, dates as dates."""
    cells = {}
    for f in _fields(type(record)):
        if f.column is None:
            continue
        value = getattr(record, f.name)
        if f.listed:
            value = LIST_SEPARATOR.join(value) if value else None
        elif isinstance(value, IntEnum):
            value = words(value)
        elif isinstance(value, Enum):
            value = value.value
        cells[f.column.header] = value
    return cells


def from_cells(record: type, cells: Mapping[str, Any], **given: Any) -> Any:
    """The record from parsed cells keyed by Dutch header (an empty cell takes the field's
    default), with the fields ``given`` (nested records, values the caller decided)."""
    values = {
        f.name: cells[f.column.header]
        for f in _fields(record)
        if f.column is not None and cells.get(f.column.header) is not None
    }
    return record(**(values | given))
