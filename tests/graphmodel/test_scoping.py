"""Roles file, scoped reads and a regisseur's writes merged into the whole (issue #7, point 4)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.access import (
    LOCAL,
    AccessDeniedError,
    Principal,
    Role,
    RolesFileError,
    principal_for,
    read_roles,
)
from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.scoping import merge_scoped, scope_dataset
from verbinder.graphmodel.types import ActorType, Engagement, TieKind

V1 = Principal("an@genk.be", Role.REGISSEUR, frozenset({"v1"}))
V2 = Principal("bo@hasselt.be", Role.REGISSEUR, frozenset({"v2"}))
ANALIST = Principal("wse@vlaanderen.be", Role.ANALIST)

ROLES = """
[[gebruiker]]
naam = "An@Genk.be"
rol = "regisseur"
verbanden = ["v1"]

[[gebruiker]]
naam = "wse@vlaanderen.be"
rol = "analist"

[[gebruiker]]
naam = "beheer@vlaanderen.be"
rol = "Beheerder"
"""


def test_a_roles_file_gives_each_user_their_role_case_insensitively(tmp_path):
    path = tmp_path / "rollen.toml"
    path.write_text(ROLES, encoding="utf-8")
    assert principal_for("an@genk.be", path) == Principal("An@Genk.be", Role.REGISSEUR, {"v1"})
    assert principal_for(" WSE@vlaanderen.be ", path).role is Role.ANALIST
    assert principal_for("beheer@vlaanderen.be", path).role is Role.BEHEERDER
    with pytest.raises(AccessDeniedError, match=r"'eve@x\.be' staat niet in het rollenbestand"):
        principal_for("eve@x.be", path)
    with pytest.raises(AccessDeniedError, match="geen gebruiker"):
        principal_for(None, path)


def test_without_a_roles_file_everything_is_the_labelled_local_mode(monkeypatch):
    monkeypatch.delenv("VERBINDER_ROLLEN", raising=False)
    assert principal_for(None) is LOCAL
    assert LOCAL.local and LOCAL.sees_everything
    assert "Lokale modus voor één gebruiker" in LOCAL.describe()


def test_every_problem_of_a_roles_file_is_named_with_its_entry_and_field(tmp_path):
    path = tmp_path / "rollen.toml"
    path.write_text(
        '[[gebruiker]]\nnaam = "a@x.be"\nrol = "regisseur"\n'
        '[[gebruiker]]\nnaam = "b@x.be"\nrol = "baas"\n'
        '[[gebruiker]]\nnaam = "c@x.be"\nrol = "analist"\nverbanden = ["gent"]\n'
        '[[gebruiker]]\nrol = "beheerder"\n'
        '[[gebruiker]]\nnaam = "d@x.be"\nrol = "beheerder"\n'
        '[[gebruiker]]\nnaam = "D@x.be"\nrol = "beheerder"\nwachtwoord = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(RolesFileError) as caught:
        read_roles(path)
    lines = str(caught.value).splitlines()
    where = f"rollenbestand {path}, gebruiker"
    assert lines == [
        f"{where} 1 (a@x.be), veld 'verbanden': een regisseur heeft minstens één",
        f"{where} 2 (b@x.be), veld 'rol': kies regisseur, analist, beheerder",
        f"{where} 3 (c@x.be), veld 'verbanden': enkel voor een regisseur (een analist ziet "
        "alle verbanden)",
        f"{where} 4, veld 'naam': vul de aanmeldnaam of het e-mailadres in",
        f"{where} 6: onbekend veld wachtwoord",
        f"{where} 6: 'D@x.be' staat er twee keer in",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [("naam = [", "geen geldige TOML"), ("", "geen enkele [[gebruiker]]")],
)
def test_an_unusable_roles_file_is_refused_with_its_path(tmp_path, content, expected):
    path = tmp_path / "rollen.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RolesFileError, match=re.escape(expected)):
        read_roles(path)
    with pytest.raises(RolesFileError, match="kan niet gelezen worden"):
        read_roles(tmp_path / "ontbreekt.toml")


def test_a_regisseur_sees_only_their_verband(tiny):
    seen = scope_dataset(tiny, V2)
    # Hand count on the tiny fixture: only 'mwb' is in v2; its ties go to v1-only actors.
    assert [a.id for a in seen.actors] == ["mwb"]
    assert seen.actors[0].memberships == (Membership("v2", Engagement.PASSIEF),)
    assert seen.ties == () and seen.events == () and seen.participations == ()
    assert [v.id for v in seen.verbanden] == ["v2"]
    assert seen.principal == V2
    mine = scope_dataset(tiny, V1)
    assert [a.id for a in mine.actors] == ["reg", "genk", "mwb", "wg", "vdab"]
    assert mine.actor_by_id["mwb"].verbanden == ("v1",)
    assert [t.id for t in mine.ties] == ["t1", "t2", "t3", "t4"]
    assert [e.id for e in mine.events] == ["ev1"] and len(mine.participations) == 2


def test_an_analist_sees_everything_without_personal_data(tiny):
    seen = scope_dataset(tiny, ANALIST)
    assert len(seen.actors) == len(tiny.actors) and len(seen.ties) == len(tiny.ties)
    assert all(a.contact_name is None and a.contact_email is None for a in seen.actors)
    assert all(a.note is None for a in seen.actors) and all(t.note is None for t in seen.ties)
    assert tiny.actor_by_id["wg"].contact_name == "Zoë Peeters"  # the original is untouched


def test_a_regisseur_change_is_merged_and_the_rest_is_kept(tiny):
    mine = scope_dataset(tiny, V2)
    mwb = replace(mine.actors[0], memberships=(Membership("v2", Engagement.ZEER_ACTIEF),))
    newcomer = Actor(
        "kw",
        "Kringwinkel Hasselt",
        ActorType.LDE,
        memberships=(Membership("v2", Engagement.ACTIEF),),
    )
    changed = mine.replace(
        actors=(mwb, newcomer), ties=(Tie("t9", "mwb", "kw", TieKind.SAMENWERKING),)
    )
    merged = merge_scoped(tiny, changed, V2)
    by_id = merged.actor_by_id
    assert by_id["mwb"].memberships == (
        Membership("v1", Engagement.ACTIEF),
        Membership("v2", Engagement.ZEER_ACTIEF),
    )
    assert by_id["kw"] == newcomer
    assert [t.id for t in merged.ties] == ["t1", "t2", "t3", "t4", "t9"]
    for kept in ("reg", "genk", "wg", "vdab"):
        assert by_id[kept] == tiny.actor_by_id[kept]
    assert merged.events == tiny.events and merged.participations == tiny.participations
    assert merged.principal is None and merged.description == tiny.description


def test_removing_a_shared_actor_only_ends_its_membership_here(tiny):
    merged = merge_scoped(tiny, scope_dataset(tiny, V2).replace(actors=()), V2)
    assert merged.actor_by_id["mwb"].memberships == (Membership("v1", Engagement.ACTIEF),)
    assert len(merged.ties) == 4


def test_removing_an_own_actor_removes_its_ties_and_attendance(tiny):
    mine = scope_dataset(tiny, V1)
    changed = mine.replace(
        actors=tuple(a for a in mine.actors if a.id != "wg"),
        ties=tuple(t for t in mine.ties if "wg" not in (t.source, t.target)),
        participations=tuple(p for p in mine.participations if p.actor_id != "wg"),
    )
    merged = merge_scoped(tiny, changed, V1)
    assert "wg" not in merged.actor_by_id
    assert [t.id for t in merged.ties] == ["t1", "t2", "t3"]
    assert merged.participations == (Participation("ev1", "mwb"),)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.replace(verbanden=(*d.verbanden, Verband("v1", "Verband Een"))),
            "verband 'v1' is niet van u",
        ),
        (
            lambda d: d.replace(
                actors=(
                    *d.actors,
                    Actor(
                        "x", "X", ActorType.LDE, memberships=(Membership("v1", Engagement.GEEN),)
                    ),
                )
            ),
            "actor 'x': lidmaatschap van v1",
        ),
        (
            lambda d: d.replace(actors=(*d.actors, Actor("y", "Y", ActorType.LDE))),
            "actor 'y' hoort bij geen van uw verbanden",
        ),
        (
            lambda d: d.replace(
                actors=(
                    *d.actors,
                    Actor(
                        "wg",
                        "Kaper",
                        ActorType.LDE,
                        memberships=(Membership("v2", Engagement.GEEN),),
                    ),
                )
            ),
            "actor-id 'wg' is al in gebruik in een ander verband",
        ),
        (
            lambda d: d.replace(actors=(replace(d.actors[0], name="Andere naam"),)),
            "actor 'mwb' hoort ook bij v1: enkel de beheerder",
        ),
        (
            lambda d: d.replace(ties=(Tie("t8", "mwb", "wg", TieKind.DOORSTROOM),)),
            "relatie 't8' gaat naar een actor buiten uw verbanden",
        ),
        (
            lambda d: d.replace(
                actors=(
                    *d.actors,
                    Actor(
                        "z", "Z", ActorType.LDE, memberships=(Membership("v2", Engagement.GEEN),)
                    ),
                ),
                ties=(Tie("t1", "mwb", "z", TieKind.DOORSTROOM),),
            ),
            "relatie-id 't1' is al in gebruik in een ander verband",
        ),
        (
            lambda d: d.replace(events=(Event("e2", "Beurs", verband_id="v1"),)),
            "evenement 'e2' hoort niet bij een van uw verbanden",
        ),
        (
            lambda d: d.replace(events=(Event("ev1", "Beurs", verband_id="v2"),)),
            "evenement-id 'ev1' is al in gebruik in een ander verband",
        ),
    ],
)
def test_a_change_outside_the_own_verbanden_is_refused_whole(tiny, change, message):
    with pytest.raises(AccessDeniedError, match="valt buiten uw verbanden") as caught:
        merge_scoped(tiny, change(scope_dataset(tiny, V2)), V2)
    assert f"- {message}" in str(caught.value)


def test_an_analist_cannot_write_and_a_beheerder_writes_the_whole(tiny):
    with pytest.raises(AccessDeniedError, match="analist kan lezen maar niets wijzigen"):
        merge_scoped(tiny, scope_dataset(tiny, ANALIST), ANALIST)
    boss = Principal("b", Role.BEHEERDER)
    assert merge_scoped(tiny, tiny, boss).same_content(tiny)


VERBANDEN = ("a", "b", "c")


@st.composite
def shared_datasets(draw) -> Dataset:
    """Actors spread over three verbanden (some shared, some in none), ties, one event each."""
    n = draw(st.integers(0, 9))
    actors = []
    for i in range(n):
        where = draw(st.lists(st.sampled_from(VERBANDEN), unique=True, max_size=3))
        level = draw(st.sampled_from(Engagement))
        actors.append(
            Actor(
                f"a{i}",
                f"Actor {i}",
                draw(st.sampled_from([ActorType.LDE, ActorType.WERKGEVER, ActorType.VDAB])),
                memberships=tuple(Membership(v, level) for v in where),
                contact_name=draw(st.none() | st.just("Zoë")),
            )
        )
    pairs = draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=12)
        if n
        else st.just([])
    )
    ties = tuple(
        Tie(f"t{k}", f"a{s}", f"a{t}", TieKind.SAMENWERKING) for k, (s, t) in enumerate(pairs)
    )
    events = tuple(Event(f"e{v}", f"Event {v}", verband_id=v) for v in VERBANDEN)
    participations = tuple(
        Participation(f"e{v}", a.id) for a in actors for v in a.verbanden if draw(st.booleans())
    )
    return Dataset(
        "gedeeld",
        actors=tuple(actors),
        ties=ties,
        verbanden=tuple(Verband(v, v.upper()) for v in VERBANDEN),
        events=events,
        participations=participations,
    )


def _others(dataset: Dataset, verband: str) -> set[str]:
    """Actors without a membership of ``verband``: what the other verbanden own."""
    return {a.id for a in dataset.actors if verband not in a.verbanden}


@settings(max_examples=150, deadline=None)
@given(shared_datasets(), st.sampled_from(VERBANDEN), st.data())
def test_writing_back_a_changed_part_keeps_the_rest_and_reads_back(whole, verband, data):
    regisseur = Principal("r", Role.REGISSEUR, frozenset({verband}))
    mine = scope_dataset(whole, regisseur)
    assert merge_scoped(whole, mine, regisseur).same_content(whole)
    dropped = set(
        data.draw(
            st.lists(
                st.sampled_from([a.id for a in mine.actors]) if mine.actors else st.nothing(),
                unique=True,
            )
        )
    )
    changed = mine.replace(
        actors=tuple(a for a in mine.actors if a.id not in dropped),
        ties=tuple(t for t in mine.ties if not {t.source, t.target} & dropped),
        participations=tuple(p for p in mine.participations if p.actor_id not in dropped),
    )
    merged = merge_scoped(whole, changed, regisseur)
    assert scope_dataset(merged, regisseur).same_content(changed)
    others = _others(whole, verband)
    assert [merged.actor_by_id[a] for a in sorted(others)] == [
        whole.actor_by_id[a] for a in sorted(others)
    ]
    gone = dropped - {a.id for a in whole.actors if len(a.verbanden) > 1}
    assert [t for t in merged.ties if {t.source, t.target} & others] == [
        t for t in whole.ties if {t.source, t.target} & others and not {t.source, t.target} & gone
    ]
    for shared in dropped - gone:  # a shared actor leaves this verband only
        assert merged.actor_by_id[shared].verbanden == tuple(
            v for v in whole.actor_by_id[shared].verbanden if v != verband
        )
    assert [v.id for v in merged.verbanden] == [v.id for v in whole.verbanden]
    assert merged.events == whole.events


def test_merge_records_and_foreign_attendance_stay_out_of_a_regisseur_write(tiny):
    from datetime import UTC, datetime

    from verbinder.graphmodel.model import Merge

    # Found in review: forged merge records, attendance at another verband's event, and
    # attendance of a hidden actor at an own event that a plain save dropped.
    record = Merge("samenvoeging-1", datetime(2026, 1, 1, tzinfo=UTC), "mwb", "x", "x", "{}")
    with_record = tiny.replace(merges=(record,))
    # A regisseur sees which id went into which (to read survey forms made before the
    # merge), never the reason or the actors as they were; a write keeps the record whole.
    (stub,) = scope_dataset(with_record, V2).merges
    assert (stub.kept, stub.dropped, stub.reason, stub.before) == ("mwb", "x", "", "")
    assert merge_scoped(with_record, scope_dataset(with_record, V2), V2).merges == (record,)
    mine = scope_dataset(tiny, V2)
    with pytest.raises(AccessDeniedError, match=r"samenvoegen .* doet in een gedeelde"):
        merge_scoped(tiny, mine.replace(merges=(record,)), V2)
    with pytest.raises(AccessDeniedError, match="deelname van 'mwb' aan evenement 'ev1'"):
        merge_scoped(tiny, mine.replace(participations=(Participation("ev1", "mwb"),)), V2)
    guest = tiny.replace(
        actors=(
            *tiny.actors,
            Actor("z", "Z", ActorType.LDE, memberships=(Membership("v2", Engagement.GEEN),)),
        ),
        participations=(*tiny.participations, Participation("ev1", "z")),
    )
    kept = merge_scoped(guest, scope_dataset(guest, V1), V1)
    assert Participation("ev1", "z") in kept.participations


def test_a_changed_roles_file_is_read_again(tmp_path):
    path = tmp_path / "rollen.toml"
    path.write_text(ROLES, encoding="utf-8")
    assert principal_for("an@genk.be", path).verbanden == {"v1"}
    path.write_text(ROLES.replace('verbanden = ["v1"]', 'verbanden = ["v1", "v2"]'), "utf-8")
    assert principal_for("an@genk.be", path).verbanden == {"v1", "v2"}
