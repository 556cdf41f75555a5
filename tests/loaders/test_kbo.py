"""KBO Open Data: the right employers for a verband from fixtures in the extract's exact layout
(quoted text, unquoted dd-mm-yyyy dates, empty NULLs), written here; merging into a dataset.

The fixture holds, for a verband of Genk and As (hand-made, so every expected value below is
counted from the rows in ``extract``):
- kept: an enterprise seated in Genk (its French and Dutch names: Dutch wins), a unit in Genk
  of an enterprise seated in Beringen, a unit in Waterschei (a sub-municipality, matched by
  postcode 3600), an enterprise with only NACE-BEL 2025 codes;
- left out: an enterprise in liquidation, one not active, a natural person, one without RSZ
  registration (kept with ``employers_only=False``), a struck-off address, units and seats in
  Beringen.
"""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from click.testing import CliRunner
from verbinder.graphmodel.model import Actor, Dataset, Membership, Verband
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.loaders import LoadError
from verbinder.loaders.kbo import select_employers
from verbinder.loaders.kbo_files import HEADERS
from verbinder.loaders.kbo_merge import merge_employers

from verbinder.cli import main

VERBAND = Verband("genk-as", "Genk en As", municipalities=("Genk", "As"))


class Day(str):
    """A date cell: written without quotes, as KBO writes dates."""


def number(n: int) -> str:
    """A valid enterprise number (modulo-97 check digits) as KBO writes it: 0xxx.xxx.xxx."""
    digits = f"{n:08d}"
    ten = digits + f"{97 - int(digits) % 97:02d}"
    return f"{ten[:4]}.{ten[4:7]}.{ten[7:]}"


def unit(n: int) -> str:
    return f"2.{n:03d}.{n:03d}.{n:03d}"


SEATED, ELSEWHERE, LIQUIDATED, STOPPED, PERSON, NO_RSZ, STRUCK, NEW = (
    number(40317070 + i) for i in range(8)
)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Day):
        return str(value)
    return '"' + str(value).replace('"', '""') + '"'


def extract() -> dict[str, list[list]]:
    def address(entity, kind, zipcode, nl, fr, off=None):
        return [
            entity,
            kind,
            None,
            None,
            zipcode,
            nl,
            fr,
            "Straat",
            "Rue",
            "1",
            "",
            "",
            Day(off) if off else None,
        ]

    return {
        "meta": [["SnapshotDate", "04-11-2025"], ["ExtractNumber", "171"], ["Version", "1.0.0"]],
        "code": [
            ["JuridicalSituation", "000", "NL", "Normale toestand"],
            ["JuridicalSituation", "012", "NL", "Vrijwillige ontbinding – vereffening"],
            ["JuridicalSituation", "012", "FR", "Dissolution volontaire – liquidation"],
            ["Status", "AC", "NL", "Actief"],
        ],
        "enterprise": [
            [SEATED, "AC", "000", "2", "610", None, Day("14-03-2005")],
            [ELSEWHERE, "AC", "000", "2", "014", None, Day("01-01-1990")],
            [LIQUIDATED, "AC", "012", "2", "116", None, Day("01-01-1922")],
            [STOPPED, "ST", "000", "2", "610", None, Day("01-01-2001")],
            [PERSON, "AC", "000", "1", None, None, Day("12-10-2025")],
            [NO_RSZ, "AC", "000", "2", "610", None, Day("01-02-2010")],
            [STRUCK, "AC", "000", "2", "610", None, Day("01-02-2011")],
            [NEW, "AC", "000", "2", "610", None, Day("02-02-2025")],
        ],
        "establishment": [
            [unit(1), Day("04-08-2010"), ELSEWHERE],
            [unit(2), Day("04-08-2011"), ELSEWHERE],
            [unit(3), Day("04-08-2012"), ELSEWHERE],
            [unit(4), Day("04-08-2013"), PERSON],
        ],
        "address": [
            address(SEATED, "REGO", "3600", "Genk", "Genk"),
            address(ELSEWHERE, "REGO", "3580", "Beringen", "Beringen"),
            address(unit(1), "BAET", "3600", "Genk", "Genk"),
            address(unit(2), "BAET", "3600", "Waterschei", "Waterschei"),
            address(unit(3), "BAET", "3580", "Beringen", "Beringen"),
            address(unit(4), "BAET", "3665", "As", "As"),
            address(LIQUIDATED, "REGO", "3600", "Genk", "Genk"),
            address(STOPPED, "REGO", "3665", "As", "As"),
            address(NO_RSZ, "REGO", "3665", "As", "As"),
            address(STRUCK, "REGO", "3665", "As", "As", off="13-11-2023"),
            address(NEW, "REGO", "3665", "AS", "As"),
        ],
        "denomination": [
            [SEATED, "1", "001", "Transports Peeters"],
            [SEATED, "2", "001", "Transport Peeters"],
            [ELSEWHERE, "2", "001", "Groep Janssens"],
            [unit(1), "2", "003", 'Janssens "Genk"'],
            [unit(2), "1", "003", "Janssens Waterschei"],
            [LIQUIDATED, "2", "001", "In Vereffening"],
            [STOPPED, "2", "001", "Gestopt"],
            [unit(4), "0", "003", "Peeters, Jan"],
            [PERSON, "0", "001", "Peeters, Jan"],
            [NO_RSZ, "2", "001", "Zonder Personeel"],
            [STRUCK, "2", "001", "Verhuisd"],
            [NEW, "2", "001", "Nieuw Bedrijf"],
        ],
        "activity": [
            [SEATED, "006", "2008", "49410", "MAIN"],
            [SEATED, "006", "2003", "60241", "MAIN"],
            [SEATED, "001", "2025", "49410", "MAIN"],
            [SEATED, "001", "2008", "52290", "SECO"],
            [ELSEWHERE, "006", "2008", "81210", "MAIN"],
            [unit(1), "003", "2008", "4764001", "MAIN"],
            [LIQUIDATED, "006", "2008", "49410", "MAIN"],
            [PERSON, "006", "2008", "96021", "MAIN"],
            [NO_RSZ, "001", "2008", "62010", "MAIN"],
            [STRUCK, "006", "2008", "62010", "MAIN"],
            [NEW, "006", "2025", "68121", "MAIN"],
        ],
    }


def write_extract(folder, files=None):
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (files or extract()).items():
        lines = [",".join(f'"{h}"' for h in HEADERS[name])]
        lines += [",".join(_cell(v) for v in row) for row in rows]
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _by_id(selection):
    return {a.id: a for a in selection.actors}


def test_the_right_employers_are_chosen_with_dutch_names_and_nace_2008(tmp_path):
    selection = select_employers(write_extract(tmp_path / "kbo"), VERBAND)
    found = _by_id(selection)
    digits = {n: n.replace(".", "") for n in (SEATED, ELSEWHERE, NEW)}
    assert set(found) == {
        f"kbo-{digits[SEATED]}",
        "kbo-2001001001",
        "kbo-2002002002",
        f"kbo-{digits[NEW]}",
    }
    seated = found[f"kbo-{digits[SEATED]}"]
    assert (seated.name, seated.municipality, seated.nace, seated.kbo) == (
        "Transport Peeters",
        "Genk",
        ("49.410",),
        digits[SEATED],
    )
    assert seated.memberships == (Membership("genk-as", Engagement.GEEN),)
    genk = found["kbo-2001001001"]
    assert (genk.name, genk.municipality, genk.nace, genk.kbo) == (
        'Janssens "Genk"',
        "Genk",
        ("47.640",),
        digits[ELSEWHERE],
    )
    assert genk.tags == ("kbo-open-data", f"vestiging:{unit(1)}")
    waterschei = found["kbo-2002002002"]  # postcode 3600 is Genk's; its name is French only
    assert (waterschei.name, waterschei.municipality, waterschei.nace) == (
        "Groep Janssens",
        "Genk",
        ("81.210",),
    )
    new = found[f"kbo-{digits[NEW]}"]
    # 68.121 (2025) is 41.101 (2008): the same activity, moved to real estate in 2025.
    assert (new.municipality, new.nace, new.tags) == (
        "As",
        ("41.101",),
        ("kbo-open-data", "nace2025:68121"),
    )
    assert selection.counts["nace_2025_omgezet_naar_2008"] == 1
    assert selection.snapshot == date(2025, 11, 4)
    assert selection.counts["stopgezet_of_in_vereffening"] == 1
    assert selection.counts["niet_actief"] == 1
    assert selection.counts["natuurlijke_personen_overgeslagen"] == 1
    assert selection.counts["geschrapte_adressen_overgeslagen"] == 1
    assert selection.counts["werkgevers"] == 4


def test_options_add_enterprises_without_rsz_and_natural_persons(tmp_path):
    source = write_extract(tmp_path / "kbo")
    wider = _by_id(select_employers(source, VERBAND, employers_only=False, natural_persons=True))
    assert wider[f"kbo-{NO_RSZ.replace('.', '')}"].name == "Zonder Personeel"
    assert wider["kbo-2004004004"].name == "Peeters, Jan"
    assert len(wider) == 6


def test_a_zip_reads_like_the_folder(tmp_path):
    folder = write_extract(tmp_path / "kbo")
    archive = tmp_path / "KboOpenData_0171_2025_11_04_Full.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        for file in folder.iterdir():
            packed.write(file, file.name)
    assert select_employers(archive, VERBAND).actors == select_employers(folder, VERBAND).actors


def test_a_missing_file_or_another_layout_is_a_located_message(tmp_path):
    folder = write_extract(tmp_path / "kbo")
    (folder / "activity.csv").unlink()
    with pytest.raises(LoadError) as caught:
        select_employers(folder, VERBAND)
    assert "het bestand activity.csv ontbreekt" in str(caught.value.report.errors[0])
    write_extract(folder)
    (folder / "address.csv").write_text('"Nummer","Gemeente"\n"1","Genk"\n', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        select_employers(folder, VERBAND)
    (problem,) = caught.value.report.errors
    assert problem.file == "address.csv" and "indeling van KBO Open Data" in problem.message


def test_known_organisations_are_completed_never_overwritten_and_a_rerun_changes_nothing(tmp_path):
    selection = select_employers(write_extract(tmp_path / "kbo"), VERBAND)
    mine = Actor(
        "peeters",
        "Peeters Transport NV",
        ActorType.WERKGEVER,
        kbo=SEATED.replace(".", ""),
        tags=("MVO",),
        memberships=(Membership("andere", Engagement.ACTIEF),),
    )
    data = Dataset("d", actors=(mine,), verbanden=(VERBAND, Verband("andere", "Andere")))
    merged = merge_employers(data, selection, "genk-as")
    assert (merged.added, merged.completed, merged.unchanged) == (3, 1, 0)
    peeters = merged.dataset.actor_by_id["peeters"]
    assert peeters.name == "Peeters Transport NV" and peeters.nace == ("49.410",)
    assert peeters.verbanden == ("andere", "genk-as")
    assert peeters.tags == ("MVO", "kbo-open-data")
    assert merged.other_names == [("peeters", "Peeters Transport NV", "Transport Peeters")]
    again = merge_employers(merged.dataset, selection, "genk-as")
    assert (again.added, again.completed, again.unchanged) == (0, 0, 4)
    assert again.dataset.same_content(merged.dataset)


def test_the_cli_imports_a_verband_from_the_register(tmp_path):
    source = write_extract(tmp_path / "kbo")
    db = str(tmp_path / "v.sqlite")
    command = ["--db", db, "kbo", str(source), "--verband", "gaoz", "--dataset", "gaoz"]
    first = CliRunner().invoke(main, command)  # gaoz: As, Oudsbergen, Zutendaal, Genk
    assert first.exit_code == 0, first.output
    assert "KBO (2025-11-04): 4 nieuw, 0 aangevuld, 0 al volledig." in first.output
    again = CliRunner().invoke(main, command)
    assert "KBO (2025-11-04): 0 nieuw, 0 aangevuld, 4 al volledig." in again.output
    assert "Dataset 'gaoz' was al bijgewerkt: niets gewijzigd." in again.output


def test_the_cli_shows_progress_on_a_terminal_and_none_in_a_pipe(tmp_path, in_terminal):
    source = write_extract(tmp_path / "kbo")
    db = str(tmp_path / "v.sqlite")
    command = ["--db", db, "kbo", str(source), "--verband", "gaoz", "--dataset", "gaoz"]
    code, output = in_terminal(command)
    assert code == 0, output
    assert "KBO-bestanden lezen: [" in output and "] 100%" in output
    piped = CliRunner().invoke(main, command)  # CliRunner's streams are no terminal
    assert "KBO-bestanden lezen" not in piped.output
    assert "0 nieuw" in piped.output


def test_a_regisseur_imports_the_register_only_for_their_own_verband(tmp_path, roles_text):
    source = write_extract(tmp_path / "kbo")
    roles = tmp_path / "rollen.toml"
    roles.write_text(roles_text, encoding="utf-8")  # an@gent.be: regisseur of gent
    base = ["--db", str(tmp_path / "v.sqlite"), "--rollen", str(roles), "--gebruiker"]
    other = CliRunner().invoke(
        main, [*base, "an@gent.be", "kbo", str(source), "--verband", "gaoz", "--dataset", "d"]
    )
    assert other.exit_code == 1
    assert "U hebt geen toegang tot verband 'gaoz' (uw verbanden: gent)" in other.output
    analist = CliRunner().invoke(
        main,
        [*base, "wse@vlaanderen.be", "kbo", str(source), "--verband", "gent", "--dataset", "d"],
    )
    assert analist.exit_code == 1 and "Als analist ziet u samengevoegde cijfers" in analist.output


def test_foreign_addresses_and_a_file_that_is_no_zip(tmp_path):
    # Found in review: a Swiss address at postcode 3600 (Thun) matched Genk 3600.
    files = extract()
    files["enterprise"].append([number(40317099), "AC", "000", "2", "610", None, Day("01-01-2000")])
    files["address"].append(
        [
            number(40317099),
            "REGO",
            "Zwitserland",
            "Suisse",
            "3600",
            "Thun",
            "Thoune",
            "Weg",
            "Rue",
            "1",
            "",
            "",
            None,
        ]
    )
    files["denomination"].append([number(40317099), "2", "001", "Thuner AG"])
    files["activity"].append([number(40317099), "006", "2008", "49410", "MAIN"])
    found = select_employers(write_extract(tmp_path / "kbo", files), VERBAND)
    assert "Thuner AG" not in {a.name for a in found.actors}
    broken = tmp_path / "kapot.zip"
    broken.write_bytes(b"geen zip")
    with pytest.raises(LoadError) as caught:
        select_employers(broken, VERBAND)
    assert "dit is geen (leesbaar) zip-bestand" in caught.value.report.errors[0].message
