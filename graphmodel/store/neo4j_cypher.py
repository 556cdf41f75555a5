"""Every Cypher statement Verbinder sends, named and parameterised.

Nothing user-supplied is ever formatted into this text: values travel as parameters, and the
labels (Dataset, Actor, Verband, Event, Import, Cycle) and relationship types (MEMBER_OF, TIE,
ATTENDED) are fixed here. Keys are ``<dataset>\\x1f<id>`` so that datasets never mix.
Statements stay within what both Neo4j 5 and ArcadeDB's Bolt plugin accept.
"""

from __future__ import annotations

__all__ = ["DELETE_DATASET", "READ", "SCHEMA", "WRITE"]

SCHEMA = (
    "CREATE CONSTRAINT verbinder_dataset IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE",
    "CREATE CONSTRAINT verbinder_actor IF NOT EXISTS FOR (a:Actor) REQUIRE a.key IS UNIQUE",
    "CREATE CONSTRAINT verbinder_verband IF NOT EXISTS FOR (v:Verband) REQUIRE v.key IS UNIQUE",
    "CREATE CONSTRAINT verbinder_event IF NOT EXISTS FOR (e:Event) REQUIRE e.key IS UNIQUE",
    "CREATE CONSTRAINT verbinder_lock IF NOT EXISTS FOR (l:DatasetLock) REQUIRE l.name IS UNIQUE",
    "CREATE CONSTRAINT verbinder_cycle IF NOT EXISTS FOR (c:Cycle) REQUIRE c.period IS UNIQUE",
    "CREATE INDEX verbinder_actor_dataset IF NOT EXISTS FOR (a:Actor) ON (a.dataset)",
    "CREATE INDEX verbinder_verband_dataset IF NOT EXISTS FOR (v:Verband) ON (v.dataset)",
    "CREATE INDEX verbinder_event_dataset IF NOT EXISTS FOR (e:Event) ON (e.dataset)",
)
"""Constraints and indexes, created idempotently when a store opens."""

DELETE_DATASET = (
    "MATCH (a:Actor {dataset: $name}) DETACH DELETE a",
    "MATCH (v:Verband {dataset: $name}) DETACH DELETE v",
    "MATCH (e:Event {dataset: $name}) DETACH DELETE e",
    "MATCH (d:Dataset {name: $name}) DETACH DELETE d",
)

_NODES = {"verbanden": "Verband", "actors": "Actor", "events": "Event"}
_RELS = {
    "memberships": ("MEMBER_OF", "Verband"),
    "ties": ("TIE", "Actor"),
    "participations": ("ATTENDED", "Event"),
}
"""Tables and the labels and relationship types that store them (relationships always start
at an actor): the only text the generated statements below are made of."""

WRITE = {
    "dataset": "MERGE (d:Dataset {name: $name}) SET d = $props",
    "actors": (
        "UNWIND $rows AS r CREATE (x:Actor) SET x = r.props "
        "WITH x, r UNWIND r.memberships AS m MATCH (v:Verband {key: m.verband}) "
        "CREATE (x)-[y:MEMBER_OF]->(v) SET y = m.props RETURN count(y) AS n"
    ),
    **{
        table: f"UNWIND $rows AS r CREATE (x:{label}) SET x = r.props RETURN count(x) AS n"
        for table, label in _NODES.items()
        if table != "actors"
    },
    **{
        f"update_{table}": (
            f"UNWIND $rows AS r MATCH (x:{label} {{key: r.props.key}}) SET x = r.props "
            "RETURN count(x) AS n"
        )
        for table, label in _NODES.items()
    },
    **{
        f"delete_{table}": (
            f"UNWIND $rows AS r MATCH (x:{label} {{key: r.key}}) DETACH DELETE x "
            "RETURN count(*) AS n"
        )
        for table, label in _NODES.items()
    },
    **{
        table: (
            "UNWIND $rows AS r MATCH (a:Actor {key: r.source}) "
            f"MATCH (b:{label} {{key: r.target}}) CREATE (a)-[x:{kind}]->(b) SET x = r.props "
            "RETURN count(x) AS n"
        )
        for table, (kind, label) in _RELS.items()
    },
    **{
        f"update_{table}": (
            f"UNWIND $rows AS r MATCH (:Actor {{key: r.source}})-[x:{kind}]->() "
            "WHERE elementId(x) = r.id SET x = r.props RETURN count(x) AS n"
        )
        for table, (kind, _) in _RELS.items()
    },
    **{
        f"delete_{table}": (
            f"UNWIND $rows AS r MATCH (:Actor {{key: r.source}})-[x:{kind}]->() "
            "WHERE elementId(x) = r.id WITH collect(x) AS found "
            "UNWIND found AS x DELETE x RETURN count(*) AS n"
        )
        for table, (kind, _) in _RELS.items()
    },
    "import": "CREATE (i:Import) SET i = $props",
    "cycle": (
        "MERGE (c:Cycle {period: $period}) "
        "SET c.first_year = $first, c.last_year = $last, c.verbanden = $verbanden"
    ),
    "lock_dataset": (
        "MERGE (l:DatasetLock {name: $name}) SET l.writes = coalesce(l.writes, 0) + 1 "
        "WITH l OPTIONAL MATCH (d:Dataset {name: $name}) RETURN d.version AS version"
    ),
}
"""Writes of one dataset, all inside one managed transaction that first takes the dataset's
lock node (``lock_dataset``: writers of one dataset go one after the other), reads what the
server holds (``READ["state_*"]``) and writes the difference (see
:mod:`graphmodel.store.neo4j_plan`): create, update and delete per table, by key for nodes and
by element id, found from the start actor, for relationships (all found before the first is
deleted: a lazy match that walks an actor's relationships while they are being deleted is the
suspected cause of an EntityNotFound ArcadeDB gave twice in full test runs, never alone). A new
actor's memberships are written with the actor (no second lookup of the actor by key). Every
batch returns how many nodes or relationships (for ``actors``: memberships) it wrote, since a
MATCH that finds nothing writes nothing and says nothing."""

READ = {
    "datasets": "MATCH (d:Dataset) RETURN d ORDER BY d.name",
    "dataset": "MATCH (d:Dataset {name: $name}) RETURN d",
    "count_actors": "MATCH (a:Actor {dataset: $name}) RETURN count(a) AS n",
    "count_verbanden": "MATCH (v:Verband {dataset: $name}) RETURN count(v) AS n",
    "count_events": "MATCH (e:Event {dataset: $name}) RETURN count(e) AS n",
    "count_ties": "MATCH (:Actor {dataset: $name})-[t:TIE]->() RETURN count(t) AS n",
    "count_participations": (
        "MATCH (:Actor {dataset: $name})-[p:ATTENDED]->() RETURN count(p) AS n"
    ),
    "actors": "MATCH (a:Actor {dataset: $name}) RETURN properties(a) AS a ORDER BY a.position",
    "verbanden": "MATCH (v:Verband {dataset: $name}) RETURN properties(v) AS v ORDER BY v.position",
    "events": "MATCH (e:Event {dataset: $name}) RETURN properties(e) AS e ORDER BY e.position",
    "memberships": (
        "MATCH (a:Actor {dataset: $name})-[m:MEMBER_OF]->(v:Verband) "
        "RETURN a.id AS actor, v.id AS verband, properties(m) AS m ORDER BY a.id, m.position"
    ),
    "ties": (
        "MATCH (a:Actor {dataset: $name})-[t:TIE]->(b:Actor) "
        "RETURN properties(t) AS t, a.id AS source, b.id AS target ORDER BY t.position"
    ),
    "participations": (
        "MATCH (a:Actor {dataset: $name})-[p:ATTENDED]->(e:Event) "
        "RETURN e.id AS event, a.id AS actor ORDER BY p.position"
    ),
    "history": "MATCH (i:Import) RETURN i ORDER BY i.sequence",
    "verband_members": (
        "MATCH (a:Actor)-[m:MEMBER_OF]->(v:Verband {key: $verband}) "
        "RETURN a.id AS actor, a.type AS type, a.sector AS sector, m.engagement AS engagement "
        "ORDER BY a.position"
    ),
    "verband_ties": (
        "MATCH (a:Actor)-[:MEMBER_OF]->(v:Verband {key: $verband}) WITH collect(a.id) AS ids "
        "MATCH (x:Actor {dataset: $name})-[t:TIE]->(y:Actor {dataset: $name}) "
        "WHERE x.id IN ids AND y.id IN ids "
        "RETURN t.id AS tie, x.id AS source, y.id AS target, t.kind AS kind ORDER BY t.position"
    ),
    "counts_per_verband": (
        "MATCH (a:Actor)-[m:MEMBER_OF]->(v:Verband {dataset: $name}) "
        "RETURN v.id AS verband, a.type AS type, m.engagement AS engagement, count(*) AS n"
    ),
    "density_per_verband": (
        "MATCH (v:Verband {dataset: $name}) "
        "OPTIONAL MATCH (v)<-[:MEMBER_OF]-(a:Actor) "
        "WITH v, collect(a.id) AS ids, count(a) AS n, "
        "sum(CASE WHEN a.sector = 'sociale_economie' THEN 1 ELSE 0 END) AS se, "
        "sum(CASE WHEN a.sector = 'reguliere_economie' THEN 1 ELSE 0 END) AS regular "
        "OPTIONAL MATCH (x:Actor {dataset: $name})-[:TIE]-(y:Actor {dataset: $name}) "
        "WHERE x.id IN ids AND y.id IN ids AND x.id < y.id "
        "WITH v, n, se, regular, collect(DISTINCT x.id + '|' + y.id) AS pairs, "
        "collect(DISTINCT CASE WHEN (x.sector = 'sociale_economie' AND "
        "y.sector = 'reguliere_economie') OR (x.sector = 'reguliere_economie' AND "
        "y.sector = 'sociale_economie') THEN x.id + '|' + y.id END) AS cross "
        "RETURN v.id AS verband, n AS actors, size(pairs) AS pairs, se AS se, "
        "regular AS regular, size(cross) AS cross ORDER BY v.position"
    ),
    "last_import": "MATCH (i:Import) RETURN max(i.sequence) AS n",
    "cycle": "MATCH (c:Cycle {period: $period}) RETURN c.verbanden AS verbanden",
    "cycles": (
        "MATCH (c:Cycle) RETURN c.first_year AS first, c.last_year AS last "
        "ORDER BY c.first_year, c.last_year"
    ),
    **{
        f"state_{table}": (
            f"MATCH (x:{label} {{dataset: $name}}) RETURN x.key AS key, properties(x) AS props"
        )
        for table, label in _NODES.items()
    },
    **{
        f"state_{table}": (
            f"MATCH (a:Actor {{dataset: $name}})-[x:{kind}]->(b:{label}) "
            "RETURN a.key AS source, b.key AS target, elementId(x) AS id, "
            "properties(x) AS props ORDER BY x.position"
        )
        for table, (kind, label) in _RELS.items()
    },
}
"""Reads; every one is parameterised by the dataset name where it needs one."""
