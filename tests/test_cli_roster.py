"""`verbinder netwerkbevraging`: make the forms, read them back (twice changes nothing, a bad
form changes nothing), show the round; a regisseur only for their own verband (issue #18)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo

from verbinder.cli import main


@pytest.fixture
def db(tmp_path):
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        store.save(generate_demo(scale=0.1))
    return tmp_path / "v.sqlite"


def _run(db, *args, user=None, roles=None):
    base = ["--db", str(db)]
    if roles is not None:
        base += ["--rollen", str(roles), "--gebruiker", user]
    return CliRunner().invoke(main, [*base, *args])


def _answer_everyone(form) -> None:
    """Contact 'ja' with every organisation on the list; one written in as missing."""
    book = load_workbook(form)
    sheet = book.worksheets[0]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, 5, "ja")
    book["ontbrekend"].append(["Fietsatelier Nieuw"])
    book.save(form)


def _version(db) -> int:
    with SQLiteStore(db) as store:
        return store.dataset_version("demo")


def _returned(db, tmp_path, count: int):
    """Make gent's forms; the first ``count`` come back filled in (:func:`_answer_everyone`)
    in their own folder. The command's result, all forms, and that folder."""
    made = _run(db, "netwerkbevraging", "maak", "--verband", "gent", "--naar", str(tmp_path / "f"))
    forms = sorted((tmp_path / "f").glob("*.xlsx"))
    returned = tmp_path / "terug"
    returned.mkdir()
    for form in forms[:count]:
        _answer_everyone(form)
        form.rename(returned / form.name)
    return made, forms, returned


def test_a_round_from_forms_to_the_network(db, tmp_path):
    made, forms, returned = _returned(db, tmp_path, 2)
    assert made.exit_code == 0, made.output
    assert "SYNTHETISCHE DEMODATA" in made.output
    read = _run(db, "netwerkbevraging", "lees", str(returned))
    assert read.exit_code == 0, read.output
    assert "2 formulier(en) van verband 'gent' ingelezen" in read.output
    # two of n answered: far below 70%, and the warning says so
    assert "Let op: Slechts" in read.output
    with SQLiteStore(db) as store:
        data = store.load("demo")
    survey = [t for t in data.ties if t.id.startswith("netwerkbevraging:gent:")]
    n = len(forms)
    # Each named all n - 1 others; the pair of the two respondents is named twice (confirmed):
    # 2 (n - 1) - 1 relations, all with the default kind, none one-sided.
    assert len(survey) == 2 * (n - 1) - 1
    version = _version(db)
    again = _run(db, "netwerkbevraging", "lees", str(returned))
    assert again.exit_code == 0 and "niets veranderd" in again.output
    assert _version(db) == version
    shown = _run(db, "netwerkbevraging", "overzicht", "--verband", "gent")
    assert shown.exit_code == 0, shown.output
    assert "Relaties bevestigd" in shown.output and "Bevestigd door beide?" in shown.output
    assert "als ontbrekend opschreven" in shown.output
    assert "Fietsatelier Nieuw" in shown.output


def test_a_merge_after_a_round_says_how_many_forms_it_adjusted(db, tmp_path):
    _, _, returned = _returned(db, tmp_path, 3)
    assert _run(db, "netwerkbevraging", "lees", str(returned)).exit_code == 0
    with SQLiteStore(db) as store:
        answered = sorted(store.load("demo").roster_responses, key=lambda r: r.id)
    first, second = [r.respondent for r in answered if r.verband_id == "gent"][:2]
    merged = _run(db, "merge", "--dataset", "demo", first, second)
    assert merged.exit_code == 0, merged.output
    # Three forms of gent: the two organisations' own (joined into one), and the third, which
    # lists the second (the demo's own round is in other verbanden).
    assert "(3 formulier(en) van de netwerkbevraging aangepast)" in merged.output
    undone = _run(db, "unmerge", "--dataset", "demo", "samenvoeging-1")
    assert undone.exit_code == 0, undone.output
    with SQLiteStore(db) as store:
        assert sorted(store.load("demo").roster_responses, key=lambda r: r.id) == answered


def test_a_bad_form_changes_nothing(db, tmp_path):
    _run(db, "netwerkbevraging", "maak", "--verband", "gent", "--naar", str(tmp_path / "f"))
    form = sorted((tmp_path / "f").glob("*.xlsx"))[0]
    book = load_workbook(form)
    book.worksheets[0].cell(2, 5, "misschien")
    book.save(form)
    version = _version(db)
    result = _run(db, "netwerkbevraging", "lees", str(tmp_path / "f"))
    assert result.exit_code == 1
    assert "rij 2, kolom 'Contact in de laatste 12 maanden' (E)" in result.output
    assert "Niets ingelezen" in result.output and "Traceback" not in result.output
    assert _version(db) == version


def test_a_regisseur_surveys_only_their_own_verband(db, tmp_path, roles_text):
    roles = tmp_path / "rollen.toml"
    roles.write_text(roles_text, encoding="utf-8")
    args = ("netwerkbevraging", "maak", "--naar", str(tmp_path / "f"), "--verband")
    other = _run(db, *args, "brugge", user="an@gent.be", roles=roles)
    assert other.exit_code == 1 and "geen toegang tot verband 'brugge'" in other.output
    own = _run(db, *args, "gent", user="an@gent.be", roles=roles)
    assert own.exit_code == 0, own.output
    analist = _run(
        db,
        "netwerkbevraging",
        "overzicht",
        "--verband",
        "gent",
        user="wse@vlaanderen.be",
        roles=roles,
    )
    assert analist.exit_code == 0, analist.output
    assert "Respons" in analist.output and "Relaties uit de bevraging" not in analist.output


def test_profile_shows_the_survey_of_a_verband_that_ran_one(db):
    with SQLiteStore(db) as store:
        surveyed = sorted({r.verband_id for r in store.load("demo").roster_responses})
    shown = _run(db, "profile", "--verband", surveyed[0])
    assert shown.exit_code == 0, shown.output
    assert "Netwerkbevraging (wat de partners zelf invulden)" in shown.output
    assert "Dichtheid (enkel bevestigd)" in shown.output
    without = _run(db, "profile", "--verband", "gent")  # no survey in gent
    assert without.exit_code == 0 and "Netwerkbevraging" not in without.output


def test_the_rounds_side_by_side_for_an_analist_too(db, tmp_path, roles_text):
    roles = tmp_path / "rollen.toml"
    roles.write_text(roles_text, encoding="utf-8")
    shown = _run(db, "netwerkbevraging", "vergelijk", user="wse@vlaanderen.be", roles=roles)
    assert shown.exit_code == 0, shown.output
    assert "respons van deze verbanden samen" in shown.output
    assert "Lezing respons" in shown.output and "Respons, ondergrens 99,8%" in shown.output
