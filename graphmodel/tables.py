"""The tabular form of a dataset: the workbook's sheets, Dutch columns, dataset -> DataFrames.

One definition serves the loaders (which read these sheets), the template and the exports
(which write them), so that an exported workbook always imports again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.survey import PARTNERS, RELATIONS, ROLES, SCOPES, SHARE_WORDS, VISIONS

__all__ = [
    "INFO_SHEET",
    "LIST_SEPARATOR",
    "REQUIRED_SHEETS",
    "SHEETS",
    "SURVEY_COLUMNS",
    "SYNTHETIC_WARNING",
    "Column",
    "dataset_to_frames",
    "info_rows",
]

LIST_SEPARATOR = "; "
"""How lists (verbanden, NACE codes, tags) are written in one cell; ``;``, ``,`` and ``|`` read."""

INFO_SHEET = "info"
"""Optional key/value sheet with the dataset's description and synthetic flag."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its Dutch header, accepted aliases, value kind and help text."""

    header: str
    kind: str
    help: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    personal: bool = False


def _c(
    header: str, kind: str, help: str, *aliases: str, required: bool = False, personal: bool = False
) -> Column:
    return Column(header, kind, help, required, aliases, personal)


_GOVERNMENT_ENGAGEMENT = (
    _c(
        "betrokkenheid_politiek",
        "engagement",
        "Voor gemeenten: politieke betrokkenheid.",
        "politieke_betrokkenheid",
        "political_engagement",
    ),
    _c(
        "betrokkenheid_ambtelijk",
        "engagement",
        "Voor gemeenten: ambtelijke betrokkenheid.",
        "ambtelijke_betrokkenheid",
        "administrative_engagement",
    ),
)

SHEETS: dict[str, tuple[Column, ...]] = {
    "actoren": (
        _c(
            "id",
            "text",
            "Unieke code van de organisatie (vrij te kiezen, blijft vast).",
            "actor_id",
            "code",
            required=True,
        ),
        _c("naam", "text", "Naam van de organisatie.", "name", "organisatie", required=True),
        _c(
            "type",
            "actortype",
            "Soort organisatie: kies uit de lijst.",
            "actortype",
            "actor_type",
            "soort",
            required=True,
        ),
        _c("gemeente", "text", "Gemeente van vestiging.", "municipality", "plaats"),
        _c(
            "verbanden",
            "list",
            "Verband(en) waarin de organisatie actief is (id's, "
            "gescheiden door ;). Verschillende betrokkenheid per verband: blad lidmaatschappen.",
            "verband",
            "verband_id",
            "verband_ids",
        ),
        _c(
            "betrokkenheid",
            "engagement",
            "Geen, passief, actief of zeer actief (of 0-3); "
            "geldt voor elk verband in de vorige kolom.",
            "engagement",
        ),
        *_GOVERNMENT_ENGAGEMENT,
        _c(
            "nace",
            "nace",
            "NACE-BEL-code(s), bv. 49.410; gescheiden door ;.",
            "nace_codes",
            "nace_code",
        ),
        _c(
            "activiteiten",
            "list",
            "Activiteiten van een SE-actor uit de lijst op dit blad, bv. groenonderhoud; "
            "logistiek. Zonder gekende activiteit krijgt de actor geen voorstellen.",
            "activities",
            "activiteit",
        ),
        _c(
            "kbo",
            "kbo",
            "Ondernemingsnummer (KBO), bv. 0403.170.701.",
            "ondernemingsnummer",
            "kbo_nummer",
            "enterprise_number",
        ),
        _c("vte", "decimal", "Aantal voltijdse equivalenten (komma of punt als decimaal).", "fte"),
        _c("doelgroepwerknemers", "int", "Aantal doelgroepwerknemers.", "target_group_workers"),
        _c(
            "tags",
            "list",
            "Vrije labels, gescheiden door ;. Het label mvo (maatschappelijk verantwoord "
            "ondernemen) maakt een werkgever opener in de voorstellen.",
            "labels",
        ),
        _c(
            "contactpersoon",
            "text",
            "Persoonsgegeven: enkel invullen als het nodig is.",
            "contact_name",
            "contact",
            personal=True,
        ),
        _c(
            "email",
            "email",
            "Persoonsgegeven: algemeen adres van de organisatie bij voorkeur.",
            "e_mail",
            "contact_email",
            personal=True,
        ),
        _c("opmerking", "text", "Vrije opmerking.", "note", "notitie"),
        _c(
            "breedtegraad",
            "latitude",
            "Optioneel: breedtegraad (WGS84), bv. 50,965.",
            "latitude",
            "lat",
        ),
        _c(
            "lengtegraad",
            "longitude",
            "Optioneel: lengtegraad (WGS84), bv. 5,500.",
            "longitude",
            "lon",
            "lng",
        ),
    ),
    "lidmaatschappen": (
        _c("actor", "text", "Id of exacte naam van de organisatie.", "actor_id", required=True),
        _c("verband", "text", "Id van het verband.", "verband_id", required=True),
        _c(
            "betrokkenheid",
            "engagement",
            "Geen, passief, actief of zeer actief (of 0-3).",
            "engagement",
            required=True,
        ),
        *_GOVERNMENT_ENGAGEMENT,
    ),
    "relaties": (
        _c("id", "text", "Optionele unieke code van de relatie.", "tie_id"),
        _c(
            "bron",
            "text",
            "Id of exacte naam van de eerste organisatie.",
            "source",
            "van",
            required=True,
        ),
        _c(
            "doel",
            "text",
            "Id of exacte naam van de tweede organisatie.",
            "target",
            "naar",
            required=True,
        ),
        _c("soort", "tiekind", "Soort relatie: kies uit de lijst.", "kind", "type", required=True),
        _c("gewicht", "decimal", "Sterkte van de relatie (standaard 1).", "weight"),
        _c("geldig_vanaf", "date", "Begindatum (dd/mm/jjjj).", "valid_from", "vanaf"),
        _c("geldig_tot", "date", "Einddatum (dd/mm/jjjj).", "valid_to", "tot"),
        _c(
            "herkomst",
            "provenance",
            "Waar komt de relatie vandaan: bevraging, evenement, manueel of bestand.",
            "provenance",
            "bron_gegevens",
        ),
        _c("opmerking", "text", "Vrije opmerking.", "note", "notitie"),
    ),
    "verbanden": (
        _c("id", "text", "Korte code van het verband, bv. gent.", "verband_id", required=True),
        _c("naam", "text", "Naam van het verband.", "name", required=True),
        _c("rechtsvorm", "text", "Bv. interlokale vereniging.", "legal_form"),
        _c("provincie", "text", "Provincie.", "province"),
        _c("gemeenten", "list", "Gemeenten van het verband, gescheiden door ;.", "municipalities"),
        _c("inwoners", "int", "Aantal inwoners.", "inhabitants"),
        _c("subsidie_eur", "decimal", "Jaarlijkse subsidie in euro.", "subsidie", "subsidy_eur"),
        _c("periode_van", "int", "Eerste jaar van de periode.", "period_start"),
        _c("periode_tot", "int", "Laatste jaar van de periode.", "period_end"),
        _c("centrumstad", "text", "Centrumstad, als die deel uitmaakt van het verband."),
        _c("opmerking", "text", "Vrije opmerking.", "note"),
        _c("bron", "text", "Waar komen deze gegevens vandaan.", "source"),
    ),
    "evenementen": (
        _c("id", "text", "Unieke code van het evenement.", "event_id", required=True),
        _c("naam", "text", "Naam van het evenement.", "name", required=True),
        _c("datum", "date", "Datum (dd/mm/jjjj).", "date"),
        _c("verband", "text", "Id van het verband dat het organiseert.", "verband_id"),
        _c("soort", "text", "Bv. netwerkevent, matchmaking.", "kind", "type"),
        _c("thema", "text", "Thema of sectoren.", "theme"),
    ),
    "deelnames": (
        _c("evenement", "text", "Id van het evenement.", "event", "event_id", required=True),
        _c("actor", "text", "Id of exacte naam van de organisatie.", "actor_id", required=True),
    ),
}

SURVEY_COLUMNS: tuple[Column, ...] = (
    _c("verband", "text", "Id van het verband, bv. gent.", required=True),
    _c("datum", "date", "Datum van het antwoord (dd/mm/jjjj).", required=True),
    *(
        _c(
            f"rol_{key}",
            "engagement",
            f"{label}: geen, passief, actief of zeer actief.",
            required=True,
        )
        for key, label in PARTNERS.items()
    ),
    *(
        _c(f"besturen_{key}", "text", f"{label} {' / '.join(SHARE_WORDS)}.", required=True)
        for key, label in RELATIONS.items()
    ),
    *(
        _c(f"tijd_{key}", "decimal", f"% van de tijd: {label}.", required=True)
        for key, label in ROLES.items()
    ),
    _c("reikwijdte", "text", " / ".join(SCOPES) + ".", required=True),
    _c("beleidsvisie", "text", " / ".join(VISIONS) + ".", required=True),
)
"""The regie survey: one row per verband (the sheet ``bevraging``)."""

SHEETS["bevraging"] = SURVEY_COLUMNS

REQUIRED_SHEETS = ("actoren", "relaties")


def _join(values: tuple[str, ...]) -> str | None:
    return LIST_SEPARATOR.join(values) if values else None


def _label(engagement: object) -> str | None:
    return None if engagement is None else engagement.label  # type: ignore[attr-defined]


def dataset_to_frames(
    dataset: Dataset, *, include_personal: bool = False
) -> dict[str, pd.DataFrame]:
    """The dataset as one DataFrame per sheet, with the Dutch headers of :data:`SHEETS`.

    Cells hold Python values (str, int, float, date or None); lists are joined with
    :data:`LIST_SEPARATOR` and engagement is written in words. Memberships always go to the
    ``lidmaatschappen`` sheet. Personal data (contact person, e-mail) is left out unless
    ``include_personal`` is true.
    """
    actor_rows = [
        {
            "id": a.id,
            "naam": a.name,
            "type": a.type.value,
            "gemeente": a.municipality,
            "nace": _join(a.nace),
            "activiteiten": _join(a.activities),
            "kbo": a.kbo,
            "vte": a.fte,
            "doelgroepwerknemers": a.target_group_workers,
            "tags": _join(a.tags),
            "contactpersoon": a.contact_name,
            "email": a.contact_email,
            "opmerking": a.note,
            "breedtegraad": a.lat,
            "lengtegraad": a.lon,
        }
        for a in dataset.actors
    ]
    frames = {
        "actoren": actor_rows,
        "lidmaatschappen": [
            {
                "actor": a.id,
                "verband": m.verband_id,
                "betrokkenheid": m.engagement.label,
                "betrokkenheid_politiek": _label(m.political),
                "betrokkenheid_ambtelijk": _label(m.administrative),
            }
            for a in dataset.actors
            for m in a.memberships
        ],
        "relaties": [
            {
                "id": t.id,
                "bron": t.source,
                "doel": t.target,
                "soort": t.kind.value,
                "gewicht": t.weight,
                "geldig_vanaf": t.valid_from,
                "geldig_tot": t.valid_to,
                "herkomst": t.provenance.value,
                "opmerking": t.note,
            }
            for t in dataset.ties
        ],
        "verbanden": [
            {
                "id": v.id,
                "naam": v.name,
                "rechtsvorm": v.legal_form,
                "provincie": v.province,
                "gemeenten": _join(v.municipalities),
                "inwoners": v.inhabitants,
                "subsidie_eur": v.subsidy_eur,
                "periode_van": v.period_start,
                "periode_tot": v.period_end,
                "centrumstad": v.centrumstad,
                "opmerking": v.note,
                "bron": v.source,
            }
            for v in dataset.verbanden
        ],
        "evenementen": [
            {
                "id": e.id,
                "naam": e.name,
                "datum": e.date,
                "verband": e.verband_id,
                "soort": e.kind,
                "thema": e.theme,
            }
            for e in dataset.events
        ],
        "deelnames": [
            {"evenement": p.event_id, "actor": p.actor_id} for p in dataset.participations
        ],
        "bevraging": [
            {
                "verband": a.verband_id,
                "datum": a.answered,
                **{f"rol_{k}": a.engagement[k].label for k in PARTNERS},
                **{f"besturen_{k}": SHARE_WORDS[a.relations[k]] for k in RELATIONS},
                **{f"tijd_{k}": a.roles[k] for k in ROLES},
                "reikwijdte": a.scope,
                "beleidsvisie": a.vision,
            }
            for a in dataset.surveys
        ],
    }
    result = {}
    for sheet, rows in frames.items():
        columns = [c.header for c in SHEETS[sheet] if include_personal or not c.personal]
        if sheet == "actoren":
            columns = [c for c in columns if c not in _MEMBERSHIP_COLUMNS]
        result[sheet] = pd.DataFrame(rows, columns=columns, dtype=object)
    return result


SYNTHETIC_WARNING = (
    "SYNTHETISCHE DEMODATA: verzonnen organisaties en relaties, geen echte gegevens."
)


def info_rows(dataset: Dataset) -> list[tuple[str, str]]:
    """Key/value rows of the :data:`INFO_SHEET`: description and the synthetic flag."""
    rows = [
        ("synthetisch", "ja" if dataset.synthetic else "nee"),
        ("beschrijving", dataset.description),
    ]
    if dataset.synthetic:
        rows.insert(0, ("let op", SYNTHETIC_WARNING))
    return rows


_MEMBERSHIP_COLUMNS = {
    "verbanden",
    "betrokkenheid",
    "betrokkenheid_politiek",
    "betrokkenheid_ambtelijk",
}
