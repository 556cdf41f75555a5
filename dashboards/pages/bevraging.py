"""Bevraging: the regie survey for a verband, its check against the network, and 2018."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboards import labels
from dashboards.components import choose, show_saved
from dashboards.data import can_write, save, survey_form_bytes
from graphmodel.survey import (
    PARTNERS,
    RELATIONS,
    ROLES,
    SCOPES,
    SHARE_WORDS,
    VISIONS,
    SurveyAnswer,
)
from graphmodel.types import Engagement
from queries.survey import (
    survey_disagreements,
    survey_distribution,
    survey_table,
    survey_vs_2018,
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
                key: st.selectbox(
                    label,
                    levels,
                    index=int(old.engagement[key]) if old else 0,
                    key=f"bevraging_rol_{key}",
                )
                for key, label in PARTNERS.items()
            }
            st.markdown(f"**{labels.SURVEY_RELATIONS}**")
            relations = {
                key: st.selectbox(
                    label,
                    SHARE_WORDS,
                    index=old.relations[key] if old else 0,
                    key=f"bevraging_besturen_{key}",
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
            scope = st.selectbox(
                labels.SURVEY_SCOPE,
                list(SCOPES),
                index=list(SCOPES).index(old.scope) if old else 0,
                format_func=SCOPES.get,
                key="bevraging_reikwijdte",
            )
            vision = st.selectbox(
                labels.SURVEY_VISION,
                list(VISIONS),
                index=list(VISIONS).index(old.vision) if old else 0,
                format_func=VISIONS.get,
                key="bevraging_beleidsvisie",
            )
            answered = st.date_input(
                labels.SURVEY_DATE, value=date.today(), format="DD/MM/YYYY", key="bevraging_datum"
            )
            submitted = st.form_submit_button(labels.SURVEY_SAVE, key="bevraging_opslaan")
        if submitted:
            total = sum(roles.values())
            if abs(total - 100) > 0.5:
                st.error(labels.SURVEY_SUM.format(total=total))
            else:
                answer = SurveyAnswer(
                    verband,
                    answered,
                    {k: Engagement(levels.index(v)) for k, v in engagement.items()},
                    {k: SHARE_WORDS.index(v) for k, v in relations.items()},
                    roles,
                    scope,
                    vision,
                )
                others = tuple(a for a in data.surveys if a.verband_id != verband)
                save(data.replace(surveys=(*others, answer)), action=labels.SURVEY_ACTION)
                st.session_state["bevraging_saved"] = labels.SURVEY_SAVED.format(verband=verband)
                st.rerun()
        st.subheader(labels.SURVEY_CHECK)
        differences = survey_disagreements(data, verband)
        if differences.empty:
            st.info(labels.SURVEY_AGREES)
        else:
            st.dataframe(differences, hide_index=True, width="stretch")
    st.subheader(labels.SURVEY_2018)
    st.dataframe(survey_vs_2018(data), hide_index=True, width="stretch")
    st.subheader(labels.SURVEY_SPREAD)
    st.dataframe(survey_distribution(data), width="stretch")
    st.subheader(labels.SURVEY_TABLE)
    st.dataframe(survey_table(data), hide_index=True, width="stretch")
