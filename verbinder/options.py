"""Option sets and error handling shared by the CLI commands."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

import click

from graphmodel.access import AccessDeniedError, Principal, Role, principal_for
from graphmodel.store import SQLiteStore, Store, StoreError, open_store
from graphmodel.store.config import guard

__all__ = [
    "_store",
    "admin_store",
    "dataset_option",
    "neo4j_options",
    "principal",
    "store_errors",
    "theme_options",
    "to_option",
    "verband_option",
]


def principal(ctx: click.Context) -> Principal:
    """Who runs the command: the local mode without a roles file; with one, the user of
    ``--gebruiker`` (or, for the Neo4j store, the Neo4j login that the server checked)."""
    obj = ctx.find_root().obj
    if "principal" not in obj:
        user = obj.get("user")
        login = obj.get("neo4j_user")
        if os.environ.get("VERBINDER_STORE", "").strip().lower() == "neo4j":
            login = login or os.environ.get("NEO4J_USER")
        if login and user and user.casefold() != login.casefold():
            raise click.ClickException(
                f"Met Neo4j bent u de Neo4j-gebruiker '{login}': --gebruiker mag daar niet "
                "van afwijken."
            )
        user = user or login
        try:
            obj["principal"] = principal_for(user, obj.get("roles"))
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    return obj["principal"]


def _store(ctx: click.Context, *, local: bool = False) -> Store:
    """The configured store (``--db`` for SQLite, or Neo4j when VERBINDER_STORE=neo4j) seen
    through the user's rights; ``local`` always gives the SQLite file. Closed when the
    command ends."""
    who = principal(ctx)
    try:
        store = guard(SQLiteStore(ctx.obj["db"]), who) if local else open_store(ctx.obj["db"], who)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    ctx.call_on_close(store.close)
    return store


def admin_store(ctx: click.Context, what: str) -> SQLiteStore:
    """The local SQLite file itself, for a beheerder (or the local mode) only: ``what`` names
    the operation in the refusal."""
    if principal(ctx).role is not Role.BEHEERDER:
        raise click.ClickException(str(AccessDeniedError(f"Enkel een beheerder mag {what}.")))
    try:
        store = SQLiteStore(ctx.obj["db"])
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    ctx.call_on_close(store.close)
    return store


def dataset_option(default: str | None = None) -> Callable:
    """The ``--dataset NAME`` option (required unless a default is given)."""
    return click.option(
        "--dataset",
        "dataset",
        default=default,
        required=default is None,
        show_default=True,
        help="Naam van de dataset in de databank.",
    )


def store_errors(command: Callable) -> Callable:
    """Turn store errors into a clean message instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def verband_option(command: Callable) -> Callable:
    """The required ``--verband ID`` option."""
    return click.option("--verband", required=True, help="Id van het verband, bv. gent.")(command)


def to_option(command: Callable) -> Callable:
    """The optional ``--to FILE`` option for .csv or .xlsx output."""
    return click.option(
        "--to",
        "target",
        type=click.Path(dir_okay=False),
        default=None,
        help="Schrijf het resultaat ook naar een .csv- of .xlsx-bestand.",
    )(command)


def theme_options(command: Callable) -> Callable:
    """``--sector``, ``--gemeente`` and ``--sectorfit``: the theme of a matchmaking question."""
    command = click.option(
        "--sectorfit",
        "fit_file",
        type=click.Path(exists=True, dir_okay=False),
        default=None,
        help="Eigen tabel activiteit -> NACE-sectie (.csv of .xlsx).",
    )(command)
    command = click.option(
        "--gemeente",
        "municipalities",
        multiple=True,
        help="Enkel organisaties in deze gemeente (mag herhaald worden).",
    )(command)
    return click.option(
        "--sector",
        "sectors",
        multiple=True,
        help="Enkel deze NACE-sectie (letter) of SE-activiteit (mag herhaald worden).",
    )(command)


def neo4j_options(command: Callable) -> Callable:
    """``--neo4j-uri``, ``--neo4j-user``, ``--neo4j-password``, ``--neo4j-database`` (or the
    NEO4J_* environment variables)."""
    for name, env, default, text in reversed(
        (
            ("uri", "NEO4J_URI", None, "Adres van de Neo4j-server, bv. bolt://server:7687."),
            ("user", "NEO4J_USER", "neo4j", "Gebruiker."),
            ("password", "NEO4J_PASSWORD", None, "Wachtwoord."),
            ("database", "NEO4J_DATABASE", "neo4j", "Databank op de server."),
        )
    ):
        command = click.option(
            f"--neo4j-{name}",
            f"neo4j_{name}",
            envvar=env,
            default=default,
            required=default is None,
            show_envvar=True,
            help=text,
        )(command)
    return command
