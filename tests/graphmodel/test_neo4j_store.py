"""The Neo4j store over the real Bolt protocol: ArcadeDB started by the tests, or a genuine
Neo4j 5 when NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) is set."""

from __future__ import annotations

import contextlib
import random
import sys
import uuid
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.jsoncodec import dataset_from_dict, dataset_to_dict
from verbinder.graphmodel.model import Membership, Participation, Tie
from verbinder.graphmodel.store import (
    DatasetExistsError,
    DatasetNotFoundError,
    SQLiteStore,
    StoreError,
)
from verbinder.graphmodel.store.neo4j import Neo4jStore, _server_rows
from verbinder.graphmodel.store.neo4j_plan import diff_steps, new_rows
from verbinder.graphmodel.types import Engagement, TieKind
from verbinder.loaders.demo import generate_demo

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import bolt_server


@pytest.fixture
def store(bolt):
    with Neo4jStore(**bolt) as opened:
        yield opened


def _unique(dataset):
    return dataset.replace(name=f"t-{uuid.uuid4().hex[:8]}")


def _environment(bolt: dict[str, str]) -> dict[str, str]:
    """The NEO4J_* variables that point the CLI at the test's Bolt server."""
    return {f"NEO4J_{key.upper()}": bolt[key] for key in ("uri", "user", "password", "database")}


def test_tiny_dataset_round_trips_exactly(store, tiny):
    dataset = _unique(tiny)
    info = store.save(dataset)
    assert info.counts == {
        "actoren": 5,
        "relaties": 4,
        "verbanden": 2,
        "evenementen": 1,
        "deelnames": 2,
    }
    assert store.load(dataset.name).replace(created=None) == dataset
    assert store.load(dataset.name).actor_by_id["wg"].contact_name == "Zoë Peeters"


def test_demo_round_trips_and_saving_again_duplicates_nothing(store):
    dataset = _unique(generate_demo(scale=0.05))
    first = store.save(dataset)
    assert store.load(dataset.name).same_content(dataset)
    with pytest.raises(DatasetExistsError):
        store.save(dataset)
    second = store.save(dataset, replace=True)
    assert second.version == first.version + 1
    assert (
        second.counts
        == first.counts
        == {
            "actoren": len(dataset.actors),
            "relaties": len(dataset.ties),
            "verbanden": 32,
            "evenementen": len(dataset.events),
            "deelnames": len(dataset.participations),
        }
    )


def _tie_to_nobody(dataset):
    return dataset.replace(ties=(*dataset.ties, Tie("bad", "reg", "nobody", TieKind.OVERLEG)))


def _membership_of_no_verband(dataset):
    first = dataset.actors[0]
    broken = replace(
        first, memberships=(*first.memberships, Membership("nergens", Engagement.ACTIEF))
    )
    return dataset.replace(actors=(broken, *dataset.actors[1:]))


def _attendance_by_nobody(dataset):
    event = dataset.events[0].id
    return dataset.replace(participations=(*dataset.participations, Participation(event, "nobody")))


def _two_actors_with_one_id(dataset):
    return dataset.replace(actors=(*dataset.actors, replace(dataset.actors[1], name="Ander")))


@pytest.mark.parametrize(
    "breaking",
    [_tie_to_nobody, _membership_of_no_verband, _attendance_by_nobody, _two_actors_with_one_id],
)
def test_a_failed_write_leaves_the_previous_version(store, tiny, breaking):
    dataset = _unique(tiny)
    store.save(dataset)
    broken = breaking(dataset).replace(description="nieuw")
    with pytest.raises(StoreError, match="niet samenhangend"):
        store.save(broken, replace=True)
    kept = store.load(dataset.name)
    assert kept.replace(created=None) == dataset
    assert store.info(dataset.name).version == 1


def test_names_with_quotes_are_parameters_not_cypher(store, tiny):
    hostile = tiny.replace(name="x'}) DETACH DELETE n //\"")
    store.save(hostile)
    assert store.load(hostile.name).same_content(tiny)
    store.delete(hostile.name)
    with pytest.raises(DatasetNotFoundError):
        store.load(hostile.name)
    assert store.history(hostile.name)[-1].action == "verwijderd"


HOSTILE = "'\"`;$x{}) DETACH DELETE n // '); DROP TABLE actors; -- \\ \u202e\u200b<b>"
CODED = {"type", "provenance", "created", "valid_from", "valid_to", "date", "format", "sha256"}


def _hostile(value, key=None, in_ties=False):
    """Every free text of the dataset (ids and the references to them included) with HOSTILE
    appended; coded values (types, dates, the tie kind) stay as they are."""
    if isinstance(value, dict):
        return {
            k: v if in_ties and k == "kind" else _hostile(v, k, in_ties or k == "ties")
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_hostile(v, key, in_ties) for v in value]
    if isinstance(value, str) and key not in CODED:
        return value + HOSTILE
    return value


def test_hostile_text_in_every_field_round_trips_through_both_stores(store, tiny, tmp_path):
    dataset = dataset_from_dict(_hostile(dataset_to_dict(_unique(tiny), include_personal=True)))
    assert dataset.ties[0].source.endswith(HOSTILE) and dataset.events[0].name.endswith(HOSTILE)
    store.save(dataset)
    assert store.load(dataset.name).replace(created=None) == dataset.replace(created=None)
    with SQLiteStore(tmp_path / "v.sqlite") as local:
        local.save(dataset)
        assert local.load(dataset.name).replace(created=None) == dataset.replace(created=None)


def test_forget_erases_personal_data_on_the_server_too(bolt, store, tiny, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from verbinder.cli import main

    for key, value in bolt.items():
        monkeypatch.setenv(f"NEO4J_{key.upper()}", value)
    dataset = _unique(tiny)
    store.save(dataset)
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "v.sqlite"), "forget", "--actor", "wg"]
    )
    assert result.exit_code == 0, result.output
    assert f"{bolt['uri']}: persoonsgegevens van 'wg' gewist" in result.output
    actor = store.load(dataset.name).actor_by_id["wg"]
    assert (actor.contact_name, actor.contact_email) == (None, None)
    assert store.history(dataset.name)[-1].action == "persoonsgegevens vergeten"


def test_wrong_password_and_no_server_give_one_clear_message(bolt):
    with pytest.raises(StoreError, match="weigert de gebruiker of het wachtwoord"):
        Neo4jStore(bolt["uri"], bolt["user"], "fout-wachtwoord", bolt["database"])
    with pytest.raises(StoreError, match="niet bereikbaar"):
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", "x", "neo4j")


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=10)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    description=text,
    note=st.none() | text,
    weight=st.floats(0.001, 1e6),
    fte=st.none() | st.floats(0, 1e6),
)
def test_values_round_trip(store, tiny, description, note, weight, fte):
    actors = tuple(
        a.__class__(**{**vars(a), "fte": fte}) if a.id == "mwb" else a for a in tiny.actors
    )
    ties = tuple(t.__class__(**{**vars(t), "note": note, "weight": weight}) for t in tiny.ties)
    dataset = _unique(tiny.replace(actors=actors, ties=ties, description=description))
    store.save(dataset)
    assert store.load(dataset.name).replace(created=None) == dataset.replace(created=None)
    store.delete(dataset.name)


def test_created_is_kept_in_utc(store, tiny):
    from datetime import datetime

    dataset = _unique(tiny.replace(created=datetime(2024, 5, 1, 12, 0, tzinfo=UTC)))
    store.save(dataset)
    assert store.load(dataset.name).created == dataset.created


def test_push_and_pull_show_progress_on_a_terminal_only(bolt, tmp_path, tiny, in_terminal):
    from click.testing import CliRunner
    from verbinder.graphmodel.store import SQLiteStore

    from verbinder.cli import main

    name = f"t-{uuid.uuid4().hex[:8]}"
    with SQLiteStore(tmp_path / "a.sqlite") as local:
        local.save(tiny.replace(name=name))
    env = _environment(bolt)
    code, output = in_terminal(["--db", str(tmp_path / "a.sqlite"), "push", "--dataset", name], env)
    assert code == 0, output
    assert "Rijen naar Neo4j schrijven: [" in output and "] 100%" in output
    pulled = CliRunner().invoke(
        main, ["--db", str(tmp_path / "b.sqlite"), "pull", "--dataset", name], env=env
    )
    assert pulled.exit_code == 0, pulled.output
    assert "lokaal bewaard" in pulled.output and "lezen" not in pulled.output  # no bar in a pipe


def test_push_then_pull_through_the_cli(bolt, tmp_path, tiny):
    from click.testing import CliRunner
    from verbinder.graphmodel.store import SQLiteStore

    from verbinder.cli import main

    name = f"t-{uuid.uuid4().hex[:8]}"
    with SQLiteStore(tmp_path / "a.sqlite") as local:
        local.save(tiny.replace(name=name))
    env = _environment(bolt)
    runner = CliRunner()
    pushed = runner.invoke(
        main, ["--db", str(tmp_path / "a.sqlite"), "push", "--dataset", name], env=env
    )
    assert pushed.exit_code == 0, pushed.output
    again = runner.invoke(
        main, ["--db", str(tmp_path / "a.sqlite"), "push", "--dataset", name], env=env
    )
    assert again.exit_code == 1 and "bestaat al" in again.output
    pulled = runner.invoke(
        main, ["--db", str(tmp_path / "b.sqlite"), "pull", "--dataset", name], env=env
    )
    assert pulled.exit_code == 0, pulled.output
    with SQLiteStore(tmp_path / "b.sqlite") as other:
        assert other.load(name).same_content(tiny)
    down = runner.invoke(
        main,
        ["--db", str(tmp_path / "a.sqlite"), "push", "--dataset", name],
        env={**env, "NEO4J_URI": "bolt://127.0.0.1:1"},
    )
    assert down.exit_code == 1 and "niet bereikbaar" in down.output


def test_server_side_queries_equal_the_in_memory_ones(store):
    import math

    from verbinder.queries.profile import verband_profile
    from verbinder.queries.report import verband_report
    from verbinder.queries.server_side import server_counts, server_density, server_verband_graph
    from verbinder.queries.view import filtered_network

    dataset = _unique(generate_demo(scale=0.05))
    store.save(dataset)
    density = server_density(store, dataset.name).set_index("verband")
    assert len(density) == 32
    counts = server_counts(store, dataset.name)
    for verband in (v.id for v in dataset.verbanden):
        measures = verband_profile(dataset, verband).measures
        assert density.loc[verband, "actoren"] == measures["actoren"]
        assert density.loc[verband, "dichtheid"] == pytest.approx(measures["dichtheid"])
        expected = measures["dichtheid_se_regulier"]
        got = density.loc[verband, "dichtheid_se_regulier"]
        assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)
    for verband in ("gent", "meetjesland", "kina"):
        table = verband_report(dataset, verband).engagement_by_type
        mine = counts[counts["verband"] == verband]
        for row in mine.itertuples():
            assert table.loc[row.type].iloc[row.engagement] == row.n
        assert mine["n"].sum() == verband_report(dataset, verband).n_actors
        server_graph = server_verband_graph(store, dataset.name, verband)
        local = filtered_network(dataset, verband)
        assert set(server_graph) == set(local)
        assert {k for *_, k in server_graph.edges(keys=True)} == {
            k for *_, k in local.edges(keys=True)
        }


def test_cli_and_dashboard_work_on_neo4j_by_configuration_alone(bolt, store, monkeypatch):
    from click.testing import CliRunner
    from streamlit.testing.v1 import AppTest

    from verbinder.cli import main

    dataset = _unique(generate_demo(scale=0.05))
    store.save(dataset)
    env = {"VERBINDER_STORE": "neo4j", **_environment(bolt)}
    report = CliRunner().invoke(
        main, ["report", "--dataset", dataset.name, "--verband", "gent"], env=env
    )
    assert report.exit_code == 0, report.output
    assert "Inwoners:        257.029" in report.output
    listing = CliRunner().invoke(main, ["datasets"], env=env)
    assert dataset.name in listing.output and bolt["uri"] in listing.output
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    app = AppTest.from_file(
        str(Path(__file__).resolve().parents[2] / "dashboards" / "app.py"), default_timeout=60
    )
    app.run()
    app.sidebar.selectbox(key="dataset").set_value(dataset.name).run()
    app.sidebar.selectbox(key="verband").set_value("gent").run()
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Inwoners"] == "257.029"


def test_push_pull_of_the_demo_is_identical_and_pushing_again_changes_nothing(
    bolt, store, tmp_path
):
    from click.testing import CliRunner
    from verbinder.graphmodel.store import SQLiteStore

    from verbinder.cli import main

    dataset = _unique(generate_demo(scale=0.05))
    with SQLiteStore(tmp_path / "a.sqlite") as local:
        local.save(dataset)
    env = _environment(bolt)
    runner = CliRunner()
    push = ["--db", str(tmp_path / "a.sqlite"), "push", "--dataset", dataset.name, "--vervang"]
    assert runner.invoke(main, push, env=env).exit_code == 0
    version = store.info(dataset.name).version
    again = runner.invoke(main, push, env=env)
    assert "niets gewijzigd" in again.output
    assert store.info(dataset.name).version == version
    pull = ["--db", str(tmp_path / "b.sqlite"), "pull", "--dataset", dataset.name]
    assert runner.invoke(main, pull, env=env).exit_code == 0
    with SQLiteStore(tmp_path / "b.sqlite") as other:
        assert other.load(dataset.name).same_content(dataset)


def _edited(dataset, rnd: random.Random):
    """``dataset`` after a regisseur's week: actors removed (with their ties and attendance),
    renamed, moved, added; memberships changed; ties removed, added and reordered."""
    gone = set(rnd.sample([a.id for a in dataset.actors], rnd.randint(0, 4)))
    actors = [
        replace(a, name=a.name + " (nieuw)") if rnd.random() < 0.2 else a
        for a in dataset.actors
        if a.id not in gone
    ]
    for _ in range(rnd.randint(0, 3)):
        actors.insert(
            rnd.randint(0, len(actors)),
            replace(rnd.choice(actors), id=f"nieuw-{rnd.getrandbits(40):x}"),
        )
    if actors and rnd.random() < 0.5:
        actors.insert(rnd.randint(0, len(actors)), actors.pop(rnd.randrange(len(actors))))
    actors = [
        replace(a, memberships=a.memberships[:1]) if rnd.random() < 0.1 else a for a in actors
    ]
    ids = [a.id for a in actors]
    ties = [
        t
        for t in dataset.ties
        if t.source not in gone and t.target not in gone and rnd.random() > 0.1
    ]
    for _ in range(rnd.randint(0, 5)):
        source, target = rnd.sample(ids, 2)
        ties.insert(
            rnd.randint(0, len(ties)),
            Tie(f"t-{rnd.getrandbits(40):x}", source, target, TieKind.OVERLEG),
        )
    if len(ties) > 1 and rnd.random() < 0.5:
        ties.insert(rnd.randint(0, len(ties)), ties.pop(rnd.randrange(len(ties))))
    participations = tuple(p for p in dataset.participations if p.actor_id not in gone)
    return dataset.replace(actors=tuple(actors), ties=tuple(ties), participations=participations)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(0, 2**32 - 1))
def test_saving_an_edited_dataset_writes_the_difference_and_gives_it_back(store, seed):
    rnd = random.Random(seed)
    before = _unique(generate_demo(scale=0.005, seed=seed % 1000))
    after = _edited(_edited(before, rnd), rnd)
    store.save(before)
    store.save(after, replace=True)
    assert store.load(before.name).replace(created=None) == after.replace(created=None)
    # What the server holds is now exactly what a save of `after` would write.
    with store._driver.session(database=store.database) as session:
        held = session.execute_read(_server_rows, before.name)
    assert diff_steps(held, new_rows(after)[1]) == []
    store.delete(before.name)


def test_killing_the_server_during_a_push_leaves_the_old_or_the_new_dataset(tmp_path, tiny):
    # Runs on a Bolt server of its own (even when NEO4J_URI points elsewhere): it kills it.
    import os
    import signal
    import threading
    import time

    folder, password = tmp_path / "data", "kill-test"
    server = bolt_server.start(folder=folder, password=password)
    old = tiny.replace(name="crash")
    new = generate_demo(scale=0.3, name="crash")
    try:
        for delay in (0.2, 0.8, 1.6):
            with Neo4jStore(
                server.uri, server.user, password, server.database, retry_seconds=1.0
            ) as store:
                store.save(old, replace=True)
                writer = threading.Thread(
                    target=lambda s=store: _ignore_errors(s.save, new, replace=True)
                )
                writer.start()
                time.sleep(delay)
                os.kill(server.process.pid, signal.SIGKILL)
                server.process.wait(timeout=20)
                writer.join(timeout=60)
            server = bolt_server.start(folder=folder, password=password)
            with Neo4jStore(server.uri, server.user, password, server.database) as store:
                found = store.load("crash")
            assert found.same_content(old) or found.same_content(new), f"after {delay} s"
    finally:
        bolt_server.stop(server)


def _ignore_errors(function, *args, **kwargs) -> None:
    # The server is killed under the write: that is the point of the test.
    with contextlib.suppress(Exception):
        function(*args, **kwargs)


def test_a_regisseur_reads_and_writes_only_their_verband_on_the_server(store, tiny):
    from verbinder.graphmodel.access import AccessDeniedError, Principal, Role
    from verbinder.graphmodel.model import Actor, Membership
    from verbinder.graphmodel.store import ConcurrentChangeError
    from verbinder.graphmodel.store.guarded import GuardedStore
    from verbinder.graphmodel.types import ActorType, Engagement

    dataset = _unique(tiny)
    store.save(dataset)
    regisseur = GuardedStore(store, Principal("bo", Role.REGISSEUR, frozenset({"v2"})))
    mine = regisseur.load(dataset.name)
    assert [a.id for a in mine.actors] == ["mwb"]
    newcomer = Actor(
        "kw", "Kringwinkel", ActorType.LDE, memberships=(Membership("v2", Engagement.ACTIEF),)
    )
    regisseur.save(mine.replace(actors=(*mine.actors, newcomer)), replace=True)
    whole = store.load(dataset.name)
    assert whole.replace(actors=whole.actors[:5]).same_content(dataset)
    assert whole.actor_by_id["kw"] == newcomer
    intruder = mine.replace(actors=(*mine.actors, replace_membership(newcomer, "v1")))
    with pytest.raises(AccessDeniedError, match="lidmaatschap van v1"):
        regisseur.save(intruder, replace=True)
    with pytest.raises(ConcurrentChangeError):
        store.save(whole, replace=True, expected_version=1)
    assert store.info(dataset.name).version == 2


def replace_membership(actor, verband):
    from dataclasses import replace

    from verbinder.graphmodel.model import Membership
    from verbinder.graphmodel.types import Engagement

    return replace(actor, id="x", memberships=(Membership(verband, Engagement.GEEN),))


def test_server_side_queries_keep_to_the_principal(store):
    from verbinder.graphmodel.access import AccessDeniedError, Principal, Role
    from verbinder.queries.server_side import server_counts, server_density, server_verband_graph

    dataset = _unique(generate_demo(scale=0.05))
    store.save(dataset)
    gent = Principal("an", Role.REGISSEUR, frozenset({"gent"}))
    analist = Principal("wse", Role.ANALIST)
    assert list(server_density(store, dataset.name, principal=gent)["verband"]) == ["gent"]
    assert set(server_counts(store, dataset.name, principal=gent)["verband"]) == {"gent"}
    assert len(server_density(store, dataset.name, principal=analist)) == 32
    with pytest.raises(AccessDeniedError, match="geen toegang tot verband 'brugge'"):
        server_verband_graph(store, dataset.name, "brugge", principal=gent)
    with pytest.raises(AccessDeniedError, match="Als analist"):
        server_verband_graph(store, dataset.name, "gent", principal=analist)
    assert len(server_verband_graph(store, dataset.name, "gent", principal=gent)) > 0


def test_a_regisseur_pulls_their_part_and_pushes_it_back_through_the_cli(
    bolt, store, tiny, tmp_path
):
    from click.testing import CliRunner
    from verbinder.graphmodel.store import SQLiteStore

    from verbinder.cli import main

    dataset = _unique(tiny)
    store.save(dataset)
    roles = tmp_path / "rollen.toml"
    roles.write_text(
        f'[[gebruiker]]\nnaam = "{bolt["user"]}"\nrol = "regisseur"\nverbanden = ["v1"]\n',
        encoding="utf-8",
    )
    env = {f"NEO4J_{key.upper()}": value for key, value in bolt.items()}
    env["VERBINDER_ROLLEN"] = str(roles)
    local = tmp_path / "eigen.sqlite"
    runner = CliRunner()
    pull = runner.invoke(main, ["--db", str(local), "pull", "--dataset", dataset.name], env=env)
    assert pull.exit_code == 0, pull.output
    with SQLiteStore(local) as own:
        pulled = own.load(dataset.name)
        assert "v2" not in pulled.verband_by_id
        assert pulled.actor_by_id["mwb"].verbanden == ("v1",)
        own.save(pulled.replace(ties=pulled.ties[:-1]), replace=True)  # drops t4 (mwb-wg)
    push = ["--db", str(local), "push", "--dataset", dataset.name, "--vervang"]
    pushed = runner.invoke(main, push, env=env)
    assert pushed.exit_code == 0, pushed.output
    whole = store.load(dataset.name)
    assert [t.id for t in whole.ties] == ["t1", "t2", "t3"]
    assert whole.actor_by_id["mwb"].verbanden == ("v1", "v2")  # v2 kept on the server
    assert whole.replace(ties=dataset.ties).same_content(dataset)


def test_merge_records_round_trip_through_the_server(store, tiny):
    from verbinder.queries.merging import merge_actors, undo_merge

    dataset = _unique(tiny)
    merged = merge_actors(dataset, "wg", "vdab", reason="zelfde naam en gemeente")
    store.save(merged)
    loaded = store.load(dataset.name)
    assert loaded.merges == merged.merges
    assert undo_merge(loaded, "samenvoeging-1").same_content(dataset)


def test_a_cycle_s_verbanden_are_kept_on_the_server_and_replaced(store, tiny):
    start = random.randrange(2100, 9000)  # the server outlives one test: a cycle of its own
    period = (start, start + 5)
    verbanden = tuple(replace(v, period_start=start, period_end=start + 5) for v in tiny.verbanden)
    assert store.cycle(period) is None
    store.save_cycle(period, verbanden, file="verbanden.csv")
    assert store.cycle(period) == verbanden and period in store.cycles()
    store.save_cycle(period, verbanden[:1])
    assert store.cycle(period) == verbanden[:1]
    assert store.cycles().count(period) == 1
    recorded = [r for r in store.history() if r.dataset == f"verbanden {start}-{start + 5}"]
    assert [(r.action, r.file, r.counts) for r in recorded] == [
        ("referentie", "verbanden.csv", {"verbanden": 2}),
        ("referentie", None, {"verbanden": 1}),
    ]


def test_survey_answers_round_trip_through_the_server(store):
    dataset = _unique(generate_demo(scale=0.05))
    assert len(dataset.surveys) == 28
    store.save(dataset)
    assert store.load(dataset.name).surveys == dataset.surveys


def test_two_writers_of_one_dataset_at_once_both_land_on_the_server(bolt, tiny):
    import threading

    name = f"t-{uuid.uuid4().hex[:8]}"
    versions = [tiny.replace(name=name), generate_demo(scale=0.05, name=name)]
    errors: list[Exception] = []

    def write(dataset) -> None:
        try:
            with Neo4jStore(**bolt) as own:
                for _ in range(3):
                    own.save(dataset, replace=True)
        except Exception as exc:  # collected: the assertion below names it
            errors.append(exc)

    writers = [threading.Thread(target=write, args=(d,)) for d in versions]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert errors == []
    with Neo4jStore(**bolt) as store:
        found = store.load(name)
        assert store.info(name).version == 6
    assert any(found.same_content(d) for d in versions)
