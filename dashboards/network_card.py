"""The card beside the network: the chosen organisation, its roles in words, its ties and its
suggested links, from :mod:`queries.actor_card`, the brokerage figures and the suggestions."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.data import DatasetInfo, links_of
from verbinder.graphmodel.formatting import count
from verbinder.graphmodel.model import Dataset
from verbinder.queries.actor_card import actor_card
from verbinder.queries.catalogue import measure

__all__ = ["show_card"]

MARKDOWN = re.compile(r"([\\`*_\[\]()#+\-.!$|<>~:{}])")


def _md(text: str) -> str:
    """User text (names, reasons) shown literally in Markdown: no links, images, LaTeX or
    emphasis from a name."""
    return MARKDOWN.sub(r"\\\1", text)


CARD_SUGGESTIONS = 3
"""How many of the actor's best suggestions the card shows."""


def _roles(row: pd.Series) -> list[str]:
    """The actor's two most frequent brokerage roles, in words."""
    done = sorted(
        ((int(row[f"rol_{r}"]), r) for r in labels.ROLE_READINGS if row[f"rol_{r}"] > 0),
        reverse=True,
    )
    return [
        labels.CARD_ROLE.format(
            role=measure(f"rol_{r}").name, times=count(n), reading=labels.ROLE_READINGS[r]
        )
        for n, r in done[:2]
    ]


def show_card(
    info: DatasetInfo, data: Dataset, verband: str, actor: str, figures: pd.DataFrame
) -> None:
    """Draw the card of ``actor`` (a member of ``verband``) in the current container."""
    card = actor_card(data, verband, actor)
    st.subheader(card.name)
    st.markdown(
        f"**{labels.CARD_TYPE}**: {card.type}  \n**{labels.CARD_PLACE}**: {card.municipality}"
    )
    st.markdown(f"**{labels.CARD_ENGAGEMENT}**")
    st.markdown("\n".join(f"- {_md(name)}: {level}" for name, level in card.engagement))
    st.markdown(f"**{labels.CARD_ROLES}**")
    roles = _roles(figures.loc[actor])
    st.markdown("\n".join(f"- {r}" for r in roles) if roles else labels.CARD_NO_ROLE)
    st.markdown(f"**{labels.CARD_PARTNERS.format(count=count(len(card.partners)))}**")
    if card.partners:
        st.markdown("\n".join(f"- {_md(name)} ({kinds})" for name, kinds in card.partners))
    else:
        st.markdown(labels.CARD_NO_PARTNERS)
    st.markdown(f"**{labels.CARD_SUGGESTIONS}**")
    links = links_of(info, verband, (), 200)
    mine = links[(links["se_actor"] == actor) | (links["werkgever"] == actor)].head(
        CARD_SUGGESTIONS
    )
    if mine.empty:
        st.markdown(labels.CARD_NO_SUGGESTIONS)
    for row in mine.itertuples(index=False):
        other = row.werkgever_naam if row.se_actor == actor else row.se_naam
        st.markdown(f"- **{_md(other)}**: {_md(row.uitleg)}")
