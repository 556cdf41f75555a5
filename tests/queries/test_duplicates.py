"""Duplicates across sources: candidate pairs, merges that keep everything, and undo (#8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.queries.duplicates import CERTAIN, REVIEW, find_duplicates
from verbinder.queries.merging import MergeRefusedError, merge_actors, undo_merge

WG = ActorType.WERKGEVER
A, B, C = "0403170701", "0872480059", "1027395591"  # valid KBO numbers


def _member(verband: str, level: Engagement = Engagement.GEEN) -> tuple[Membership, ...]:
    return (Membership(verband, level),)


@pytest.fixture
def sources() -> Dataset:
    """An employer entered by hand and found again in the KBO register, and look-alikes."""
    return Dataset(
        "d",
        verbanden=(Verband("v", "V"), Verband("w", "W")),
        actors=(
            Actor(
                "hand",
                "Transport Peeters",
                WG,
                "Genk",
                memberships=_member("v", Engagement.ACTIEF),
                contact_name="Zoë",
                tags=("MVO",),
            ),
            Actor(
                "kbo-1",
                "TRANSPORT PEETERS NV",
                WG,
                "genk",
                nace=("49.410",),
                kbo=A,
                memberships=_member("w"),
                tags=("kbo-open-data",),
            ),
            Actor(
                "kbo-2", "Transport Peeters", WG, "Genk", kbo=A, tags=("vestiging:2.001.001.001",)
            ),
            Actor(
                "kbo-3", "Transport Peeters", WG, "Genk", kbo=A, tags=("vestiging:2.002.002.002",)
            ),
            Actor("ander", "Transport Peeters", WG, "Genk", kbo=B),
            Actor("typo", "Transprot Peeters", WG, "Genk"),
            Actor("elders", "Transport Peeters", WG, "As"),
            Actor("lde", "Kringwinkel", ActorType.LDE, "Genk", memberships=_member("v")),
        ),
        ties=(
            Tie("t1", "lde", "hand", TieKind.DOORSTROOM),
            Tie("t2", "kbo-1", "lde", TieKind.AANKOOP),
            Tie("t3", "hand", "kbo-1", TieKind.OVERLEG),
        ),
        events=(Event("e1", "Beurs", None, "v"), Event("e2", "Ontbijt", None, "v")),
        participations=(
            Participation("e1", "hand"),
            Participation("e1", "kbo-1"),
            Participation("e2", "kbo-1"),
        ),
    )


def test_pairs_are_found_by_kbo_then_name_and_never_across_kbo_numbers(sources):
    found = find_duplicates(sources)
    pairs = {
        (a, b): (c, r)
        for a, b, c, r in found[["actor_a", "actor_b", "zekerheid", "reden"]].itertuples(
            index=False
        )
    }
    # Hand count: kbo-1 shares A with kbo-2 and kbo-3 (units 2 and 3 differ from each other);
    # 'hand' has no KBO and the same normalised name in Genk as kbo-1/2/3, 'ander' and 'typo'
    # (a near name); 'ander' (B) never pairs with A; 'elders' is in another municipality.
    assert pairs == {
        ("kbo-1", "kbo-2"): (CERTAIN, "zelfde KBO-nummer 0403.170.701"),
        ("kbo-1", "kbo-3"): (CERTAIN, "zelfde KBO-nummer 0403.170.701"),
        ("hand", "kbo-1"): (REVIEW, "zelfde naam en gemeente"),
        ("hand", "kbo-2"): (REVIEW, "zelfde naam en gemeente"),
        ("hand", "kbo-3"): (REVIEW, "zelfde naam en gemeente"),
        ("ander", "hand"): (REVIEW, "zelfde naam en gemeente"),
        ("hand", "typo"): (REVIEW, "bijna dezelfde naam in dezelfde gemeente"),
        ("kbo-1", "typo"): (REVIEW, "bijna dezelfde naam in dezelfde gemeente"),
        ("kbo-2", "typo"): (REVIEW, "bijna dezelfde naam in dezelfde gemeente"),
        ("kbo-3", "typo"): (REVIEW, "bijna dezelfde naam in dezelfde gemeente"),
        ("ander", "typo"): (REVIEW, "bijna dezelfde naam in dezelfde gemeente"),
    }
    assert list(found["zekerheid"][:2]) == [CERTAIN, CERTAIN]


def test_a_merge_keeps_everything_of_both(sources):
    at = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    merged = merge_actors(sources, "hand", "kbo-1", reason="zelfde naam en gemeente", at=at)
    hand = merged.actor_by_id["hand"]
    assert "kbo-1" not in merged.actor_by_id
    assert (hand.name, hand.kbo, hand.nace, hand.contact_name) == (
        "Transport Peeters",
        A,
        ("49.410",),
        "Zoë",
    )
    assert hand.tags == ("MVO", "kbo-open-data")
    assert hand.memberships == (
        Membership("v", Engagement.ACTIEF),
        Membership("w", Engagement.GEEN),
    )
    # t3 joined the two and disappears; t2 moves to 'hand'.
    assert [(t.id, t.source, t.target) for t in merged.ties] == [
        ("t1", "lde", "hand"),
        ("t2", "hand", "lde"),
    ]
    # e1 was attended by both: once; e2 moves.
    assert merged.participations == (Participation("e1", "hand"), Participation("e2", "hand"))
    (record,) = merged.merges
    assert (record.id, record.kept, record.dropped, record.at) == (
        "samenvoeging-1",
        "hand",
        "kbo-1",
        at,
    )


def test_undo_gives_back_exactly_the_dataset_before(sources):
    merged = merge_actors(sources, "hand", "kbo-1", reason="x")
    restored = undo_merge(merged, "samenvoeging-1")
    assert restored.same_content(sources)
    assert [a.id for a in restored.actors] == [a.id for a in sources.actors]


def test_undo_keeps_later_changes_elsewhere_and_refuses_when_the_kept_actor_changed(sources):
    merged = merge_actors(sources, "hand", "kbo-1", reason="x")
    later = merged.replace(ties=(*merged.ties, Tie("t9", "lde", "typo", TieKind.SAMENWERKING)))
    restored = undo_merge(later, "samenvoeging-1")
    assert "t9" in {t.id for t in restored.ties}
    without = restored.replace(ties=tuple(t for t in restored.ties if t.id != "t9"))
    assert without.same_content(sources)
    edited = merged.replace(
        actors=tuple(replace(a, name="Peeters") if a.id == "hand" else a for a in merged.actors)
    )
    with pytest.raises(MergeRefusedError, match="werd na het samenvoegen nog gewijzigd"):
        undo_merge(edited, "samenvoeging-1")
    with pytest.raises(MergeRefusedError, match="geen samenvoeging"):
        undo_merge(merged, "samenvoeging-9")


@pytest.mark.parametrize(("kept", "dropped"), [("kbo-1", "ander"), ("kbo-2", "kbo-3")])
def test_different_kbo_numbers_or_units_are_never_merged(sources, kept, dropped):
    with pytest.raises(MergeRefusedError, match="ander KBO-nummer of een andere vestiging"):
        merge_actors(sources, kept, dropped, reason="x")


kbos = st.sampled_from([None, A, B, C])


@settings(max_examples=200, deadline=None)
@given(st.lists(kbos, min_size=2, max_size=6), st.data())
def test_any_merge_undoes_exactly_and_never_joins_two_kbo_numbers(numbers, data):
    actors = tuple(
        Actor(f"a{i}", f"Actor {i}", WG, kbo=k, memberships=_member("v"))
        for i, k in enumerate(numbers)
    )
    n = len(actors)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=8))
    ties = tuple(
        Tie(f"t{j}", f"a{s}", f"a{t}", TieKind.SAMENWERKING) for j, (s, t) in enumerate(pairs)
    )
    dataset = Dataset("d", actors=actors, ties=ties, verbanden=(Verband("v", "V"),))
    kept, dropped = data.draw(
        st.sampled_from([(i, j) for i in range(n) for j in range(n) if i != j])
    )
    a, b = actors[kept], actors[dropped]
    if a.kbo and b.kbo and a.kbo != b.kbo:
        with pytest.raises(MergeRefusedError):
            merge_actors(dataset, a.id, b.id, reason="x")
        return
    merged = merge_actors(dataset, a.id, b.id, reason="x")
    assert b.id not in merged.actor_by_id
    assert all(b.id not in (t.source, t.target) for t in merged.ties)
    assert undo_merge(merged, merged.merges[-1].id).same_content(dataset)


def test_merges_survive_the_store_and_can_be_undone_after_loading(store, sources):
    merged = merge_actors(sources, "hand", "kbo-1", reason="zelfde naam en gemeente")
    store.save(merged)
    loaded = store.load("d")
    assert loaded.merges == merged.merges
    assert undo_merge(loaded, "samenvoeging-1").same_content(sources)


def test_the_cli_lists_merges_and_undoes(tmp_path, sources, roles_text):
    from click.testing import CliRunner
    from verbinder.graphmodel.store import SQLiteStore

    from verbinder.cli import main

    db = tmp_path / "v.sqlite"
    with SQLiteStore(db) as store:
        store.save(sources)
    run = lambda *args: CliRunner().invoke(main, ["--db", str(db), *args])  # noqa: E731
    listed = run("duplicates", "--dataset", "d", "--to", str(tmp_path / "dubbels.csv"))
    assert listed.exit_code == 0, listed.output
    assert "[zeker] kbo-1 'TRANSPORT PEETERS NV' ~ kbo-2 'Transport Peeters'" in listed.output
    refused = run("merge", "--dataset", "d", "kbo-1", "ander")
    assert refused.exit_code == 1 and "ander KBO-nummer" in refused.output
    certain = run("merge", "--dataset", "d", "--alle-zekere")
    assert certain.exit_code == 0, certain.output
    # kbo-2 goes into kbo-1; kbo-3 is then another unit than kbo-1 has become: skipped.
    assert "samenvoeging-1: kbo-2 in kbo-1" in certain.output
    assert "overgeslagen: kbo-3 in kbo-1" in certain.output
    assert "samenvoeging-1 (" in run("duplicates", "--dataset", "d").output
    undone = run("unmerge", "--dataset", "d", "samenvoeging-1")
    assert undone.exit_code == 0, undone.output
    with SQLiteStore(db) as store:
        assert store.load("d").same_content(sources)
        assert [r.action for r in store.history("d")][-2:] == [
            "samengevoegd",
            "samenvoegen ongedaan",
        ]
    roles = tmp_path / "rollen.toml"
    roles.write_text(roles_text, encoding="utf-8")
    analist = CliRunner().invoke(
        main,
        [
            "--db",
            str(db),
            "--rollen",
            str(roles),
            "--gebruiker",
            "wse@vlaanderen.be",
            "duplicates",
            "--dataset",
            "d",
        ],
    )
    assert analist.exit_code == 1 and "Als analist" in analist.output


def test_forgetting_an_actor_also_erases_it_from_merge_records(sources):
    from verbinder.queries.actions import forget_personal_data

    merged = merge_actors(sources, "kbo-1", "hand", reason="x")  # 'hand' carries Zoë
    assert "Zoë" in merged.merges[0].before
    assert merged.actor_by_id["kbo-1"].contact_name == "Zoë"
    # The dropped id exists only in the record; the copy in the kept actor goes too (found
    # in review).
    forgotten = forget_personal_data(merged, "hand")
    assert "Zoë" not in forgotten.merges[0].before
    assert forgotten.actor_by_id["kbo-1"].contact_name is None
    restored = undo_merge(forgotten, "samenvoeging-1")
    assert restored.actor_by_id["hand"].contact_name is None
    assert forget_personal_data(restored, "hand") is None


def test_numbers_and_acronyms_tell_organisations_apart():
    def actor(i, name):
        return Actor(f"a{i}", name, ActorType.WERKGEVER, "Gent")

    names = [
        "ABVV Oost-Vlaanderen",
        "ACV Oost-Vlaanderen",
        "Kringwinkel Gent 1",
        "Kringwinkel Gent 2",
        "Transport Peeters",
        "Transprot Peeters",
    ]
    found = find_duplicates(Dataset("d", actors=tuple(actor(i, n) for i, n in enumerate(names))))
    assert found[["naam_a", "naam_b"]].values.tolist() == [
        ["Transport Peeters", "Transprot Peeters"]
    ]
