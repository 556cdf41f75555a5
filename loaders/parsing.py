"""Parsers for one cell: Belgian numbers and dates, engagement words, actor types, tie kinds.

Each parser takes the raw cell (text from a CSV, or a value from a workbook) and returns the
typed value, or raises :class:`CellError` with a Dutch message a regisseur can act on.
"""

from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime

from verbinder.graphmodel.cells import ExcelError
from verbinder.graphmodel.nace import NACE_PATTERN, nace_section
from verbinder.graphmodel.roster import SCALE
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind

__all__ = [
    "CellError",
    "is_empty",
    "parse_actor_type",
    "parse_bool",
    "parse_date",
    "parse_decimal",
    "parse_email",
    "parse_engagement",
    "parse_int",
    "parse_kbo",
    "parse_latitude",
    "parse_list",
    "parse_longitude",
    "parse_nace",
    "parse_provenance",
    "parse_score",
    "parse_text",
    "parse_tie_kind",
    "suggestion",
]


class CellError(ValueError):
    """A cell value that cannot be read; the message is Dutch."""


def is_empty(value: object) -> bool:
    """True for None, NaN and text that is only white space."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return isinstance(value, str) and not value.strip()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def suggestion(value: str, options: list[str]) -> str:
    """'; bedoelde u 'x'?' for the closest option, or ''."""
    close = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.6)
    return f"; bedoelde u '{close[0]}'?" if close else ""


def parse_text(value: object) -> str:
    """Text without surrounding spaces and with line breaks as ``\\n``; whole numbers from a
    workbook lose their '.0'. Excel error values and control characters are refused.

    >>> parse_text("  Zoë "), parse_text(12.0), parse_text(3.5), parse_text("a\\r\\nb")
    ('Zoë', '12', '3.5', 'a\\nb')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, ExcelError):
        raise CellError(f"de cel bevat de Excel-fout {value}; verbeter de formule of typ de waarde")
    text = str(value).strip().replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        raise CellError("de tekst bevat een onzichtbaar stuurteken; typ de waarde opnieuw")
    return text


def _key(value: object) -> str:
    return re.sub(r"[\s\-]+", "_", parse_text(value).lower())


_AMBIGUOUS_THOUSANDS = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_decimal(value: object) -> float:
    """A number with a decimal comma or point; '1.234,5' and '1 234,5' use thousands marks.

    >>> parse_decimal("12,5"), parse_decimal("1.234,5"), parse_decimal(" 0.375 "), parse_decimal(7)
    (12.5, 1234.5, 0.375, 7.0)
    """
    if isinstance(value, bool):
        raise CellError(f"'{value}' is geen getal")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise CellError(f"'{value}' is geen getal")
        return float(value)
    text = parse_text(value).replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if "," in text and "." in text:
        thousands, decimal = (".", ",") if text.rfind(",") > text.rfind(".") else (",", ".")
        text = text.replace(thousands, "").replace(decimal, ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3}){2,}", text):
        text = text.replace(".", "")
    elif re.fullmatch(r"[+-]?\d{1,3}(,\d{3}){2,}", text):
        text = text.replace(",", "")
    elif _AMBIGUOUS_THOUSANDS.match(text):
        raise CellError(
            f"'{text}' is dubbelzinnig: bedoelt u {text.replace('.', '')} of "
            f"{text.replace('.', ',')}? Schrijf het getal zonder punt, of met een decimale komma"
        )
    if not _DECIMAL.match(text):
        raise CellError(f"'{parse_text(value)}' is geen getal (bv. 12,5)")
    number = float(text.replace(",", "."))
    if not math.isfinite(number):
        raise CellError(f"'{parse_text(value)}' is te groot")
    return number


def _coordinate(value: object, limit: float, what: str) -> float:
    number = parse_decimal(value)
    if not -limit <= number <= limit:
        raise CellError(f"'{parse_text(value)}' is geen {what} (tussen -{limit:g} en {limit:g})")
    return number


def parse_latitude(value: object) -> float:
    """A latitude in degrees, -90 to 90, decimal comma or point.

    >>> parse_latitude("50,965")
    50.965
    """
    return _coordinate(value, 90, "breedtegraad")


def parse_longitude(value: object) -> float:
    """A longitude in degrees, -180 to 180, decimal comma or point.

    >>> parse_longitude("5.5")
    5.5
    """
    return _coordinate(value, 180, "lengtegraad")


def parse_int(value: object) -> int:
    """A whole number; '257.029' and '257 029' (thousands marks) are read as 257029.

    >>> parse_int("257.029"), parse_int(12.0), parse_int("1 200")
    (257029, 12, 1200)
    """
    if isinstance(value, bool):
        raise CellError(f"'{value}' is geen geheel getal")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"'{value}' is geen geheel getal")
        value = int(value)
    if isinstance(value, int):
        if abs(value) >= 2**63:
            raise CellError(f"'{value}' is te groot")
        return value
    text = parse_text(value)
    compact = re.sub(r"[\s\u00a0\u202f]", "", text)
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", compact):
        compact = compact.replace(".", "")
    if not re.fullmatch(r"[+-]?\d+", compact):
        raise CellError(f"'{text}' is geen geheel getal")
    number = int(compact)
    if abs(number) >= 2**63:
        raise CellError(f"'{text}' is te groot")
    return number


_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%y")


def parse_date(value: object) -> date:
    """A date: a workbook date, ISO (2024-03-01) or Belgian day-first (1/3/2024, 01-03-2024).

    >>> parse_date("1/3/2024"), parse_date("2024-03-01")
    (datetime.date(2024, 3, 1), datetime.date(2024, 3, 1))
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = parse_text(value)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(f"'{text}' is geen geldige datum (schrijf dd/mm/jjjj, bv. 15/03/2024)")


_ENGAGEMENT_WORDS = {
    "0": Engagement.GEEN,
    "geen": Engagement.GEEN,
    "geen_rol": Engagement.GEEN,
    "1": Engagement.PASSIEF,
    "passief": Engagement.PASSIEF,
    "passieve_rol": Engagement.PASSIEF,
    "2": Engagement.ACTIEF,
    "actief": Engagement.ACTIEF,
    "actieve_rol": Engagement.ACTIEF,
    "3": Engagement.ZEER_ACTIEF,
    "zeer_actief": Engagement.ZEER_ACTIEF,
    "zeer_actieve_rol": Engagement.ZEER_ACTIEF,
}


def parse_engagement(value: object) -> Engagement:
    """Engagement from 0-3, a word or the survey's phrase ('Passieve rol (ondersteunende ...)').

    >>> parse_engagement("Zeer actieve rol"), parse_engagement(" ACTIEF "), parse_engagement(1.0)
    (<Engagement.ZEER_ACTIEF: 3>, <Engagement.ACTIEF: 2>, <Engagement.PASSIEF: 1>)
    """
    key = re.sub(r"\(.*\)", "", parse_text(value)).strip()
    key = _key(key)
    if key in _ENGAGEMENT_WORDS:
        return _ENGAGEMENT_WORDS[key]
    raise CellError(
        f"'{parse_text(value)}' is geen geldige betrokkenheid; gebruik geen, passief, actief of "
        "zeer actief (of 0 tot 3)"
    )


_TYPE_SYNONYMS = {
    "stad": ActorType.GEMEENTE,
    "centrumstad": ActorType.GEMEENTE,
    "reguliere_werkgever": ActorType.WERKGEVER,
    "bedrijf": ActorType.WERKGEVER,
    "beschutte_werkplaats": ActorType.MAATWERKBEDRIJF,
    "sociale_werkplaats": ActorType.MAATWERKBEDRIJF,
    "lokale_diensteneconomie": ActorType.LDE,
}


def parse_actor_type(value: object) -> ActorType:
    """An actor type by its code, any case, spaces or hyphens; a few documented synonyms.

    Synonyms: stad and centrumstad -> gemeente; bedrijf, reguliere werkgever -> werkgever;
    beschutte/sociale werkplaats (the former names) -> maatwerkbedrijf; lokale
    diensteneconomie -> lde.

    >>> parse_actor_type("Individueel maatwerk").value
    'individueel_maatwerk'
    """
    key = _key(value)
    try:
        return ActorType(key)
    except ValueError:
        if key in _TYPE_SYNONYMS:
            return _TYPE_SYNONYMS[key]
    raise CellError(
        f"'{parse_text(value)}' is geen gekend actortype"
        + suggestion(key, [t.value for t in ActorType] + list(_TYPE_SYNONYMS))
    )


def parse_tie_kind(value: object) -> TieKind:
    """A tie kind by its code, any case.

    >>> parse_tie_kind("Lerend netwerk").value
    'lerend_netwerk'
    """
    key = _key(value)
    try:
        return TieKind(key)
    except ValueError:
        raise CellError(
            f"'{parse_text(value)}' is geen gekende soort relatie"
            + suggestion(key, [k.value for k in TieKind])
        ) from None


def parse_provenance(value: object) -> Provenance:
    """Where a tie comes from: bevraging, evenement, manueel, bestand or synthetisch."""
    key = _key(value)
    try:
        return Provenance(key)
    except ValueError:
        raise CellError(
            f"'{parse_text(value)}' is geen gekende herkomst; kies bevraging, evenement, "
            "manueel of bestand" + suggestion(key, [p.value for p in Provenance])
        ) from None


def parse_list(value: object) -> tuple[str, ...]:
    """Items separated by ';', ',' or '|', each stripped; empty items are an error.

    >>> parse_list("gent; meetjesland,interwaas")
    ('gent', 'meetjesland', 'interwaas')
    """
    items = tuple(item.strip() for item in re.split(r"[;,|]", parse_text(value)))
    if any(not item for item in items):
        raise CellError(f"'{parse_text(value)}' bevat een leeg element tussen de scheidingstekens")
    return items


def parse_nace(value: object) -> tuple[str, ...]:
    """NACE-BEL codes, each a real division ('49', '49.41', '49.410'), as written.

    >>> parse_nace("49.410; 81.3")
    ('49.410', '81.3')
    """
    codes = parse_list(value)
    for code in codes:
        if not NACE_PATTERN.match(code) or nace_section(code) is None:
            raise CellError(f"'{code}' is geen geldige NACE-code (bv. 49.410 of 81)")
    return codes


def parse_kbo(value: object) -> str:
    """A KBO enterprise number as its 10 digits, checked with its modulo-97 check digits.

    Dots, spaces and a 'BE' prefix are allowed; a 9-digit number (the old form, or a number
    whose leading 0 a spreadsheet dropped) gets its leading 0 back.

    >>> parse_kbo("BE 0403.170.701"), parse_kbo(403170701)
    ('0403170701', '0403170701')
    """
    text = parse_text(value)
    digits = re.sub(r"[\s.\-]", "", text.upper().removeprefix("BE"))
    if len(digits) == 9:
        digits = "0" + digits
    if not re.fullmatch(r"[01]\d{9}", digits):
        raise CellError(
            f"'{text}' is geen geldig ondernemingsnummer (10 cijfers, bv. 0403.170.701)"
        )
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise CellError(f"'{text}' is geen geldig ondernemingsnummer: het controlegetal klopt niet")
    return digits


def parse_email(value: object) -> str:
    """An e-mail address (one '@', a dot in the domain).

    >>> parse_email(" info@voorbeeld.be ")
    'info@voorbeeld.be'
    """
    text = parse_text(value)
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        raise CellError(f"'{text}' is geen geldig e-mailadres")
    return text


def parse_bool(value: object) -> bool:
    """ja/nee, true/false, 1/0.

    >>> parse_bool("Ja"), parse_bool(0)
    (True, False)
    """
    key = _key(value)
    if key in {"ja", "j", "true", "waar", "1", "yes"}:
        return True
    if key in {"nee", "n", "false", "onwaar", "0", "no"}:
        return False
    raise CellError(f"'{parse_text(value)}' is geen ja of nee")


def parse_score(value: object) -> int:
    """A score of the network survey's scale (1 to 4).

    >>> parse_score("3"), parse_score(4.0)
    (3, 4)
    """
    number = parse_int(value)
    if not SCALE[0] <= number <= SCALE[1]:
        raise CellError(f"{number} ligt buiten de schaal {SCALE[0]} tot {SCALE[1]}")
    return number
