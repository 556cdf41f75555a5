"""Numbers, shares, money, dates and yes/no in Belgian Dutch: the one formatter of every front end.

The CLI, the dashboard, the reports and the exports' explanations all format through this
module, so that a Flemish reader sees one number language: ``1.234`` is a thousand and more,
``12,5`` a decimal, ``12,5%`` a share. Babel's ``nl_BE`` locale data gives the separators.
"""

from __future__ import annotations

import errno
import math
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache

from babel import Locale
from babel.numbers import (
    NumberPattern,
    format_currency,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

__all__ = [
    "LOCALE",
    "MISSING",
    "Kind",
    "count",
    "day",
    "enumeration",
    "error_reason",
    "format_value",
    "is_missing",
    "moment",
    "money",
    "number",
    "percent",
    "yes_no",
]

LOCALE = "nl_BE"
_LOCALE = Locale.parse(LOCALE)
MISSING = "–"
"""What an empty value shows when its measure names no better word."""


class Kind(StrEnum):
    """What a value is, which decides how it is shown."""

    ID = "id"
    TEXT = "tekst"
    COUNT = "aantal"
    SHARE = "aandeel"
    DECIMAL = "decimaal"
    Z = "z"
    INDEX = "index"
    SCORE = "score"
    MONEY = "geld"
    DATE = "datum"
    FLAG = "janee"
    RANK = "rang"


def is_missing(value: object) -> bool:
    """None, NaN and pandas' NA/NaT are missing.

    >>> is_missing(None), is_missing(float("nan")), is_missing(0)
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def number(value: float, decimals: int = 2, *, significant: bool = False) -> str:
    """A number with ``decimals`` decimals; with ``significant``, a small value keeps two
    significant digits (so a density of 0,0043 is not shown as 0,00). Rounding noise (below
    10^-9) is 0, and never shown as -0.

    >>> number(1234.5), number(285.034, 1), number(0.0043, significant=True), number(-4e-17)
    ('1.234,50', '285,0', '0,0043', '0,00')
    """
    if abs(value) < 1e-9 or (round(value, decimals) == 0 and not significant):
        value = 0.0
    elif significant and abs(value) < 0.1:
        decimals = max(decimals, 1 - math.floor(math.log10(abs(value))))
    return _fixed(value, decimals)


@cache
def _pattern(decimals: int) -> NumberPattern:
    """Babel's pattern for ``decimals`` decimals, parsed once."""
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


_SEPARATORS = str.maketrans(",.", ".,")
_GROUP, _DECIMAL = get_group_symbol(_LOCALE), get_decimal_symbol(_LOCALE)


def _fixed(value: float, decimals: int) -> str:
    """What Babel's ``#,##0.00…`` pattern gives in nl_BE, without its locale lookups per call
    (a dashboard table formats tens of thousands of cells: 17 µs each through Babel): the same
    rounding (the float's shortest decimal form, half to even) and the locale's separators.
    Infinity and NaN go through Babel itself."""
    exact = Decimal(str(value))  # as Babel reads a float; also numpy numbers
    if not exact.is_finite() or (_GROUP, _DECIMAL) != (".", ","):
        return _pattern(decimals).apply(value, _LOCALE)
    rounded = abs(exact).quantize(_QUANTA[decimals] if decimals < 10 else Decimal(10) ** -decimals)
    return ("-" if exact.is_signed() else "") + f"{rounded:,f}".translate(_SEPARATORS)


_QUANTA = [Decimal(10) ** -d for d in range(10)]


def count(value: float) -> str:
    """A whole number with a point between thousands.

    >>> count(257029), count(221.0)
    ('257.029', '221')
    """
    return _fixed(round(value), 0)


def enumeration(items: list[str]) -> str:
    """Words as a Dutch enumeration.

    >>> enumeration(["a"]), enumeration(["a", "b"]), enumeration(["a", "b", "c"])
    ('a', 'a en b', 'a, b en c')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def percent(share: float, decimals: int = 1) -> str:
    """A share between 0 and 1 as a percentage.

    >>> percent(0.125), percent(1.0), percent(0.0004)
    ('12,5%', '100,0%', '0,040%')
    """
    return number(share * 100, decimals, significant=True) + "%"


def money(euro: float) -> str:
    """Euro without cents.

    >>> money(100000)
    '€ 100.000'
    """
    return format_currency(
        euro, "EUR", format="¤ #,##0", currency_digits=False, locale=LOCALE
    ).replace("\xa0", " ")


def day(value: date) -> str:
    """A date as DD/MM/JJJJ.

    >>> day(date(2024, 3, 15))
    '15/03/2024'
    """
    return value.strftime("%d/%m/%Y")


def moment(value: datetime) -> str:
    """A moment as DD/MM/JJJJ UU:MM."""
    return value.strftime("%d/%m/%Y %H:%M")


def yes_no(flag: object) -> str:
    """``ja`` or ``nee``.

    >>> yes_no(True), yes_no(0)
    ('ja', 'nee')
    """
    return "ja" if bool(flag) else "nee"


def _numeric(value: object, kind: Kind) -> str:
    value = float(value)  # type: ignore[arg-type]
    if kind in (Kind.COUNT, Kind.RANK):
        return count(value)
    if kind is Kind.SHARE:
        return percent(value)
    if kind is Kind.Z:
        return number(value, 1)
    if kind is Kind.MONEY:
        return money(value)
    return number(value, 2, significant=kind is Kind.DECIMAL)


def format_value(value: object, kind: Kind, missing: str = MISSING) -> str:
    """``value`` as a Flemish reader reads it, by its kind; ``missing`` for an empty value.

    >>> format_value(221.0, Kind.COUNT), format_value(285.034, Kind.Z)
    ('221', '285,0')
    >>> format_value(float("nan"), Kind.DECIMAL, "geen relaties"), format_value(False, Kind.FLAG)
    ('geen relaties', 'nee')
    """
    if is_missing(value):
        return missing
    if kind is Kind.FLAG:
        return value if isinstance(value, str) else yes_no(value)
    if kind is Kind.DATE and isinstance(value, datetime):
        return moment(value)
    if kind is Kind.DATE and isinstance(value, date):
        return day(value)
    if kind in (Kind.ID, Kind.TEXT, Kind.DATE) or isinstance(value, str):
        return str(value)
    return _numeric(value, kind)


_OS_REASONS = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EEXIST: "er staat al een bestand met die naam in de weg",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "geen toegang (rechten)",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
}

_SQLITE_REASONS = {
    "file is not a database": "het bestand is geen SQLite-databank",
    "database is locked": "een ander programma houdt de databank bezet",
    "attempt to write a readonly database": "de databank is alleen-lezen",
    "unable to open database file": "het bestand kan niet geopend worden",
    "disk I/O error": "de schijf gaf een lees- of schrijffout",
    "database disk image is malformed": "het bestand is beschadigd",
    "database or disk is full": "de schijf is vol",
}


def error_reason(exc: BaseException) -> str:
    """Why an operating-system or SQLite call failed, in Dutch (the original text when we
    have no Dutch for it).

    >>> error_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    'het bestand of de map bestaat niet'
    """
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    text = str(exc)
    return next((dutch for english, dutch in _SQLITE_REASONS.items() if english in text), text)
