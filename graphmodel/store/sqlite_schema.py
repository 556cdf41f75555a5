"""The SQLite schema of the embedded store, as numbered migrations."""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

_V1 = """
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
    description TEXT NOT NULL,
    created TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE source_files (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
CREATE TABLE verbanden (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    legal_form TEXT,
    province TEXT,
    municipalities TEXT NOT NULL,
    inhabitants INTEGER,
    subsidy_eur REAL,
    period_start INTEGER,
    period_end INTEGER,
    centrumstad TEXT,
    note TEXT,
    source TEXT,
    PRIMARY KEY (dataset_id, id)
);
CREATE TABLE actors (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    municipality TEXT,
    nace TEXT NOT NULL,
    activities TEXT NOT NULL,
    kbo TEXT,
    fte REAL,
    target_group_workers INTEGER,
    tags TEXT NOT NULL,
    contact_name TEXT,
    contact_email TEXT,
    note TEXT,
    PRIMARY KEY (dataset_id, id)
);
CREATE INDEX actors_type ON actors(dataset_id, type);
CREATE TABLE memberships (
    dataset_id INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    verband_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    engagement INTEGER NOT NULL CHECK (engagement BETWEEN 0 AND 3),
    political INTEGER CHECK (political BETWEEN 0 AND 3),
    administrative INTEGER CHECK (administrative BETWEEN 0 AND 3),
    PRIMARY KEY (dataset_id, actor_id, verband_id),
    FOREIGN KEY (dataset_id, actor_id) REFERENCES actors(dataset_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dataset_id, verband_id) REFERENCES verbanden(dataset_id, id) ON DELETE CASCADE
);
CREATE INDEX memberships_verband ON memberships(dataset_id, verband_id);
CREATE TABLE ties (
    dataset_id INTEGER NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    kind TEXT NOT NULL,
    weight REAL NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    provenance TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (dataset_id, id),
    CHECK (source <> target),
    FOREIGN KEY (dataset_id, source) REFERENCES actors(dataset_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dataset_id, target) REFERENCES actors(dataset_id, id) ON DELETE CASCADE
);
CREATE INDEX ties_source ON ties(dataset_id, source);
CREATE INDEX ties_target ON ties(dataset_id, target);
CREATE TABLE events (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    date TEXT,
    verband_id TEXT,
    kind TEXT,
    theme TEXT,
    PRIMARY KEY (dataset_id, id)
);
CREATE TABLE participations (
    dataset_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, event_id, actor_id),
    FOREIGN KEY (dataset_id, event_id) REFERENCES events(dataset_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dataset_id, actor_id) REFERENCES actors(dataset_id, id) ON DELETE CASCADE
);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    dataset TEXT NOT NULL,
    action TEXT NOT NULL,
    file TEXT,
    sha256 TEXT,
    counts TEXT NOT NULL
);
"""

_V2 = """
ALTER TABLE actors ADD COLUMN lat REAL;
ALTER TABLE actors ADD COLUMN lon REAL;
"""

_V3 = """
CREATE TABLE merges (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    kept TEXT NOT NULL,
    dropped TEXT NOT NULL,
    reason TEXT NOT NULL,
    before TEXT NOT NULL,
    PRIMARY KEY (dataset_id, id)
);
"""

_V4 = """
CREATE TABLE surveys (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    verband_id TEXT NOT NULL,
    answers TEXT NOT NULL,
    PRIMARY KEY (dataset_id, verband_id)
);
"""

_V5 = """
CREATE TABLE results (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (dataset_id, kind, key)
);
"""

_V6 = """
ALTER TABLE actors ADD COLUMN nis TEXT;
"""

_V7 = """
CREATE TABLE cycles (
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    verbanden TEXT NOT NULL,
    PRIMARY KEY (first_year, last_year)
);
"""

_V8 = """
CREATE TABLE roster_responses (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    response TEXT NOT NULL,
    PRIMARY KEY (dataset_id, id)
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)
"""Migration ``i`` brings the schema from version ``i`` to ``i + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)
