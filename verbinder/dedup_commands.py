"""CLI commands for duplicates: list the candidates, merge a confirmed pair, undo a merge."""

from __future__ import annotations

import click

from verbinder.options import _store, existing_dataset_option, store_errors, to_option
from verbinder.queries.duplicates import CERTAIN, find_duplicates
from verbinder.queries.merge_survey import carried_responses
from verbinder.queries.merging import MergeRefusedError, merge_actors, undo_merge
from verbinder.render import banner, write_tables

__all__ = ["duplicates", "merge", "unmerge"]


@click.command()
@existing_dataset_option
@to_option
@click.pass_context
@store_errors
def duplicates(ctx, dataset, target):
    """Toon organisaties die dubbel kunnen zijn, en de samenvoegingen tot nu toe.

    'zeker': hetzelfde KBO-nummer; 'na te kijken': dezelfde of bijna dezelfde naam in
    dezelfde gemeente. Er wordt niets samengevoegd: dat doet u met 'verbinder merge'.

    \b
    Voorbeeld:
        verbinder duplicates --dataset gent --to dubbels.xlsx
    """
    data = _store(ctx).load(dataset)
    found = find_duplicates(data)
    banner(data.synthetic)
    if found.empty:
        click.echo("Geen mogelijke dubbels gevonden.")
    for row in found.itertuples(index=False):
        click.echo(
            f"[{row.zekerheid}] {row.actor_a} '{row.naam_a}' ~ {row.actor_b} '{row.naam_b}' "
            f"({row.reden})"
        )
    for record in data.merges:
        click.echo(
            f"{record.id} ({record.at:%d/%m/%Y}): {record.dropped} samengevoegd in "
            f"{record.kept}" + (f" ({record.reason})" if record.reason else "")
        )
    write_tables(found, target, data.synthetic)


@click.command()
@existing_dataset_option
@click.argument("kept", required=False)
@click.argument("dropped", required=False)
@click.option("--reden", "reason", default="bevestigd door de gebruiker", show_default=True)
@click.option(
    "--alle-zekere",
    "all_certain",
    is_flag=True,
    help="Voeg elk 'zeker' paar samen (zelfde KBO-nummer), telkens in de eerste actor.",
)
@click.pass_context
@store_errors
def merge(ctx, dataset, kept, dropped, reason, all_certain):
    """Voeg actor DROPPED samen in actor KEPT (of met --alle-zekere elk zeker paar).

    Lege velden van KEPT worden aangevuld, relaties en deelnames verhuizen. Twee actoren met
    een ander KBO-nummer worden nooit samengevoegd. Elke samenvoeging wordt bijgehouden en
    kan ongedaan gemaakt worden met 'verbinder unmerge'.

    \b
    Voorbeeld:
        verbinder merge --dataset gent peeters kbo-0403170701
    """
    if all_certain == bool(kept and dropped):
        raise click.UsageError("geef KEPT en DROPPED, of enkel --alle-zekere")
    store = _store(ctx)
    data = store.load(dataset)
    if all_certain:
        pairs = [
            (row.actor_a, row.actor_b, row.reden)
            for row in find_duplicates(data).itertuples(index=False)
            if row.zekerheid == CERTAIN
        ]
    else:
        pairs = [(kept, dropped, reason)]
    done = []
    for first, second, why in pairs:
        if first not in data.actor_by_id or second not in data.actor_by_id:
            continue  # already merged into another one in this run
        forms = len(carried_responses(data, first, second))
        try:
            data = merge_actors(data, first, second, reason=why)
        except MergeRefusedError as exc:
            if not all_certain:
                raise click.ClickException(str(exc)) from exc
            click.echo(f"overgeslagen: {second} in {first}: {exc}")
            continue
        survey = f" ({forms} formulier(en) van de netwerkbevraging aangepast)" if forms else ""
        done.append(f"{data.merges[-1].id}: {second} in {first}{survey}")
    if not done:
        click.echo("Niets samengevoegd.")
        return
    store.save(data, replace=True, action="samengevoegd", expected_version=data.version)
    click.echo("\n".join(done))


@click.command()
@existing_dataset_option
@click.argument("merge_id")
@click.pass_context
@store_errors
def unmerge(ctx, dataset, merge_id):
    """Maak samenvoeging MERGE_ID ongedaan (zie 'verbinder duplicates' voor de ids).

    \b
    Voorbeeld:
        verbinder unmerge --dataset gent samenvoeging-1
    """
    store = _store(ctx)
    try:
        data = undo_merge(store.load(dataset), merge_id)
    except MergeRefusedError as exc:
        raise click.ClickException(str(exc)) from exc
    store.save(data, replace=True, action="samenvoegen ongedaan", expected_version=data.version)
    click.echo(f"{merge_id} ongedaan gemaakt.")
