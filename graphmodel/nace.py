"""NACE Rev. 2 (NACE-BEL 2008) codes: format check, the section a division belongs to, the
levels of a code, their Dutch labels, and NACE-BEL 2025 codes mapped back where they did not
change.

Labels come from the ``bce-codes-to-label`` package (MIT; the NACE-BEL 2003, 2008 and 2025
nomenclatures of Statbel with their Dutch, French, German and English labels), loaded on first
use; it is a dependency because it is the maintained, complete source of these labels, and
copying 10,000 labels into this repository would make a second copy to keep in step.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "NACE_PATTERN",
    "SECTION_LABELS",
    "from_nace_2025",
    "nace_label",
    "nace_levels",
    "nace_section",
    "normalise_nace",
]

NACE_PATTERN = re.compile(r"^\d{2}(\.?\d{1,3})?$")
"""A division ("49"), group ("49.4"), class ("49.41") or NACE-BEL subclass ("49.410")."""

# Division ranges per section, from the NACE Rev. 2 structure (Eurostat 2008, pp. 57-59).
_SECTION_RANGES: tuple[tuple[str, int, int], ...] = (
    ("A", 1, 3),
    ("B", 5, 9),
    ("C", 10, 33),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 43),
    ("G", 45, 47),
    ("H", 49, 53),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 69, 75),
    ("N", 77, 82),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 88),
    ("R", 90, 93),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)

SECTION_LABELS: dict[str, str] = {
    "A": "Landbouw, bosbouw en visserij",
    "B": "Winning van delfstoffen",
    "C": "Industrie",
    "D": "Energievoorziening",
    "E": "Water, afval en sanering",
    "F": "Bouwnijverheid",
    "G": "Groot- en detailhandel",
    "H": "Vervoer en opslag",
    "I": "Logies en horeca",
    "J": "Informatie en communicatie",
    "K": "Financiële activiteiten",
    "L": "Exploitatie van onroerend goed",
    "M": "Vrije beroepen en wetenschap",
    "N": "Administratieve en ondersteunende diensten",
    "O": "Openbaar bestuur",
    "P": "Onderwijs",
    "Q": "Gezondheidszorg en maatschappelijke dienstverlening",
    "R": "Kunst, amusement en recreatie",
    "S": "Overige diensten",
    "T": "Huishoudens als werkgever",
    "U": "Extraterritoriale organisaties",
}


def nace_section(code: str) -> str | None:
    """The NACE section letter of a code, or None when its division does not exist.

    Examples
    --------
    >>> nace_section("49.410"), nace_section("81"), nace_section("04")
    ('H', 'N', None)
    """
    if not NACE_PATTERN.match(code):
        return None
    division = int(code[:2])
    for section, low, high in _SECTION_RANGES:
        if low <= division <= high:
            return section
    return None


def normalise_nace(code: str) -> str | None:
    """A code in the dotted form of NACE-BEL ("81.210", "81.21", "81.2", "81"), or a section
    letter in capitals; None when it is neither.

    >>> normalise_nace("81210"), normalise_nace("81.21"), normalise_nace("n"), normalise_nace("8")
    ('81.210', '81.21', 'N', None)
    """
    code = code.strip()
    if code.upper() in SECTION_LABELS:
        return code.upper()
    if not NACE_PATTERN.match(code):
        return None
    digits = code.replace(".", "")
    return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"


@cache
def nace_levels(code: str) -> tuple[str, ...]:
    """The levels of a code from the most specific to its section (cached: a dataset has few
    distinct codes and sector fit asks for them per pair).

    >>> nace_levels("81.210")
    ('81.210', '81.21', '81.2', '81', 'N')
    >>> nace_levels("N"), nace_levels("x")
    (('N',), ())
    """
    code = normalise_nace(code) or ""
    if code in SECTION_LABELS:
        return (code,)
    digits = code.replace(".", "")
    levels = [normalise_nace(digits[:n]) for n in range(len(digits), 1, -1)]
    section = nace_section(code) if digits else None
    return tuple(c for c in levels if c) + ((section,) if section else ())


@cache
def _codes() -> dict:
    from bce_codes_to_label import nace

    return nace.codes


def nace_label(code: str, version: str = "2008") -> str | None:
    """The Dutch label of a NACE-BEL code at any level, or None when it does not exist.

    >>> nace_label("81.210"), nace_label("81")
    ('Algemene reiniging van gebouwen', 'Diensten in verband met gebouwen; landschapsverzorging')
    """
    code = normalise_nace(code)
    if code is None:
        return None
    if code in SECTION_LABELS and version == "2008":
        return SECTION_LABELS[code]
    entry = _codes().get(f"{version}:{code.replace('.', '')}")
    return entry["label_nl"].strip() if entry else None


@cache
def _unchanged_2008() -> dict[str, str]:
    """2025 subclass (digits) -> 2008 subclass, where exactly one 2008 subclass has the
    same Dutch label (the activity did not change, whatever its number now)."""
    by_label: dict[str, list[str]] = {}
    for key, entry in _codes().items():
        if key.startswith("2008:") and entry["level"] == 5:
            by_label.setdefault(entry["label_nl"].strip().lower(), []).append(key[5:])
    mapping = {}
    for key, entry in _codes().items():
        if key.startswith("2025:") and entry["level"] == 5:
            found = by_label.get(entry["label_nl"].strip().lower(), [])
            if len(found) == 1:
                mapping[key[5:]] = normalise_nace(found[0])
    return mapping


def from_nace_2025(code: str) -> str | None:
    """The NACE-BEL 2008 subclass of a 2025 subclass whose activity did not change (same
    Dutch label as exactly one 2008 subclass), or None: then only Statbel's correspondence
    table, which also splits and merges classes, can say.

    >>> from_nace_2025("81210"), from_nace_2025("62100")
    ('81.210', None)
    """
    return _unchanged_2008().get(code.replace(".", "").strip())
