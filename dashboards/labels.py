"""Every Dutch text of the dashboard, in one place so that it can be reviewed."""

from __future__ import annotations

APP_TITLE = "Verbinder"
PAGES = {
    "start": "Start",
    "netwerk": "Netwerk",
    "verbinders": "Verbinders",
    "schakels": "Ontbrekende schakels",
    "vergelijken": "Vergelijken",
    "gegevens": "Gegevens",
    "dubbels": "Dubbels",
    "bevraging": "Bevraging",
    "netwerkbevraging": "Netwerkbevraging",
    "woordenlijst": "Woordenlijst",
}
ANALYST_PAGES = ("start", "vergelijken", "bevraging", "netwerkbevraging", "woordenlijst")
"""What a WSE analist sees: aggregated figures only (the other pages name organisations)."""
SIGN_IN = "Aanmelden"
SIGN_OUT = "Afmelden"
AUTH_MISSING = (
    "Deze installatie gebruikt een rollenbestand, maar aanmelden is niet ingesteld: vul de "
    "sectie [auth] in .streamlit/secrets.toml in (zie de README). Zonder aanmelding is er "
    "geen toegang."
)
SYNTHETIC = (
    "Synthetische demodata: verzonnen organisaties en relaties op de echte verbanden en "
    "gemeenten van 2017-2019. Geen echte gegevens."
)
NO_DATASET = (
    "Er is nog geen dataset. Maak de demo met `verbinder demo` of lees een werkmap in op de "
    "pagina Gegevens."
)
FIRST_RUN = (
    "Welkom. Er staan nog geen gegevens in Verbinder. Begin met de demo om rond te kijken, of "
    "met de gegevens van uw eigen verband."
)
FIRST_RUN_DEMO = (
    "**De demo**: de echte 32 verbanden en gemeenten van 2017-2019 met verzonnen organisaties "
    "en relaties, overal gemarkeerd als synthetisch."
)
FIRST_RUN_OWN = (
    "**Eigen gegevens**: vul het sjabloon in (organisaties, relaties, evenementen) en lees het "
    "in op de pagina Gegevens; fouten worden gemeld per blad, rij en kolom."
)
FIRST_RUN_ASK = "Vraag de beheerder om een dataset in te lezen; u kunt zelf geen gegevens bewaren."
LOAD_DEMO = "Laad de demo"
SPIN_DEMO = "De demo maken (enkele seconden) ..."
GO_UPLOAD = "Naar Gegevens: eigen gegevens opladen"
DATASET = "Dataset"
VERBAND = "Verband"
ACTORS = "Actoren"
TIES = "Relaties (alle soorten)"
TIES_HELP = (
    "Alle relaties binnen het verband, ook als twee organisaties er meerdere hebben (bv. "
    "overleg én samenwerking). De netwerkmaten tellen verbonden paren: een paar met meerdere "
    "relaties telt daar één keer."
)
INHABITANTS = "Inwoners"
SUBSIDY = "Subsidie per jaar"
MUNICIPALITIES = "Gemeenten"
POLICY_CYCLE = "Beleidsperiode"
PERIODS_COMPARED = (
    "Beleidsperiode van deze verbanden: {periods}. Inwoners en subsidie zijn die van de "
    "verbanden in die periode."
)
PERIOD_CHOICE = "Beleidsperiode van deze gegevens"
PERIOD_CHOICE_HELP = (
    "Verbanden die de werkmap noemt zonder ze in het blad verbanden te beschrijven, komen uit "
    "de verbanden van deze periode: 2017-2019 wordt meegeleverd, een latere periode bewaart "
    "een beheerder met 'verbinder periode BESTAND --periode 2020-2025 --bewaar'."
)
ENGAGED = "Actief of zeer actief"
SE_REGULAR_SHARE = "Kortste SE-reguliere paden via de regisseur"
ONLY_BRIDGE = "De regisseur is de enige brug tussen sociale en reguliere economie."
SIZE_BY = "Grootte volgens"
TYPES = "Actortypes"
MIN_ENGAGEMENT = "Minimale betrokkenheid"
MORE_FILTERS = "Meer filters: soorten relaties en datum"
SEARCH_ACTOR = "Zoek een organisatie"
NOBODY = "(geen: het hele verband)"
COLOUR_BY = "Kleur volgens"
COLOURINGS = {"sector": "sectorgroep", "gemeenschap": "gemeenschap"}
EGO_ONLY = "Enkel haar omgeving"
SHOW_ALONE = "Ook zonder relaties"
SHOW_SUGGESTIONS = "Toon voorgestelde schakels"
LARGE_TEXT = "Grote letters (projector)"
SECTOR_LEGEND = {
    "sociale_economie": "sociale economie",
    "reguliere_economie": "reguliere economie",
    "overheid": "overheid",
    "intermediair": "intermediair (regisseur, VDAB, sociale partners)",
}
COMMUNITY_LEGEND = "kleur: gemeenschap (organisaties die onderling dicht verbonden zijn)"
BORDER_LEGEND = "dikke rand: regisseur of een van de vijf sterkste verbinders"
BRIDGE_LEGEND = "dikke lijn: relatie van de regisseur met sociale of reguliere economie"
SUGGESTION_LEGEND = "gestreept: voorgestelde schakel (dikker: hogere score)"
SUGGESTIONS_DRAWN = 25
"""The best suggestions drawn on the network when asked."""
ALONE_HIDDEN_ONE = (
    "1 organisatie zonder relatie in deze selectie is verborgen (zet 'Ook zonder relaties' "
    "aan om ze onderaan te zien)."
)
ALONE_HIDDEN = (
    "{count} organisaties zonder relatie in deze selectie zijn verborgen (zet 'Ook zonder "
    "relaties' aan om ze onderaan in een raster te zien)."
)
SIZE_SCALE = "Grootte: „{name}“, van klein (laagste) tot groot (hoogste waarde): {reading}"
CARD_TYPE = "Soort"
CARD_PLACE = "Gemeente"
CARD_ENGAGEMENT = "Betrokkenheid"
CARD_ROLES = "Rol als verbinder"
CARD_NO_ROLE = "Verbindt in dit verband geen andere organisaties."
CARD_ROLE = "{role} ({times} keer): {reading}"
CARD_PARTNERS = "Relaties in dit verband ({count})"
CARD_NO_PARTNERS = "Nog geen relatie in dit verband."
CARD_SUGGESTIONS = "Voorgestelde schakels"
CARD_NO_SUGGESTIONS = "Geen voorstel voor deze organisatie bij de beste voorstellen."
DOWNLOAD_CSV = "Download als CSV"
DOWNLOAD_XLSX = "Download als Excel"
TOP_N = "Aantal voorstellen"
SECTOR_FILTER = "Sectoren of activiteiten"
CAPACITY = "Aantal plaatsen"
PLAN = "Stel een uitnodigingslijst voor"
TABLE_SIZE = "Plaatsen per tafel"
MAKE_PLAN = "Stel de lijst op"
PLAN_HINT = (
    "Kies het aantal plaatsen en klik op 'Stel de lijst op': de rekenmodule zoekt de lijst met "
    "de meeste kansrijke nieuwe contacten (in een groot verband tot enkele seconden)."
)
MATCH_MAP = "Kaart van de voorstellen"
MATCH_TOWNS = "Enkel werkgevers in deze gemeenten"
MATCH_CAPTION = (
    "Links de organisaties uit de sociale economie, rechts de werkgevers; elke gestreepte lijn "
    "is een voorstel hierboven, dikker bij een hogere score. Klik op een lijn voor de reden. "
    "Sectoren of activiteiten kiest u bovenaan."
)
PLAN_SUMMARY = (
    "{invited} uitnodigingen, per tafel geschikt; naar verwachting {expected} nieuwe contacten "
    "tussen SE-organisaties en werkgevers (een ruwe schatting, geen belofte)."
)
UPLOAD = "Werkmap (.xlsx) om te controleren en in te lezen"
UPLOAD_BUTTON = "Kies een bestand"
UPLOAD_BUTTON_MANY = "Kies bestanden"
UPLOAD_LIMIT = "Excel-werkmap (.xlsx), tot {mb} MB"
TEMPLATE = "Download het lege sjabloon"
REPLACE = (
    "Vervang de bestaande dataset met deze naam (een regisseur vervangt enkel het deel van "
    "de eigen verbanden; de rest blijft zoals hij is)"
)
IMPORT_AS = "Naam van de dataset"
IMPORT = "Lees in"
IMPORTED = "Dataset '{name}' ingelezen: {actors} actoren, {ties} relaties."
NO_ERRORS = "Geen fouten gevonden."
ERRORS = "{count} fout(en): er wordt niets ingelezen tot ze verbeterd zijn."
HIGHLIGHT_REGISSEUR = "regisseur van dit verband"
HIGHLIGHT_BROKER = "een van de sterkste verbinders"

WHAT_DO_I_SEE = "Wat zie ik?"
SHOW_ALL_ROWS = "Toon alle {count} rijen"
ROWS_SHOWN = "De eerste {shown} van {count} rijen, in de volgorde van de tabel."
SORTED_BY = "Gesorteerd op „{name}“, hoogste eerst."
SPIN_LOAD = "De dataset laden ..."
SPIN_BROKERS = "Makelaarsrollen, structurele gaten en centraliteit berekenen ..."
SPIN_PROFILE = "De netwerkmaten van het verband berekenen ..."
SPIN_COMPARE = "Alle verbanden doorrekenen om ze te vergelijken ..."
SPIN_LINKS = "Ontbrekende schakels zoeken en rangschikken ..."
SPIN_PLAN = "Een uitnodigingslijst samenstellen ..."
SPIN_DUPLICATES = "Mogelijke dubbels zoeken ..."
GLOSSARY_MEASURES = "Alle maten en kolommen"
GLOSSARY_FILTER = "Zoek een maat of kolom"
CHOOSE = "Kies ..."
CONTACT = "Markeer een voorstel als 'contact gelegd'"
CONTACT_PAIR = "Voorstel"
CONTACT_CONFIRM = "Ik bevestig dat deze organisaties contact gelegd hebben"
CONTACT_SAVE = "Contact gelegd: bewaar als relatie"
CONTACT_SAVED = "Relatie bewaard (samenwerking vanaf {day}); het voorstel verdwijnt uit de lijst."
PERIOD = "Relaties geldig op"
FUNNEL = "Trechterplot: {what}, tegenover toeval"
FUNNEL_KIND = "Welke verbindingen vergelijken"
FUNNEL_NOTE = (
    "Elke stip is een verband: hoe hoger, hoe meer relaties tussen {what} dan het toeval zou "
    "geven met dezelfde organisaties en evenveel relaties (1 = zoals toeval). Naar rechts "
    "liggen de grote verbanden: daar is het cijfer zekerder, dus de trechter smaller. De "
    "horizontale lijn is Vlaanderen ({target}). Buiten de stippellijnen (95%) is een eerste "
    "aanwijzing; buiten de volle lijnen (99,8%) wijkt een verband opvallend af, en dat gebeurt "
    "bij toeval bijna nooit. Binnen de trechter betekent niet dat alles goed gaat, wel dat het "
    "verschil met Vlaanderen ook toeval kan zijn."
)
OVERDISPERSED = (
    "De verbanden verschillen onderling meer dan toeval alleen kan verklaren (overspreiding "
    "{phi}): de grenzen zijn daarom verbreed (Spiegelhalter 2005)."
)
FUNNEL_READINGS = "Lezing per verband"
AMBITIONS = "De vier ambities van het decreet: {name}"
AMBITIONS_NOTE = (
    "Per ambitie de indicatoren uit het netwerk en de bevraging, met de Vlaamse mediaan. Bij "
    "de verhoudingen tegenover toeval houdt de lezing rekening met de grootte van het verband "
    "(trechterplot); de andere indicatoren worden met de mediaan vergeleken. Groen: opvallend "
    "hoger of boven de mediaan; oranje: opvallend lager of onder de mediaan."
)
AMBITIONS_ALL = "Alle verbanden, per ambitie"
GROUPING = "Toon"
GROUPINGS_ALL = "alle verbanden"
GROUPINGS_CENTRE = "met een centrumstad"
GROUPINGS_NO_CENTRE = "zonder centrumstad"
GROUPINGS_ALONE = "gemeenten die de regie alleen opnemen"
ROLES = "Makelaarsrollen (Gould en Fernandez)"
ROLE_READINGS = {
    "coordinator": "verbindt twee actoren uit de eigen sectorgroep",
    "consultant": "verbindt twee actoren uit eenzelfde andere groep",
    "vertegenwoordiger": "brengt iets van de eigen groep naar een andere groep",
    "poortwachter": "laat iets van buiten binnen in de eigen groep",
    "liaison": "verbindt twee andere groepen, van geen van beide lid",
}
SIZES = {
    "tussenpositie": "tussenpositie",
    "graad": "aantal contacten",
    "se_regulier_aandeel": "SE-reguliere paden",
    "betrokkenheid": "betrokkenheid",
}
"""Measures the Netwerk page can size nodes by."""
DRAWN = "{actors} organisaties en {arcs} relaties getekend."
MEDIAN_DENSITY = (
    "Dichtheid tegenover grootte; de lijn is de mediaan van de verbanden ({median}). De "
    "dichtheid daalt vanzelf in grote verbanden: vergelijk verbanden met de trechterplot."
)
EI_GROUPS = "E-I-index per sectorgroep"
CONTACT_ACTION = "contact gelegd"
IMPORT_ACTION = "import (dashboard)"
DUPLICATES_INTRO = (
    "Organisaties die dubbel kunnen zijn: 'zeker' bij hetzelfde KBO-nummer, 'na te kijken' bij "
    "(bijna) dezelfde naam in dezelfde gemeente. Niets wordt vanzelf samengevoegd; twee "
    "verschillende KBO-nummers worden nooit samengevoegd."
)
NO_DUPLICATES = "Geen mogelijke dubbels gevonden."
DUPLICATE_PAIR = "Paar (de eerste actor blijft, de tweede wordt erin samengevoegd)"
DUPLICATE_CONFIRM = "Ik bevestig dat dit dezelfde organisatie is"
DUPLICATE_MERGE = "Samenvoegen"
DUPLICATE_MERGED = "Samengevoegd ({id}); dit kan ongedaan gemaakt worden hieronder."
MERGES = "Samenvoegingen"
MERGE_LINE = "{id} ({at}): {dropped} samengevoegd in {kept}"
UNDO = "Ongedaan maken"
UNDONE = "{id} ongedaan gemaakt."
MERGE_ACTION = "samengevoegd"
UNDO_ACTION = "samenvoegen ongedaan"
SURVEY_INTRO = (
    "De bevraging van de regisseurs (bijlage 2 van de evaluatie van 2018) voor dit verband. "
    "Offline invullen kan met het formulier; een ingevuld formulier leest u in met "
    "'verbinder survey-import'."
)
SURVEY_FORM = "Download het formulier (Excel)"
SURVEY_ENGAGEMENT = "In welke mate zijn volgende partners geëngageerd?"
SURVEY_RELATIONS = "Hoe is uw relatie met de lokale besturen binnen het verband?"
SURVEY_ROLES = "Welke rollen neemt u op? (% van uw tijd, samen 100)"
SURVEY_SCOPE = "Hoe uitgebreid is uw werking?"
SURVEY_VISION = "Is er een gedragen beleidsvisie op de sociale economie?"
SURVEY_DATE = "Datum van het antwoord"
SURVEY_SAVE = "Bewaar het antwoord"
SURVEY_SAVED = "Antwoord voor {verband} bewaard."
NOTHING_SAVED = "Niets bewaard: {problem}."
SURVEY_ACTION = "bevraging"
SURVEY_CHECK = "Waar het netwerk iets anders zegt dan de bevraging"
SURVEY_AGREES = "Het netwerk en de bevraging zeggen hetzelfde (of er is nog geen antwoord)."
SURVEY_2018 = "Vergelijking met de bevraging van 2018"
SURVEY_SPREAD = "Rollen van de partners over de beantwoorde verbanden"
SURVEY_TABLE = "De antwoorden per verband"
MERGE_BY_BEHEERDER = (
    "Samenvoegen en ongedaan maken doet in een gedeelde installatie de beheerder: geef hem de "
    "paren door die u nakeek."
)

ROSTER_INTRO = (
    "Elke partner van het verband vult zelf in met welke andere organisaties hij samenwerkt en "
    "hoe hij die samenwerking ervaart. Maak de formulieren (één werkmap per organisatie), stuur "
    "ze rond, en lees de ingevulde hier in: alles of niets, een nieuw formulier van een "
    "organisatie vervangt enkel haar vorige antwoorden."
)
ROSTER_MAKE = "Formulieren maken"
ROSTER_MAKING = "Formulieren maken: ongeveer een tiende van een seconde per organisatie..."
ROSTER_READING = "{count} formulier(en) lezen..."
ROSTER_DOWNLOAD = "Formulieren downloaden (zip)"
ROSTER_UPLOAD = "Ingevulde formulieren (.xlsx, meerdere tegelijk)"
ROSTER_RULE = "Welke relaties komen in het netwerk?"
ROSTER_RULES = {
    "reconstructie": "Standaard: bevestigd door beide, en relaties met wie niet antwoordde",
    "unie": "Alle genoemde relaties, ook de eenzijdige",
    "bevestigd": "Enkel relaties die beide organisaties noemen",
}
ROSTER_READ = "Formulieren inlezen"
ROSTER_NOTHING_READ = "Niets ingelezen: verbeter de formulieren en probeer opnieuw."
ROSTER_UNCHANGED = "{count} formulier(en) gelezen; er verandert niets."
ROSTER_SAVED = "{count} formulier(en) van verband '{verband}' ingelezen."
ROSTER_ACTION = "netwerkbevraging (dashboard)"
ROSTER_OVERVIEW = "Overzicht van de ronde"
ROSTER_NONE = "Voor dit verband zijn nog geen formulieren ingelezen."
ROSTER_TIES = "Relaties uit de bevraging"
ROSTER_SCORES = "Vertrouwen en meerwaarde per organisatie (een gemiddelde vanaf 3 partners)"
ROSTER_ADDED = "Organisaties die partners als ontbrekend opschreven"
ROSTER_ADDED_NOTE = (
    "Geen leden van het verband. Hoort een organisatie erbij, voeg ze dan toe via de werkmap "
    "(blad actoren, pagina Gegevens) en maak nieuwe formulieren voor de volgende ronde."
)
SURVEY_LEGEND = {
    "bevestigd": "relatie uit de netwerkbevraging, door beide genoemd",
    "eenzijdig": "relatie uit de netwerkbevraging, door één kant genoemd",
    "onbekend": "relatie uit de netwerkbevraging, door één kant genoemd",
}
ROSTER_COMPARE = "De verbanden naast elkaar"
ROSTER_COMPARE_NOTE = (
    "De verbanden met een ronde die u ziet, op volgorde van hun code: geen rangorde. De "
    "respons van deze verbanden samen is {share}; de grenzen zeggen of een verschil daarmee "
    "ook toeval kan zijn (met minder dan twee verbanden is er niets te vergelijken)."
)
ROSTER_TOO_FEW = (
    "Dit verband heeft minder dan twee partners met een betrokkenheid: er is geen lijst om "
    "formulieren mee te maken (met de opdrachtregel kan het ook voor alle leden: "
    "--ook-zonder-betrokkenheid)."
)
NOT_COMPUTABLE = "niet te berekenen"
