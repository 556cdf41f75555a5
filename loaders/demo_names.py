"""Word lists for the synthetic demo: invented organisation names, activities and NACE codes.

All names are made up from common words and surnames; any likeness to a real firm is chance.
The NACE-BEL 2008 subclasses are real codes, so that sector logic works on the demo.
"""

from __future__ import annotations

__all__ = [
    "EMPLOYER_SECTORS",
    "SE_ACTIVITIES",
    "SURNAMES",
    "WORDS",
]

SURNAMES = (
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Hermans",
    "Aerts",
    "Michiels",
    "Lambrechts",
    "Van Damme",
    "Vermeulen",
    "De Clercq",
    "Verstraete",
    "Martens",
    "Smets",
    "Coppens",
    "Desmet",
    "Pauwels",
    "Verhoeven",
    "Stevens",
    "Vandamme",
    "Cools",
    "Thys",
    "Van den Broeck",
    "Wuyts",
    "Bogaert",
    "Declercq",
    "Segers",
    "De Backer",
    "Hendrickx",
    "Lemmens",
    "Van Hecke",
    "Baert",
    "Verbruggen",
)

WORDS = (
    "De Sleutel",
    "Het Anker",
    "De Brug",
    "Den Akker",
    "De Vlinder",
    "Het Spoor",
    "De Bron",
    "Den Achtkant",
    "De Linde",
    "Het Kompas",
    "De Kiem",
    "Den Hoek",
    "De Schakel",
    "Het Veer",
    "De Wissel",
    "De Kring",
    "Het Atelier",
    "De Werf",
    "Den Boomgaard",
    "De Molen",
)

SE_ACTIVITIES: dict[str, str] = {
    "groenonderhoud": "81.300",
    "schoonmaak": "81.210",
    "logistiek": "52.100",
    "verpakking": "82.920",
    "assemblage": "25.620",
    "catering": "56.101",
    "textiel": "14.130",
    "recyclage": "38.320",
    "bouw": "43.390",
    "kringwinkel": "47.790",
    "fietsherstel": "95.290",
    "strijkatelier": "96.011",
}
"""Social-economy activities with the NACE-BEL subclass that fits each best."""

EMPLOYER_SECTORS: tuple[tuple[float, str, tuple[tuple[str, str], ...]], ...] = (
    (
        0.15,
        "C",
        (
            ("Voeding", "10.711"),
            ("Kunststoffen", "22.220"),
            ("Metaalwerken", "25.620"),
            ("Machinebouw", "28.290"),
            ("Autotoelevering", "29.320"),
        ),
    ),
    (0.18, "G", (("Groothandel", "46.390"), ("Supermarkt", "47.110"))),
    (0.10, "F", (("Bouwbedrijf", "41.201"), ("Elektro", "43.210"))),
    (0.07, "H", (("Transport", "49.410"), ("Distributiecentrum", "52.100"))),
    (0.07, "I", (("Hotel", "55.100"), ("Brasserie", "56.101"))),
    (
        0.09,
        "N",
        (
            ("Interim", "78.200"),
            ("Schoonmaakbedrijf", "81.210"),
            ("Tuinaanleg", "81.300"),
            ("Verpakkingscentrum", "82.920"),
        ),
    ),
    (0.12, "Q", (("Ziekenhuis", "86.101"), ("Woonzorgcentrum", "87.301"))),
    (0.08, "M", (("Boekhoudkantoor", "69.201"), ("Ingenieursbureau", "71.121"))),
    (0.04, "J", (("Softwarehuis", "62.010"),)),
    (0.02, "K", (("Kredietkas", "64.191"),)),
    (0.02, "A", (("Tuinbouwbedrijf", "01.130"),)),
    (0.02, "E", (("Afvalbeheer", "38.110"),)),
    (0.03, "S", (("Wasserij", "96.011"),)),
    (0.03, "R", (("Sportcentrum", "93.110"),)),
)
"""(share of employers, NACE section, (name stem, NACE-BEL subclass) options)."""
