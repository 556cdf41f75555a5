"""Option sets and error handling shared by the CLI commands."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import click

from verbinder.graphmodel.access import AccessDeniedError, Principal, Role, principal_for
from verbinder.graphmodel.reference import parse_period
from verbinder.graphmodel.store import SQLiteStore, Store, StoreError, open_store
from verbinder.graphmodel.store.config import guard

__all__ = [
    "DATE",
    "_store",
    "admin_store",
    "check_dataset_name",
    "dataset_option",
    "existing_dataset_option",
    "neo4j_options",
    "period_option",
    "principal",
    "store_errors",
    "theme_options",
    "to_option",
    "top_option",
    "verband_option",
]


class DutchDate(click.ParamType):
    """A date written DD/MM/JJJJ (or JJJJ-MM-DD), as a :class:`datetime.date`."""

    name = "datum"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "DD/MM/JJJJ"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, date):
            return value
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(str(value).strip(), pattern).date()
            except ValueError:
                continue
        self.fail(f"'{value}' is geen datum: schrijf ze als DD/MM/JJJJ, bv. 15/03/2025", param, ctx)


DATE = DutchDate()


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


def check_dataset_name(
    _ctx: click.Context, _param: click.Parameter, name: str | None
) -> str | None:
    """A click callback: refuse an empty dataset name."""
    if name is not None and not name.strip():
        raise click.BadParameter("geef de naam van een dataset", param_hint="--dataset")
    return name


def dataset_option(default: str | None = None) -> Callable:
    """The ``--dataset NAME`` option of a dataset that may not exist yet (required unless a
    default is given)."""
    return click.option(
        "--dataset",
        "dataset",
        default=default,
        required=default is None,
        show_default=True,
        callback=check_dataset_name,
        help="Naam van de dataset in de databank.",
    )


def _existing_dataset(ctx: click.Context, param: click.Parameter, name: str | None) -> str:
    name = check_dataset_name(ctx, param, name)
    names = [info.name for info in _store(ctx).datasets()]
    if name is not None and name in names:
        return name
    listed = ", ".join(names)
    if name is not None:
        raise click.BadParameter(
            f"er is geen dataset '{name}'" + (f"; wel: {listed}" if names else ""),
            param_hint="--dataset",
        )
    if len(names) == 1:
        return names[0]
    if not names:
        raise click.UsageError(
            "Er is nog geen dataset. Maak er een met 'verbinder demo' of 'verbinder import'."
        )
    raise click.UsageError(f"Kies een dataset met --dataset: {listed}.")


def existing_dataset_option(command: Callable) -> Callable:
    """``--dataset NAME`` of a dataset that must exist; without it the only dataset there is
    (with several, the error lists them)."""
    return click.option(
        "--dataset",
        "dataset",
        default=None,
        callback=_existing_dataset,
        help="Naam van de dataset (zonder: de enige dataset in de databank).",
    )(command)


def store_errors(command: Callable) -> Callable:
    """Turn store errors into a clean message instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def _period(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> tuple[int, int] | None:
    if value is None:
        return None
    period = parse_period(value)
    if period is None:
        raise click.BadParameter(f"'{value}' is geen periode; schrijf ze als 2020-2025")
    return period


def period_option(help_text: str, *, required: bool = False) -> Callable:
    """``--periode 2020-2025``: a policy cycle, as its first and last year."""
    return click.option("--periode", "period", required=required, callback=_period, help=help_text)


def verband_option(command: Callable) -> Callable:
    """The required ``--verband ID`` option."""
    return click.option("--verband", required=True, help="Id van het verband, bv. gent.")(command)


def top_option(default: int, what: str) -> Callable:
    """``--top N``: show the first N rows (``what``, e.g. "actoren"); 0 shows them all."""
    return click.option(
        "--top",
        type=click.IntRange(min=0),
        default=default,
        show_default=True,
        help=f"Toon de eerste N {what} (0: alle).",
    )


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
