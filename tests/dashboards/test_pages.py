"""Every page of the dashboard runs on the demo data (Streamlit's AppTest, no browser)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest
from verbinder.dashboards import labels
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo
from verbinder.queries.ambitions import SCORECARD_COLUMNS
from verbinder.queries.catalogue import catalogue, measure
from verbinder.queries.charts import THIS
from verbinder.queries.presentation import MEASURE_TABLE

APP = str(Path(__file__).resolve().parents[2] / "dashboards" / "app.py")
PAGES = Path(__file__).resolve().parents[2] / "dashboards" / "views"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("dash") / "v.sqlite"
    demo = generate_demo(scale=0.1)
    # One organisation entered twice (another id, no KBO number), for the Dubbels page.
    employer = next(a for a in demo.actors if a.type.value == "werkgever")
    twice = replace(employer, id=f"{employer.id}-dubbel", kbo=None)
    with SQLiteStore(path) as store:
        store.save(demo.replace(actors=(*demo.actors, twice)))
    return path


@pytest.fixture
def app(demo_store, monkeypatch):
    monkeypatch.setenv("VERBINDER_DB", str(demo_store))
    return AppTest.from_file(APP, default_timeout=60)


def test_start_page_shows_reference_facts_and_the_synthetic_banner(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Start"
    assert "Synthetische demodata" in app.warning[0].value
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Inwoners"] == "517.042"  # verbanden sorted by id: antwerpen first
    app.sidebar.selectbox(key="verband").set_value("gent").run()
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["Inwoners"], metrics["Subsidie per jaar"]) == ("257.029", "€ 100.000")


@pytest.mark.parametrize("page", [p for p in labels.PAGES if p != "start"])
def test_every_page_runs_and_heads_its_tables_with_catalogue_names(app, page):
    app.run()
    app.switch_page(str(PAGES / f"{page}.py")).run()
    assert not app.exception, app.exception
    assert app.title[0].value == labels.PAGES[page]
    names = {entry.name for entry in catalogue().values()}
    names |= set(MEASURE_TABLE) | set(SCORECARD_COLUMNS)  # tables presented by the query
    if page in ("verbinders", "schakels", "vergelijken", "dubbels", "bevraging"):
        assert len(app.dataframe) > 0  # the check below has tables to read
    for frame in app.dataframe:
        assert set(frame.value.columns) <= names, (page, list(frame.value.columns))


def test_first_run_offers_the_demo_and_the_way_to_own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("VERBINDER_DB", str(tmp_path / "leeg.sqlite"))
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception
    assert labels.FIRST_RUN in [m.value for m in app.markdown]
    assert app.button(key="start_demo").label == labels.LOAD_DEMO
    app.button(key="start_demo").click().run()
    assert not app.exception
    with SQLiteStore(tmp_path / "leeg.sqlite") as store:
        (info,) = store.datasets()
    assert (info.name, info.synthetic) == ("demo", True)
    assert "Synthetische demodata" in app.warning[0].value  # the verband's figures now
    # Other pages still say what to do on an empty store.
    monkeypatch.setenv("VERBINDER_DB", str(tmp_path / "ander.sqlite"))
    other = AppTest.from_file(APP, default_timeout=60)
    other.run()
    other.switch_page(str(PAGES / "netwerk.py")).run()
    assert "verbinder demo" in other.info[0].value


def test_contact_gelegd_records_a_tie_after_confirmation(tmp_path, monkeypatch):
    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.1))
        ties_before = store.info("demo").counts["relaties"]
    monkeypatch.setenv("VERBINDER_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(str(PAGES / "schakels.py")).run()
    save = app.button(key="schakels_save")
    assert save.disabled  # nothing is written without confirmation
    pair = app.selectbox(key="schakels_pair").value
    app.checkbox(key="schakels_confirm").check().run()
    app.button(key="schakels_save").click().run()
    assert not app.exception
    assert "Relatie bewaard" in app.success[0].value
    assert app.checkbox(key="schakels_confirm").value is False
    with SQLiteStore(path) as store:
        info = store.info("demo")
        saved = store.load("demo")
    assert info.counts["relaties"] == ties_before + 1 and info.version == 2
    tie = saved.ties[-1]
    assert (tie.source, tie.target, tie.kind.value, tie.provenance.value) == (
        pair[0],
        pair[1],
        "samenwerking",
        "manueel",
    )
    shown = app.dataframe[0].value
    names = (saved.actor_by_id[pair[0]].name, saved.actor_by_id[pair[1]].name)
    se, employer = measure("se_naam").name, measure("werkgever_naam").name  # Dutch headings
    assert names not in set(zip(shown[se], shown[employer], strict=True))


def _uploaded(workbook: Path) -> AppTest:
    """The dashboard on the Gegevens page with ``workbook`` uploaded."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(str(PAGES / "gegevens.py")).run()
    app.file_uploader(key="gegevens_upload").upload(
        workbook.name,
        workbook.read_bytes(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ).run()
    return app


def test_a_clean_workbook_imports_as_a_new_dataset(tmp_path, monkeypatch):
    from verbinder.queries.export import export_dataset

    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.05))
    workbook = export_dataset(generate_demo(scale=0.05, name="kopie"), tmp_path / "kopie.xlsx")
    monkeypatch.setenv("VERBINDER_DB", str(path))
    app = _uploaded(workbook)
    assert not app.exception
    assert app.success[0].value == "Geen fouten gevonden."
    app.button(key="gegevens_import").click().run()
    assert app.success[-1].value.startswith("Dataset 'kopie' ingelezen")
    with SQLiteStore(path) as store:
        assert [info.name for info in store.datasets()] == ["demo", "kopie"]
        assert store.load("kopie").same_content(generate_demo(scale=0.05))


def test_a_workbook_of_a_later_cycle_takes_that_cycle_s_verbanden(
    tmp_path, monkeypatch, write_workbook
):
    from verbinder.graphmodel.model import Verband

    path = tmp_path / "v.sqlite"
    noord = Verband("noord", "Verband Noord", municipalities=("Eeklo",), subsidy_eur=50000.0)
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.05))
        store.save_cycle((2020, 2025), (replace(noord, period_start=2020, period_end=2025),))
    actors = [
        ["id", "naam", "type", "gemeente", "verbanden", "betrokkenheid"],
        ["reg", "Regie Noord", "regisseur", "Eeklo", "noord", "zeer actief"],
        ["kw", "Kringwinkel Noord", "LDE", "Eeklo", "noord", "actief"],
    ]
    workbook = write_workbook(
        tmp_path / "noord.xlsx", {"actoren": actors, "relaties": [["bron", "doel", "soort"]]}
    )
    monkeypatch.setenv("VERBINDER_DB", str(path))
    app = _uploaded(workbook)
    choice = app.selectbox(key="gegevens_period")
    assert choice.options == ["2020-2025", "2017-2019"] and choice.value == (2020, 2025)
    assert not app.error, [e.value for e in app.error] + [t.value for t in app.text]
    assert app.success[0].value == "Geen fouten gevonden."
    app.button(key="gegevens_import").click().run()
    assert app.success[-1].value.startswith("Dataset 'noord' ingelezen")
    choice.set_value((2017, 2019)).run()  # the shipped cycle has no verband 'noord'
    assert "'noord' is geen gekend verband" in app.text[0].value
    app.switch_page(str(PAGES / "start.py")).run()
    app.sidebar.selectbox(key="dataset").set_value("noord").run()
    assert "Beleidsperiode: 2020-2025" in [c.value for c in app.caption]


def test_a_confirmed_duplicate_is_merged_and_can_be_undone(tmp_path, monkeypatch):
    from verbinder.graphmodel.model import Actor, Dataset, Membership, Tie, Verband
    from verbinder.graphmodel.types import ActorType, Engagement, TieKind

    member = (Membership("gent", Engagement.GEEN),)
    original = Dataset(
        "d",
        verbanden=(Verband("gent", "Stad Gent"),),
        actors=(
            Actor("hand", "Transport Peeters", ActorType.WERKGEVER, "Gent", memberships=member),
            Actor(
                "kbo-1",
                "Transport Peeters NV",
                ActorType.WERKGEVER,
                "Gent",
                kbo="0403170701",
                memberships=member,
            ),
            Actor("lde", "Kringwinkel", ActorType.LDE, "Gent", memberships=member),
        ),
        ties=(Tie("t1", "lde", "kbo-1", TieKind.DOORSTROOM),),
    )
    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(original)
    monkeypatch.setenv("VERBINDER_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(str(PAGES / "dubbels.py")).run()
    headings = [measure("actor_a").name, measure("actor_b").name]
    assert app.dataframe[0].value[headings].values.tolist() == [["hand", "kbo-1"]]
    assert app.button(key="dubbels_merge").disabled  # nothing without confirmation
    app.checkbox(key="dubbels_confirm").check().run()
    app.button(key="dubbels_merge").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Samengevoegd (samenvoeging-1)")
    with SQLiteStore(path) as store:
        merged = store.load("d")
    assert [a.id for a in merged.actors] == ["hand", "lde"]
    assert merged.actor_by_id["hand"].kbo == "0403170701"
    assert merged.ties[0].target == "hand"
    app.button(key="dubbels_undo_samenvoeging-1").click().run()
    assert app.success[0].value == "samenvoeging-1 ongedaan gemaakt."
    with SQLiteStore(path) as store:
        assert store.load("d").same_content(original)


def _chart_data(chart) -> list:
    """The data sets of a Vega-Lite chart element, as pandas frames."""
    return [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]


def test_vergelijken_draws_a_funnel_with_curved_limits_and_the_chosen_verband(app):
    app.run()
    app.switch_page(str(PAGES / "vergelijken.py")).run()
    app.sidebar.selectbox(key="verband").set_value("gent").run()
    assert not app.exception
    funnel = app.get("vega_lite_chart")[0]
    spec = json.loads(funnel.proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]].count("line") == 4
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    frames = _chart_data(funnel)
    curves = next(f for f in frames if "bovengrens_998" in f.columns)
    # Narrows as the expected count grows (exact Poisson limits wobble a little on the way).
    assert curves["bovengrens_998"].corr(curves["verwacht"], method="spearman") < -0.9
    assert curves["bovengrens_998"].iloc[-1] < curves["bovengrens_998"].iloc[0] / 2
    points = next(f for f in frames if "verband_keuze" in f.columns)
    chosen = points.loc[points["verband_keuze"] == THIS, "verband"]
    assert chosen.tolist() == ["gent"]
    label = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    assert "gent" in json.dumps(label["transform"])  # only the chosen verband is named


def test_the_chosen_verband_stays_across_pages_and_lives_in_the_url(app, demo_store, monkeypatch):
    app.run()
    app.sidebar.selectbox(key="verband").set_value("gent").run()
    for page in ("verbinders", "vergelijken", "schakels", "start"):
        app.switch_page(str(PAGES / f"{page}.py")).run()
        assert app.sidebar.selectbox(key="verband").value == "gent", page
    assert app.query_params["verband"] == "gent"
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.query_params["verband"] = "leuven"  # a copied URL in a new session
    fresh.run()
    assert fresh.sidebar.selectbox(key="verband").value == "leuven"


def test_the_invite_list_is_made_on_request_with_its_tables(app):
    app.run()
    app.switch_page(str(PAGES / "schakels.py")).run()
    before = len(app.dataframe)
    assert labels.PLAN_HINT in [c.value for c in app.caption]
    app.button(key="schakels_make_plan").click().run()
    assert not app.exception
    assert len(app.dataframe) == before + 1
    plan = app.dataframe[-1].value
    assert {"Tafel", "Uitgenodigd als", "Reden"} <= set(plan.columns)
    # Another number of places is another list: asked for again.
    app.number_input(key="schakels_capacity").set_value(10).run()
    assert len(app.dataframe) == before


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _fill_form(content: bytes) -> bytes:
    """A form with contact 'ja' and trust 3 for every organisation on the list, and one
    organisation written in as missing."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, headers.index("Contact in de laatste 12 maanden") + 1, "ja")
        sheet.cell(row, headers.index("Vertrouwen: open") + 1, 3)
    book["ontbrekend"].append(["Fietsatelier Nieuw", "Gent", "herstelt fietsen"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_netwerkbevraging_makes_forms_reads_them_and_shows_the_round(tmp_path, monkeypatch):
    import io
    import zipfile

    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.05))
    monkeypatch.setenv("VERBINDER_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(str(PAGES / "netwerkbevraging.py")).run()
    app.sidebar.selectbox(key="verband").set_value("gent").run()
    assert app.info[-1].value == labels.ROSTER_NONE
    app.button(key="netwerkbevraging_maak").click().run()
    assert app.get("download_button")[0].proto.label == labels.ROSTER_DOWNLOAD
    with SQLiteStore(path) as store:
        data = store.load("demo")
    from verbinder.dashboards.data import roster_forms_zip

    with zipfile.ZipFile(io.BytesIO(roster_forms_zip(data, "gent"))) as archive:
        forms = [(n, archive.read(n)) for n in sorted(archive.namelist())]
    filled = [(name, _fill_form(content), XLSX) for name, content in forms[:3]]
    app.file_uploader(key="netwerkbevraging_upload").set_value(filled).run()
    app.button(key="netwerkbevraging_lees").click().run()
    assert not app.exception, app.exception
    assert app.success[0].value == labels.ROSTER_SAVED.format(count=3, verband="gent")
    # three of the forms answered: far below 70%, so the page warns
    assert any("Slechts" in w.value for w in app.warning)
    names = {entry.name for entry in catalogue().values()} | set(MEASURE_TABLE)
    shown = [set(frame.value.columns) for frame in app.dataframe]
    assert all(columns <= names for columns in shown), shown
    assert any("Bevestigd door beide?" in columns for columns in shown)
    # three forms wrote in the same missing organisation: one row, named three times
    (added,) = [f.value for f in app.dataframe if "Door hoeveel partners genoemd" in f.value]
    assert list(added.iloc[0, :2]) == ["Fietsatelier Nieuw (Gent): herstelt fietsen", 3]
    with SQLiteStore(path) as store:
        responses = store.load("demo").roster_responses
    assert sum(r.verband_id == "gent" for r in responses) == 3
    # the same forms again: nothing changes
    app.file_uploader(key="netwerkbevraging_upload").set_value(filled).run()
    app.button(key="netwerkbevraging_lees").click().run()
    assert app.info[-1].value == labels.ROSTER_UNCHANGED.format(count=3)


def test_a_bad_form_is_located_and_nothing_is_read(tmp_path, monkeypatch):
    import io
    import zipfile

    from openpyxl import load_workbook
    from verbinder.dashboards.data import roster_forms_zip

    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.05))
        data = store.load("demo")
    with zipfile.ZipFile(io.BytesIO(roster_forms_zip(data, "gent"))) as archive:
        name = sorted(archive.namelist())[0]
        book = load_workbook(io.BytesIO(archive.read(name)))
    book.worksheets[0].delete_rows(2)  # the first organisation of the list
    out = io.BytesIO()
    book.save(out)
    monkeypatch.setenv("VERBINDER_DB", str(path))
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(str(PAGES / "netwerkbevraging.py")).run()
    app.sidebar.selectbox(key="verband").set_value("gent").run()
    app.file_uploader(key="netwerkbevraging_upload").set_value((name, out.getvalue(), XLSX)).run()
    app.button(key="netwerkbevraging_lees").click().run()
    assert app.error[0].value == labels.ROSTER_NOTHING_READ
    assert "werd uit de lijst verwijderd" in app.text[0].value
    with SQLiteStore(path) as store:
        assert store.load("demo").same_content(data)


def test_verbinders_shows_trust_and_value_where_the_partners_answered(app):
    app.run()
    app.switch_page(str(PAGES / "verbinders.py")).run()
    app.sidebar.selectbox(key="verband").set_value("kina").run()  # in the demo's survey round
    assert not app.exception
    assert labels.ROSTER_SCORES in [s.value for s in app.subheader]
    scores = app.dataframe[-1].value
    assert {"Vertrouwen (1-4)", "Meerwaarde (1-4)", "Beoordeeld door"} <= set(scores.columns)
    app.sidebar.selectbox(key="verband").set_value("gent").run()  # no survey there
    assert labels.ROSTER_SCORES not in [s.value for s in app.subheader]


def test_the_first_dataset_is_loaded_before_the_first_visitor_comes(tmp_path, monkeypatch):
    from verbinder.dashboards import data

    path = tmp_path / "twee.sqlite"
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.02))
        store.save(generate_demo(scale=0.02).replace(name="zzz"))
    monkeypatch.setenv("VERBINDER_DB", str(path))
    data.warm_first_dataset()
    loaded = []
    monkeypatch.setattr(SQLiteStore, "load", lambda self, name: loaded.append(name))
    first, last = data.datasets()
    assert data.dataset(first).name == "demo"  # from the cache: the store is not read
    data.dataset(last)
    assert loaded == ["zzz"]  # the others load when asked
