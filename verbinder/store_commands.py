"""CLI commands that keep the embedded store safe: backup, restore."""

from __future__ import annotations

from pathlib import Path

import click

from verbinder.graphmodel.store import Store
from verbinder.graphmodel.store.sqlite_backup import backup_folder
from verbinder.options import admin_store, store_errors
from verbinder.queries.actions import forget_personal_data

__all__ = ["backup", "forget", "restore"]

FORGET_ACTION = "persoonsgegevens vergeten"


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@store_errors
def backup(ctx: click.Context, file: Path | None) -> None:
    """Maak een reservekopie van de hele lokale databank.

    Zonder BESTAND komt ze met datum en uur in de map 'reservekopieën' naast de databank. Een
    kopie is samenhangend, ook als het dashboard intussen schrijft.

    \b
    Voorbeeld:
        verbinder backup
        verbinder backup kopie-voor-opkuis.sqlite
    """
    target = admin_store(ctx, "een reservekopie maken").backup(file)
    click.echo(f"Reservekopie geschreven: {target}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@store_errors
def restore(ctx: click.Context, file: Path) -> None:
    """Zet een reservekopie terug: de hele lokale databank wordt die van BESTAND.

    De kopie wordt eerst nagekeken; wat er nu in de databank staat, wordt eerst zelf als
    automatische kopie bewaard, zodat ook het terugzetten ongedaan kan worden.

    \b
    Voorbeeld:
        verbinder restore reservekopieën/verbinder-20261121T101500Z.sqlite
    """
    store = admin_store(ctx, "een reservekopie terugzetten")
    safety = store.restore(file)
    names = ", ".join(info.name for info in store.datasets()) or "geen"
    click.echo(f"Teruggezet uit {file}; datasets nu: {names}.")
    click.echo(f"Wat er daarvoor stond, is bewaard in {safety}.")


def _forget_in(store: Store, actor: str) -> list[str]:
    """Erase ``actor``'s personal data in every dataset of ``store``; the changed names."""
    changed = []
    for info in store.datasets():
        erased = forget_personal_data(store.load(info.name), actor)
        if erased is not None:
            store.save(
                erased,
                replace=True,
                action=FORGET_ACTION,
                file=f"actor {actor}",
                expected_version=erased.version,
            )
            changed.append(info.name)
    return changed


@click.command()
@click.option("--actor", required=True, help="Id van de organisatie (zoals in de dataset).")
@click.pass_context
@store_errors
def forget(ctx: click.Context, actor: str) -> None:
    """Wis contactpersoon en e-mailadres van een organisatie, in elke dataset en elke databank.

    Dat gebeurt in de lokale databank en, als NEO4J_URI ingesteld is, ook op de gedeelde
    Neo4j-server. De geschiedenis vermeldt per dataset dat het gebeurde (zonder de gegevens
    zelf). Reservekopieën van vroeger houden hun inhoud: het aantal wordt gemeld.

    \b
    Voorbeeld:
        verbinder forget --actor lde-kringwinkel-gent
    """
    local = admin_store(ctx, "persoonsgegevens wissen in alle datasets")
    stores: list[tuple[str, Store]] = [(str(local.path), local)]
    from verbinder.graphmodel.store.neo4j import Neo4jStore, neo4j_settings

    settings = neo4j_settings()
    if settings is not None:
        server = Neo4jStore(**settings)
        ctx.call_on_close(server.close)
        stores.append((settings["uri"], server))
    for where, store in stores:
        changed = _forget_in(store, actor)
        names = ", ".join(changed) if changed else "geen dataset had er"
        click.echo(f"{where}: persoonsgegevens van '{actor}' gewist ({names}).")
    copies = list(backup_folder(local.path).glob("*.sqlite"))
    if copies:
        click.echo(
            f"Let op: {len(copies)} reservekopie(ën) in {backup_folder(local.path)} dateren "
            "van ervoor en kunnen die gegevens nog bevatten."
        )
