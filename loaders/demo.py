"""A deterministic synthetic network on the real 32 verbanden of 2017-2019 and their municipalities.

Every organisation and tie is invented; the dataset is flagged synthetic and its ties carry
provenance ``synthetisch``. Counts follow the verbanden's inhabitants; engagement is drawn to
match the 2018 survey (:mod:`graphmodel.survey_2018`); ties have the structure the sources
describe: the regisseur as hub, dense within the social economy and within government, sparse
between the social and the regular economy.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.municipalities import resolve_place
from verbinder.graphmodel.progress import Progress, counted, silent
from verbinder.graphmodel.reference import reference_municipalities, reference_verbanden
from verbinder.graphmodel.survey_2018 import VERBAND_ROLE_SHARES
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind
from verbinder.loaders.demo_calibration import allocate
from verbinder.loaders.demo_names import EMPLOYER_SECTORS, SE_ACTIVITIES, SURNAMES, WORDS
from verbinder.loaders.demo_roster import demo_roster_round
from verbinder.loaders.demo_survey import demo_survey_answers

__all__ = ["DEMO_DESCRIPTION", "DEMO_SEED", "demo_actor_count", "generate_demo", "scale_for"]

DEMO_SEED = 2018
DEMO_DESCRIPTION = (
    "Synthetische demodata: verzonnen organisaties en relaties op de echte 32 verbanden en "
    "gemeenten van 2017-2019, betrokkenheid gekalibreerd op de bevraging van 2018, met een "
    "verzonnen ronde van de netwerkbevraging in drie verbanden. "
    "Geen echte gegevens."
)

# Inhabitants per organisation of each scaled type at scale 1.
_PER_INHABITANTS = {
    ActorType.WERKGEVER: 1500,
    ActorType.LDE: 20000,
    ActorType.ARBEIDSZORG: 60000,
    ActorType.KINDEROPVANG: 40000,
    ActorType.ONDERWIJS: 50000,
    ActorType.WELZIJN: 50000,
}
_MAATWERK_PER_VERBAND = 1.5


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _count(actor_type: ActorType, inhabitants: int, scale: float) -> int:
    return max(1, round(scale * inhabitants / _PER_INHABITANTS[actor_type]))


def _maatwerk_count(n_verbanden: int, scale: float) -> int:
    return max(1, round(scale * _MAATWERK_PER_VERBAND * n_verbanden))


def demo_actor_count(scale: float) -> int:
    """How many actors :func:`generate_demo` makes at ``scale`` (counts are not random)."""
    verbanden = reference_verbanden()
    provinces = defaultdict(int)
    for verband in verbanden:
        provinces[verband.province] += 1
    municipalities = len({r.municipality for r in reference_municipalities()})
    fixed = 2 * municipalities + 2 * len(verbanden) + len(provinces) * (1 + 5) + 2
    scaled = sum(_count(t, v.inhabitants, scale) for v in verbanden for t in _PER_INHABITANTS)
    maatwerk = sum(_maatwerk_count(n, scale) for n in provinces.values())
    return fixed + scaled + maatwerk


def scale_for(n_actors: int) -> float:
    """The scale at which the demo has about ``n_actors`` actors (at least the fixed part)."""
    low, high = 0.0, 1.0
    while demo_actor_count(high) < n_actors:
        high *= 2
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if demo_actor_count(middle) < n_actors else (low, middle)
    return high


class _Generator:
    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.verbanden = reference_verbanden()
        self.actors: dict[str, dict] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self.ties: list[Tie] = []
        self.tie_keys: set[tuple[str, str, TieKind]] = set()
        self.roles = self._verband_roles()

    def _verband_roles(self) -> dict[ActorType, dict[str, Engagement]]:
        """Per type, the role it plays in each verband, in exactly the survey's shares."""
        ids = [v.id for v in self.verbanden]
        roles = {}
        for actor_type, shares in VERBAND_ROLE_SHARES.items():
            levels = allocate(shares, len(ids))
            self.rng.shuffle(levels)
            roles[actor_type] = dict(zip(ids, levels, strict=True))
        # The survey asks about "sociale partners" as one group: employers' organisations and
        # unions share the verband's role.
        roles[ActorType.VAKBOND] = roles[ActorType.WERKGEVERSORGANISATIE]
        return roles

    def add_actor(self, actor_id: str, name: str, actor_type: ActorType, **fields: object) -> str:
        if actor_id in self.actors:
            raise ValueError(f"duplicate demo id {actor_id}")
        place = fields.get("municipality")
        self.actors[actor_id] = {
            "id": actor_id,
            "name": name,
            "type": actor_type,
            "memberships": {},
            "nis": None if place is None else resolve_place(str(place)).municipality.nis,
            **fields,
        }
        return actor_id

    def join(
        self,
        actor_id: str,
        verband_id: str,
        level: Engagement,
        political: Engagement | None = None,
        administrative: Engagement | None = None,
    ) -> None:
        self.actors[actor_id]["memberships"][verband_id] = Membership(
            verband_id, level, political, administrative
        )
        self.members[verband_id].append(actor_id)

    def level(self, actor_type: ActorType, verband_id: str, drop: float = 0.4) -> Engagement:
        """The verband's role for this type, one lower with probability ``drop``."""
        role = self.roles[actor_type][verband_id]
        if role > 0 and self.rng.random() < drop:
            return Engagement(role - 1)
        return role

    def tie(self, source: str, target: str, kind: TieKind, weight: float = 1.0) -> None:
        key = (source, target, kind) if kind.directed or source < target else (target, source, kind)
        if source == target or key in self.tie_keys:
            return
        self.tie_keys.add(key)
        start = date(self.rng.randint(2012, 2019), self.rng.randint(1, 12), 1)
        end = (
            date(start.year + self.rng.randint(1, 4), 12, 31) if self.rng.random() < 0.05 else None
        )
        self.ties.append(
            Tie(
                f"r{len(self.ties) + 1:06d}",
                source,
                target,
                kind,
                weight,
                start,
                end,
                Provenance.SYNTHETISCH,
            )
        )

    def maybe(self, probability: float) -> bool:
        return self.rng.random() < probability


def _engaged(level: Engagement, passive: float, active: float) -> float:
    return (0.0, passive, active, 1.0)[level]


def generate_demo(
    *, seed: int = DEMO_SEED, scale: float = 1.0, name: str = "demo", progress: Progress = silent
) -> Dataset:
    """The synthetic demo network; the same ``seed`` and ``scale`` give the same dataset.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    scale : float
        Multiplies the number of employers, social-economy and flanking organisations
        (1.0: about 4,700 actors; use :func:`scale_for` for a target size).
    name : str
        Dataset name.
    """
    if not 0 < scale <= 100:  # also refuses NaN
        raise ValueError(f"scale must be in (0, 100], not {scale}")
    gen = _Generator(seed, scale)
    municipalities = _municipalities(gen)
    by_province: dict[str, list[Verband]] = defaultdict(list)
    for verband in gen.verbanden:
        by_province[verband.province].append(verband)
    national = _national(gen)
    for province, verbanden in by_province.items():
        _province(gen, province, verbanden, national)
    for verband in counted(gen.verbanden, "Demo maken", progress, len(gen.verbanden)):
        _verband(gen, verband, municipalities)
    events, participations = _events(gen)
    actors = tuple(
        Actor(memberships=tuple(a.pop("memberships").values()), **a) for a in gen.actors.values()
    )
    dataset = Dataset(
        name=name,
        actors=actors,
        ties=tuple(gen.ties),
        verbanden=gen.verbanden,
        events=events,
        participations=participations,
        synthetic=True,
        description=DEMO_DESCRIPTION,
    )
    responses, survey_ties = demo_roster_round(dataset, seed)
    return dataset.replace(
        surveys=demo_survey_answers(dataset, seed),
        roster_responses=responses,
        ties=dataset.ties + survey_ties,
    )


def _municipalities(gen: _Generator) -> dict[str, tuple[str, str]]:
    """Municipality and OCMW actors (one per municipality, shared if split over verbanden)."""
    result = {}
    lead = {}
    for ref in reference_municipalities():
        if ref.is_centrumstad or ref.verband_id not in lead:
            lead[ref.verband_id] = ref.municipality
    for ref in reference_municipalities():
        if ref.municipality not in result:
            slug = _slug(ref.municipality)
            prefix = "Stad" if ref.is_centrumstad else "Gemeente"
            gem = gen.add_actor(
                f"gem-{slug}",
                f"{prefix} {ref.municipality}",
                ActorType.GEMEENTE,
                municipality=ref.municipality,
            )
            ocmw = gen.add_actor(
                f"ocmw-{slug}",
                f"OCMW {ref.municipality}",
                ActorType.OCMW,
                municipality=ref.municipality,
            )
            result[ref.municipality] = (gem, ocmw)
        gem, ocmw = result[ref.municipality]
        is_lead = lead[ref.verband_id] == ref.municipality
        level = gen.level(ActorType.GEMEENTE, ref.verband_id, 0.0 if is_lead else 0.5)
        political = Engagement(max(0, min(3, level + gen.rng.choice((-1, 0, 0, 1)))))
        administrative = Engagement(max(0, min(3, level + gen.rng.choice((-1, 0, 0, 1)))))
        gen.join(gem, ref.verband_id, level, political, administrative)
        gen.join(ocmw, ref.verband_id, gen.level(ActorType.OCMW, ref.verband_id))
        gen.tie(gem, ocmw, TieKind.SAMENWERKING, 2.0)
    return result


def _national(gen: _Generator) -> dict[str, str]:
    vvsg = gen.add_actor("vvsg", "VVSG", ActorType.VVSG, municipality="Brussel")
    wse = gen.add_actor(
        "wse",
        "Departement Werk en Sociale Economie",
        ActorType.VLAAMSE_OVERHEID,
        municipality="Brussel",
    )
    for verband in gen.verbanden:
        gen.join(vvsg, verband.id, gen.level(ActorType.VVSG, verband.id, 0.0))
        gen.join(wse, verband.id, gen.level(ActorType.VLAAMSE_OVERHEID, verband.id, 0.0))
    return {"vvsg": vvsg, "wse": wse}


def _province(
    gen: _Generator, province: str, verbanden: list[Verband], national: dict[str, str]
) -> None:
    slug = _slug(province)
    capital = {
        "Antwerpen": "Antwerpen",
        "Limburg": "Hasselt",
        "Oost-Vlaanderen": "Gent",
        "Vlaams-Brabant": "Leuven",
        "West-Vlaanderen": "Brugge",
    }[province]
    prov = gen.add_actor(
        f"prov-{slug}", f"Provincie {province}", ActorType.PROVINCIE, municipality=capital
    )
    partners = [
        gen.add_actor(
            f"{org.lower()}-{slug}", f"{org} {province}", actor_type, municipality=capital
        )
        for org, actor_type in (
            ("Voka", ActorType.WERKGEVERSORGANISATIE),
            ("Unizo", ActorType.WERKGEVERSORGANISATIE),
            ("ACV", ActorType.VAKBOND),
            ("ABVV", ActorType.VAKBOND),
            ("ACLVB", ActorType.VAKBOND),
        )
    ]
    for verband in verbanden:
        gen.join(prov, verband.id, gen.level(ActorType.PROVINCIE, verband.id, 0.0))
        for i, partner in enumerate(partners):
            drop = 0.0 if i == 0 else 0.3
            gen.join(partner, verband.id, gen.level(gen.actors[partner]["type"], verband.id, drop))
    for a in partners[:2]:
        for b in partners[2:]:
            gen.tie(a, b, TieKind.OVERLEG)
    gen.tie(national["wse"], prov, TieKind.OVERLEG)
    count = _maatwerk_count(len(verbanden), gen.scale)
    for i in range(count):
        activities = tuple(gen.rng.sample(sorted(SE_ACTIVITIES), gen.rng.randint(2, 4)))
        fte = round(gen.rng.uniform(40, 1200), 1)
        home = verbanden[i % len(verbanden)]
        mwb = gen.add_actor(
            f"mwb-{slug}-{i + 1}",
            f"Maatwerkbedrijf {gen.rng.choice(WORDS)} {province} {i + 1}",
            ActorType.MAATWERKBEDRIJF,
            municipality=gen.rng.choice(home.municipalities),
            activities=activities,
            nace=tuple(SE_ACTIVITIES[a] for a in activities),
            fte=fte,
            target_group_workers=int(fte * gen.rng.uniform(0.65, 0.85)),
        )
        start = i % len(verbanden)
        for offset in range(gen.rng.randint(1, min(3, len(verbanden)))):
            verband = verbanden[(start + offset) % len(verbanden)]
            gen.join(mwb, verband.id, gen.level(ActorType.MAATWERKBEDRIJF, verband.id))
        gen.tie(prov, mwb, TieKind.PROVINCIAAL_PLATFORM)
        if gen.maybe(0.2):
            gen.tie(prov, mwb, TieKind.FINANCIERING)
        if gen.maybe(0.3):
            gen.tie(gen.rng.choice(partners[2:]), mwb, TieKind.OVERLEG)


def _verband(gen: _Generator, verband: Verband, municipalities: dict[str, tuple[str, str]]) -> None:
    vid = verband.id
    rng = gen.rng
    place = verband.centrumstad or verband.municipalities[0]
    reg = gen.add_actor(
        f"reg-{vid}",
        f"Regie sociale economie {verband.name}",
        ActorType.REGISSEUR,
        municipality=place,
    )
    gen.join(reg, vid, Engagement.ZEER_ACTIEF)
    vdab = gen.add_actor(f"vdab-{vid}", f"VDAB {place} ({vid})", ActorType.VDAB, municipality=place)
    gen.join(vdab, vid, gen.level(ActorType.VDAB, vid, 0.0))

    def local(
        actor_type: ActorType, prefix: str, make: Callable[[str], tuple[str, dict]]
    ) -> list[str]:
        made = []
        for i in range(_count(actor_type, verband.inhabitants, gen.scale)):
            town = rng.choice(verband.municipalities)
            stem, fields = make(town)
            actor = gen.add_actor(
                f"{prefix}-{vid}-{i + 1}",
                f"{stem} {town} {i + 1}",
                actor_type,
                municipality=town,
                **fields,
            )
            gen.join(actor, vid, gen.level(actor_type, vid, 0.5))
            made.append(actor)
        return made

    def se_unit(kind: str, low: float, high: float) -> Callable[[str], tuple[str, dict]]:
        def make(town: str) -> tuple[str, dict]:
            activities = tuple(rng.sample(sorted(SE_ACTIVITIES), rng.randint(1, 2)))
            fte = round(rng.uniform(low, high), 1)
            return f"{kind} {activities[0].capitalize()}", {
                "activities": activities,
                "nace": tuple(SE_ACTIVITIES[a] for a in activities),
                "fte": fte,
                "target_group_workers": int(fte * 0.8),
            }

        return make

    def named(*stems: str) -> Callable[[str], tuple[str, dict]]:
        return lambda town: (rng.choice(stems), {})

    lde = local(ActorType.LDE, "lde", se_unit("LDE", 3, 40))
    zorg = local(ActorType.ARBEIDSZORG, "az", se_unit("Arbeidszorg", 2, 15))
    flanking = (
        local(ActorType.KINDEROPVANG, "ko", named("Kinderopvang"))
        + local(ActorType.ONDERWIJS, "ow", named("Centrum Volwassenenonderwijs"))
        + local(ActorType.WELZIJN, "wz", named("CAW", "Welzijnshuis"))
    )
    employers = _employers(gen, verband)
    members = gen.members[vid]
    actor = gen.actors
    se = [a for a in members if actor[a]["type"].is_social_economy]
    gemeenten = [municipalities[m][0] for m in verband.municipalities]

    for other in members:
        level = actor[other]["memberships"][vid].engagement
        if actor[other]["type"] is ActorType.WERKGEVER:
            chance = _engaged(level, 0.3, 0.7)
        else:
            chance = _engaged(level, 0.6, 0.95)
        if other != reg and gen.maybe(chance):
            gen.tie(reg, other, TieKind.OVERLEG, float(1 + level))
    gen.tie("vvsg", reg, TieKind.LEREND_NETWERK)
    gen.tie("wse", reg, TieKind.FINANCIERING, 3.0)
    for gem in gemeenten:
        if actor[gem]["memberships"][vid].engagement >= Engagement.ACTIEF:
            gen.tie(gem, reg, TieKind.FINANCIERING)
        if actor[gem]["municipality"] == place or gen.maybe(0.3):
            gen.tie(vdab, gem, TieKind.SAMENWERKINGSOVEREENKOMST)
    for i, a in enumerate(gemeenten):
        for b in gemeenten[i + 1 :]:
            both_active = (
                min(
                    actor[a]["memberships"][vid].engagement, actor[b]["memberships"][vid].engagement
                )
                >= Engagement.ACTIEF
            )
            if gen.maybe(0.5 if both_active else 0.15):
                gen.tie(a, b, TieKind.OVERLEG)
    by_town = {m: municipalities[m] for m in verband.municipalities}
    for unit in lde + zorg:
        gem, ocmw = by_town[actor[unit]["municipality"]]
        gen.tie(gem if unit in lde else ocmw, unit, TieKind.AANKOOP, 2.0)
    for unit in se:
        if gen.maybe(0.8):
            gen.tie(vdab, unit, TieKind.TOELEIDING)
        if actor[unit]["type"] is ActorType.MAATWERKBEDRIJF and gen.maybe(0.3):
            gen.tie(rng.choice(gemeenten), unit, TieKind.AANKOOP)
    # Dense inside the social economy, but an organisation keeps up some six partnerships at
    # most, however many SE actors the verband has.
    within_se = min(0.25, 6 / max(1, len(se) - 1))
    for i, a in enumerate(se):
        for b in se[i + 1 :]:
            if gen.maybe(within_se):
                gen.tie(a, b, TieKind.SAMENWERKING)
    for unit in flanking:
        gem, _ = by_town[actor[unit]["municipality"]]
        if gen.maybe(0.7):
            gen.tie(gem, unit, TieKind.SAMENWERKING)
        if se and actor[unit]["type"] is ActorType.WELZIJN and gen.maybe(0.4):
            gen.tie(unit, rng.choice(se), TieKind.TOELEIDING)
    _employer_ties(gen, vid, employers, se)


def _employers(gen: _Generator, verband: Verband) -> list[str]:
    rng = gen.rng
    weights = [share for share, _, _ in EMPLOYER_SECTORS]
    top = gen.roles[ActorType.WERKGEVER][verband.id]
    made = []
    for i in range(_count(ActorType.WERKGEVER, verband.inhabitants, gen.scale)):
        _, _, options = rng.choices(EMPLOYER_SECTORS, weights)[0]
        stem, nace = rng.choice(options)
        town = rng.choice(verband.municipalities)
        employer = gen.add_actor(
            f"wg-{verband.id}-{i + 1}",
            f"{stem} {rng.choice(SURNAMES)} {town} {i + 1}",
            ActorType.WERKGEVER,
            municipality=town,
            nace=(nace,),
            fte=round(rng.lognormvariate(3.0, 1.1), 1),
            tags=("MVO",) if rng.random() < 0.1 else (),
        )
        # The first two employers carry the verband's employer role; most others stand apart.
        drawn = rng.choices((0, 1, 2), (0.70, 0.25, 0.05))[0]
        level = top if i < 2 else Engagement(min(top, drawn))
        gen.join(employer, verband.id, level)
        made.append(employer)
    return made


def _employer_ties(gen: _Generator, vid: str, employers: list[str], se: list[str]) -> None:
    rng = gen.rng
    actor = gen.actors
    organisations = [
        a for a in gen.members[vid] if actor[a]["type"] is ActorType.WERKGEVERSORGANISATIE
    ]
    by_activity: dict[str, list[str]] = defaultdict(list)
    for unit in se:
        for nace in actor[unit].get("nace", ()):
            by_activity[nace[:2]].append(unit)
    for employer in employers:
        level = actor[employer]["memberships"][vid].engagement
        if organisations and gen.maybe(0.25):
            gen.tie(employer, rng.choice(organisations), TieKind.LIDMAATSCHAP)
        if gen.maybe(0.2):
            gen.tie(employer, rng.choice(employers), TieKind.SAMENWERKING)
        matching = by_activity.get(actor[employer]["nace"][0][:2], [])
        if matching and gen.maybe(_engaged(level, 0.15, 0.4) + 0.03):
            gen.tie(employer, rng.choice(matching), TieKind.ONDERAANNEMING)
    for unit in se:
        if employers and gen.maybe(0.2):
            gen.tie(unit, rng.choice(employers), TieKind.DOORSTROOM)


def _events(gen: _Generator) -> tuple[tuple[Event, ...], tuple[Participation, ...]]:
    rng = gen.rng
    events, participations = [], []
    for verband in gen.verbanden:
        members = gen.members[verband.id]
        for number, (kind, theme) in enumerate(
            (
                ("netwerkevent", "sociale economie in de regio"),
                ("matchmaking", rng.choice(sorted(SE_ACTIVITIES))),
            ),
            start=1,
        ):
            event = Event(
                f"ev-{verband.id}-{number}",
                f"{kind.capitalize()} {verband.name}",
                date(2019, rng.randint(1, 12), rng.randint(1, 28)),
                verband.id,
                kind,
                theme,
            )
            events.append(event)
            for member in members:
                level = gen.actors[member]["memberships"][verband.id].engagement
                if rng.random() < (0.02, 0.15, 0.5, 0.9)[level]:
                    participations.append(Participation(event.id, member))
    return tuple(events), tuple(participations)
