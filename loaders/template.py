"""The empty workbook regisseurs fill in: headers, an explanation sheet and dropdown lists."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from verbinder.graphmodel.activities import vocabulary
from verbinder.graphmodel.tables import REQUIRED_SHEETS, SHEETS
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind

__all__ = ["write_template"]

_LISTS: dict[str, list[str]] = {
    "actortype": [t.value for t in ActorType],
    "engagement": [e.label for e in Engagement],
    "tiekind": [k.value for k in TieKind],
    "provenance": [p.value for p in Provenance if p is not Provenance.SYNTHETISCH],
    "activity": vocabulary().names,
}
_OPEN_LISTS = {"activiteiten": "activity"}
"""Columns whose dropdown proposes values but accepts others (several, separated by ;)."""

_INTRO = [
    "Verbinder: sjabloon voor de actoren en relaties van uw verband",
    "",
    "Vul minstens de bladen 'actoren' en 'relaties' in. De andere bladen zijn optioneel.",
    "Kolommen met een vette, blauwe kop zijn verplicht. Rij 1 blijft de kop.",
    "Organisaties, geen personen: relaties zijn altijd tussen organisaties.",
    "Betrokkenheid: geen (geen rol), passief (ondersteunend, van op afstand), actief (partner in "
    "acties), zeer actief (voortrekker in acties).",
    "Getallen mogen een decimale komma hebben; datums als dd/mm/jjjj.",
    "Controleer het bestand met: verbinder validate BESTAND.xlsx",
    "",
]


def write_template(path: str | Path) -> Path:
    """Write the empty workbook to ``path`` (.xlsx) and return the path.

    Sheets: ``uitleg`` (what goes where), then one sheet per table of
    :data:`graphmodel.tables.SHEETS` with its headers, and a hidden ``lijsten`` sheet that
    feeds the dropdowns for actor type, engagement, tie kind and provenance.
    """
    path = Path(path)
    workbook = Workbook()
    intro = workbook.active
    intro.title = "uitleg"
    for line in _INTRO:
        intro.append([line])
    intro["A1"].font = Font(bold=True, size=14)
    intro.append(["blad", "kolom", "verplicht", "uitleg"])
    for cell in intro[intro.max_row]:
        cell.font = Font(bold=True)
    for sheet, columns in SHEETS.items():
        for column in columns:
            required = "ja" if column.required else ""
            intro.append(
                [
                    sheet + (" (verplicht blad)" if sheet in REQUIRED_SHEETS else ""),
                    column.header,
                    required,
                    column.help,
                ]
            )
    intro.append([])
    intro.append(["soort relatie (kolom soort)", "richting", "", "uitleg"])
    for cell in intro[intro.max_row]:
        cell.font = Font(bold=True)
    for kind in TieKind:
        direction = "van bron naar doel" if kind.directed else "wederzijds"
        intro.append([kind.value, direction, "", kind.description])
    intro.append([])
    intro.append(["activiteit (kolom activiteiten)", "ook geschreven als", "", "uitleg"])
    for cell in intro[intro.max_row]:
        cell.font = Font(bold=True)
    for activity in vocabulary().activities:
        intro.append([activity.name, ", ".join(activity.synonyms), "", activity.description])
    intro.append(
        [
            "",
            "",
            "",
            "Een SE-actor zonder activiteit uit deze lijst krijgt geen voorstellen voor nieuwe "
            "relaties. Een eigen activiteit voegt u toe in een eigen sectorfit-bestand "
            "(verbinder missing-links --sectorfit).",
        ]
    )
    for letter, width in zip("ABCD", (30, 26, 10, 90), strict=True):
        intro.column_dimensions[letter].width = width

    lists = workbook.create_sheet("lijsten")
    list_ranges = {}
    for i, (kind, values) in enumerate(_LISTS.items(), start=1):
        letter = get_column_letter(i)
        lists.cell(1, i, kind)
        for row, value in enumerate(values, start=2):
            lists.cell(row, i, value)
        list_ranges[kind] = f"{quote_sheetname('lijsten')}!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"

    required_fill = PatternFill("solid", fgColor="DDEBF7")
    for sheet, columns in SHEETS.items():
        worksheet = workbook.create_sheet(sheet)
        for i, column in enumerate(columns, start=1):
            cell = worksheet.cell(1, i, column.header)
            cell.alignment = Alignment(wrap_text=True)
            if column.required:
                cell.font = Font(bold=True, color="1F4E79")
                cell.fill = required_fill
            worksheet.column_dimensions[get_column_letter(i)].width = max(
                14, len(column.header) + 4
            )
            listed = _OPEN_LISTS.get(column.header, column.kind)
            if listed in list_ranges:
                validation = DataValidation(
                    type="list",
                    formula1=list_ranges[listed],
                    allow_blank=True,
                    showErrorMessage=column.kind != "engagement"
                    and column.header not in _OPEN_LISTS,
                    errorTitle="Ongeldige waarde",
                    error="Kies een waarde uit de lijst.",
                )
                letter = get_column_letter(i)
                validation.add(f"{letter}2:{letter}5000")
                worksheet.add_data_validation(validation)
        worksheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
