"""The closed vocabularies of the model: actor types, sector groups, engagement, tie kinds."""

from __future__ import annotations

from enum import IntEnum, StrEnum

__all__ = [
    "ActorType",
    "Engagement",
    "Provenance",
    "SectorGroup",
    "TieKind",
]


class SectorGroup(StrEnum):
    """The four sector groups an actor type belongs to (BRIEF section 2)."""

    SOCIALE_ECONOMIE = "sociale_economie"
    REGULIERE_ECONOMIE = "reguliere_economie"
    OVERHEID = "overheid"
    INTERMEDIAIR = "intermediair"

    @property
    def label(self) -> str:
        """Dutch label for display."""
        return self.value.replace("_", " ")


class ActorType(StrEnum):
    """Kinds of organisation in a verband; the value is the Dutch code users type."""

    GEMEENTE = "gemeente"
    OCMW = "ocmw"
    REGISSEUR = "regisseur"
    MAATWERKBEDRIJF = "maatwerkbedrijf"
    LDE = "lde"
    ARBEIDSZORG = "arbeidszorg"
    INVOEGBEDRIJF = "invoegbedrijf"
    INDIVIDUEEL_MAATWERK = "individueel_maatwerk"
    WERKGEVER = "werkgever"
    VDAB = "vdab"
    PROVINCIE = "provincie"
    WERKGEVERSORGANISATIE = "werkgeversorganisatie"
    VAKBOND = "vakbond"
    VVSG = "vvsg"
    VLAAMSE_OVERHEID = "vlaamse_overheid"
    ONDERWIJS = "onderwijs"
    WELZIJN = "welzijn"
    KINDEROPVANG = "kinderopvang"
    ANDERE = "andere"

    @property
    def label(self) -> str:
        """Dutch label for display: 'LDE', 'Vlaamse overheid', 'maatwerkbedrijf'."""
        return _TYPE_LABELS.get(self, self.value.replace("_", " "))

    @property
    def sector_group(self) -> SectorGroup:
        """The sector group this type belongs to."""
        return _SECTOR_OF_TYPE[self]

    @property
    def is_social_economy(self) -> bool:
        """True for the social-economy forms (maatwerk, LDE, arbeidszorg, ...)."""
        return self.sector_group is SectorGroup.SOCIALE_ECONOMIE


_SECTOR_OF_TYPE: dict[ActorType, SectorGroup] = {
    ActorType.GEMEENTE: SectorGroup.OVERHEID,
    ActorType.OCMW: SectorGroup.OVERHEID,
    ActorType.PROVINCIE: SectorGroup.OVERHEID,
    ActorType.VLAAMSE_OVERHEID: SectorGroup.OVERHEID,
    ActorType.VDAB: SectorGroup.OVERHEID,
    ActorType.MAATWERKBEDRIJF: SectorGroup.SOCIALE_ECONOMIE,
    ActorType.LDE: SectorGroup.SOCIALE_ECONOMIE,
    ActorType.ARBEIDSZORG: SectorGroup.SOCIALE_ECONOMIE,
    ActorType.INVOEGBEDRIJF: SectorGroup.SOCIALE_ECONOMIE,
    ActorType.INDIVIDUEEL_MAATWERK: SectorGroup.SOCIALE_ECONOMIE,
    ActorType.WERKGEVER: SectorGroup.REGULIERE_ECONOMIE,
    ActorType.REGISSEUR: SectorGroup.INTERMEDIAIR,
    ActorType.WERKGEVERSORGANISATIE: SectorGroup.INTERMEDIAIR,
    ActorType.VAKBOND: SectorGroup.INTERMEDIAIR,
    ActorType.VVSG: SectorGroup.INTERMEDIAIR,
    ActorType.ONDERWIJS: SectorGroup.INTERMEDIAIR,
    ActorType.WELZIJN: SectorGroup.INTERMEDIAIR,
    ActorType.KINDEROPVANG: SectorGroup.INTERMEDIAIR,
    ActorType.ANDERE: SectorGroup.INTERMEDIAIR,
}


_TYPE_LABELS = {
    ActorType.OCMW: "OCMW",
    ActorType.LDE: "LDE",
    ActorType.VDAB: "VDAB",
    ActorType.VVSG: "VVSG",
    ActorType.VLAAMSE_OVERHEID: "Vlaamse overheid",
    ActorType.INDIVIDUEEL_MAATWERK: "individueel maatwerk",
}


class Engagement(IntEnum):
    """Engagement on the survey's 0-3 scale (annex 2 of the 2019 evaluation, BRIEF section 3)."""

    GEEN = 0
    PASSIEF = 1
    ACTIEF = 2
    ZEER_ACTIEF = 3

    @property
    def label(self) -> str:
        """Dutch label as users write it ('zeer actief')."""
        return self.name.lower().replace("_", " ")


class Provenance(StrEnum):
    """Where a tie comes from."""

    BEVRAGING = "bevraging"
    EVENEMENT = "evenement"
    MANUEEL = "manueel"
    BESTAND = "bestand"
    SYNTHETISCH = "synthetisch"


class TieKind(StrEnum):
    """Kinds of tie between organisations (BRIEF section 4).

    Directed kinds point from the party that gives (buys, refers, funds, sends on) to the
    party that receives; undirected kinds are symmetric relations.
    """

    OVERLEG = "overleg"
    SAMENWERKING = "samenwerking"
    AANKOOP = "aankoop"
    TOELEIDING = "toeleiding"
    DOORSTROOM = "doorstroom"
    SAMENWERKINGSOVEREENKOMST = "samenwerkingsovereenkomst"
    FINANCIERING = "financiering"
    LIDMAATSCHAP = "lidmaatschap"
    LEREND_NETWERK = "lerend_netwerk"
    PROVINCIAAL_PLATFORM = "provinciaal_platform"
    ONDERAANNEMING = "onderaanneming"
    EVENEMENT = "evenement"

    @property
    def directed(self) -> bool:
        """Whether a tie of this kind has a direction (source -> target)."""
        return self in _DIRECTED_KINDS

    @property
    def label(self) -> str:
        """Dutch label for display: 'lerend netwerk'."""
        return self.value.replace("_", " ")

    @property
    def description(self) -> str:
        """One Dutch sentence explaining the kind and, if directed, its direction."""
        return _KIND_DESCRIPTIONS[self]


_DIRECTED_KINDS = frozenset(
    {
        TieKind.AANKOOP,
        TieKind.TOELEIDING,
        TieKind.DOORSTROOM,
        TieKind.FINANCIERING,
        TieKind.ONDERAANNEMING,
    }
)

_KIND_DESCRIPTIONS: dict[TieKind, str] = {
    TieKind.OVERLEG: "netwerking en overleg (wederzijds)",
    TieKind.SAMENWERKING: "gezamenlijke acties of projecten (wederzijds)",
    TieKind.AANKOOP: "overheidsopdracht met sociale clausule: bron is klant, doel is leverancier",
    TieKind.TOELEIDING: "toeleiding van werkzoekenden: bron leidt toe naar doel",
    TieKind.DOORSTROOM: "doorstroom van werknemers: van bron (SE) naar doel (werkgever)",
    TieKind.SAMENWERKINGSOVEREENKOMST: "samenwerkingsovereenkomst (wederzijds)",
    TieKind.FINANCIERING: "financiering of subsidie: bron financiert doel",
    TieKind.LIDMAATSCHAP: "lidmaatschap van een verband of organisatie (wederzijds)",
    TieKind.LEREND_NETWERK: "lerend netwerk, bv. van VVSG (wederzijds)",
    TieKind.PROVINCIAAL_PLATFORM: "provinciaal platform sociale economie (wederzijds)",
    TieKind.ONDERAANNEMING: "onderaanneming: bron besteedt uit aan doel",
    TieKind.EVENEMENT: "samen aanwezig op een netwerk- of matchmakingevent (wederzijds)",
}
