"""The typed stakeholder graph: actors, ties, verbanden, engagement; views and stores."""

from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    SourceFile,
    Tie,
    Verband,
)
from verbinder.graphmodel.reference import reference_municipalities, reference_verbanden
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, SectorGroup, TieKind
from verbinder.graphmodel.views import to_multidigraph, to_weighted_graph, verband_subgraph

__all__ = [
    "Actor",
    "ActorType",
    "Dataset",
    "Engagement",
    "Event",
    "Membership",
    "Participation",
    "Provenance",
    "SectorGroup",
    "SourceFile",
    "Tie",
    "TieKind",
    "Verband",
    "reference_municipalities",
    "reference_verbanden",
    "to_multidigraph",
    "to_weighted_graph",
    "verband_subgraph",
]
