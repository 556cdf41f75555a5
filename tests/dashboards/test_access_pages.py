"""The dashboard in a shared installation: login, and every page keeps to the user's rights
(issue #7, point 4). Streamlit's AppTest plays the signed-in user (``AppTest.user``); the
identity provider itself is outside our reach, so no OIDC server runs here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from verbinder.dashboards import labels
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo
from verbinder.queries.export import export_dataset

APP = str(Path(__file__).resolve().parents[2] / "dashboards" / "app.py")
PAGES = Path(__file__).resolve().parents[2] / "dashboards" / "views"
ALL_PAGES = list(labels.PAGES)


def _with_contacts(data):
    return data.replace(
        actors=tuple(
            replace(a, contact_name=f"Persoon {i}", contact_email=f"p{i}@x.be")
            for i, a in enumerate(data.actors)
        )
    )


@pytest.fixture(scope="module")
def shared(tmp_path_factory, roles_text):
    folder = tmp_path_factory.mktemp("gedeeld")
    data = _with_contacts(generate_demo(scale=0.1))
    with SQLiteStore(folder / "v.sqlite") as store:
        store.save(data)
    (folder / "rollen.toml").write_text(roles_text, encoding="utf-8")
    return folder, data


def _app(shared, monkeypatch, user: dict) -> AppTest:
    folder, _ = shared
    monkeypatch.setenv("VERBINDER_DB", str(folder / "v.sqlite"))
    monkeypatch.setenv("VERBINDER_ROLLEN", str(folder / "rollen.toml"))
    app = AppTest.from_file(APP, default_timeout=60)
    app.user = user
    return app


def _shown(app: AppTest) -> str:
    """Everything the run put on the page, as protobuf text (tables, options, html, text)."""
    parts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    return "\n".join(parts)


def _foreign_names(data, verband: str) -> list[str]:
    """Names of organisations outside ``verband`` that no member of it also carries."""
    own = {a.name for a in data.members_of(verband)}
    return sorted({a.name for a in data.actors if verband not in a.verbanden} - own)


def test_nobody_signed_in_sees_nothing_and_is_told_why(shared, monkeypatch):
    app = _app(shared, monkeypatch, {"is_logged_in": False})
    app.run()
    assert not app.exception
    assert "aanmelden is niet ingesteld" in app.error[0].value
    assert not app.metric and not app.dataframe


def test_an_unknown_user_is_refused(shared, monkeypatch):
    app = _app(shared, monkeypatch, {"is_logged_in": True, "email": "eve@elders.be"})
    app.run()
    assert not app.exception
    assert "'eve@elders.be' staat niet in het rollenbestand" in app.error[0].value
    assert not app.metric and not app.dataframe


@pytest.mark.parametrize("page", ALL_PAGES)
def test_a_regisseur_sees_only_their_verband_on_every_page(shared, monkeypatch, page):
    _, data = shared
    app = _app(shared, monkeypatch, {"is_logged_in": True, "email": "an@gent.be"})
    app.run()
    assert app.sidebar.selectbox(key="verband").options == ["gent - Stad Gent"]
    assert app.sidebar.caption[-1].value == "an@gent.be: regisseur van gent."
    if page != "start":
        app.switch_page(str(PAGES / f"{page}.py")).run()
    assert not app.exception, app.exception
    assert app.title[0].value != "Verbinder"
    shown = _shown(app)
    foreign = _foreign_names(data, "gent")
    assert len(foreign) > 100  # the check below has something to find
    leaked = [name for name in foreign if name in shown]
    assert not leaked, leaked[:5]
    if page == "verbinders":  # positive control: names in a table are found by this check
        assert sum(a.name in shown for a in data.members_of("gent")) > 10


def test_an_analist_gets_the_aggregated_pages_only(shared, monkeypatch):
    _, data = shared
    employers = {a.name for a in data.actors if a.type.value == "werkgever"}
    app = _app(shared, monkeypatch, {"is_logged_in": True, "email": "wse@vlaanderen.be"})
    app.run()
    assert not app.exception
    assert len(app.sidebar.selectbox(key="verband").options) == 32
    for page in ("start", "vergelijken", "bevraging"):
        app.switch_page(str(PAGES / f"{page}.py")).run()
        assert not app.exception, app.exception
        shown = _shown(app)
        assert "Persoon " not in shown and "@x.be" not in shown
        assert not [name for name in employers if name in shown]
    for page in ("netwerk", "verbinders", "schakels"):
        # Not in the analist's navigation, so not reachable (the queries behind them refuse
        # an analist too: tests/queries/test_permissions.py).
        with pytest.raises(ValueError, match="navigation page"):
            app.switch_page(str(PAGES / f"{page}.py"))


def test_a_regisseur_import_outside_their_verband_is_refused_and_changes_nothing(
    shared, monkeypatch, tmp_path
):
    folder, data = shared
    workbook = export_dataset(generate_demo(scale=0.05, name="demo"), tmp_path / "alles.xlsx")
    app = _app(shared, monkeypatch, {"is_logged_in": True, "email": "an@gent.be"})
    app.run()
    app.switch_page(str(PAGES / "gegevens.py")).run()
    app.file_uploader(key="gegevens_upload").upload(
        "alles.xlsx",
        workbook.read_bytes(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ).run()
    app.text_input(key="gegevens_name").set_value("demo").run()
    app.checkbox(key="gegevens_replace").check().run()
    app.button(key="gegevens_import").click().run()
    assert not app.exception
    assert "Deze wijziging valt buiten uw verbanden (gent)" in app.error[0].value
    with SQLiteStore(folder / "v.sqlite") as store:
        assert store.dataset_version("demo") == 1
        assert store.load("demo").same_content(data)


def test_with_login_configured_a_visitor_gets_the_sign_in_button_and_no_data(shared, monkeypatch):
    app = _app(shared, monkeypatch, {"is_logged_in": False})
    app.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "geheim",
        "client_id": "verbinder",
        "client_secret": "geheim",
        "server_metadata_url": "https://login.example/.well-known/openid-configuration",
    }
    app.run()
    assert not app.exception
    assert [b.label for b in app.button] == ["Aanmelden"] and not app.error
    assert not app.metric and not app.dataframe and not app.sidebar.selectbox
