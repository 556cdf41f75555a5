"""Employers of one verband from the KBO Open Data extract: which units, with which names and
NACE codes, and how they join a dataset.

Selection (every step is counted in the report):

- an *establishment unit* (vestigingseenheid, ``2.xxx.xxx.xxx``) whose address (BAET) lies in
  one of the verband's municipalities becomes an actor; so does an *enterprise* whose registered
  office (REGO) lies there and that has no establishment unit there;
- the enterprise must be active: status ``AC`` and no juridical situation of dissolution,
  liquidation, bankruptcy, closure or cancellation (read from ``code.csv``);
- by default only legal persons (a natural person's enterprise carries that person's name) and
  only employers, i.e. units with an RSZ/ONSS activity registration (activity group 006, on the
  unit or its enterprise);
- an address that is struck off (``DateStrikingOff`` on or before the snapshot date) does not
  count.

A municipality matches by its Dutch or French name; addresses in a sub-municipality
(deelgemeente) match through the postcodes seen with the municipality's own name. Names: the
Dutch one first (the unit's commercial name, else the enterprise's name), then an unknown-
language, French, German or English one. NACE: the main (MAIN) NACE-BEL 2008 codes. A unit
with only NACE-BEL 2025 codes (KBO's codes since 2025) keeps them as tags (``nace2025:...``)
and gets the 2008 code of each whose activity did not change (the same Dutch label,
:func:`graphmodel.nace.from_nace_2025`); the others stay without a 2008 code and are counted,
since the 2025 sections differ and a split or merged class has no single 2008 code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from verbinder.graphmodel.model import NACE_2025_TAG, UNIT_TAG, Actor, Membership, Verband
from verbinder.graphmodel.municipalities import PlaceError, resolve_place
from verbinder.graphmodel.nace import from_nace_2025
from verbinder.graphmodel.names import place_key
from verbinder.graphmodel.progress import Progress, silent
from verbinder.graphmodel.reference import reference_verbanden
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.loaders.kbo_files import KboFiles
from verbinder.loaders.problems import INFO, Problem, ValidationReport

__all__ = ["KboSelection", "select_employers"]

STOPPED = ("ontbinding", "vereffening", "faillissement", "sluiting", "geannuleerd", "stopzetting")
"""Words in the Dutch description of a juridical situation that mean: no longer operating."""

LANGUAGE_ORDER = {"2": 0, "0": 1, "1": 2, "3": 3, "4": 4}
"""Denomination languages, Dutch first (0 unknown, 1 French, 2 Dutch, 3 German, 4 English)."""

RSZ_GROUP = "006"


@dataclass
class KboSelection:
    """The employers found for one verband, and what was counted on the way."""

    actors: list[Actor]
    report: ValidationReport
    snapshot: date | None
    counts: dict[str, int] = field(default_factory=dict)


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%d-%m-%Y").date()
    except ValueError:
        return None


def _digits(number: str) -> str:
    return number.replace(".", "")


def _nace(code: str) -> str:
    """KBO's '43410' or '4764001' as the workbook's NACE-BEL subclass '43.410'."""
    return f"{code[:2]}.{code[2:5]}"


KBO_STEP = "KBO-bestanden lezen"


def select_employers(
    source: str | Path,
    verband: Verband,
    *,
    employers_only: bool = True,
    natural_persons: bool = False,
    progress: Progress = silent,
) -> KboSelection:
    """The active employers of ``verband`` in the KBO extract at ``source`` (zip or folder).

    Raises :class:`loaders.LoadError` when a file is missing or not in the KBO layout.
    ``progress`` hears of each of the five files read.
    """
    files = KboFiles(Path(source))
    report = ValidationReport(str(source))
    counts: dict[str, int] = {}
    meta = files.table("meta", ("Variable", "Value")).to_pydict()
    snapshot = _day(dict(zip(meta["Variable"], meta["Value"], strict=True)).get("SnapshotDate", ""))

    progress(KBO_STEP, 0, 5)
    units, places = _units_in_area(files, verband, snapshot, counts)
    progress(KBO_STEP, 1, 5)
    establishments = _establishments(files, units["BAET"])
    progress(KBO_STEP, 2, 5)
    needed = pa.array(sorted(units["REGO"] | set(establishments.values())), pa.string())
    enterprises = _active_enterprises(files, needed, natural_persons, counts)
    progress(KBO_STEP, 3, 5)
    chosen = {u: e for u, e in establishments.items() if e in enterprises}
    with_unit_here = set(chosen.values())
    for enterprise in units["REGO"]:
        if enterprise in enterprises and enterprise not in with_unit_here:
            chosen[enterprise] = enterprise
    counts["eenheden_van_actieve_ondernemingen"] = len(chosen)

    numbers = pa.array(sorted(set(chosen) | set(chosen.values())), pa.string())
    nace, nace_2025, employers = _activities(files, numbers)
    if employers_only:
        chosen = {u: e for u, e in chosen.items() if u in employers or e in employers}
    counts["werkgevers"] = len(chosen)
    progress(KBO_STEP, 4, 5)
    names = _names(files, numbers)
    progress(KBO_STEP, 5, 5)

    actors = []
    for unit, enterprise in sorted(chosen.items()):
        # Dutch first over the unit's and the enterprise's names; at equal language the unit's.
        found = [
            (names[n][0][0], i, names[n][1]) for i, n in enumerate((unit, enterprise)) if n in names
        ]
        name = min(found)[2] if found else None
        if name is None:
            counts["zonder_naam"] = counts.get("zonder_naam", 0) + 1
            continue
        codes = nace.get(unit) or nace.get(enterprise) or ()
        tags = ["kbo-open-data"]
        if unit != enterprise:
            tags.append(f"{UNIT_TAG}{unit}")
        if not codes:
            newer = nace_2025.get(unit) or nace_2025.get(enterprise) or ()
            tags += [f"{NACE_2025_TAG}{c}" for c in newer]
            codes = _mapped(newer, counts)
        actors.append(
            Actor(
                f"kbo-{_digits(unit)}",
                name,
                ActorType.WERKGEVER,
                places[unit],
                nis=_nis(places[unit]),
                nace=tuple(codes),
                kbo=_digits(enterprise),
                memberships=(Membership(verband.id, Engagement.GEEN),),
                tags=tuple(tags),
            )
        )
    counts["ingelezen"] = len(actors)
    for key, value in counts.items():
        report.add(Problem(Path(source).name, f"{key.replace('_', ' ')}: {value}", level=INFO))
    return KboSelection(actors, report, snapshot, counts)


def _nis(place: str) -> str | None:
    """Today's NIS code of a municipality of the verband (always one of the reference's)."""
    try:
        return resolve_place(place).municipality.nis
    except PlaceError:
        return None


def _matching(column: pa.ChunkedArray, wanted: dict[str, str]) -> dict[str, str]:
    """The distinct raw values of ``column`` whose plain form is a key of ``wanted``, mapped to
    its value (a municipality name as the verband writes it)."""
    found = {}
    for raw in pc.unique(column).to_pylist():
        plain = place_key(raw)
        if plain in wanted:
            found[raw] = wanted[plain]
    return found


def _units_in_area(
    files: KboFiles, verband: Verband, snapshot: date | None, counts: dict[str, int]
) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Entity numbers with a valid REGO or BAET address in the verband, and their municipality.

    Vectorised over the national file: names are compared once per distinct spelling.
    """
    own = {place_key(m): m for m in verband.municipalities}
    others = {
        place_key(m): m
        for v in reference_verbanden()
        for m in v.municipalities
        if place_key(m) not in own
    }
    columns = (
        "EntityNumber",
        "TypeOfAddress",
        "Zipcode",
        "MunicipalityNL",
        "MunicipalityFR",
        "DateStrikingOff",
    )
    rows = files.table("address", (*columns, "CountryNL", "CountryFR"))
    counts["adressen"] = rows.num_rows
    rows = rows.filter(
        pc.and_(
            pc.is_in(rows["TypeOfAddress"], value_set=pa.array(["REGO", "BAET"])),
            # A Belgian address has no country (Cookbook): Thun 3600 is not Genk 3600.
            pc.and_(pc.equal(rows["CountryNL"], ""), pc.equal(rows["CountryFR"], "")),
        )
    )
    dutch = _matching(rows["MunicipalityNL"], own)
    french = _matching(rows["MunicipalityFR"], own)
    named = pc.or_(
        pc.is_in(rows["MunicipalityNL"], value_set=pa.array(list(dutch), pa.string())),
        pc.is_in(rows["MunicipalityFR"], value_set=pa.array(list(french), pa.string())),
    )
    by_name = rows.filter(named)
    postcode_of: dict[str, str] = {}
    for code, nl, fr in zip(
        *(by_name[c].to_pylist() for c in ("Zipcode", "MunicipalityNL", "MunicipalityFR")),
        strict=True,
    ):
        postcode_of.setdefault(code, dutch.get(nl) or french[fr])
    elsewhere = pc.or_(
        pc.is_in(
            rows["MunicipalityNL"],
            value_set=pa.array(list(_matching(rows["MunicipalityNL"], others)), pa.string()),
        ),
        pc.is_in(
            rows["MunicipalityFR"],
            value_set=pa.array(list(_matching(rows["MunicipalityFR"], others)), pa.string()),
        ),
    )
    by_postcode = pc.and_(
        pc.is_in(rows["Zipcode"], value_set=pa.array(list(postcode_of), pa.string())),
        pc.invert(elsewhere),
    )
    here = rows.filter(pc.or_(named, by_postcode))
    units: dict[str, set[str]] = {"REGO": set(), "BAET": set()}
    places: dict[str, str] = {}
    struck = 0
    for number, kind, code, nl, fr, off in zip(
        *(here[c].to_pylist() for c in columns), strict=True
    ):
        ended = _day(off) if off else None
        if ended is not None and (snapshot is None or ended <= snapshot):
            struck += 1
            continue
        units[kind].add(number)
        places[number] = dutch.get(nl) or french.get(fr) or postcode_of[code]
    counts["zetels_in_gebied"] = len(units["REGO"])
    counts["vestigingen_in_gebied"] = len(units["BAET"])
    counts["geschrapte_adressen_overgeslagen"] = struck
    return units, places


def _active_enterprises(
    files: KboFiles, needed: pa.Array, natural_persons: bool, counts: dict[str, int]
) -> set[str]:
    """Which of the ``needed`` enterprises are active (and legal persons unless asked)."""
    codes = files.table("code", ("Category", "Code", "Language", "Description"))
    stopped = {
        code
        for category, code, language, text in zip(
            *(codes[c].to_pylist() for c in codes.column_names), strict=True
        )
        if category == "JuridicalSituation"
        and language == "NL"
        and any(word in text.lower() for word in STOPPED)
    }
    active: set[str] = set()
    tally: dict[str, int] = defaultdict(int)
    columns = ("EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise")
    table = files.table("enterprise", columns, ("EnterpriseNumber", needed))
    for number, status, situation, kind in zip(
        *(table[c].to_pylist() for c in columns), strict=True
    ):
        if status != "AC":
            tally["niet_actief"] += 1
        elif situation in stopped:
            tally["stopgezet_of_in_vereffening"] += 1
        elif kind == "1" and not natural_persons:
            tally["natuurlijke_personen_overgeslagen"] += 1
        else:
            active.add(number)
    counts.update(tally)
    return active


def _establishments(files: KboFiles, in_area: set[str]) -> dict[str, str]:
    """Establishment unit number -> enterprise number, for the units in the area."""
    keep = ("EstablishmentNumber", pa.array(sorted(in_area), pa.string()))
    table = files.table("establishment", ("EstablishmentNumber", "EnterpriseNumber"), keep)
    return dict(
        zip(
            table["EstablishmentNumber"].to_pylist(),
            table["EnterpriseNumber"].to_pylist(),
            strict=True,
        )
    )


def _mapped(codes: list[str], counts: dict[str, int]) -> tuple[str, ...]:
    """The 2008 codes of unchanged 2025 codes; the rest counted as not mapped."""
    mapped = [from_nace_2025(c) for c in codes]
    found = tuple(dict.fromkeys(c for c in mapped if c))
    for key, n in (
        ("nace_2025_omgezet_naar_2008", len(found)),
        ("nace_2025_zonder_eenduidige_2008_code", mapped.count(None)),
    ):
        if n:
            counts[key] = counts.get(key, 0) + n
    return found


def _activities(files: KboFiles, numbers: pa.Array):
    nace: dict[str, list[str]] = defaultdict(list)
    nace_2025: dict[str, list[str]] = defaultdict(list)
    employers: set[str] = set()
    columns = ("EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification")
    for block in files.batches("activity", columns, ("EntityNumber", numbers)):
        for number, group, version, code, kind in zip(
            *(block[c].to_pylist() for c in columns), strict=True
        ):
            if group == RSZ_GROUP:
                employers.add(number)
            if kind != "MAIN" or not code.isdigit() or len(code) < 5:
                continue
            if version == "2008" and _nace(code) not in nace[number]:
                nace[number].append(_nace(code))
            elif version == "2025" and code not in nace_2025[number]:
                nace_2025[number].append(code)
    return nace, nace_2025, employers


def _names(files: KboFiles, numbers: pa.Array) -> dict[str, tuple[tuple[int, int], str]]:
    """The best name per entity: Dutch first; a unit's commercial name (003), an enterprise's
    name (001), then the other kinds."""
    best: dict[str, tuple[tuple[int, int], str]] = {}
    unit_order = {"003": 0, "001": 1, "002": 2, "004": 3}
    enterprise_order = {"001": 0, "003": 1, "002": 2, "004": 3}
    columns = ("EntityNumber", "Language", "TypeOfDenomination", "Denomination")
    for block in files.batches("denomination", columns, ("EntityNumber", numbers)):
        for number, language, kind, text in zip(
            *(block[c].to_pylist() for c in columns), strict=True
        ):
            if not text.strip():
                continue
            order = unit_order if number.startswith("2.") else enterprise_order
            rank = (LANGUAGE_ORDER.get(language, 9), order.get(kind, 9))
            if number not in best or rank < best[number][0]:
                best[number] = (rank, text.strip())
    return best
