"""Every query refuses another verband to a regisseur and names to an analist (issue #7).

The table below lists every public function of ``queries``; a test fails when a new one is
added without being listed, so no query escapes these checks.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal
from verbinder.graphmodel.access import AccessDeniedError, Principal, Role
from verbinder.graphmodel.scoping import scope_dataset
from verbinder.loaders.demo import generate_demo
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.queries.actions import forget_personal_data, record_contact, record_survey
from verbinder.queries.actor_card import actor_card
from verbinder.queries.ambitions import ambitions
from verbinder.queries.brokers import brokers, brokers_by_verband
from verbinder.queries.change import network_change
from verbinder.queries.compare import compare_row, compare_verbanden
from verbinder.queries.duplicates import find_duplicates
from verbinder.queries.event_planner import plan_event
from verbinder.queries.export import export_dataset
from verbinder.queries.gaps import verband_gaps
from verbinder.queries.merging import merge_actors, undo_merge
from verbinder.queries.missing_links import missing_links
from verbinder.queries.mixing import mixing_comparison, mixing_row
from verbinder.queries.network import build_network, verband_network
from verbinder.queries.outcomes import suggestion_outcomes
from verbinder.queries.profile import verband_profile
from verbinder.queries.rapport import flanders_report_html, verband_report_html
from verbinder.queries.report import verband_report
from verbinder.queries.roster import (
    record_roster,
    response_rates,
    roster_additions,
    roster_comparison,
    roster_members,
    roster_scores,
    roster_summary,
    roster_ties,
)
from verbinder.queries.survey import (
    survey_disagreements,
    survey_distribution,
    survey_table,
    survey_vs_2018,
)
from verbinder.queries.view import filtered_network

from verbinder import queries

OWN, OTHER = "gent", "brugge"
REGISSEUR = Principal("an@gent.be", Role.REGISSEUR, frozenset({OWN}))
ANALIST = Principal("wse@vlaanderen.be", Role.ANALIST)


def _pair(data, verband):
    se = next(a for a in data.members_of(verband) if a.sector_group.value == "sociale_economie")
    employer = next(a for a in data.members_of(verband) if a.type.value == "werkgever")
    return se.id, employer.id


VERBAND_QUERIES = {
    "report.verband_report": (False, lambda d, v, tmp: verband_report(d, v)),
    "profile.verband_profile": (False, lambda d, v, tmp: verband_profile(d, v)),
    "compare.compare_row": (False, lambda d, v, tmp: pd.Series(compare_row(d, v))),
    "mixing.mixing_row": (False, lambda d, v, tmp: pd.Series(mixing_row(d, v))),
    "network.verband_network": (True, lambda d, v, tmp: verband_network(d, v)),
    "brokers.brokers": (True, lambda d, v, tmp: brokers(d, v)),
    "change.network_change": (
        True,
        lambda d, v, tmp: network_change(d, d, v, before_at=date(2016, 1, 1)),
    ),
    "view.filtered_network": (True, lambda d, v, tmp: filtered_network(d, v)),
    "actor_card.actor_card": (
        True,
        lambda d, v, tmp: pd.Series(
            [actor_card(d, v, min(a.id for a in d.members_of(v)) if d.members_of(v) else "x")]
        ),
    ),
    "gaps.verband_gaps": (True, lambda d, v, tmp: verband_gaps(d, v)),
    "rapport.verband_report_html": (
        True,
        lambda d, v, tmp: verband_report_html(d, v, fit=default_sector_fit()),
    ),
    "missing_links.missing_links": (
        True,
        lambda d, v, tmp: missing_links(d, v, fit=default_sector_fit(), top=5),
    ),
    "survey.survey_disagreements": (True, lambda d, v, tmp: survey_disagreements(d, v)),
    "roster.roster_members": (True, lambda d, v, tmp: pd.Series(roster_members(d, v))),
    "roster.record_roster": (True, lambda d, v, tmp: record_roster(d, v, [])),
    "roster.response_rates": (False, lambda d, v, tmp: response_rates(d, v)),
    "roster.roster_summary": (False, lambda d, v, tmp: pd.Series(roster_summary(d, v))),
    "roster.roster_ties": (True, lambda d, v, tmp: roster_ties(d, v)),
    "roster.roster_scores": (True, lambda d, v, tmp: roster_scores(d, v)),
    "roster.roster_additions": (True, lambda d, v, tmp: roster_additions(d, v)),
    "event_planner.plan_event": (
        True,
        lambda d, v, tmp: plan_event(d, v, capacity=10, fit=default_sector_fit()),
    ),
}
"""Queries about one verband: (detail, call)."""

DATASET_QUERIES = {
    "compare.compare_verbanden": (False, lambda d, tmp: compare_verbanden(d)),
    "brokers.brokers_by_verband": (True, lambda d, tmp: pd.Series(brokers_by_verband(d))),
    "mixing.mixing_comparison": (False, lambda d, tmp: mixing_comparison(d)),
    "ambitions.ambitions": (False, lambda d, tmp: ambitions(d)),
    "rapport.flanders_report_html": (False, lambda d, tmp: pd.Series([flanders_report_html(d)])),
    "export.export_dataset": (True, lambda d, tmp: export_dataset(d, tmp / "uit.json")),
    "outcomes.suggestion_outcomes": (
        True,
        lambda d, tmp: suggestion_outcomes(d, d.events[0].id, [_pair(d, d.events[0].verband_id)]),
    ),
    "actions.record_contact": (
        True,
        lambda d, tmp: record_contact(d, *_pair(d, sorted(d.verband_by_id)[0]), day=date.today()),
    ),
    "duplicates.find_duplicates": (True, lambda d, tmp: find_duplicates(d)),
    "survey.survey_vs_2018": (False, lambda d, tmp: survey_vs_2018(d)),
    "survey.survey_distribution": (False, lambda d, tmp: survey_distribution(d)),
    "survey.survey_table": (False, lambda d, tmp: survey_table(d)),
    "roster.roster_comparison": (False, lambda d, tmp: roster_comparison(d)),
    "merging.merge_actors": (
        True,
        lambda d, tmp: merge_actors(
            d, *[a.id for a in d.members_of(sorted(d.verband_by_id)[0])[:2]], reason="x"
        ),
    ),
    "merging.undo_merge": (True, lambda d, tmp: undo_merge(d, "samenvoeging-1")),
    "actions.record_survey": (True, lambda d, tmp: record_survey(d, d.surveys[:1])),
    "actions.forget_personal_data": (
        True,
        lambda d, tmp: forget_personal_data(d, d.members_of(sorted(d.verband_by_id)[0])[0].id),
    ),
}
"""Queries over the dataset as a whole (what they see is the scoped dataset): (detail, call)."""

NOT_QUERIES = {
    "network.build_network": "bouwsteen voor andere queries; weigert een ander verband",
    "profile.network_measures": "vat een netwerk uit build_network samen",
    "profile.measures_of": "network_measures van build_network, dat een ander verband weigert",
    "analysis.remembered": "bewaart een resultaat op een dataset; leest zelf niets",
    "merge_survey.carried_responses": "deel van merge_actors, dat controleert",
    "merge_survey.survey_record": "deel van merge_actors, dat controleert",
    "merge_survey.merged_survey": "deel van merge_actors, dat controleert",
    "merge_survey.undone_survey": "deel van undo_merge, dat controleert",
    "merge_survey.later_survey_merge": "deel van undo_merge, dat controleert",
    "analysis.remember_all": "rekent taken van een query uit, die zelf controleert",
    "kept.kept_frame": "bewaart de tabel van een query; de opslag scoopt per gebruiker",
    "kept.compare_table": "compare_verbanden op wat de opslag deze gebruiker laat zien",
    "kept.brokers_table": "brokers op wat de opslag deze gebruiker laat zien",
    "kept.prepare": "brokers_by_verband op wat de opslag deze gebruiker laat zien",
    "kept.mixing_table": "mixing_comparison op wat de opslag deze gebruiker laat zien",
    "kept.ambitions_table": "ambitions op wat de opslag deze gebruiker laat zien",
    "compare.hypergeometric_z": "rekent met getallen, leest geen dataset",
    "funnel.funnel": "rekent met getallen, leest geen dataset",
    "funnel.poisson_limit": "rekent met getallen, leest geen dataset",
    "funnel.binomial_limit": "rekent met getallen, leest geen dataset",
    "funnel.proportion_reading": "rekent met getallen, leest geen dataset",
    "mixing.funnel_curves": "rekent met een vergelijking die een query al gaf",
    "ambitions.scorecard": "toont een tabel die een query al gaf",
    "charts.funnel_chart": "tekent een vergelijking die een query al gaf",
    "charts.density_chart": "tekent een vergelijking die een query al gaf",
    "charts.network_chart": "tekent een netwerk dat een query al gaf",
    "charts.svg": "zet een figuur om naar SVG, leest geen dataset",
    "export.export_table": "schrijft een tabel die een query al gaf",
    "export.table_bytes": "schrijft een tabel die een query al gaf",
    "export.export_tables": "schrijft tabellen die een query al gaf",
    "catalogue.measure": "de maatcatalogus, leest geen dataset",
    "catalogue.explanation": "de maatcatalogus, leest geen dataset",
    "catalogue.glossary": "de woordenlijst, leest geen dataset",
    "presentation.readable": "toont een tabel die een query al gaf",
    "presentation.shown": "toont een waarde die een query al gaf",
    "presentation.measure_table": "toont maten die een query al gaf",
    "presentation.measure_text": "toont maten die een query al gaf",
    "presentation.legend_lines": "de maatcatalogus, leest geen dataset",
    "presentation.text_table": "toont een tabel die een query al gaf",
    "permissions.require": "de controle zelf",
    "roster.response_warning": "schrijft een waarschuwing bij een aandeel, leest geen dataset",
    "places.municipality_list": "toont gemeentenamen die een query al gaf",
    "places.periods_text": "toont beleidsperioden die een query al gaf",
    "change.composition_changes": "leest enkel de verbanden (publieke referentie), geen actoren",
    "view.without_isolates": "werkt op een netwerk dat een query al gaf",
    "view.communities": "werkt op een netwerk dat een query al gaf",
    "seating.seat": "schikt de uitnodigingen die een query al gaf",
    "actions.fresh_id": "kiest een nieuwe id, leest geen dataset",
    "duplicates.may_be_one_organisation": "vergelijkt twee actoren, leest geen dataset",
    "link_reasons.explain": "schrijft de zinnen van een paar, leest geen dataset",
    "link_reasons.without_shared": "voegt zinnen samen, leest geen dataset",
    "server_side.server_counts": "getest tegen de Bolt-server (test_neo4j_store.py)",
    "server_side.server_density": "getest tegen de Bolt-server (test_neo4j_store.py)",
    "server_side.server_verband_graph": "getest tegen de Bolt-server (test_neo4j_store.py)",
}


@pytest.fixture(scope="module")
def whole():
    """The demo with a contact person on every actor (personal data to keep out)."""
    data = generate_demo(scale=0.15)
    return data.replace(
        actors=tuple(
            replace(a, contact_name=f"Persoon {i}", contact_email=f"p{i}@x.be")
            for i, a in enumerate(data.actors)
        )
    )


def test_every_public_query_is_checked():
    listed = set(VERBAND_QUERIES) | set(DATASET_QUERIES) | set(NOT_QUERIES)
    found = set()
    for module in pkgutil.iter_modules(queries.__path__):
        loaded = importlib.import_module(f"verbinder.queries.{module.name}")
        for name in getattr(loaded, "__all__", []):
            if inspect.isfunction(getattr(loaded, name)):
                found.add(f"{module.name}.{name}")
    assert found == listed


@pytest.mark.parametrize("query", sorted(VERBAND_QUERIES))
def test_a_regisseur_is_refused_another_verband_and_served_their_own(whole, query, tmp_path):
    _, call = VERBAND_QUERIES[query]
    mine = scope_dataset(whole, REGISSEUR)
    with pytest.raises(AccessDeniedError, match=f"geen toegang tot verband '{OTHER}'"):
        call(mine, OTHER, tmp_path)
    call(mine, OWN, tmp_path)


@pytest.mark.parametrize("query", sorted(VERBAND_QUERIES))
def test_an_analist_gets_aggregates_only(whole, query, tmp_path):
    detail, call = VERBAND_QUERIES[query]
    seen = scope_dataset(whole, ANALIST)
    if detail:
        with pytest.raises(AccessDeniedError, match="Als analist ziet u samengevoegde cijfers"):
            call(seen, OTHER, tmp_path)
    else:
        assert "Persoon" not in repr(call(seen, OTHER, tmp_path))


@pytest.mark.parametrize("query", sorted(DATASET_QUERIES))
def test_dataset_queries_refuse_an_analist_names(whole, query, tmp_path):
    detail, call = DATASET_QUERIES[query]
    seen = scope_dataset(whole, ANALIST)
    if detail:
        with pytest.raises(AccessDeniedError, match="Als analist ziet u samengevoegde cijfers"):
            call(seen, tmp_path)
    else:
        assert "Persoon" not in repr(call(seen, tmp_path).to_dict())


def test_a_regisseur_compare_export_and_outcomes_hold_only_their_verband(whole, tmp_path):
    mine = scope_dataset(whole, REGISSEUR)
    assert list(compare_verbanden(mine)["verband"]) == [OWN]
    exported = export_dataset(mine, tmp_path / "uit.json").read_text(encoding="utf-8")
    others = [a for a in whole.actors if OWN not in a.verbanden]
    assert others and not any(f'"{a.id}"' in exported for a in others)
    assert not any(f'"{v}"' in exported for v in whole.verband_by_id if v != OWN)
    foreign = next(e for e in whole.events if e.verband_id == OTHER)
    with pytest.raises(KeyError):
        suggestion_outcomes(mine, foreign.id, [])
    with pytest.raises(KeyError):
        record_contact(mine, *_pair(whole, OTHER), day=date.today())
    assert forget_personal_data(mine, others[0].id) is None


def test_scoping_does_not_change_the_answer_about_the_own_verband(whole):
    mine = scope_dataset(whole, REGISSEUR)
    # Same rows and figures; the eigenvector differs in the last bits (another node order).
    assert_frame_equal(brokers(mine, OWN), brokers(whole, OWN), rtol=1e-12)
    assert_series_equal(verband_profile(mine, OWN).measures, verband_profile(whole, OWN).measures)
    assert build_network(mine, OWN).graph.number_of_edges() == (
        build_network(whole, OWN).graph.number_of_edges()
    )
    with pytest.raises(AccessDeniedError):
        build_network(mine, OTHER)
