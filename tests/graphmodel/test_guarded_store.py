"""The guarded store: scoped reads, merged writes, refusals, and concurrent writers that lose
nothing (issue #7, points 3 and 4). The Neo4j counterpart is in test_neo4j_store.py."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from verbinder.graphmodel.access import AccessDeniedError, Principal, Role
from verbinder.graphmodel.model import Actor, Membership
from verbinder.graphmodel.store import ConcurrentChangeError, SQLiteStore
from verbinder.graphmodel.store.config import guard, open_store
from verbinder.graphmodel.store.guarded import GuardedStore
from verbinder.graphmodel.types import ActorType, Engagement

ROOT = Path(__file__).resolve().parents[2]
V1 = Principal("an@genk.be", Role.REGISSEUR, frozenset({"v1"}))
V2 = Principal("bo@hasselt.be", Role.REGISSEUR, frozenset({"v2"}))
ANALIST = Principal("wse@vlaanderen.be", Role.ANALIST)


def _newcomer(actor_id: str, verband: str) -> Actor:
    return Actor(
        actor_id,
        actor_id.title(),
        ActorType.LDE,
        memberships=(Membership(verband, Engagement.ACTIEF),),
    )


def _add(store, principal: Principal, actor_id: str, verband: str) -> None:
    mine = GuardedStore(store, principal).load("tiny")
    GuardedStore(store, principal).save(
        mine.replace(actors=(*mine.actors, _newcomer(actor_id, verband))), replace=True
    )


def test_a_regisseur_reads_their_part_without_the_counts_or_files_of_the_whole(store, tiny):
    store.save(tiny, file="gedeeld.xlsx", sha256="ab" * 32)
    seen = GuardedStore(store, V2)
    assert [a.id for a in seen.load("tiny").actors] == ["mwb"]
    assert [(i.name, i.counts) for i in seen.datasets()] == [("tiny", {})]
    assert [(r.file, r.sha256, r.counts) for r in seen.history()] == [(None, None, {})]
    assert GuardedStore(store, ANALIST).history()[0].file == "gedeeld.xlsx"


def test_a_regisseur_write_lands_in_the_whole_and_keeps_the_rest(store, tiny):
    store.save(tiny)
    mine = GuardedStore(store, V2).load("tiny")
    info = GuardedStore(store, V2).save(
        mine.replace(actors=(*mine.actors, _newcomer("kw", "v2"))), replace=True, action="import"
    )
    assert info.counts["actoren"] == 2  # what the regisseur sees: mwb and kw
    whole = store.load("tiny")
    assert [a.id for a in whole.actors] == ["reg", "genk", "mwb", "wg", "vdab", "kw"]
    assert whole.replace(actors=whole.actors[:5]).same_content(tiny)
    assert store.history("tiny")[-1].action == "import (regisseur v2)"  # no e-mail: personal


def test_an_analist_cannot_write_and_a_regisseur_cannot_delete(store, tiny):
    store.save(tiny)
    with pytest.raises(AccessDeniedError, match="Als analist mag u geen gegevens wijzigen"):
        GuardedStore(store, ANALIST).save(GuardedStore(store, ANALIST).load("tiny"), replace=True)
    with pytest.raises(AccessDeniedError, match="Als regisseur mag u geen dataset verwijderen"):
        GuardedStore(store, V1).delete("tiny")
    assert store.load("tiny").same_content(tiny) and len(store.history()) == 1


def test_a_refused_write_leaves_the_store_as_it_was(store, tiny):
    store.save(tiny)
    mine = GuardedStore(store, V2).load("tiny")
    with pytest.raises(AccessDeniedError, match="actor 'x': lidmaatschap van v1"):
        GuardedStore(store, V2).save(
            mine.replace(actors=(*mine.actors, _newcomer("x", "v1"))), replace=True
        )
    assert store.load("tiny").same_content(tiny) and store.dataset_version("tiny") == 1


def test_the_local_mode_opens_the_plain_store(tmp_path):
    from verbinder.graphmodel.access import LOCAL

    with open_store(tmp_path / "a.sqlite", LOCAL) as plain:
        assert isinstance(plain, SQLiteStore)
    with open_store(tmp_path / "a.sqlite", V1) as guarded:
        assert isinstance(guarded, GuardedStore) and guarded.principal == V1


def test_a_stale_expected_version_is_refused_and_writes_nothing(store, tiny):
    store.save(tiny)
    with pytest.raises(ConcurrentChangeError, match="intussen door iemand anders gewijzigd"):
        store.save(tiny.replace(description="later"), replace=True, expected_version=0)
    assert store.load("tiny").description == tiny.description


class _Interleaved(SQLiteStore):
    """A store where another regisseur's write lands right after the first load."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.interrupted = False

    def load(self, name: str):
        loaded = super().load(name)
        if not self.interrupted:
            self.interrupted = True
            with SQLiteStore(self.path) as other:
                _add(other, V1, "van-v1", "v1")
        return loaded


def test_a_write_in_between_is_merged_again_not_overwritten(tmp_path, tiny):
    with SQLiteStore(tmp_path / "v.sqlite") as plain:
        plain.save(tiny)
    with _Interleaved(tmp_path / "v.sqlite") as store:
        with GuardedStore(SQLiteStore(tmp_path / "v.sqlite"), V2) as reader:
            mine = reader.load("tiny")
        assert mine.principal == V2
        guard(store, V2).save(
            mine.replace(actors=(*mine.actors, _newcomer("van-v2", "v2"))), replace=True
        )
        assert store.interrupted
        whole = store.load("tiny")
    assert {"van-v1", "van-v2"} <= set(whole.actor_by_id)
    with SQLiteStore(tmp_path / "v.sqlite") as plain:
        actions = [r.action for r in plain.history()]
    assert actions == ["import", "import (regisseur v1)", "import (regisseur v2)"]


CHILD = """
import sys, time
from verbinder.graphmodel.access import Principal, Role
from verbinder.graphmodel.model import Actor, Membership
from verbinder.graphmodel.store import SQLiteStore
from verbinder.graphmodel.store.guarded import GuardedStore
from verbinder.graphmodel.types import ActorType, Engagement
db, verband, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
who = Principal(verband + "@x.be", Role.REGISSEUR, frozenset({verband}))
time.sleep(max(0.0, start - time.time()))
for i in range(6):
    with GuardedStore(SQLiteStore(db), who) as store:
        mine = store.load("tiny")
        new = Actor(f"{verband}-{i}", "Nieuw", ActorType.LDE,
                    memberships=(Membership(verband, Engagement.ACTIEF),))
        store.save(mine.replace(actors=(*mine.actors, new)), replace=True)
print("klaar")
"""


def test_two_regisseurs_importing_at_once_both_land(tmp_path, tiny):
    """Two processes (two dashboard sessions or CLI runs) write their own verband into one
    shared dataset at the same moment, six times each: all twelve additions are there."""
    db = tmp_path / "v.sqlite"
    with SQLiteStore(db) as store:
        store.save(tiny)
    start = time.time() + 3
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), verband, str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for verband in ("v1", "v2")
    ]
    outcomes = [child.communicate(timeout=120) for child in children]
    assert [out.strip() for out, _ in outcomes] == ["klaar", "klaar"], outcomes
    with SQLiteStore(db) as store:
        whole = store.load("tiny")
        assert store.dataset_version("tiny") == 13
    added = {a.id for a in whole.actors} - {a.id for a in tiny.actors}
    assert added == {f"{v}-{i}" for v in ("v1", "v2") for i in range(6)}
    assert whole.replace(actors=whole.actors[:5]).same_content(tiny)


def test_a_change_saved_in_between_is_refused_and_then_both_land(store, tiny):
    # Found in review: two regisseurs of one verband; the second save overwrote the first.
    from verbinder.queries.actions import record_contact

    store.save(tiny)
    bob = Principal("bob@genk.be", Role.REGISSEUR, frozenset({"v1"}))
    first, second = GuardedStore(store, V1).load("tiny"), GuardedStore(store, bob).load("tiny")
    day = datetime(2026, 11, 22).date()
    an_change = record_contact(first, "mwb", "genk", day=day)
    GuardedStore(store, V1).save(an_change, replace=True, expected_version=first.version)
    bob_change = record_contact(second, "vdab", "wg", day=day)
    with pytest.raises(ConcurrentChangeError, match="probeer opnieuw"):
        GuardedStore(store, bob).save(bob_change, replace=True, expected_version=second.version)
    again = GuardedStore(store, bob).load("tiny")
    redo = record_contact(again, "vdab", "wg", day=day)
    GuardedStore(store, bob).save(redo, replace=True, expected_version=again.version)
    pairs = {(t.source, t.target) for t in store.load("tiny").ties}
    assert {("mwb", "genk"), ("vdab", "wg")} <= pairs
    assert all(t.id.startswith("contact-") and len(t.id) == 16 for t in redo.ties[-1:])
