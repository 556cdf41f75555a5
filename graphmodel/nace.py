"""NACE Rev. 2 (NACE-BEL 2008) codes: format check and the section a division belongs to."""

from __future__ import annotations

import re

__all__ = ["NACE_PATTERN", "SECTION_LABELS", "nace_section"]

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
