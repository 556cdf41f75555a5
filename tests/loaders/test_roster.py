"""The network survey end to end (issue #18): forms made for a small verband, filled in with
known answers, read back; statuses, response rate, densities and scores counted by hand."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from verbinder.graphmodel.access import Principal, Role
from verbinder.graphmodel.model import Actor, Dataset, Membership, Verband
from verbinder.graphmodel.reconcile import reconcile
from verbinder.graphmodel.roster import RosterResponse
from verbinder.graphmodel.scoping import merge_scoped, scope_dataset
from verbinder.graphmodel.store import SQLiteStore
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind
from verbinder.loaders import load_dataset
from verbinder.loaders.problems import LoadError
from verbinder.loaders.roster_form import QUESTIONS, ROSTER_HEADERS, write_roster_forms
from verbinder.loaders.roster_read import read_roster_forms
from verbinder.queries.actions import forget_personal_data
from verbinder.queries.brokers import brokers
from verbinder.queries.export import export_dataset
from verbinder.queries.merging import MergeRefusedError, merge_actors, undo_merge
from verbinder.queries.roster import (
    record_roster,
    response_rates,
    roster_additions,
    roster_members,
    roster_scores,
    roster_summary,
    roster_ties,
)

E = Engagement
DAY = date(2026, 12, 1)


def _actor(code: str, name: str, kind: ActorType, *verbanden: str, level=E.ACTIEF) -> Actor:
    return Actor(code, name, kind, memberships=tuple(Membership(v, level) for v in verbanden))


@pytest.fixture
def survey_data() -> Dataset:
    return Dataset(
        "proef",
        actors=(
            _actor("a", "Groep Alfa", ActorType.MAATWERKBEDRIJF, "v"),
            _actor("b", "Bakkerij Bruno BV", ActorType.WERKGEVER, "v"),
            _actor("c", "Gemeente Cee", ActorType.GEMEENTE, "v"),
            _actor("d", "LDE Delta", ActorType.LDE, "v", "w"),
            _actor("e", "VDAB Oost", ActorType.VDAB, "v"),
            _actor("f", "Firma Foxtrot", ActorType.WERKGEVER, "v", level=E.GEEN),
            _actor("g", "Gamma vzw", ActorType.LDE, "w"),
        ),
        verbanden=(Verband("v", "Verband Vee"), Verband("w", "Verband Wee")),
    )


def _column(header: str) -> int:
    return [*ROSTER_HEADERS, *(q.header for q in QUESTIONS)].index(header) + 1


def _fill(path: Path, answers: dict[str, dict[str, object]], added=()) -> None:
    """Type ``answers`` (code -> {header: value}) into a form, as a respondent would."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for code, cells in answers.items():
        for header, value in cells.items():
            sheet.cell(rows[code], _column(header), value)
    for name in added:
        book["ontbrekend"].append([name])
    book.save(path)


def _trust(*items):
    headers = ("Vertrouwen: open", "Vertrouwen: betrouwbaar", "Vertrouwen: missie")
    return dict(zip(headers, items, strict=True))


def _value(*items):
    return dict(zip(("Waarde: invloed", "Waarde: middelen", "Waarde: inzet"), items, strict=True))


YES = {"Contact in de laatste 12 maanden": "ja"}


def _forms(data: Dataset, folder: Path, verband: str = "v") -> dict[str, Path]:
    members = roster_members(data, verband)
    files = write_roster_forms(
        folder, dataset=data.name, verband_id=verband, verband_name="V", members=members
    )
    return {m.id: f for m, f in zip(members, files, strict=True)}


def _filled_round(data: Dataset, folder: Path) -> dict[str, Path]:
    """a, b, c and d answer; e does not. By hand, the pairs named:
    a-b both (bevestigd), b-d both, c-d both; a-c and a-d by a only while c and d answered
    (eenzijdig); a-e by a only, e did not answer (onbekend); b says 'nee' to c."""
    forms = _forms(data, folder)
    _fill(
        forms["a"],
        {
            "b": {**YES, "Overleg of netwerking": "x", "Hoe vaak": "maandelijks"}
            | _trust(4, 4, 3)
            | _value(3, 3, 3),
            "c": {**YES, "Samen acties of projecten": "x"} | _trust(2, 2, 2),
            "d": {**YES, "Graag (meer) samenwerken": "ja", "Waarom": "groenonderhoud"}
            | _trust(3, 3, 3)
            | _value(2, 2, 2),
            "e": {"Wij kopen bij hen of besteden werk aan hen uit": "x"},
        },
    )
    _fill(
        forms["b"],
        {
            "a": {**YES, "Overleg of netwerking": "x"} | _trust(3, 3, 3),
            "c": {"Contact in de laatste 12 maanden": "nee"},
            "d": {**YES} | _trust(4, 4, 4) | _value(3, 3, 3),
        },
    )
    _fill(forms["c"], {"d": {**YES} | _trust(1, 2, 2) | _value(4, 4, None)})
    _fill(forms["d"], {"b": {**YES}, "c": {**YES}}, added=["Nieuwe Werkplaats"])
    forms["e"].unlink()  # e did not answer
    return forms


def test_forms_list_the_partners_grouped_by_type_without_members_of_no_engagement(
    survey_data, tmp_path
):
    forms = _forms(survey_data, tmp_path)
    assert sorted(forms) == ["a", "b", "c", "d", "e"]  # f has engagement 'geen'
    book = load_workbook(forms["a"])
    sheet = book.worksheets[0]
    assert sheet.title == "Groep Alfa"
    listed = [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)]
    # by type label: gemeente, LDE, VDAB, werkgever
    assert listed == ["Gemeente Cee", "LDE Delta", "VDAB Oost", "Bakkerij Bruno BV"]
    assert book["formulier"].sheet_state == "veryHidden"
    assert "uitleg" in book.sheetnames and "ontbrekend" in book.sheetnames


def test_a_filled_round_reads_back_to_the_hand_counted_network(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path)
    read = read_roster_forms(tmp_path, survey_data, received=DAY)
    assert read.verband_id == "v" and len(read.responses) == 4
    by_respondent = {r.respondent: r for r in read.responses}
    assert by_respondent["d"].added == ("Nieuwe Werkplaats",)
    wish = by_respondent["a"].about("d")
    assert wish.wished and wish.reason == "groenonderhoud"
    data = record_roster(survey_data, "v", read.responses)

    statuses = {(r.actor_a, r.actor_b): r.bevestiging for r in roster_ties(data, "v").itertuples()}
    assert statuses == {
        ("a", "b"): "bevestigd",
        ("b", "d"): "bevestigd",
        ("c", "d"): "bevestigd",
        ("a", "c"): "eenzijdig",
        ("a", "d"): "eenzijdig",
        ("a", "e"): "onbekend",
    }
    order = list(roster_ties(data, "v")["bevestiging"])  # what to talk through comes first
    assert order == ["eenzijdig"] * 2 + ["onbekend"] + ["bevestigd"] * 3
    summary = roster_summary(data, "v")
    assert (summary["uitgenodigd"], summary["geantwoord"]) == (5, 4)
    assert summary["respons"] == pytest.approx(0.8)
    # 5 organisations: 10 pairs. Reconstruction 3 + 1, union 6, confirmed 3.
    assert summary["dichtheid_reconstructie"] == pytest.approx(0.4)
    assert summary["dichtheid_unie"] == pytest.approx(0.6)
    assert summary["dichtheid_bevestigd"] == pytest.approx(0.3)

    rates = response_rates(data, "v").set_index("type")
    assert rates.loc["vdab", "geantwoord"] == 0 and rates.loc["lde", "respons"] == 1.0

    # Relation a-b: a gave b (4+4+3)/3, b gave a 3: mean 10/3 (kept for the verband's mean,
    # never shown per relation: that would be one partner's judgement of another).
    surveyed = {t.pair: t for t in reconcile(data.roster_responses)}
    assert surveyed[("a", "b")].trust == pytest.approx(10 / 3)
    assert "vertrouwen" not in roster_ties(data, "v").columns
    # The verband: trust from a, b and c (three raters), mean over the rated relations
    # a-b 10/3, a-c 2, a-d 3, b-d 4, c-d 5/3 = (10/3 + 2 + 3 + 4 + 5/3) / 5 = 14/5.
    assert summary["vertrouwen"] == pytest.approx(14 / 5)

    # d is rated by a (3), b (4) and c (5/3): trust 26/9; value by a 2, b 3, c 4: 3.
    # b is rated by a and d only (d gave no score): fewer than three, nothing shown.
    scores = roster_scores(data, "v").set_index("actor")
    assert scores.loc["d", "vertrouwen"] == pytest.approx(26 / 9)
    assert scores.loc["d", "meerwaarde"] == pytest.approx(3.0)
    assert scores.loc["d", "beoordelaars"] == 3
    assert scores.loc["b", "beoordelaars"] == 1
    assert scores.loc["b", ["vertrouwen", "meerwaarde"]].isna().all()

    survey = [t for t in data.ties if t.provenance is Provenance.BEVRAGING]
    kinds = sorted((t.source, t.target, t.kind) for t in survey)
    assert kinds == [
        ("a", "b", TieKind.OVERLEG),
        ("a", "e", TieKind.AANKOOP),  # a buys from e: a is the source
        ("b", "d", TieKind.OVERLEG),
        ("c", "d", TieKind.OVERLEG),
    ]
    assert all(t.note.startswith("netwerkbevraging: ") for t in survey)
    union = record_roster(survey_data, "v", read.responses, rule="unie")
    assert sum(t.provenance is Provenance.BEVRAGING for t in union.ties) == 6


def test_a_newer_form_replaces_only_that_respondents_answers(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path / "ronde")
    read = read_roster_forms(tmp_path / "ronde", survey_data, received=DAY)
    data = record_roster(survey_data, "v", read.responses)
    again = record_roster(data, "v", read.responses)
    assert again.same_content(data)  # reading the same forms twice changes nothing
    late = _forms(survey_data, tmp_path / "laat")
    _fill(late["e"], {"a": {**YES, "Zij kopen bij ons of besteden werk aan ons uit": "x"}})
    for code in "abcd":
        late[code].unlink()
    later = read_roster_forms(tmp_path / "laat", survey_data, received=date(2026, 12, 2))
    data = record_roster(data, "v", later.responses)
    assert sorted(r.respondent for r in data.roster_responses) == ["a", "b", "c", "d", "e"]
    statuses = {(r.actor_a, r.actor_b): r.bevestiging for r in roster_ties(data, "v").itertuples()}
    assert statuses[("a", "e")] == "bevestigd"  # e now names a: the purchase is confirmed
    assert statuses[("a", "b")] == "bevestigd"  # the others' answers are kept


def test_forms_made_before_a_merge_are_read_for_the_merged_organisation(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path)
    merged = merge_actors(survey_data, "e", "c", reason="één organisatie")
    read = read_roster_forms(tmp_path, merged, received=DAY)
    warned = {(p.file, p.row) for p in read.report.warnings if "samengevoegd" in str(p)}
    files = {code: path.name for code, path in _forms(survey_data, tmp_path / "x").items()}
    # c's own form, and the row of c on the forms of a, b and d: row 2, the first under the
    # header, since the list is sorted by type and 'gemeente' comes first; on c's own form
    # also the row of e, now itself (row 4: after LDE Delta and Groep Alfa).
    assert warned == {
        (files["c"], None),
        (files["c"], 4),
        (files["a"], 2),
        (files["b"], 2),
        (files["d"], 2),
    }
    assert read.files["e"] == files["c"]
    by_respondent = {r.respondent: r for r in read.responses}
    assert sorted(by_respondent) == ["a", "b", "d", "e"]
    # a's rows about c (samen acties, trust 2 2 2) and e (wij kopen) become one row about e.
    about_e = by_respondent["a"].about("e")
    assert (about_e.contact, about_e.kinds, about_e.trust) == (
        True,
        ("samenwerking", "wij_kopen"),
        (2, 2, 2),
    )
    data = record_roster(merged, "v", read.responses)
    statuses = {(r.actor_a, r.actor_b): r.bevestiging for r in roster_ties(data, "v").itertuples()}
    # By hand: c's form (now e's) names d, d names c (now e): d-e confirmed; a names e, e
    # answered without naming a: one-sided.
    assert statuses == {
        ("a", "b"): "bevestigd",
        ("b", "d"): "bevestigd",
        ("d", "e"): "bevestigd",
        ("a", "d"): "eenzijdig",
        ("a", "e"): "eenzijdig",
    }


def test_a_regisseur_reads_forms_made_before_a_merge_too(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path)
    merged = merge_actors(survey_data, "e", "c", reason="één organisatie")
    regisseur = Principal("an@v.be", Role.REGISSEUR, frozenset({"v"}))
    seen = scope_dataset(merged, regisseur)
    # which id went into which, not the reason or what the two held
    assert [(m.dropped, m.kept, m.reason, m.before) for m in seen.merges] == [("c", "e", "", "")]
    read = read_roster_forms(tmp_path, seen, received=DAY)
    assert sorted(r.respondent for r in read.responses) == ["a", "b", "d", "e"]
    whole = merge_scoped(merged, record_roster(seen, "v", read.responses), regisseur)
    assert sorted(r.respondent for r in whole.roster_responses) == ["a", "b", "d", "e"]
    assert whole.merges == merged.merges  # the record itself is untouched
    with pytest.raises(MergeRefusedError, match="doet in een gedeelde installatie de beheerder"):
        undo_merge(seen, "samenvoeging-1")
    assert forget_personal_data(seen, "e") is None  # no content in the copy's record


def test_a_late_form_of_a_merged_organisation_never_replaces_the_kept_one_s_answers(
    survey_data, tmp_path
):
    forms = _filled_round(survey_data, tmp_path / "ronde")
    read = read_roster_forms(tmp_path / "ronde", survey_data, received=DAY)
    early = [r for r in read.responses if r.respondent in ("a", "d")]
    merged = merge_actors(record_roster(survey_data, "v", early), "d", "b", reason="x")
    late = tmp_path / "laat"
    late.mkdir()
    shutil.copy(forms["b"], late)
    (problem,) = _problems(late, merged)
    assert "'LDE Delta' antwoordde zelf al" in problem
    shutil.copy(forms["d"], late)
    both = read_roster_forms(late, merged, received=DAY)
    # b's and d's forms become one: b named a and d, d named b and c; their rows about each
    # other are about itself now and say so.
    (joined,) = both.responses
    assert (joined.respondent, [s.about for s in joined.stated]) == ("d", ["c", "a"])
    itself = [p.row for p in both.report.warnings if "(een relatie met uzelf)" in str(p)]
    assert len(itself) == 2 and None not in itself


def test_brokers_say_how_many_partners_rest_on_an_unconfirmed_relation(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path)
    read = read_roster_forms(tmp_path, survey_data, received=DAY)

    def unconfirmed(rule: str) -> dict[str, int]:
        table = brokers(record_roster(survey_data, "v", read.responses, rule=rule), "v")
        return dict(zip(table["actor"], table["onbevestigd"], strict=True))

    # Default: confirmed and unknown enter; only a-e (e did not answer) is unconfirmed.
    assert unconfirmed("reconstructie") == dict(a=1, b=0, c=0, d=0, e=1, f=0)
    # Union: the one-sided a-c and a-d enter too.
    assert unconfirmed("unie") == dict(a=3, b=0, c=1, d=1, e=1, f=0)
    assert set(unconfirmed("bevestigd").values()) == {0}


def test_organisations_written_in_as_missing_are_listed_most_named_first(survey_data):
    def added(respondent: str, *texts: str, verband: str = "v") -> RosterResponse:
        return RosterResponse(verband, respondent, DAY, (), (), texts)

    data = survey_data.replace(
        roster_responses=(
            added("a", "Fietsatelier (Gent): herstelt fietsen", "Zeta"),
            added("b", "Fietsatelier (Gent): herstelt fietsen"),
            added("g", "Alleen in Wee", verband="w"),  # another verband's round
        )
    )
    table = roster_additions(data, "v")
    assert table.values.tolist() == [
        ["Fietsatelier (Gent): herstelt fietsen", 2, "Bakkerij Bruno BV; Groep Alfa"],
        ["Zeta", 1, "Groep Alfa"],
    ]


def _problems(folder: Path, data: Dataset, verband: str | None = None) -> list[str]:
    with pytest.raises(LoadError) as caught:
        read_roster_forms(folder, data, verband)
    return [str(p) for p in caught.value.report.errors]


def test_a_form_of_another_verband_is_refused(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path / "v")
    other = _forms(survey_data, tmp_path / "w", "w")
    shutil.copy(other["g"], tmp_path / "v")
    assert any(
        "hoort bij verband 'w', niet bij 'v'" in p
        for p in _problems(tmp_path / "v", survey_data, "v")
    )
    assert any("meer dan één verband" in p for p in _problems(tmp_path / "v", survey_data))
    assert forms  # the folder held v's forms too


def test_an_edited_roster_is_located(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    book = load_workbook(forms["a"])
    sheet = book.worksheets[0]
    sheet["B2"] = "Gemeente Zee"  # a name typed over: a warning, the code counts
    book.save(forms["a"])
    read = read_roster_forms(tmp_path, survey_data)
    (warning,) = [str(p) for p in read.report.warnings]
    assert "rij 2, kolom 'Organisatie' (B): waarschuwing: de naam 'Gemeente Zee'" in warning
    sheet.delete_rows(4)  # VDAB Oost
    book.save(forms["a"])
    problems = _problems(tmp_path, survey_data)
    assert any("code 'e' werd uit de lijst verwijderd" in p for p in problems)


def test_two_forms_of_one_organisation_are_refused(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    shutil.copy(forms["b"], tmp_path / "kopie van b.xlsx")
    assert any(
        "tweede formulier van 'Bakkerij Bruno BV'" in p for p in _problems(tmp_path, survey_data)
    )


def test_a_score_outside_the_scale_is_located(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    _fill(forms["c"], {"d": {**YES, "Vertrouwen: open": 7}})
    (problem,) = _problems(tmp_path, survey_data)
    column = chr(ord("A") + _column("Vertrouwen: open") - 1)
    assert "blad 'Gemeente Cee', rij 2" in problem  # LDE Delta: LDE comes first by type
    assert f"kolom 'Vertrouwen: open' ({column}): 7 ligt buiten de schaal 1 tot 4" in problem


def test_an_added_organisation_already_on_the_list_is_refused(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    _fill(forms["a"], {}, added=["bakkerij bruno bvba"])  # the legal form aside: b
    (problem,) = _problems(tmp_path, survey_data)
    assert "blad 'ontbrekend', rij 2" in problem
    assert "staat al in de lijst als 'Bakkerij Bruno BV' (rij 5 van blad 'Groep Alfa')" in problem


def test_contact_no_with_scores_is_refused(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    _fill(forms["b"], {"a": {"Contact in de laatste 12 maanden": "nee", "Vertrouwen: open": 3}})
    (problem,) = _problems(tmp_path, survey_data)
    assert "'nee' bij contact, maar toch" in problem


def test_a_response_names_its_verband_and_organisation(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    for code in "bcde":
        forms[code].unlink()
    (response,) = read_roster_forms(tmp_path, survey_data, received=DAY).responses
    assert response == RosterResponse("v", "a", DAY, ("c", "d", "e", "b"), (), ())


def test_responses_survive_the_store_and_a_json_export(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path / "ronde")
    read = read_roster_forms(tmp_path / "ronde", survey_data, received=DAY)
    data = record_roster(survey_data, "v", read.responses)
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        store.save(data)
        assert store.load("proef").same_content(data)
    path = export_dataset(data, tmp_path / "uit.json")
    assert load_dataset(path, name="proef").dataset.same_content(data)


def test_a_json_response_no_form_could_give_is_refused(survey_data, tmp_path):
    path = export_dataset(survey_data, tmp_path / "uit.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    stated = {"about": "b", "contact": True, "kinds": ["vriendschap"], "frequency": None}
    stated |= {"trust": [None] * 3, "value": [None] * 3, "wished": False, "reason": None}
    data["roster_responses"] = [
        {"verband_id": "v", "respondent": "a", "received": "2026-12-01", "roster": ["b"]}
        | {"stated": [stated], "added": []}
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_dataset(path, name="proef")
    assert "onbekende soort relatie 'vriendschap'" in str(caught.value.report.errors[0])


def test_an_exported_workbook_keeps_the_responses_and_a_bad_score_is_located(survey_data, tmp_path):
    _filled_round(survey_data, tmp_path / "ronde")
    read = read_roster_forms(tmp_path / "ronde", survey_data, received=DAY)
    data = record_roster(survey_data, "v", read.responses)
    path = export_dataset(data, tmp_path / "uit.xlsx")
    assert load_dataset(path, name="proef").dataset.same_content(data)
    book = load_workbook(path)
    sheet = book["netwerkbevraging"]
    headers = [c.value for c in sheet[1]]
    column = headers.index("vertrouwen_open") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value is not None)
    sheet.cell(row, column, 9)
    book.save(path)
    with pytest.raises(LoadError) as caught:
        load_dataset(path, name="proef")
    (problem,) = [str(p) for p in caught.value.report.errors]
    assert f"blad 'netwerkbevraging', rij {row}, kolom 'vertrouwen_open'" in str(problem)
    assert "9 ligt buiten de schaal 1 tot 4" in str(problem)


def test_answers_in_a_row_without_code_are_pointed_to_the_missing_sheet(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    book = load_workbook(forms["a"])
    sheet = book.worksheets[0]
    sheet.cell(sheet.max_row + 1, _column("Contact in de laatste 12 maanden"), "ja")
    book.save(forms["a"])
    (problem,) = _problems(tmp_path, survey_data)
    assert "rij 6, kolom 'Code' (A): een rij zonder code" in problem
    assert "op het blad 'ontbrekend'" in problem


def test_a_missing_organisation_keeps_its_town_and_reason(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    for code in "bcde":
        forms[code].unlink()
    book = load_workbook(forms["a"])
    book["ontbrekend"].append(["Nieuwe Werkplaats", "Aa", "doet groenonderhoud"])
    book["ontbrekend"].append([None, "Bee", "naam vergeten"])
    book.save(forms["a"])
    (problem,) = _problems(tmp_path, survey_data)
    assert "blad 'ontbrekend', rij 3" in problem and "vul de naam" in problem
    book["ontbrekend"].delete_rows(3)
    book.save(forms["a"])
    (response,) = read_roster_forms(tmp_path, survey_data, received=DAY).responses
    assert response.added == ("Nieuwe Werkplaats (Aa): doet groenonderhoud",)


def test_a_form_listing_an_organisation_no_longer_in_the_dataset_is_refused(survey_data, tmp_path):
    forms = _forms(survey_data, tmp_path)
    for code in "bcde":
        forms[code].unlink()
    smaller = survey_data.replace(actors=tuple(a for a in survey_data.actors if a.id != "e"))
    (problem,) = _problems(tmp_path, smaller)
    assert "code 'e' staat niet meer in de dataset" in problem


def test_two_json_responses_of_one_organisation_are_refused(survey_data, tmp_path):
    path = export_dataset(survey_data, tmp_path / "uit.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    response = {"verband_id": "v", "respondent": "a", "received": "2026-12-01", "roster": ["b"]}
    data["roster_responses"] = [response | {"stated": [], "added": []}] * 2
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_dataset(path, name="proef")
    assert "een tweede antwoord van 'a'" in str(caught.value.report.errors[0])
