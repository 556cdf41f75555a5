"""Bevraging: the regie survey for a verband, its check against the network, and 2018."""

from __future__ import annotations

from datetime import date

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import choose, show_saved, table
from verbinder.dashboards.data import can_write, save, survey_form_bytes
from verbinder.graphmodel.survey import (
    PARTNERS,
    RELATIONS,
    ROLES,
    SCOPES,
    SHARE_WORDS,
    VISIONS,
    SurveyAnswer,
    roles_problem,
)
from verbinder.graphmodel.types import Engagement
from verbinder.queries.actions import record_survey
from verbinder.queries.survey import (
    survey_disagreements,
    survey_distribution,
    survey_table,
    survey_vs_2018,
)


def pick(label: str, options, current: str | None, key: str) -> str:
    """A choice among ``options`` (a list, or a dict of key -> text), starting at ``current``."""
    keys = list(options)
    return st.selectbox(
        label,
        keys,
        index=keys.index(current) if current else 0,
        format_func=options.get if isinstance(options, dict) else str,
        key=f"bevraging_{key}",
    )


st.title(labels.PAGES["bevraging"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    show_saved("bevraging_saved")
    if can_write():
        st.caption(labels.SURVEY_INTRO)
        st.download_button(labels.SURVEY_FORM, survey_form_bytes((verband,)), "bevraging.xlsx")
        old = next((a for a in data.surveys if a.verband_id == verband), None)
        levels = [e.label for e in Engagement]
        with st.form("bevraging_form"):
            st.markdown(f"**{labels.SURVEY_ENGAGEMENT}**")
            engagement = {
                key: pick(label, levels, old and old.engagement[key].label, f"rol_{key}")
                for key, label in PARTNERS.items()
            }
            st.markdown(f"**{labels.SURVEY_RELATIONS}**")
            relations = {
                key: pick(
                    label, SHARE_WORDS, old and SHARE_WORDS[old.relations[key]], f"besturen_{key}"
                )
                for key, label in RELATIONS.items()
            }
            st.markdown(f"**{labels.SURVEY_ROLES}**")
            roles = {
                key: st.number_input(
                    label,
                    min_value=0.0,
                    max_value=100.0,
                    value=float(old.roles[key]) if old else 0.0,
                    step=5.0,
                    key=f"bevraging_tijd_{key}",
                )
                for key, label in ROLES.items()
            }
            scope = pick(labels.SURVEY_SCOPE, SCOPES, old and old.scope, "reikwijdte")
            vision = pick(labels.SURVEY_VISION, VISIONS, old and old.vision, "beleidsvisie")
            answered = st.date_input(
                labels.SURVEY_DATE, value=date.today(), format="DD/MM/YYYY", key="bevraging_datum"
            )
            submitted = st.form_submit_button(labels.SURVEY_SAVE, key="bevraging_opslaan")
        if submitted and (problem := roles_problem(roles)):
            st.error(labels.NOTHING_SAVED.format(problem=problem))
        elif submitted:
            answer = SurveyAnswer(
                verband,
                answered,
                {k: Engagement(levels.index(v)) for k, v in engagement.items()},
                {k: SHARE_WORDS.index(v) for k, v in relations.items()},
                roles,
                scope,
                vision,
            )
            save(record_survey(data, [answer]), action=labels.SURVEY_ACTION)
            st.session_state["bevraging_saved"] = labels.SURVEY_SAVED.format(verband=verband)
            st.rerun()
        st.subheader(labels.SURVEY_CHECK)
        differences = survey_disagreements(data, verband)
        if differences.empty:
            st.info(labels.SURVEY_AGREES)
        else:
            table(differences)
    st.subheader(labels.SURVEY_2018)
    table(survey_vs_2018(data))
    st.subheader(labels.SURVEY_SPREAD)
    table(survey_distribution(data))
    st.subheader(labels.SURVEY_TABLE)
    table(survey_table(data))
