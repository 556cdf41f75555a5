"""The Bolt server for the Neo4j tests: ArcadeDB started per test module, or the genuine
Neo4j 5 of NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when it is set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from verbinder.graphmodel.store.neo4j import neo4j_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import bolt_server


@pytest.fixture(scope="module")
def bolt():
    """Connection settings of a running Bolt server (stopped after the module)."""
    configured = neo4j_settings()
    if configured is not None:
        yield configured
        return
    server = bolt_server.start()
    try:
        yield {
            "uri": server.uri,
            "user": server.user,
            "password": server.password,
            "database": server.database,
        }
    finally:
        bolt_server.stop(server)
