"""The ``verbinder`` command: a thin click layer over loaders, graphmodel and queries."""

from __future__ import annotations

import math
import os
import sys
import warnings
from pathlib import Path

import click

from verbinder import (
    click_nl,
    dedup_commands,
    link_commands,
    network_commands,
    roster_commands,
    source_commands,
    store_commands,
)
from verbinder.graphmodel.access import ROLES_ENV
from verbinder.graphmodel.progress import Progress
from verbinder.graphmodel.store import default_store_path
from verbinder.graphmodel.store.config import guard
from verbinder.graphmodel.store.cycles import cycle_reference
from verbinder.loaders import LoadError, ValidationReport, load_dataset, validate
from verbinder.loaders.demo import DEMO_SEED, generate_demo
from verbinder.loaders.limits import current_limits
from verbinder.loaders.template import write_template
from verbinder.options import (
    _store,
    check_dataset_name,
    dataset_option,
    existing_dataset_option,
    neo4j_options,
    period_option,
    principal,
    store_errors,
)
from verbinder.queries.export import EXPORT_FORMATS, export_dataset
from verbinder.queries.kept import prepare
from verbinder.queries.report import UnknownVerbandError, verband_report
from verbinder.render import (
    counts_text,
    render_datasets,
    render_report,
    synthetic_banner,
    terminal_progress,
)

__all__ = ["main"]


def _print_report(report: ValidationReport, *, err: bool) -> None:
    for problem in report.problems:
        click.echo(f"- {problem}", err=err)
    click.echo(report.summary(), err=err)


LIBRARY_NOISE = (
    {"category": RuntimeWarning, "message": r".*Location: src/"},
    {"module": "openpyxl"},
)
"""English warnings of libraries that tell a user nothing: igraph's C core (notes on its
numerical methods) and openpyxl's notes on workbook features it does not read. Whatever Verbinder
itself has to say about a file is in its validation report, in Dutch."""


class VerbinderGroup(click.Group):
    """The command group that never shows a traceback: an error nobody foresaw becomes a Dutch
    message (with ``VERBINDER_DEBUG=1`` the traceback is shown, for a developer)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if any("\x00" in arg for arg in args):  # no file name or value can hold one
            raise click.UsageError("Een argument bevat een nul-teken (\\x00); typ het opnieuw.")
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            with warnings.catch_warnings():
                for pattern in LIBRARY_NOISE:
                    warnings.filterwarnings("ignore", **pattern)
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (``verbinder ... | head``): nothing left to say to it.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            if os.environ.get("VERBINDER_DEBUG"):
                raise
            raise click.ClickException(
                f"Verbinder liep vast op iets onverwachts ({type(exc).__name__}: {exc}). Meld "
                "dit aan de beheerder, met het commando dat u gaf. Wat al bewaard was, blijft "
                "zoals het was: elke import en elke wijziging is één geheel."
            ) from exc


@click.group(cls=VerbinderGroup)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="VERBINDER_DB",
    default=None,
    help=f"Databankbestand (standaard: $VERBINDER_DB of {default_store_path()}).",
)
@click.option(
    "--rollen",
    "roles",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=ROLES_ENV,
    default=None,
    help="Rollenbestand van een gedeelde installatie (zonder: lokale modus, alles zichtbaar).",
)
@click.option(
    "--gebruiker",
    "user",
    envvar="VERBINDER_GEBRUIKER",
    default=None,
    help="Uw naam in het rollenbestand (bij Neo4j standaard de NEO4J_USER).",
)
@click.version_option(package_name="verbinder", message="%(prog)s, versie %(version)s")
@click.pass_context
def main(ctx: click.Context, db: Path | None, roles: Path | None, user: str | None) -> None:
    """Verbinder: het netwerk van de lokale regie sociale economie en werk.

    Met een rollenbestand ziet een regisseur enkel de eigen verbanden, een analist enkel
    samengevoegde cijfers zonder persoonsgegevens, een beheerder alles.

    \b
    Voorbeeld:
        verbinder demo && verbinder report --verband gent
    """
    ctx.obj = {"db": db, "roles": roles, "user": user}


@main.command()
@dataset_option(default="demo")
@click.option("--seed", default=DEMO_SEED, show_default=True, help="Startwaarde van het toeval.")
@click.option(
    "--schaal",
    "scale",
    type=click.FloatRange(min=0.0, max=100.0, min_open=True),
    default=1.0,
    show_default=True,
    help="Vermenigvuldigt het aantal werkgevers en SE-organisaties (1: ca. 4.600).",
)
@click.pass_context
@store_errors
def demo(ctx: click.Context, dataset: str, seed: int, scale: float) -> None:
    """Maak de synthetische demodataset (vervangt een bestaande met dezelfde naam).

    De demo gebruikt de echte 32 verbanden en gemeenten van 2017-2019, met verzonnen
    organisaties en relaties. Alles is gemarkeerd als synthetisch.

    \b
    Voorbeeld:
        verbinder demo --dataset demo --schaal 1
    """
    if not 0 < scale <= 100:  # click's FloatRange lets NaN through
        raise click.BadParameter(
            "kies een schaal groter dan 0 en hoogstens 100", param_hint="--schaal"
        )
    with terminal_progress() as progress:
        data = generate_demo(seed=seed, scale=scale, name=dataset, progress=progress)
    store = _store(ctx)
    info = store.save(data, replace=True, action="demo")
    _prepare(store, info.name)
    click.echo(synthetic_banner())
    counts = counts_text(info.counts)
    click.echo(f"Dataset '{info.name}' aangemaakt: {counts}.")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def template(file: Path) -> None:
    """Schrijf een leeg sjabloon (.xlsx) met kolomkoppen, uitleg en keuzelijsten.

    \b
    Voorbeeld:
        verbinder template mijn-verband.xlsx
    """
    if file.suffix.lower() != ".xlsx":
        raise click.ClickException("Het sjabloon is een Excel-werkmap: geef een naam op .xlsx.")
    write_template(file)
    click.echo(f"Sjabloon geschreven naar {file}.")


@main.command(name="validate")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
def validate_command(file: Path) -> None:
    """Controleer een werkmap, CSV-map of JSON-bestand zonder iets in te lezen.

    Elke fout staat met bestand, blad, rij en kolom. Stopt met code 1 bij fouten.

    \b
    Voorbeeld:
        verbinder validate mijn-verband.xlsx
    """
    report = validate(file)
    _print_report(report, err=False)
    if not report.ok:
        raise SystemExit(1)


@main.command(name="import")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@dataset_option()
@click.option("--vervang", "replace", is_flag=True, help="Vervang een bestaande dataset.")
@period_option(
    "De beleidsperiode van de dataset, bv. 2020-2025: verbanden die niet in het blad "
    "verbanden staan, komen uit de met 'verbinder periode --bewaar' bewaarde lijst van die "
    "periode (zonder: de meegeleverde verbanden van 2017-2019)."
)
@click.pass_context
@store_errors
def import_command(
    ctx: click.Context, file: Path, dataset: str, replace: bool, period: tuple[int, int] | None
) -> None:
    """Lees een werkmap (.xlsx), een map met CSV-bestanden of een JSON-export in.

    Alles of niets: bij één fout wordt niets ingelezen en ziet u elke fout met zijn plaats.

    \b
    Voorbeeld:
        verbinder import mijn-verband.xlsx --dataset meetjesland-2024 --periode 2020-2025
    """
    reference = None if period is None else cycle_reference(_store(ctx), period)
    try:
        result = load_dataset(file, name=dataset, reference=reference)
    except LoadError as exc:
        _print_report(exc.report, err=True)
        raise click.ClickException("Niets ingelezen: verbeter de fouten hierboven.") from exc
    if result.report.problems:
        _print_report(result.report, err=False)
    store = _store(ctx)
    info = store.save(
        result.dataset, replace=replace, action="import", file=str(file), sha256=result.sha256
    )
    _prepare(store, info.name)
    if info.synthetic:
        click.echo(synthetic_banner())
    counts = counts_text(info.counts)
    click.echo(f"Dataset '{info.name}' ingelezen (versie {info.version}): {counts}.")


@main.command()
@click.pass_context
@store_errors
def datasets(ctx: click.Context) -> None:
    """Toon de datasets in de databank, met aantallen en of ze synthetisch zijn.

    \b
    Voorbeeld:
        verbinder datasets
    """
    store = _store(ctx)
    click.echo(f"Databank: {store.path}")
    click.echo(render_datasets(store.datasets()))


@main.command()
@click.option(
    "--dataset",
    "dataset",
    default=None,
    callback=check_dataset_name,
    help="Enkel de geschiedenis van deze dataset (ook een verwijderde).",
)
@click.pass_context
@store_errors
def history(ctx: click.Context, dataset: str | None) -> None:
    """Toon de importgeschiedenis: wanneer, welk bestand, de hash en de aantallen.

    \b
    Voorbeeld:
        verbinder history --dataset demo
    """
    records = _store(ctx).history(dataset)
    if not records:
        which = f" van dataset '{dataset}'" if dataset else ""
        click.echo(f"Nog geen geschiedenis{which}.")
    for record in records:
        counts = counts_text(record.counts)
        source = f" uit {record.file}" if record.file else ""
        if record.file and record.sha256:
            source += f" (sha256 {record.sha256[:12]}…)"
        click.echo(
            f"{record.at:%d/%m/%Y %H:%M} {record.dataset}: {record.action}{source}"
            f"{': ' + counts if counts else ''}"
        )


@main.command()
@existing_dataset_option
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(path_type=Path),
    help="Doel: " + "; ".join(f"{k}: {v}" for k, v in EXPORT_FORMATS.items()),
)
@click.option(
    "--met-persoonsgegevens",
    "include_personal",
    is_flag=True,
    help="Neem contactpersonen en e-mailadressen mee (standaard niet).",
)
@click.pass_context
@store_errors
def export(ctx: click.Context, dataset: str, target: Path, include_personal: bool) -> None:
    """Exporteer een dataset naar .xlsx, een CSV-map, .graphml of .json.

    Persoonsgegevens (contactpersoon, e-mail) blijven eruit, tenzij u erom vraagt.

    \b
    Voorbeeld:
        verbinder export --dataset demo --to demo.xlsx
    """
    data = _store(ctx).load(dataset)
    try:
        export_dataset(data, target, include_personal=include_personal)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if data.synthetic:
        click.echo(synthetic_banner())
    click.echo(f"Dataset '{dataset}' geëxporteerd naar {target}.")


@main.command()
@existing_dataset_option
@click.option("--verband", required=True, help="Id van het verband, bv. gent.")
@click.pass_context
@store_errors
def report(ctx: click.Context, dataset: str, verband: str) -> None:
    """Toon het overzicht van één verband: referentiegegevens, actoren, betrokkenheid, relaties.

    \b
    Voorbeeld:
        verbinder report --dataset demo --verband gent
    """
    data = _store(ctx).load(dataset)
    try:
        click.echo(render_report(verband_report(data, verband)))
    except UnknownVerbandError as exc:
        raise click.ClickException(str(exc)) from exc


main.add_command(network_commands.brokers)
main.add_command(network_commands.profile)
main.add_command(network_commands.compare)
main.add_command(network_commands.change)
main.add_command(network_commands.rapport)
main.add_command(link_commands.missing_links)
main.add_command(link_commands.gaps)
main.add_command(link_commands.plan_event)
main.add_command(link_commands.attendance)
main.add_command(store_commands.backup)
main.add_command(store_commands.restore)
main.add_command(store_commands.forget)
main.add_command(source_commands.kbo)
main.add_command(source_commands.period)
main.add_command(source_commands.survey_form)
main.add_command(source_commands.survey_import)
main.add_command(roster_commands.survey_round)
main.add_command(dedup_commands.duplicates)
main.add_command(dedup_commands.merge)
main.add_command(dedup_commands.unmerge)


@main.command()
@click.option("--port", default=8501, show_default=True, help="Poort op deze computer.")
@click.pass_context
def dashboard(ctx: click.Context, port: int) -> None:
    """Start het dashboard in de browser (werkt zonder internet).

    Gebruikt dezelfde databank als de andere commando's (--db of $VERBINDER_DB).

    \b
    Voorbeeld:
        verbinder dashboard --port 8501
    """
    import os
    import subprocess
    import sys
    from importlib import resources

    app = resources.files("verbinder.dashboards") / "app.py"  # a file: installed, not zipped
    env = dict(os.environ)
    if ctx.obj["db"] is not None:
        env["VERBINDER_DB"] = str(ctx.obj["db"])
    if ctx.obj["roles"] is not None:
        env[ROLES_ENV] = str(ctx.obj["roles"])
    command = [
        sys.executable,
        "-m",
        "verbinder.dashboards.serve",  # Streamlit, with the libraries imported before it starts
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--global.developmentMode",
        "false",
        "--client.toolbarMode",
        "minimal",
        "--server.maxUploadSize",  # MiB; the loaders refuse above their own limit, in Dutch
        str(math.ceil(current_limits().file_mb)),
    ]
    click.echo(f"Dashboard: http://127.0.0.1:{port}  (stoppen met Ctrl+C)")
    raise SystemExit(subprocess.call(command, env=env))


def _neo4j(
    ctx: click.Context, uri: str, user: str, password: str, database: str, progress: Progress
):
    """The Neo4j server, seen through the user's rights (without --gebruiker: the Neo4j login,
    which the server checks)."""
    from verbinder.graphmodel.store.neo4j import Neo4jStore

    ctx.obj["neo4j_user"] = user
    server = Neo4jStore(uri, user, password, database, progress=progress)
    return guard(server, principal(ctx))


@main.command()
@dataset_option()
@click.option("--vervang", "replace", is_flag=True, help="Vervang de dataset op de server.")
@neo4j_options
@click.pass_context
@store_errors
def push(ctx, dataset, replace, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """Zet een dataset uit de lokale databank op de gedeelde Neo4j-server.

    Met --vervang wordt een dataset die er al staat vervangen, tenzij hij gelijk is: dan
    verandert er niets.

    \b
    Voorbeeld:
        NEO4J_URI=bolt://server:7687 NEO4J_PASSWORD=... verbinder push --dataset demo
    """
    with (
        terminal_progress() as progress,
        _neo4j(ctx, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, progress) as server,
    ):
        data = _store(ctx, local=True).load(dataset)
        names = {info.name for info in server.datasets()}
        if replace and dataset in names and server.load(dataset).same_content(data):
            click.echo(f"Dataset '{dataset}' staat al zo op {neo4j_uri}: niets gewijzigd.")
            return
        info = server.save(data, replace=replace, action="push")
    if info.synthetic:
        click.echo(synthetic_banner())
    click.echo(f"Dataset '{info.name}' staat op {neo4j_uri} (versie {info.version}).")


@main.command()
@dataset_option()
@click.option("--vervang", "replace", is_flag=True, help="Vervang de lokale dataset.")
@neo4j_options
@click.pass_context
@store_errors
def pull(ctx, dataset, replace, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """Haal een dataset van de gedeelde Neo4j-server naar de lokale databank.

    \b
    Voorbeeld:
        NEO4J_URI=bolt://server:7687 NEO4J_PASSWORD=... verbinder pull --dataset demo
    """
    with (
        terminal_progress() as progress,
        _neo4j(ctx, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, progress) as server,
    ):
        data = server.load(dataset)
    store = _store(ctx, local=True)
    info = store.save(data, replace=replace, action="pull", file=neo4j_uri)
    _prepare(store, info.name)
    if info.synthetic:
        click.echo(synthetic_banner())
    click.echo(f"Dataset '{info.name}' lokaal bewaard (versie {info.version}).")


def _prepare(store, name: str) -> None:
    """Compute and keep, for the dataset just written, what the dashboard's first visits and
    ``compare`` and ``brokers`` ask (:func:`queries.kept.prepare`)."""
    with terminal_progress() as progress:
        prepare(store, name, progress=progress)


click_nl.install(main)
