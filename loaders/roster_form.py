"""The network survey's form: one workbook per partner organisation of a verband (issue #18).

The first sheet carries the organisation's name and lists the verband's other organisations,
grouped by type, with a dropdown per question; ``ontbrekend`` leaves room for organisations
missing from the list; ``uitleg`` says what is asked, what happens with the answers and who
sees them. A hidden sheet ``formulier`` records whose form it is and the list it holds, so that
:mod:`loaders.roster_read` can tell a form of another verband or an edited list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from verbinder.graphmodel.model import Actor
from verbinder.graphmodel.roster import (
    FREQUENCIES,
    KINDS,
    SCALE,
    SCALE_WORDS,
    SCORE_KEYS,
    TRUST_ITEMS,
    VALUE_ITEMS,
)
from verbinder.graphmodel.tables import SYNTHETIC_WARNING

__all__ = [
    "ADDED_SHEET",
    "FORM_ID",
    "META_SHEET",
    "QUESTIONS",
    "ROSTER_HEADERS",
    "FormQuestion",
    "form_file_name",
    "write_roster_form",
    "write_roster_forms",
]

FORM_ID = "verbinder-netwerkbevraging 1"
META_SHEET = "formulier"
ADDED_SHEET = "ontbrekend"
ROSTER_HEADERS = ("Code", "Organisatie", "Soort", "Gemeente")
"""The list's own columns: the respondent does not change them."""

_TICK = "x"
_SCORES = tuple(str(n) for n in range(SCALE[0], SCALE[1] + 1))


@dataclass(frozen=True)
class FormQuestion:
    """One answer column: its header, key, dropdown choices (None: free text) and question."""

    header: str
    key: str
    choices: tuple[str, ...] | None
    question: str


QUESTIONS: tuple[FormQuestion, ...] = (
    FormQuestion(
        "Contact in de laatste 12 maanden",
        "contact",
        ("ja", "nee"),
        "Had uw organisatie de voorbije 12 maanden contact met deze organisatie over werk of "
        "sociale economie?",
    ),
    *(
        FormQuestion(label, key, (_TICK,), f"Soort relatie (zet een x, meerdere mag): {label}.")
        for key, (label, _, _) in KINDS.items()
    ),
    FormQuestion("Hoe vaak", "frequentie", FREQUENCIES, "Hoe vaak had u contact?"),
    *(
        FormQuestion(f"{group}: {item}", key, _SCORES, text)
        for key, (group, item, text) in zip(
            SCORE_KEYS,
            [("Vertrouwen", k, t) for k, t in TRUST_ITEMS.items()]
            + [("Waarde", k, t) for k, t in VALUE_ITEMS.items()],
            strict=True,
        )
    ),
    FormQuestion(
        "Graag (meer) samenwerken",
        "wens",
        ("ja", "nee"),
        "Met welke organisaties uit de lijst zou u graag (meer) samenwerken? Ook zonder contact.",
    ),
    FormQuestion("Waarom", "waarom", None, "Waarom wilt u (meer) samenwerken? Vrije tekst."),
)
"""The answer columns after :data:`ROSTER_HEADERS`, in order. The trust and value items take
1 to 4 (:data:`graphmodel.roster.SCALE`)."""

_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")
_FILE_NAME = re.compile(r"[^\w\- ]+")


def form_file_name(actor: Actor) -> str:
    """The form's file name: the organisation's name (readable) and code (unique)."""
    name = _FILE_NAME.sub("", actor.name).strip()[:60] or "organisatie"
    return f"{name} ({_FILE_NAME.sub('', actor.id)}).xlsx"


def _sheet_title(actor: Actor) -> str:
    title = _SHEET_NAME.sub("", actor.name).strip()[:31]
    reserved = {META_SHEET, ADDED_SHEET, "uitleg", "history"}
    return title if title and title.lower() not in reserved else "lijst"


def _roster_sheet(book: Workbook, actor: Actor, roster: list[Actor], synthetic: bool) -> str:
    sheet = book.active
    sheet.title = _sheet_title(actor)
    sheet.append([*ROSTER_HEADERS, *(q.header for q in QUESTIONS)])
    if synthetic:  # beside the table, so that the header stays on row 1
        sheet.cell(1, len(ROSTER_HEADERS) + len(QUESTIONS) + 2, SYNTHETIC_WARNING)
    for other in roster:
        sheet.append([other.id, other.name, other.type.label, other.municipality or ""])
    last = len(roster) + 1
    for index, question in enumerate(QUESTIONS, start=len(ROSTER_HEADERS) + 1):
        letter = get_column_letter(index)
        choices = question.choices
        if choices:
            check = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True)
            check.error = f"Kies uit: {', '.join(choices)}."
            check.errorTitle = "Geen keuze uit de lijst"
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}{max(last, 2)}")
        sheet.column_dimensions[letter].width = max(10, min(len(question.header) + 2, 28))
        for row in range(2, last + 1):
            sheet.cell(row, index).protection = Protection(locked=False)
    for index, width in enumerate((14, 36, 22, 16), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.protection.sheet = True  # the list stays as made; the answer cells are open
    return sheet.title


def _added_sheet(book: Workbook) -> None:
    sheet = book.create_sheet(ADDED_SHEET)
    sheet.append(["Organisatie", "Gemeente", "Waarom hoort ze in de lijst?"])
    for index, width in enumerate((40, 18, 50), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _explanation(book: Workbook, verband_name: str, actor: Actor, synthetic: bool) -> None:
    sheet = book.create_sheet("uitleg")
    scale = ", ".join(f"{n} = {w}" for n, w in enumerate(SCALE_WORDS, start=SCALE[0]))
    lines = [
        f"Netwerkbevraging {verband_name}: formulier voor {actor.name}",
        *([SYNTHETIC_WARNING] if synthetic else []),
        "",
        "Wat vragen we?",
        "Op het eerste blad staan de andere organisaties van het verband, per soort. Vul per "
        "organisatie in of u de voorbije 12 maanden contact had, welke soort relatie, hoe vaak, "
        "en hoe u de samenwerking ervaart. Lege rijen lezen we als: geen relatie.",
        f"Vertrouwen en waarde vult u enkel in voor organisaties waarmee u contact had: {scale}.",
        *(f"Vertrouwen: {k}: {t}" for k, t in TRUST_ITEMS.items()),
        *(f"Waarde: {k}: {t}" for k, t in VALUE_ITEMS.items()),
        "Deze twee maten volgen de dimensies van PARTNER (Varda e.a., 2008); de vragen zijn "
        "voor sociale economie en werk opnieuw geschreven.",
        "Ontbreekt een organisatie in de lijst? Schrijf ze op het blad 'ontbrekend'.",
        "",
        "Wat gebeurt er met uw antwoorden?",
        "De regisseur van het verband leest de formulieren in Verbinder. Een relatie die beide "
        "organisaties noemen, telt als bevestigd. Uw antwoorden worden bewaard als antwoorden "
        "van uw organisatie, niet van de persoon die het formulier invult; vul geen namen van "
        "personen in.",
        "Wie ziet wat?",
        "De regisseur van het verband ziet de antwoorden van het verband. Vertrouwen en waarde "
        "van één organisatie worden enkel getoond als gemiddelde van minstens drie partners, "
        "zodat niemand het oordeel van één partner kan aflezen. Analisten van de Vlaamse "
        "overheid zien enkel totalen per verband.",
        "",
        "Verander de lijst zelf niet (codes en namen): zo kan Verbinder uw antwoorden inlezen.",
    ]
    for line in lines:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 110
    for row in sheet.iter_rows():
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=13)


def _meta(book: Workbook, dataset: str, verband_id: str, actor: Actor, sheet: str, roster) -> None:
    meta = book.create_sheet(META_SHEET)
    meta.append(["sleutel", "waarde"])
    for key, value in (
        ("formulier", FORM_ID),
        ("dataset", dataset),
        ("verband", verband_id),
        ("organisatie", actor.id),
        ("blad", sheet),
        ("gemaakt", date.today().isoformat()),
        ("lijst", ";".join(a.id for a in roster)),
    ):
        meta.append([key, value])
    meta.sheet_state = "veryHidden"


def write_roster_form(
    path: str | Path,
    *,
    dataset: str,
    verband_id: str,
    verband_name: str,
    actor: Actor,
    roster: list[Actor],
    synthetic: bool = False,
) -> Path:
    """Write the form of ``actor`` listing ``roster`` (the other organisations, in the order
    shown) to ``path``; a form of ``synthetic`` data says so at its top."""
    path = Path(path)
    book = Workbook()
    sheet = _roster_sheet(book, actor, roster, synthetic)
    _added_sheet(book)
    _explanation(book, verband_name, actor, synthetic)
    _meta(book, dataset, verband_id, actor, sheet, roster)
    book.save(path)
    return path


def write_roster_forms(
    folder: str | Path,
    *,
    dataset: str,
    verband_id: str,
    verband_name: str,
    members: list[Actor],
    synthetic: bool = False,
) -> list[Path]:
    """One form per organisation of ``members``, each listing the others, in ``folder``
    (created when missing). Returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_roster_form(
            folder / form_file_name(actor),
            dataset=dataset,
            verband_id=verband_id,
            verband_name=verband_name,
            actor=actor,
            roster=[a for a in members if a.id != actor.id],
            synthetic=synthetic,
        )
        for actor in members
    ]
