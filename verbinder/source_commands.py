"""CLI commands that bring in public sources: the KBO Open Data register, a cycle's verbanden."""

from __future__ import annotations

from pathlib import Path

import click

from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.reference import period_label, reference_verband
from verbinder.graphmodel.store import DatasetNotFoundError
from verbinder.loaders import LoadError
from verbinder.loaders.kbo import select_employers
from verbinder.loaders.kbo_merge import merge_employers
from verbinder.loaders.periods import load_period_verbanden, with_population
from verbinder.loaders.population import load_population
from verbinder.loaders.survey import load_survey_answers, write_survey_form
from verbinder.options import _store, dataset_option, period_option, principal, store_errors
from verbinder.queries.actions import record_survey
from verbinder.queries.permissions import require
from verbinder.render import terminal_progress

__all__ = ["kbo", "period", "survey_form", "survey_import"]

KBO_ACTION = "KBO Open Data"


@click.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@dataset_option()
@click.option("--verband", required=True, help="Id van het verband, bv. gent.")
@click.option(
    "--alle-ondernemingen",
    "all_enterprises",
    is_flag=True,
    help="Ook ondernemingen zonder RSZ-inschrijving (standaard enkel werkgevers).",
)
@click.option(
    "--met-natuurlijke-personen",
    "natural_persons",
    is_flag=True,
    help="Ook eenmanszaken (hun naam is die van een persoon; standaard niet).",
)
@click.option("--proef", "dry_run", is_flag=True, help="Toon het resultaat zonder te bewaren.")
@click.pass_context
@store_errors
def kbo(ctx, source, dataset, verband, all_enterprises, natural_persons, dry_run):
    """Lees de werkgevers van een verband uit KBO Open Data (zip of uitgepakte map).

    Neemt de actieve vestigingen en zetels in de gemeenten van het verband, met hun
    Nederlandse naam en NACE-codes. Nieuwe organisaties komen erbij als werkgever
    (betrokkenheid 'geen'); gekende organisaties met hetzelfde KBO-nummer worden enkel
    aangevuld, nooit overschreven. Het bestand wordt stap voor stap gelezen: de nationale
    extractie past op een gewone pc.

    \b
    Voorbeeld:
        verbinder kbo KboOpenData_0171_2025_11_04_Full.zip --verband gent --dataset gent
    """
    store = _store(ctx)
    try:
        data, exists = store.load(dataset), True
    except DatasetNotFoundError:
        who = principal(ctx)
        data, exists = Dataset(dataset, principal=None if who.local else who), False
    require(data, verband, detail=True)
    known = data.verband_by_id.get(verband) or reference_verband(verband)
    if known is None:
        raise click.ClickException(
            f"'{verband}' is geen verband van deze dataset of van de referentielijst."
        )
    try:
        with terminal_progress() as progress:
            selection = select_employers(
                source,
                known,
                employers_only=not all_enterprises,
                natural_persons=natural_persons,
                progress=progress,
            )
    except LoadError as exc:
        for problem in exc.report.errors:
            click.echo(f"- {problem}", err=True)
        raise click.ClickException("Niets ingelezen: verbeter de fouten hierboven.") from exc
    merged = merge_employers(data, selection, verband)
    for line in selection.report.problems:
        click.echo(f"- {line.message}")
    click.echo(
        f"KBO ({selection.snapshot or 'datum onbekend'}): {merged.added} nieuw, "
        f"{merged.completed} aangevuld, {merged.unchanged} al volledig."
    )
    for actor, ours, theirs in merged.other_names[:10]:
        click.echo(f"  naam van {actor} blijft '{ours}' (in de KBO: '{theirs}')")
    if dry_run:
        click.echo("Proef: niets bewaard.")
        return
    if exists and merged.dataset.same_content(data):
        click.echo(f"Dataset '{dataset}' was al bijgewerkt: niets gewijzigd.")
        return
    info = store.save(
        merged.dataset,
        replace=exists,
        action=KBO_ACTION,
        file=source.name,
        expected_version=data.version,
    )
    click.echo(f"Dataset '{info.name}' bewaard (versie {info.version}).")


@click.command(name="survey-form")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--verband", "verbanden", multiple=True, help="Een rij voor dit verband (herhaalbaar)."
)
def survey_form(file, verbanden):
    """Schrijf het formulier van de regiebevraging (.xlsx) om offline in te vullen.

    \b
    Voorbeeld:
        verbinder survey-form bevraging.xlsx --verband gent
    """
    click.echo(f"Formulier geschreven naar {write_survey_form(file, list(verbanden))}.")


@click.command(name="survey-import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@dataset_option()
@click.pass_context
@store_errors
def survey_import(ctx, file, dataset):
    """Lees ingevulde bevragingen in (één rij per verband); een nieuw antwoord van een verband
    vervangt zijn vorige.

    \b
    Voorbeeld:
        verbinder survey-import bevraging.xlsx --dataset gent
    """
    try:
        answers, _ = load_survey_answers(file)
    except LoadError as exc:
        for problem in exc.report.errors:
            click.echo(f"- {problem}", err=True)
        raise click.ClickException("Niets ingelezen: verbeter de fouten hierboven.") from exc
    store = _store(ctx)
    data = store.load(dataset)
    unknown = sorted({a.verband_id for a in answers} - set(data.verband_by_id))
    if unknown:
        raise click.ClickException(
            f"{file.name}: geen verband van deze dataset: {', '.join(unknown)}; niets ingelezen."
        )
    info = store.save(
        record_survey(data, answers),
        replace=True,
        action="bevraging",
        file=file.name,
        expected_version=data.version,
    )
    click.echo(f"{len(answers)} antwoord(en) ingelezen in '{info.name}' (versie {info.version}).")


@click.command(name="periode")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@period_option("De beleidsperiode, bv. 2020-2025.", required=True)
@click.option(
    "--bewaar",
    "keep",
    is_flag=True,
    help="Bewaar de verbanden (zonder fouten) als referentie voor de datasets van die periode.",
)
@click.option(
    "--bevolking",
    "population_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Statbels bevolkingsbestand (TF_SOC_POP_STRUCT_<jaar>.txt) voor de inwoners.",
)
@click.pass_context
@store_errors
def period(
    ctx: click.Context,
    file: Path,
    period: tuple[int, int],
    keep: bool,
    population_file: Path | None,
) -> None:
    """Controleer de verbanden van een beleidsperiode (CSV of werkmap met het blad verbanden).

    Kolommen zoals het blad verbanden van het sjabloon; de gemeenten met naam, voormalige naam,
    NIS-code of postcode, gescheiden door ;. Elke fout staat met rij en kolom; waar de
    periode gepubliceerde totalen heeft (2020-2025), zegt Verbinder waar het bestand ervan
    afwijkt. Stopt met code 1 bij fouten. Met --bewaar (beheerder) worden de verbanden de
    referentie voor elke dataset die u met 'verbinder import --periode' van die periode inleest
    (een eerder bewaarde lijst van die periode wordt vervangen). Met --bevolking telt Verbinder
    de inwoners van elk verband op 1 januari van het jaar van dat bestand (best het eerste jaar
    van de periode), met de gemeenten zoals ze toen waren.

    \b
    Voorbeeld:
        verbinder periode verbanden-2020-2025.csv --periode 2020-2025 --bewaar \\
            --bevolking TF_SOC_POP_STRUCT_2020.txt
    """
    try:
        loaded = load_period_verbanden(file, period)
        if population_file is not None:
            loaded = with_population(loaded, load_population(population_file))
    except LoadError as exc:
        for problem in exc.report.problems:
            click.echo(f"- {problem}")
        click.echo(exc.report.summary())
        raise SystemExit(1) from exc
    for problem in loaded.report.problems:
        click.echo(f"- {problem}")
    places = sum(len(v.municipalities) for v in loaded.verbanden)
    shown = period_label(period)
    click.echo(
        f"Periode {shown}: {len(loaded.verbanden)} verbanden met samen "
        f"{places} gemeenten. {loaded.report.summary()}"
    )
    if keep:
        _store(ctx).save_cycle(period, loaded.verbanden, file=str(file))
        click.echo(
            f"Bewaard als referentie voor {shown}: lees een dataset van die periode in met "
            f"'verbinder import BESTAND --dataset NAAM --periode {shown}'."
        )
    else:
        click.echo("Niets bewaard (gebruik --bewaar om deze verbanden als referentie te bewaren).")
