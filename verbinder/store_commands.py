"""CLI commands that keep the embedded store safe: backup, restore."""

from __future__ import annotations

from pathlib import Path

import click

from verbinder.options import _store, store_errors

__all__ = ["backup", "restore"]


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
    target = _store(ctx, local=True).backup(file)
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
    store = _store(ctx, local=True)
    safety = store.restore(file)
    names = ", ".join(info.name for info in store.datasets()) or "geen"
    click.echo(f"Teruggezet uit {file}; datasets nu: {names}.")
    click.echo(f"Wat er daarvoor stond, is bewaard in {safety}.")
