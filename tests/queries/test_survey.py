"""The regie survey: form, batch loader, dashboard page, the 2018 comparison and the check
against the network (issue #8)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from verbinder.graphmodel.model import Actor, Dataset, Membership, Tie, Verband
from verbinder.graphmodel.store import SQLiteStore
from verbinder.graphmodel.survey import PARTNERS, SurveyAnswer
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.loaders import LoadError
from verbinder.loaders.survey import SURVEY_COLUMNS, load_survey_answers, write_survey_form
from verbinder.queries.survey import (
    survey_disagreements,
    survey_distribution,
    survey_table,
    survey_vs_2018,
)

from verbinder.cli import main

E = Engagement
DAY = date(2026, 11, 22)
ROW = {
    "verband": "gent",
    "datum": "22/11/2026",
    **{f"rol_{k}": "passief" for k in PARTNERS},
    "rol_stad_gemeenten": "zeer actief",
    "rol_provincie": "actief",
    "rol_sociale_partners": "geen",
    "besturen_constructief": "alle",
    "besturen_ondersteund": "groot deel",
    "besturen_administratief": "groot deel",
    "besturen_politiek": "klein deel",
    "tijd_coproducent": "10",
    "tijd_coordinator": "45,5",
    "tijd_facilitator": "34,5",
    "tijd_promotor": "10",
    "tijd_andere": "0",
    "reikwijdte": "meer_se",
    "beleidsvisie": "grootste_deel",
}
EXPECTED = SurveyAnswer(
    "gent",
    DAY,
    {k: E.PASSIEF for k in PARTNERS}
    | {"stad_gemeenten": E.ZEER_ACTIEF, "provincie": E.ACTIEF, "sociale_partners": E.GEEN},
    {"constructief": 3, "ondersteund": 2, "administratief": 2, "politiek": 1},
    {
        "coproducent": 10.0,
        "coordinator": 45.5,
        "facilitator": 34.5,
        "promotor": 10.0,
        "andere": 0.0,
    },
    "meer_se",
    "grootste_deel",
)


def _filled(path: Path, rows: list[dict]) -> Path:
    write_survey_form(path, [r["verband"] for r in rows])
    book = load_workbook(path)
    sheet = book["bevraging"]
    headers = [c.value for c in sheet[1]]
    for number, row in enumerate(rows, start=2):
        for column, header in enumerate(headers, start=1):
            sheet.cell(number, column).value = row.get(header)
    book.save(path)
    return path


def test_the_form_filled_offline_loads_as_typed(tmp_path):
    answers, _ = load_survey_answers(_filled(tmp_path / "b.xlsx", [ROW]))
    assert answers == [EXPECTED]
    assert [c.header for c in SURVEY_COLUMNS][:3] == ["verband", "datum", "rol_stad_gemeenten"]


def test_every_problem_of_a_batch_is_located_and_nothing_loads(tmp_path):
    bad = dict(
        ROW,
        verband="brugge",
        rol_provincie="heel actief",
        besturen_politiek="sommige",
        tijd_andere="20",
    )
    again = dict(ROW)
    path = _filled(tmp_path / "b.xlsx", [ROW, bad, again])
    with pytest.raises(LoadError) as caught:
        load_survey_answers(path)
    found = [(p.row, p.column, p.message) for p in caught.value.report.errors]
    assert (3, "'rol_provincie' (J)", found[0][2]) == found[0]
    assert "heel actief" in found[0][2]
    assert (
        3,
        "'besturen_politiek' (P)",
        "'sommige' is geen keuze; kies geen, klein deel, groot deel, alle",
    ) in found
    assert (3, None, "de tijd over de rollen telt op tot 120%, niet tot 100%") in found
    assert (4, "'verband' (A)", "'gent' werd al beantwoord op rij 2") in found
    assert len(found) == 4


def test_a_survey_round_trips_through_the_store(store):
    data = Dataset("d", verbanden=(Verband("gent", "Stad Gent"),), surveys=(EXPECTED,))
    store.save(data)
    assert store.load("d").surveys == (EXPECTED,)


def _answer(verband: str, **engagement: Engagement) -> SurveyAnswer:
    return SurveyAnswer(
        verband,
        DAY,
        {k: E.PASSIEF for k in PARTNERS} | engagement,
        {
            "constructief": 1 if verband == "a" else 3,
            "ondersteund": 2,
            "administratief": 2,
            "politiek": 2,
        },
        {
            "coproducent": 20.0,
            "coordinator": 40.0,
            "facilitator": 30.0,
            "promotor": 10.0,
            "andere": 0.0,
        },
        "verplicht",
        "alle",
    )


def test_the_2018_figures_stand_next_to_the_same_measure_now():
    answers = (
        _answer("a", sociale_partners=E.GEEN, provincie=E.ACTIEF, stad_gemeenten=E.ZEER_ACTIEF),
        _answer("b", sociale_partners=E.GEEN),
        _answer("c", provincie=E.ZEER_ACTIEF),
        _answer("d"),
    )
    table = survey_vs_2018(Dataset("d", surveys=answers)).set_index("antwoord")
    # Hand counts over four verbanden: social partners 'geen' in a, b (2/4); passive in c, d
    # (2/4); province actief or zeer actief in a, c (2/4); municipalities voortrekker in a
    # (1/4); 'constructief met een klein deel' in a (1/4); coordinator + facilitator 70% each.
    assert table.loc["geen rol", "aandeel_nu"] == 0.5
    assert table.loc["passieve rol", "aandeel_nu"] == 0.5
    assert table.loc["actief of zeer actief", "aandeel_nu"] == 0.5
    assert table.loc["zeer actief (voortrekker)", "aandeel_nu"] == 0.25
    assert table.loc["constructief met slechts een klein deel", "aandeel_nu"] == 0.25
    assert table.loc[
        "coördinator + facilitator (gemiddeld aandeel van de tijd)", "aandeel_nu"
    ] == pytest.approx(0.70)
    assert table.loc["geen rol", "aandeel_2018"] == 0.48
    assert (table["verbanden_nu"] == 4).all()
    spread = survey_distribution(Dataset("d", surveys=answers))
    assert spread.loc["Provinciebestuur"].tolist() == [0, 2, 1, 1]
    table = survey_table(Dataset("d", surveys=answers)).set_index("verband")
    assert list(table.index) == ["a", "b", "c", "d"]
    assert table.loc["a", "rol_provincie"] == "actief"
    assert table.loc["a", "besturen_constructief"] == "klein deel"
    assert table.loc["b", "besturen_constructief"] == "alle"
    assert table.loc["c", "tijd_coordinator"] == 40.0


def test_the_network_is_checked_against_the_answer():
    member = lambda level: (Membership("gent", level),)  # noqa: E731
    data = Dataset(
        "d",
        verbanden=(Verband("gent", "Stad Gent"),),
        actors=(
            Actor("reg", "Regie Gent", ActorType.REGISSEUR, memberships=member(E.ZEER_ACTIEF)),
            Actor("prov", "Provincie", ActorType.PROVINCIE, memberships=member(E.ACTIEF)),
            Actor("voka", "Voka", ActorType.WERKGEVERSORGANISATIE, memberships=member(E.ACTIEF)),
            Actor("stad", "Stad Gent", ActorType.GEMEENTE, memberships=member(E.PASSIEF)),
        ),
        ties=(Tie("t1", "reg", "stad", TieKind.OVERLEG),),
        surveys=(EXPECTED,),  # stad zeer actief, provincie actief, sociale partners geen
    )
    found = survey_disagreements(data, "gent").set_index("partner")["melding"].to_dict()
    assert found == {
        "Stad / Gemeenten": "de bevraging zegt actief, het netwerk niet",
        "Sociale partners (werkgevers- en werknemersorganisaties)": (
            "de bevraging zegt geen rol, maar actief: Voka"
        ),
        "Provinciebestuur": "actief volgens de bevraging, maar geen relatie met de regisseur "
        "in het netwerk",
    }


def test_answered_in_the_dashboard_or_on_the_form_gives_the_same_stored_answer(
    tmp_path, monkeypatch
):
    from streamlit.testing.v1 import AppTest
    from verbinder.graphmodel.reference import reference_verbanden

    gent = next(v for v in reference_verbanden() if v.id == "gent")
    base = Dataset("d", verbanden=(gent,))
    for name in ("dashboard", "formulier"):
        with SQLiteStore(tmp_path / f"{name}.sqlite") as store:
            store.save(base)
    form = _filled(tmp_path / "b.xlsx", [dict(ROW, datum=date.today().strftime("%d/%m/%Y"))])
    loaded = CliRunner().invoke(
        main,
        ["--db", str(tmp_path / "formulier.sqlite"), "survey-import", str(form), "--dataset", "d"],
    )
    assert loaded.exit_code == 0, loaded.output

    monkeypatch.setenv("VERBINDER_DB", str(tmp_path / "dashboard.sqlite"))
    root = Path(__file__).resolve().parents[2]
    app = AppTest.from_file(str(root / "dashboards" / "app.py"), default_timeout=60)
    app.run()
    app.switch_page(str(root / "dashboards" / "views" / "bevraging.py")).run()
    for key in PARTNERS:
        app.selectbox(key=f"bevraging_rol_{key}").set_value(ROW[f"rol_{key}"])
    for key in ("constructief", "ondersteund", "administratief", "politiek"):
        app.selectbox(key=f"bevraging_besturen_{key}").set_value(ROW[f"besturen_{key}"])
    for key in ("coproducent", "coordinator", "facilitator", "promotor", "andere"):
        app.number_input(key=f"bevraging_tijd_{key}").set_value(
            float(ROW[f"tijd_{key}"].replace(",", "."))
        )
    app.selectbox(key="bevraging_reikwijdte").set_value("meer_se")
    app.selectbox(key="bevraging_beleidsvisie").set_value("grootste_deel")
    app.button(key="bevraging_opslaan").click().run()
    assert not app.exception
    assert app.success[0].value == "Antwoord voor gent bewaard."
    with (
        SQLiteStore(tmp_path / "dashboard.sqlite") as a,
        SQLiteStore(tmp_path / "formulier.sqlite") as b,
    ):
        assert a.load("d").surveys == b.load("d").surveys
        assert a.load("d").surveys[0].engagement["provincie"] is E.ACTIEF


def test_a_regisseur_imports_only_their_own_answer(tmp_path, roles_text):
    from verbinder.graphmodel.reference import reference_verbanden

    verbanden = tuple(v for v in reference_verbanden() if v.id in ("gent", "brugge"))
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        store.save(Dataset("d", verbanden=verbanden))
    roles = tmp_path / "rollen.toml"
    roles.write_text(roles_text, encoding="utf-8")
    form = _filled(tmp_path / "b.xlsx", [dict(ROW, verband="brugge")])
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(tmp_path / "v.sqlite"),
            "--rollen",
            str(roles),
            "--gebruiker",
            "an@gent.be",
            "survey-import",
            str(form),
            "--dataset",
            "d",
        ],
    )
    assert result.exit_code == 1
    assert "geen verband van deze dataset: brugge" in result.output  # not in what An sees
