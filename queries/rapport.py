"""The printable report of one verband or of Flanders: one self-contained, offline HTML file
(charts as inline SVG, no external request) that prints on A4, written for a college of mayors
and for WSE.

Every figure comes from the same queries as the CLI and the dashboard (:mod:`queries.profile`,
:mod:`queries.brokers`, :mod:`queries.mixing`, :mod:`queries.ambitions`, ...), formatted by the
presentation layer and explained from the measure catalogue.
"""

from __future__ import annotations

from datetime import date
from html import escape
from importlib.metadata import version

import pandas as pd
from verbinder.graphmodel.formatting import Kind, count, day, money
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.sector_fit import SectorFit
from verbinder.graphmodel.tables import SYNTHETIC_WARNING
from verbinder.queries.ambitions import ambitions, scorecard
from verbinder.queries.brokers import brokers
from verbinder.queries.catalogue import measure
from verbinder.queries.charts import funnel_chart, network_chart, svg
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.gaps import verband_gaps
from verbinder.queries.missing_links import missing_links
from verbinder.queries.mixing import MIXINGS, mixing_comparison
from verbinder.queries.network import verband_network
from verbinder.queries.permissions import require
from verbinder.queries.places import municipality_list, periods_text
from verbinder.queries.presentation import measure_table, readable
from verbinder.queries.profile import verband_profile
from verbinder.queries.report import verband_report

__all__ = ["flanders_report_html", "verband_report_html"]

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1c2733;
       max-width: 180mm; margin: auto; }
h1 { font-size: 18pt; margin-bottom: 2pt; } h2 { font-size: 13pt; margin-top: 16pt;
     border-bottom: 1px solid #b0bec5; } .sub { color: #546e7a; }
.synthetic { background: #fff3cd; border: 1px solid #e0b100; padding: 6pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 9pt; }
th, td { border-bottom: 1px solid #dfe5ea; padding: 3pt 4pt; text-align: left;
         vertical-align: top; }
th { background: #eef2f5; } td.num { text-align: right; white-space: nowrap; }
section, figure { break-inside: avoid; } figure { margin: 8pt 0; } svg { max-width: 100%;
height: auto; } dl { font-size: 8.5pt; color: #37474f; } dt { font-weight: bold; }
dd { margin: 0 0 3pt 10pt; } .high { background: #e8f5e9; } .low { background: #fff3e0; }
footer { margin-top: 18pt; font-size: 8pt; color: #546e7a; }
"""


def _html(frame: pd.DataFrame) -> str:
    """A table already in words (a presented table) as HTML."""
    return frame.to_html(index=False, escape=True, border=0)


def _table(frame: pd.DataFrame) -> str:
    """A query result as an HTML table with Dutch headings and numbers, and what each of its
    figures means below it."""
    entries = dict.fromkeys(measure(str(c)) for c in frame.columns)
    terms = "".join(
        f"<dt>{escape(e.name)}</dt><dd>{escape(e.reading)}</dd>"
        for e in entries
        if e.kind not in (Kind.ID, Kind.TEXT)
    )
    return _html(readable(frame)) + (f"<dl>{terms}</dl>" if terms else "")


def _flagged(card: pd.DataFrame) -> str:
    rows = []
    for line in card.itertuples(index=False):
        flag = (
            "high"
            if line.Lezing.startswith(("opvallend hoger", "boven"))
            else "low"
            if line.Lezing.startswith(("opvallend lager", "onder"))
            else ""
        )
        cells = "".join(f"<td>{escape(str(v))}</td>" for v in line)
        rows.append(f'<tr class="{flag}">{cells}</tr>')
    head = "".join(f"<th>{escape(c)}</th>" for c in card.columns)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _document(title: str, subtitle: str, synthetic: bool, sections: list[str]) -> str:
    banner = f'<p class="synthetic">{escape(SYNTHETIC_WARNING)}</p>' if synthetic else ""
    made = f"Gemaakt met Verbinder {version('verbinder')} op {day(date.today())}."
    return (
        '<!DOCTYPE html><html lang="nl-BE"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<h1>{escape(title)}</h1><p class="sub">{escape(subtitle)}</p>{banner}'
        + "".join(sections)
        + f"<footer>{escape(made)} {banner}</footer></body></html>"
    )


def _section(title: str, *parts: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{''.join(parts)}</section>"


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def verband_report_html(dataset: Dataset, verband_id: str, *, fit: SectorFit) -> str:
    """The report of one verband: key figures, the network, the regisseur as verbinder, the
    four ambitions with their funnel position, the top missing links (scored with ``fit``,
    as :func:`~queries.missing_links.missing_links`), the gaps and where every reference fact
    comes from."""
    require(dataset, verband_id, detail=True)
    report = verband_report(dataset, verband_id)
    facts = report.verband
    profile = verband_profile(dataset, verband_id)
    compared = compare_verbanden(dataset)
    table = ambitions(dataset, compared=compared)
    comparison = mixing_comparison(dataset, "se_regulier")
    broker_table = brokers(dataset, verband_id)
    network = verband_network(dataset, verband_id)
    named = set(network.regisseurs) | set(broker_table["actor"].head(3))
    links = missing_links(dataset, verband_id, fit=fit, top=10)
    gaps = verband_gaps(dataset, verband_id)
    key_figures = {
        "actoren": profile.measures["actoren"],
        "relaties": profile.measures["relaties"],
        "inwoners": facts.inhabitants,
        "se_regulier_verbonden": profile.measures["se_regulier_verbonden"],
        "regisseur_se_regulier_aandeel": profile.measures["regisseur_se_regulier_aandeel"],
        "regisseur_verloren_aandeel": profile.measures["regisseur_verloren_aandeel"],
    }
    subsidy = "onbekend" if facts.subsidy_eur is None else money(facts.subsidy_eur)
    sections = [
        _section(
            "Kerncijfers",
            _html(measure_table(key_figures)),
            _paragraph(
                f"Gemeenten ({count(len(facts.municipalities))}): "
                f"{municipality_list(facts.municipalities)}. Subsidie per jaar: {subsidy}. "
                f"Beleidsperiode: {periods_text([facts.period])}."
            ),
        ),
        _section(
            "Het netwerk",
            f"<figure>{svg(network_chart(network, named))}</figure>",
            _paragraph(
                "Elke stip is een organisatie, elke lijn een relatie; organisaties zonder "
                "relatie staan er niet op. De regisseur en de drie sterkste verbinders tussen "
                "sociale en reguliere economie zijn bij naam genoemd."
            ),
        ),
        _section(
            "De regisseur als verbinder",
            _table(broker_table[["naam", "type", "se_regulier_aandeel", "verloren_paren"]].head(5)),
        ),
        _section(
            "De vier ambities van het decreet",
            _flagged(scorecard(table, verband_id)),
            f"<figure>{svg(funnel_chart(comparison, verband_id))}</figure>",
            _paragraph(
                "Trechterplot van de relaties tussen sociale economie en reguliere werkgevers "
                "tegenover toeval: het verband in oranje. Buiten de volle lijnen wijkt een "
                "verband opvallend af van Vlaanderen; binnen de trechter kan het verschil "
                "toeval zijn."
            ),
        ),
        _section(
            "Ontbrekende schakels: wie zou elkaar moeten leren kennen",
            _table(links[["se_naam", "werkgever_naam", "score", "uitleg"]]),
        ),
        _section(
            "Gaten in het netwerk",
            _table(gaps.municipalities),
            _table(gaps.se_without_employer[["naam", "type", "gemeente"]]),
        ),
        _section(
            "Bronnen",
            _paragraph(f"Referentiegegevens van het verband: {facts.source or 'onbekend'}."),
            _paragraph(
                "Netwerkmaten: zie de woordenlijst van Verbinder; elke maat noemt er haar "
                "methode en bron."
            ),
        ),
    ]
    return _document(
        f"Verband {facts.name}",
        f"Regie sociale economie en werk, dataset '{report.dataset}'",
        report.synthetic,
        sections,
    )


def flanders_report_html(dataset: Dataset) -> str:
    """The report of all verbanden for WSE: the funnel of every kind of mixing with its
    reading, the four ambitions side by side, and where the figures come from."""
    require(dataset, detail=False)
    compared = compare_verbanden(dataset)
    table = ambitions(dataset, compared=compared)
    sections = []
    for kind, (what, _) in MIXINGS.items():
        comparison = mixing_comparison(dataset, kind)
        sections.append(
            _section(
                f"Relaties tussen {what}",
                f"<figure>{svg(funnel_chart(comparison, ''))}</figure>",
                _table(comparison[["naam", "lezing", "verhouding", "rang_verhouding"]]),
            )
        )
    overview = ["naam", "se_regulier_verhouding", "se_regulier_lezing", "se_regulier_verbonden"]
    sections.append(_section("Alle verbanden naast elkaar", _table(table[overview])))
    sections.append(
        _section(
            "Hoe lezen",
            _paragraph(
                "Een verhouding tegenover toeval van 1 betekent evenveel relaties als het toeval "
                "zou geven met dezelfde organisaties; de trechter toont welke verschillen groter "
                "zijn dan toeval (Spiegelhalter 2005). Het meet de relaties die in de gegevens "
                "staan: een verband dat zijn netwerk vollediger invult, lijkt beter verbonden."
            ),
        )
    )
    return _document(
        "Vlaanderen: de verbanden vergeleken",
        f"Regie sociale economie en werk, dataset '{dataset.name}', "
        f"{count(len(dataset.verbanden))} verbanden",
        dataset.synthetic,
        sections,
    )
