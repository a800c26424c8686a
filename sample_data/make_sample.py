"""Write the bundled sample needs assessment deterministically, and benchmark files of any size.

`python sample_data/make_sample.py` rewrites the committed sample in this folder: invented public
buyers from 23 countries answering one joint-procurement needs assessment, exported from three
survey tools (Microsoft Forms, EUSurvey, SurveyMonkey) in five survey languages, free text in ten.
The benchmark reuses the same generator (`write_benchmark_file`, `write_benchmark_csv`).
Everything is drawn from one seeded `random.Random`; no clock is read, so runs are byte-identical.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import functools
import io
import itertools
import math
import random
import unicodedata
import uuid
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.writer.excel import ExcelWriter

Response = dict[str, Any]

SAMPLE_SIZE = 360
SAMPLE_SEED = 7
SURVEY_FIRST_DAY = date(2026, 9, 7)  # a Monday; the survey runs 8 working weeks
SURVEY_WORKING_DAYS = 40
WORKDAY_START_HOUR = 8
WORKDAY_SECONDS = 9 * 3600
EXPORTED_AT = datetime(2026, 11, 2, 9, 15)  # export date, workbook created/modified stamp
ZIP_ENTRY_TIME = (1980, 1, 1, 0, 0, 0)

LANGUAGES = ("en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da")

# ---------------------------------------------------------------------------------------------
# Survey wording: question titles, option labels and answers, per survey language
# ---------------------------------------------------------------------------------------------

QUESTION_FIELDS = (
    "organisation",
    "country",
    "org_type",
    "sectors",
    "need",
    "budget",
    "horizon",
    "role",
    "market",
    "contact_name",
    "contact_email",
    "contact_phone",
)

_QUESTION_TITLES = {
    "en": (
        "Name of your organisation",
        "Country",
        "Type of organisation",
        "Which sectors are you interested in?",
        "Describe your main unmet procurement need or challenge",
        "Estimated budget (EUR)",
        "When do you plan to procure?",
        "Would you like to take a role in a working group?",
        "Is there a suitable solution on the market today?",
        "Contact person",
        "Email address",
        "Phone number",
    ),
    "sv": (
        "Organisationens namn",
        "Land",
        "Typ av organisation",
        "Vilka sektorer är ni intresserade av?",
        "Beskriv ert viktigaste ouppfyllda upphandlingsbehov eller er största utmaning",
        "Uppskattad budget (EUR)",
        "När planerar ni att upphandla?",
        "Vill ni ta en roll i en arbetsgrupp?",
        "Finns det en lämplig lösning på marknaden i dag?",
        "Kontaktperson",
        "E-postadress",
        "Telefonnummer",
    ),
    "de": (
        "Name Ihrer Organisation",
        "Land",
        "Art der Organisation",
        "Für welche Sektoren interessieren Sie sich?",
        "Beschreiben Sie Ihren wichtigsten ungedeckten Beschaffungsbedarf oder Ihre größte Herausforderung",
        "Geschätztes Budget (EUR)",
        "Wann planen Sie die Beschaffung?",
        "Möchten Sie eine Rolle in einer Arbeitsgruppe übernehmen?",
        "Gibt es heute eine geeignete Lösung auf dem Markt?",
        "Ansprechpartner/in",
        "E-Mail-Adresse",
        "Telefonnummer",
    ),
    "fr": (
        "Nom de votre organisation",
        "Pays",
        "Type d'organisation",
        "Quels secteurs vous intéressent ?",
        "Décrivez votre principal besoin d'achat non satisfait ou votre principal défi",
        "Budget estimé (EUR)",
        "Quand prévoyez-vous d'acheter ?",
        "Souhaitez-vous jouer un rôle dans un groupe de travail ?",
        "Existe-t-il aujourd'hui une solution adaptée sur le marché ?",
        "Personne de contact",
        "Adresse e-mail",
        "Téléphone",
    ),
    "es": (
        "Nombre de su organización",
        "País",
        "Tipo de organización",
        "¿Qué sectores le interesan?",
        "Describa su principal necesidad de compra no cubierta o su principal reto",
        "Presupuesto estimado (EUR)",
        "¿Cuándo prevé realizar la compra?",
        "¿Le gustaría asumir un papel en un grupo de trabajo?",
        "¿Existe hoy en el mercado una solución adecuada?",
        "Persona de contacto",
        "Correo electrónico",
        "Teléfono",
    ),
    "it": (
        "Nome della vostra organizzazione",
        "Paese",
        "Tipo di organizzazione",
        "Quali settori vi interessano?",
        "Descrivete il vostro principale fabbisogno di acquisto non soddisfatto o la principale sfida",
        "Budget stimato (EUR)",
        "Quando prevedete di acquistare?",
        "Vorreste assumere un ruolo in un gruppo di lavoro?",
        "Esiste oggi sul mercato una soluzione adeguata?",
        "Persona di contatto",
        "Indirizzo e-mail",
        "Telefono",
    ),
    "pl": (
        "Nazwa organizacji",
        "Kraj",
        "Rodzaj organizacji",
        "Którymi sektorami są Państwo zainteresowani?",
        "Proszę opisać główną niezaspokojoną potrzebę zakupową lub wyzwanie",
        "Szacunkowy budżet (EUR)",
        "Kiedy planują Państwo zakup?",
        "Czy chcieliby Państwo pełnić rolę w grupie roboczej?",
        "Czy na rynku jest dziś odpowiednie rozwiązanie?",
        "Osoba do kontaktu",
        "Adres e-mail",
        "Numer telefonu",
    ),
    "nl": (
        "Naam van uw organisatie",
        "Land",
        "Type organisatie",
        "In welke sectoren bent u geïnteresseerd?",
        "Beschrijf uw belangrijkste onvervulde inkoopbehoefte of uitdaging",
        "Geschat budget (EUR)",
        "Wanneer bent u van plan in te kopen?",
        "Wilt u een rol opnemen in een werkgroep?",
        "Is er vandaag een geschikte oplossing op de markt?",
        "Contactpersoon",
        "E-mailadres",
        "Telefoonnummer",
    ),
    "fi": (
        "Organisaation nimi",
        "Maa",
        "Organisaation tyyppi",
        "Mitkä sektorit kiinnostavat teitä?",
        "Kuvatkaa tärkein täyttymätön hankintatarpeenne tai haasteenne",
        "Arvioitu budjetti (EUR)",
        "Milloin aiotte hankkia?",
        "Haluaisitteko ottaa roolin työryhmässä?",
        "Onko markkinoilla tänään sopivaa ratkaisua?",
        "Yhteyshenkilö",
        "Sähköpostiosoite",
        "Puhelinnumero",
    ),
    "da": (
        "Organisationens navn",
        "Land",
        "Organisationstype",
        "Hvilke sektorer er I interesseret i?",
        "Beskriv jeres vigtigste udækkede indkøbsbehov eller udfordring",
        "Anslået budget (EUR)",
        "Hvornår planlægger I at indkøbe?",
        "Vil I påtage jer en rolle i en arbejdsgruppe?",
        "Findes der i dag en egnet løsning på markedet?",
        "Kontaktperson",
        "E-mailadresse",
        "Telefonnummer",
    ),
}
QUESTIONS: dict[str, dict[str, str]] = {
    language: dict(zip(QUESTION_FIELDS, titles, strict=True)) for language, titles in _QUESTION_TITLES.items()
}

SECTORS = (
    "healthcare",
    "construction",
    "vehicles",
    "energy",
    "food",
    "ict",
    "textiles",
    "furniture",
    "cleaning",
    "lighting",
    "waste",
    "water",
)
_SECTOR_LABELS = {
    "en": (
        "Healthcare",
        "Construction",
        "Vehicles and mobility",
        "Energy",
        "Food and catering",
        "ICT",
        "Textiles",
        "Furniture",
        "Cleaning",
        "Lighting",
        "Waste and circular economy",
        "Water",
    ),
    "sv": (
        "Hälso- och sjukvård",
        "Bygg och anläggning",
        "Fordon och mobilitet",
        "Energi",
        "Livsmedel och måltider",
        "IT",
        "Textilier",
        "Möbler",
        "Städ och rengöring",
        "Belysning",
        "Avfall och cirkulär ekonomi",
        "Vatten och avlopp",
    ),
    "de": (
        "Gesundheitswesen",
        "Bauwesen",
        "Fahrzeuge und Mobilität",
        "Energie",
        "Lebensmittel und Catering",
        "IKT",
        "Textilien",
        "Möbel",
        "Reinigung",
        "Beleuchtung",
        "Abfall und Kreislaufwirtschaft",
        "Wasser",
    ),
    "fr": (
        "Santé",
        "Construction",
        "Véhicules et mobilité",
        "Énergie",
        "Alimentation et restauration",
        "TIC",
        "Textiles",
        "Mobilier",
        "Nettoyage",
        "Éclairage",
        "Déchets et économie circulaire",
        "Eau",
    ),
    "es": (
        "Sanidad",
        "Construcción",
        "Vehículos y movilidad",
        "Energía",
        "Alimentación y restauración",
        "TIC",
        "Textiles",
        "Mobiliario",
        "Limpieza",
        "Alumbrado",
        "Residuos y economía circular",
        "Agua",
    ),
    "it": (
        "Sanità",
        "Edilizia",
        "Veicoli e mobilità",
        "Energia",
        "Alimenti e ristorazione",
        "ICT",
        "Tessili",
        "Arredi",
        "Pulizia",
        "Illuminazione",
        "Rifiuti ed economia circolare",
        "Acqua",
    ),
    "pl": (
        "Ochrona zdrowia",
        "Budownictwo",
        "Pojazdy i mobilność",
        "Energia",
        "Żywność i catering",
        "ICT",
        "Tekstylia",
        "Meble",
        "Sprzątanie",
        "Oświetlenie",
        "Odpady i gospodarka o obiegu zamkniętym",
        "Woda",
    ),
    "nl": (
        "Gezondheidszorg",
        "Bouw",
        "Voertuigen en mobiliteit",
        "Energie",
        "Voeding en catering",
        "ICT",
        "Textiel",
        "Meubilair",
        "Schoonmaak",
        "Verlichting",
        "Afval en circulaire economie",
        "Water",
    ),
    "fi": (
        "Terveydenhuolto",
        "Rakentaminen",
        "Ajoneuvot ja liikkuminen",
        "Energia",
        "Elintarvikkeet ja ateriapalvelut",
        "ICT",
        "Tekstiilit",
        "Kalusteet",
        "Siivous",
        "Valaistus",
        "Jätteet ja kiertotalous",
        "Vesi",
    ),
    "da": (
        "Sundhed",
        "Byggeri og anlæg",
        "Køretøjer og mobilitet",
        "Energi",
        "Fødevarer og forplejning",
        "IT",
        "Tekstiler",
        "Møbler",
        "Rengøring",
        "Belysning",
        "Affald og cirkulær økonomi",
        "Vand",
    ),
}
SECTOR_LABELS: dict[str, dict[str, str]] = {
    language: dict(zip(SECTORS, labels, strict=True)) for language, labels in _SECTOR_LABELS.items()
}

# The label SurveyMonkey puts over the typed "Other" column of the sectors question.
OTHER_SPECIFY = {
    "en": "Other (please specify)",
    "sv": "Annat (ange vad)",
    "de": "Sonstiges (bitte angeben)",
    "fr": "Autre (veuillez préciser)",
    "es": "Otro (especifique)",
    "it": "Altro (specificare)",
    "pl": "Inne (jakie?)",
    "nl": "Anders, namelijk",
    "fi": "Muu, mikä?",
    "da": "Andet (angiv)",
}

ORG_TYPES = (
    "municipality",
    "region",
    "central_purchasing_body",
    "hospital",
    "university",
    "housing",
    "transport",
    "utility",
    "agency",
)
ORG_TYPE_WEIGHTS = (34, 10, 8, 11, 7, 7, 6, 9, 8)
_ORG_TYPE_LABELS = {
    "en": (
        "Municipality / city",
        "Region / county",
        "Central purchasing body",
        "Hospital / health authority",
        "University / research institution",
        "Public housing company",
        "Public transport authority",
        "Municipal utility (energy, water, waste)",
        "National agency / ministry",
    ),
    "sv": (
        "Kommun",
        "Region",
        "Inköpscentral",
        "Sjukhus / hälso- och sjukvård",
        "Universitet / högskola",
        "Allmännyttigt bostadsbolag",
        "Kollektivtrafikmyndighet",
        "Kommunalt bolag (energi, vatten, avfall)",
        "Statlig myndighet / departement",
    ),
    "de": (
        "Stadt / Gemeinde",
        "Region / Landkreis",
        "Zentrale Beschaffungsstelle",
        "Krankenhaus / Gesundheitsbehörde",
        "Hochschule / Forschungseinrichtung",
        "Öffentliches Wohnungsunternehmen",
        "Verkehrsverbund / Verkehrsbehörde",
        "Stadtwerke (Energie, Wasser, Abfall)",
        "Bundes- oder Landesbehörde / Ministerium",
    ),
    "fr": (
        "Commune / ville",
        "Région / département",
        "Centrale d'achat",
        "Hôpital / autorité de santé",
        "Université / organisme de recherche",
        "Bailleur social",
        "Autorité organisatrice de la mobilité",
        "Régie ou entreprise publique locale (énergie, eau, déchets)",
        "Agence nationale / ministère",
    ),
    "es": (
        "Ayuntamiento",
        "Comunidad autónoma / diputación",
        "Central de compras",
        "Hospital / servicio de salud",
        "Universidad / centro de investigación",
        "Empresa pública de vivienda",
        "Autoridad de transporte público",
        "Empresa municipal de servicios (energía, agua, residuos)",
        "Agencia estatal / ministerio",
    ),
    "it": (
        "Comune",
        "Regione / provincia",
        "Centrale di committenza",
        "Ospedale / azienda sanitaria",
        "Università / ente di ricerca",
        "Azienda per l'edilizia residenziale pubblica",
        "Agenzia per il trasporto pubblico",
        "Multiutility (energia, acqua, rifiuti)",
        "Agenzia nazionale / ministero",
    ),
    "pl": (
        "Gmina / miasto",
        "Województwo / powiat",
        "Centralny zamawiający",
        "Szpital / podmiot leczniczy",
        "Uczelnia / instytut badawczy",
        "Spółka mieszkaniowa (TBS)",
        "Zarząd transportu publicznego",
        "Spółka komunalna (energia, woda, odpady)",
        "Agencja rządowa / ministerstwo",
    ),
    "nl": (
        "Gemeente",
        "Provincie / regio",
        "Centrale inkooporganisatie",
        "Ziekenhuis / zorginstelling",
        "Universiteit / kennisinstelling",
        "Woningcorporatie",
        "Vervoersautoriteit",
        "Nutsbedrijf (energie, water, afval)",
        "Rijksoverheid / agentschap",
    ),
    "fi": (
        "Kunta / kaupunki",
        "Hyvinvointialue / maakunta",
        "Yhteishankintayksikkö",
        "Sairaala / terveydenhuolto",
        "Yliopisto / tutkimuslaitos",
        "Kunnallinen vuokrataloyhtiö",
        "Joukkoliikenneviranomainen",
        "Kunnallinen yhtiö (energia, vesi, jäte)",
        "Valtion virasto / ministeriö",
    ),
    "da": (
        "Kommune",
        "Region",
        "Indkøbscentral",
        "Hospital / sundhedsvæsen",
        "Universitet / forskningsinstitution",
        "Almen boligorganisation",
        "Trafikselskab",
        "Forsyningsselskab (energi, vand, affald)",
        "Statslig styrelse / ministerium",
    ),
}
ORG_TYPE_LABELS: dict[str, dict[str, str]] = {
    language: dict(zip(ORG_TYPES, labels, strict=True)) for language, labels in _ORG_TYPE_LABELS.items()
}

# How people answer the role question; the first answer of each role is the survey's own option,
# the others are what people type when the question is open or they pick "Other".
ROLE_ANSWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "lead": ("I would like to lead", "We could lead the group", "Yes, as lead", "Happy to chair"),
        "buyer": ("I would like to join as a buyer", "As a buyer", "We would join as an active buyer"),
        "follow": ("I would like to follow", "Follower for now", "Just follow the work"),
        "unsure": ("Not sure yet", "Don't know yet"),
    },
    "sv": {
        "lead": ("Vill leda", "Vi kan tänka oss att leda gruppen", "Ja, som ledare"),
        "buyer": ("Vill delta som köpare", "Som köpare", "Delta som aktiv köpare"),
        "follow": ("Vill följa", "Följa arbetet", "Vill följa arbetet till att börja med"),
        "unsure": ("Vet inte ännu", "Osäkert"),
    },
    "de": {
        "lead": ("Ich möchte leiten", "Wir würden die Leitung übernehmen", "Ja, als Leitung"),
        "buyer": (
            "Ich möchte als Käufer teilnehmen",
            "Als Käufer",
            "Wir möchten als aktiver Beschaffer mitmachen",
        ),
        "follow": ("Ich möchte folgen", "Zunächst nur verfolgen", "Als Beobachter"),
        "unsure": ("Noch unklar", "Weiß noch nicht"),
    },
    "fr": {
        "lead": (
            "Je souhaite piloter le groupe",
            "Nous pourrions animer le groupe",
            "Oui, en tant que chef de file",
        ),
        "buyer": (
            "Je souhaite participer en tant qu'acheteur",
            "En tant qu'acheteur",
            "Participer comme acheteur actif",
        ),
        "follow": ("Je souhaite suivre les travaux", "Suivre seulement", "Observateur"),
        "unsure": ("Je ne sais pas encore", "À voir"),
    },
    "es": {
        "lead": ("Me gustaría liderar", "Podemos liderar el grupo", "Sí, como líder"),
        "buyer": (
            "Me gustaría participar como comprador",
            "Como comprador",
            "Participar como comprador activo",
        ),
        "follow": ("Me gustaría seguir los trabajos", "Solo seguir", "Como observador"),
        "unsure": ("Todavía no lo sé", "No lo sabemos aún"),
    },
    "it": {
        "lead": ("Vorrei guidare il gruppo", "Possiamo fare da capofila", "Sì, come capofila"),
        "buyer": ("Vorrei partecipare come acquirente", "Come acquirente"),
        "follow": ("Vorrei seguire i lavori", "Solo seguire"),
        "unsure": ("Non so ancora",),
    },
    "pl": {
        "lead": ("Chcemy prowadzić grupę", "Jako lider"),
        "buyer": ("Chcemy uczestniczyć jako nabywca", "Jako kupujący"),
        "follow": ("Chcemy obserwować prace", "Tylko obserwować"),
        "unsure": ("Jeszcze nie wiemy",),
    },
    "nl": {
        "lead": ("Ik wil de groep leiden", "Wij kunnen trekker zijn"),
        "buyer": ("Ik wil deelnemen als inkoper", "Als inkoper"),
        "follow": ("Ik wil volgen", "Alleen volgen"),
        "unsure": ("Weet ik nog niet",),
    },
    "fi": {
        "lead": ("Haluamme vetää ryhmää", "Vetäjänä"),
        "buyer": ("Haluamme osallistua hankkijana", "Hankkijana"),
        "follow": ("Haluamme seurata", "Seuraajana"),
        "unsure": ("Emme tiedä vielä",),
    },
    "da": {
        "lead": ("Vil gerne lede", "Vi kan være tovholder"),
        "buyer": ("Vil deltage som indkøber", "Som indkøber"),
        "follow": ("Vil gerne følge med", "Følge arbejdet"),
        "unsure": ("Ved ikke endnu",),
    },
}

MARKET_KEYS = ("yes", "no", "partly", "dont_know")
_MARKET_ANSWERS = {
    "en": ("Yes", "No", "Partly", "Don't know"),
    "sv": ("Ja", "Nej", "Delvis", "Vet inte"),
    "de": ("Ja", "Nein", "Teilweise", "Weiß nicht"),
    "fr": ("Oui", "Non", "En partie", "Je ne sais pas"),
    "es": ("Sí", "No", "En parte", "No lo sé"),
    "it": ("Sì", "No", "In parte", "Non so"),
    "pl": ("Tak", "Nie", "Częściowo", "Nie wiem"),
    "nl": ("Ja", "Nee", "Gedeeltelijk", "Weet ik niet"),
    "fi": ("Kyllä", "Ei", "Osittain", "En tiedä"),
    "da": ("Ja", "Nej", "Delvist", "Ved ikke"),
}
MARKET_ANSWERS: dict[str, dict[str, str]] = {
    language: dict(zip(MARKET_KEYS, answers, strict=True)) for language, answers in _MARKET_ANSWERS.items()
}

# EUSurvey's metadata column labels follow the exporting person's interface language.
EUSURVEY_METADATA = {
    "en": ("Contribution ID", "User name", "Creation date", "Last update", "Languages"),
    "de": ("Kennnummer des Beitrags", "Nutzername", "Erstellungsdatum", "Letzte Aktualisierung", "Sprachen"),
    "fr": (
        "Numéro d'identification de la contribution",
        "Nom d'utilisateur",
        "Date de création",
        "Dernière mise à jour",
        "Langues",
    ),
}
SURVEYMONKEY_METADATA = (
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
)
MICROSOFT_FORMS_METADATA = ("ID", "Start time", "Completion time", "Email", "Name")

# ---------------------------------------------------------------------------------------------
# Countries: names per survey language (dropdowns), how people type them, places and people
# ---------------------------------------------------------------------------------------------

# ISO code -> name in each of LANGUAGES (en, sv, de, fr, es, it, pl, nl, fi, da).
_COUNTRY_NAMES = {
    "SE": "Sweden Sverige Schweden Suède Suecia Svezia Szwecja Zweden Ruotsi Sverige",
    "FI": "Finland Finland Finnland Finlande Finlandia Finlandia Finlandia Finland Suomi Finland",
    "DK": "Denmark Danmark Dänemark Danemark Dinamarca Danimarca Dania Denemarken Tanska Danmark",
    "NO": "Norway Norge Norwegen Norvège Noruega Norvegia Norwegia Noorwegen Norja Norge",
    "DE": "Germany Tyskland Deutschland Allemagne Alemania Germania Niemcy Duitsland Saksa Tyskland",
    "NL": "Netherlands Nederländerna Niederlande Pays-Bas Países_Bajos Paesi_Bassi Holandia Nederland "
    "Alankomaat Nederlandene",
    "BE": "Belgium Belgien Belgien Belgique Bélgica Belgio Belgia België Belgia Belgien",
    "FR": "France Frankrike Frankreich France Francia Francia Francja Frankrijk Ranska Frankrig",
    "ES": "Spain Spanien Spanien Espagne España Spagna Hiszpania Spanje Espanja Spanien",
    "IT": "Italy Italien Italien Italie Italia Italia Włochy Italië Italia Italien",
    "PT": "Portugal Portugal Portugal Portugal Portugal Portogallo Portugalia Portugal Portugali Portugal",
    "PL": "Poland Polen Polen Pologne Polonia Polonia Polska Polen Puola Polen",
    "AT": "Austria Österrike Österreich Autriche Austria Austria Austria Oostenrijk Itävalta Østrig",
    "IE": "Ireland Irland Irland Irlande Irlanda Irlanda Irlandia Ierland Irlanti Irland",
    "GR": "Greece Grekland Griechenland Grèce Grecia Grecia Grecja Griekenland Kreikka Grækenland",
    "CZ": "Czechia Tjeckien Tschechien Tchéquie Chequia Cechia Czechy Tsjechië Tšekki Tjekkiet",
    "EE": "Estonia Estland Estland Estonie Estonia Estonia Estonia Estland Viro Estland",
    "LV": "Latvia Lettland Lettland Lettonie Letonia Lettonia Łotwa Letland Latvia Letland",
    "LT": "Lithuania Litauen Litauen Lituanie Lituania Lituania Litwa Litouwen Liettua Litauen",
    "HU": "Hungary Ungern Ungarn Hongrie Hungría Ungheria Węgry Hongarije Unkari Ungarn",
    "RO": "Romania Rumänien Rumänien Roumanie Rumanía Romania Rumunia Roemenië Romania Rumænien",
    "HR": "Croatia Kroatien Kroatien Croatie Croacia Croazia Chorwacja Kroatië Kroatia Kroatien",
    "SI": "Slovenia Slovenien Slowenien Slovénie Eslovenia Slovenia Słowenia Slovenië Slovenia Slovenien",
}
COUNTRY_NAMES: dict[str, dict[str, str]] = {
    code: dict(zip(LANGUAGES, (name.replace("_", " ") for name in names.split()), strict=True))
    for code, names in _COUNTRY_NAMES.items()
}


@dataclass(frozen=True)
class Country:
    """Everything the generator needs to invent one country's public buyers."""

    code: str
    weight: float  # share of respondents (relative)
    text_languages: dict[str, float]  # language respondents write free text in -> share
    naming: tuple[str, ...]  # organisation naming styles; one equal to the text language wins
    prefixes: tuple[str, ...]  # place names are prefix + suffix, then put into a qualifier template
    suffixes: tuple[str, ...]
    qualifiers: tuple[str, ...]
    regions: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]  # "masculine|feminine" where the surname has two forms
    phones: tuple[str, ...]  # '#' is a random digit
    typed: tuple[str, ...]  # what people type besides the English name and the code: native names first
    local_municipality: tuple[str, ...] = ()  # extra local patterns for a municipality's name
    family_name_first: bool = False


def _words(text: str) -> tuple[str, ...]:
    """Split a compact space-separated table cell; '_' stands for a space inside one item."""
    return tuple(word.replace("_", " ") for word in text.split())


COUNTRIES: tuple[Country, ...] = (
    Country(
        "SE",
        65,
        {"sv": 1.0},
        ("sv",),
        _words("Ål Norr Sjö Berg Hall Ek Löv Sten Björk Gran Lind Ås"),
        _words("vik backa by valla myra holm sta torp hult ryd köping näs"),
        ("{}",),
        _words("Västerdal Norrskog Sydkusten Mälarslätten Fjällbygden"),
        _words("Anna Karin Sara Maria Elin Ingrid"),
        _words("Erik Johan Mikael Lars Henrik Oskar"),
        _words("Lindqvist Berg Holmgren Sandberg Ekström Nyberg Åberg Lundin"),
        ("+46 8 ### ## ##", "070-### ## ##", "+46 (0)31-### ## ##", "08-### ### ##"),
        ("Sverige", "sverige", "SVERIGE"),
    ),
    Country(
        "FI",
        16,
        {"fi": 0.6, "en": 0.3, "sv": 0.1},
        ("fi", "sv"),
        _words("Koivu Haapa Honka Lepo Karhu Orava Kota Rauta Sammal Louna"),
        _words("la vaara salo harju kallio"),
        ("{}", "Pohjois-{}", "Etelä-{}"),
        _words("Keski-Harjula Itä-Vaarala Länsi-Kallio Pohjois-Salo"),
        _words("Laura Hanna Riikka Satu Johanna"),
        _words("Mikko Jussi Antti Ville Timo"),
        _words("Virtanen Mäkinen Korhonen Lehtonen Heikkinen Salminen"),
        ("+358 9 ### ####", "040 ### ####", "+358 50 ### ####"),
        ("Suomi", "Finland"),
    ),
    Country(
        "DK",
        16,
        {"da": 0.7, "en": 0.3},
        ("da",),
        _words("Skov Holm Eg Vester Bakke Lyng Sønder Nørre Hald Ros"),
        _words("bæk strup lund havn rød sø by sted løse bjerg"),
        ("{}",),
        _words("Midtsø Nordvig Sydkyst Vestdal"),
        _words("Mette Louise Camilla Signe Maja"),
        _words("Søren Anders Rasmus Mads Jesper"),
        _words("Jensen Nielsen Kristensen Mortensen Østergaard Lund"),
        ("+45 ## ## ## ##", "## ## ## ##"),
        ("Danmark",),
    ),
    Country(
        "NO",
        10,
        {"en": 1.0},
        ("no",),
        _words("Fjord Nord Brat Skog Hav Elve Sol Lia Berg Vest"),
        _words("vik heim lia vang øy stad dal nes sund åsen"),
        ("{}",),
        _words("Vestfjell Nordkyst Sørdal Innlandsvidda"),
        _words("Ingrid Kari Silje Marte Ingvild"),
        _words("Ola Lars Håkon Eirik Sindre"),
        _words("Hansen Johansen Berg Haugen Solberg Dahl"),
        ("+47 ## ## ## ##", "### ## ###"),
        ("Norge", "Noreg"),
    ),
    Country(
        "DE",
        38,
        {"de": 1.0},
        ("de",),
        _words("Linden Bach Stein Osten Eschen Markt Alten Hohen Neu Wald Birken Rosen"),
        _words("feld hausen brück au brunn wiesen moor ried dorf bach heim berg"),
        ("{}", "{} am See", "Bad {}"),
        _words("Oberwald Talheim Mittelau Nordheide Seenland"),
        _words("Julia Katrin Sabine Anja Claudia Lena"),
        _words("Thomas Stefan Jan Michael Tobias Markus"),
        _words("Müller Schneider Becker Hoffmann Wagner Schäfer Koch Richter"),
        ("+49 30 ########", "0221 ######", "+49 (0) 89 ### ###-##", "0711/#######"),
        ("Deutschland", "Deutschland", "BRD", "deutschland"),
    ),
    Country(
        "AT",
        14,
        {"de": 1.0},
        ("de",),
        _words("Stein Grün Ober Unter Tal Weißen Alm See Kirch Hoch"),
        _words("hofen au feld winkel stein dorf kirchen bach eck leiten"),
        ("{}", "Sankt {}"),
        _words("Hochtal Obermark Seewinkel-Nord Almland"),
        _words("Elisabeth Martina Birgit Theresa Verena"),
        _words("Florian Lukas Andreas Christoph Wolfgang"),
        _words("Gruber Huber Steiner Moser Wimmer Pichler"),
        ("+43 1 ### ## ##", "0662 ######", "+43 664 #######"),
        ("Österreich", "Oesterreich", "Osterreich"),
        local_municipality=("Marktgemeinde {p}", "Magistrat der Stadt {p}"),
    ),
    Country(
        "NL",
        16,
        {"nl": 0.7, "en": 0.3},
        ("nl",),
        _words("Wester Ooster Molen Dijk Linde Haven Zand Veen Hoog Nieuw"),
        _words("veen broek wijk huizen waard burg dam horst dijk hoven woude"),
        ("{}", "{} aan Zee"),
        _words("Lagelanden Kustmeer Veenstreek Rivierenland-Oost"),
        _words("Sanne Femke Eva Lotte Anouk"),
        _words("Daan Joost Bram Ruben Sander"),
        _words("de_Vries Jansen van_Dijk Bakker Visser de_Jong"),
        ("+31 20 ### ####", "06-########", "+31 (0)30 ### ## ##"),
        ("Nederland", "The Netherlands", "Holland", "the netherlands"),
    ),
    Country(
        "BE",
        18,
        {"fr": 0.6, "nl": 0.25, "en": 0.15},
        ("nl", "fr"),
        _words("Mont Beau Roche Fontaine Heide Zand Linde Kapel Oost Belle"),
        _words("val rieu fort beek rode meren donk court kerke ville"),
        ("{}", "{}-sur-Meuse"),
        _words("Kempen Condroz Sambre-Meuse Westhoek"),
        _words("Lien Marie Sofie Charlotte Elise"),
        _words("Pieter Thomas Julien Wouter Maxime"),
        _words("Peeters Maes Dubois Lambert Claes Janssens"),
        ("+32 2 ### ## ##", "0471 ## ## ##", "+32 (0)9 ### ## ##"),
        ("Belgique", "België", "Belgie", "Belgique / België"),
    ),
    Country(
        "FR",
        32,
        {"fr": 1.0},
        ("fr",),
        _words("Mont Beau Ville Roche Pont Val Clair Fontaine Champ Belle"),
        _words("clair lieu franche fort mesnil court vert fleury"),
        ("{}", "{}-sur-Loue", "{}-les-Pins"),
        _words("Val-de-Loue Hautes-Terres Littoral-Nord Plateau-Central"),
        _words("Camille Claire Sophie Émilie Nathalie"),
        _words("Nicolas Julien Antoine Mathieu Olivier"),
        _words("Martin Bernard Dubois Moreau Laurent Girard"),
        ("+33 1 ## ## ## ##", "01 ## ## ## ##", "06.##.##.##.##", "+33 (0)4 ## ## ## ##"),
        ("France", "france"),
    ),
    Country(
        "ES",
        42,
        {"es": 1.0},
        ("es",),
        _words("Villa Torre Castro Valde Puerto Fuente Mira Peña Monte Casas"),
        _words("real alta frío mora llano blanca verde nueva lobos rubias"),
        ("{}", "{} de la Sierra", "{} del Río"),
        _words("Tierra_Alta Sierra_Norte Costa_del_Levante Vega_Baja"),
        _words("Lucía Marta Elena Carmen Laura"),
        _words("Javier Carlos Pablo Sergio Álvaro"),
        _words("García Fernández López Martínez Sánchez Romero"),
        ("+34 91 ### ## ##", "6## ### ###", "+34 93 ### ## ##"),
        ("España", "Espana", "ESPAÑA"),
    ),
    Country(
        "IT",
        16,
        {"it": 0.75, "en": 0.25},
        ("it",),
        _words("Monte Castel Borgo Rocca Villa Pietra Val Colle Porto Fonte"),
        _words("valle fiore ventoso sole nova franca lunga rosso alto verde"),
        ("{}", "{} Terme", "{} al Lago"),
        _words("Alta_Valle Colli_Orientali Pianura_Nord Riviera_Sud"),
        _words("Giulia Francesca Chiara Valentina Silvia"),
        _words("Marco Luca Alessandro Davide Matteo"),
        _words("Rossi Bianchi Romano Colombo Ricci Greco"),
        ("+39 06 #### ####", "3## ### ####", "+39 02 ########"),
        ("Italia", "italia"),
    ),
    Country(
        "PT",
        9,
        {"en": 1.0},
        ("pt",),
        _words("Vila Porto Santa Vale Monte Torre Ponte Ribeira Serra Foz"),
        _words("nova alvo verde mar alto branca clara seca formosa longa"),
        ("{}", "{} da Serra", "{} do Vale"),
        _words("Alto_Vale Beira_Sul Litoral_Norte"),
        _words("Ana Inês Sofia Marta Catarina"),
        _words("João Rui Tiago Miguel Nuno"),
        _words("Silva Santos Ferreira Pereira Costa Oliveira"),
        ("+351 21 ### ####", "9## ### ###"),
        ("Portugal", "portugal"),
    ),
    Country(
        "PL",
        14,
        {"pl": 0.65, "en": 0.35},
        ("pl",),
        _words("Brzoz Lip Olsz Dęb Jezior Wiśni Grab Sosn Buk Jawor"),
        _words("ów nica yn no ewo owiec ice ówka"),
        ("{}", "{}-Zdrój"),
        _words("Nadrzecznego Pojezierskiego Podgórskiego"),
        _words("Anna Katarzyna Magdalena Agnieszka Joanna"),
        _words("Piotr Tomasz Paweł Krzysztof Marcin"),
        _words("Nowak Kowalski|Kowalska Wiśniewski|Wiśniewska Wójcik Kamiński|Kamińska Mazur"),
        ("+48 22 ### ## ##", "5## ### ###", "+48 61 ### ## ##"),
        ("Polska", "polska"),
    ),
    Country(
        "IE",
        10,
        {"en": 1.0},
        ("en",),
        _words("Bally Kil Carrig Rath Glen Dun Clon Knock Drum Tully"),
        _words("kerrin more beg moyle mara farrow managh roe lee"),
        ("{}",),
        _words("Midland_Lakes South_Coast Western_Seaboard Border_Counties"),
        _words("Aoife Niamh Siobhán Ciara Orla"),
        _words("Seán Ciarán Conor Darragh Eoin"),
        _words("Murphy O'Brien Kelly Byrne Walsh Ryan"),
        ("+353 1 ### ####", "08# ### ####", "(0#) ### ####"),
        ("Éire", "Republic of Ireland", "ireland", "Irl."),
    ),
    Country(
        "GR",
        9,
        {"en": 1.0},
        ("intl",),
        _words("Neo Palaio Kalo Limno Petro Kastro Mega Platano Elaio Chryso"),
        _words("chori poli vouni kampos pyrgos nisi"),
        ("{}",),
        _words("Central_Islands Northern_Plains Western_Mountains"),
        _words("Maria Eleni Katerina Sofia Georgia"),
        _words("Giorgos Nikos Dimitris Kostas Yannis"),
        _words(
            "Papadopoulos|Papadopoulou Georgiou Nikolaidis|Nikolaidou Konstantinou Oikonomou Vlachos|Vlachou"
        ),
        ("+30 210 ### ####", "69## ######", "+30 2310 ######"),
        ("Ελλάδα", "Hellas", "Greece (EL)"),
    ),
    Country(
        "CZ",
        8,
        {"en": 1.0},
        ("intl",),
        _words("Lip Břez Kamen Dub Jablon Hor Dol Les Vys Chlum"),
        _words("ovec nice ov any ice ín"),
        ("{}", "{} nad Ohří"),
        _words("Podhorský Polabský Lesní"),
        _words("Jana Lucie Kateřina Petra Tereza"),
        _words("Petr Tomáš Martin Jakub Ondřej"),
        _words(
            "Novák|Nováková Svoboda|Svobodová Dvořák|Dvořáková Černý|Černá "
            "Procházka|Procházková Kučera|Kučerová"
        ),
        ("+420 2## ### ###", "+420 6## ### ###"),
        ("Česko", "Czech Republic", "Česká republika", "Czech Rep."),
        local_municipality=("Město {p}", "Statutární město {p}"),
    ),
    Country(
        "EE",
        6,
        {"en": 1.0},
        ("intl",),
        _words("Järve Kase Ranna Metsa Kivi Mere Salu Tamme Nurme"),
        _words("küla vere linn maa nõmme oja"),
        ("{}",),
        _words("Rannamaa Metsamaa Saartemaa"),
        _words("Kadri Liis Triin Kristiina Merike"),
        _words("Mart Andres Rasmus Priit Tõnu"),
        _words("Tamm Saar Sepp Mägi Kask Kukk"),
        ("+372 6## ####", "+372 5### ####"),
        ("Eesti",),
        local_municipality=("{p} vald",),
    ),
    Country(
        "LV",
        5,
        {"en": 1.0},
        ("intl",),
        _words("Pried Ezer Bērz Jūr Lejas Kalna Liep Ozol Akmeņ Zaļ"),
        _words("ciems pils upe kalns muiža krasts"),
        ("{}",),
        _words("Ezerkrasts Mežmala Jūrmalciems"),
        _words("Ilze Laura Inese Kristīne Dace"),
        _words("Jānis Mārtiņš Andris Edgars Kārlis"),
        _words("Bērziņš|Bērziņa Kalniņš|Kalniņa Ozoliņš|Ozoliņa Liepa Krūmiņš|Krūmiņa Zariņš|Zariņa"),
        ("+371 67 ### ###", "+371 2# ### ###"),
        ("Latvija",),
    ),
    Country(
        "LT",
        5,
        {"en": 1.0},
        ("intl",),
        _words("Berž Liep Ąžuol Puš Ežer Akmen Upel Kalv Šil Dub"),
        _words("ynai ėnai kalnis iai ava onys"),
        ("{}",),
        _words("Ežerynas Girių_kraštas Pajūris"),
        _words("Rūta Eglė Ieva Greta Jurgita"),
        _words("Tomas Mantas Darius Lukas Andrius"),
        _words(
            "Kazlauskas|Kazlauskienė Petrauskas|Petrauskienė Jankauskas|Jankauskienė "
            "Stankevičius|Stankevičienė Vasiliauskas|Vasiliauskienė Žukauskas|Žukauskienė"
        ),
        ("+370 5 ### ####", "+370 6## #####"),
        ("Lietuva",),
    ),
    Country(
        "HU",
        7,
        {"en": 1.0},
        ("intl",),
        _words("Tó Szőlő Nagy Kis Hegy Erdő Fehér Zöld Alsó Felső"),
        _words("város hegy erdőd dombos falva szeg háza"),
        ("{}",),
        _words("Dombvidék Nyírhát Tóköz"),
        _words("Eszter Katalin Réka Zsófia Anna"),
        _words("Gábor Zoltán Péter László Bence"),
        _words("Nagy Kovács Tóth Szabó Horváth Varga"),
        ("+36 1 ### ####", "06 30 ### ####", "+36 20 ### ####"),
        ("Magyarország",),
        local_municipality=("{p} Város Önkormányzata",),
        family_name_first=True,
    ),
    Country(
        "RO",
        8,
        {"en": 1.0},
        ("intl",),
        _words("Valea Piatra Lunca Poiana Câmpia Vatra Fântâna Apa"),
        _words("_Mare _Albă _Nouă _Verde _Lungă _Rece _Ursului _Teilor"),
        ("{}",),
        _words("Valea_Mare Dealurile_de_Vest Câmpia_de_Sud"),
        _words("Ioana Elena Alexandra Andreea Maria"),
        _words("Andrei Mihai Radu Bogdan Cristian"),
        _words("Popescu Ionescu Stan Dumitru Constantin Gheorghe"),
        ("+40 21 ### ####", "07## ### ###"),
        ("România", "Roumanie"),
        local_municipality=("Primăria {p}", "Primăria Municipiului {p}"),
    ),
    Country(
        "HR",
        6,
        {"en": 1.0},
        ("intl",),
        _words("Bor Lip Kamen Dub Brez Jel Hrast Vrb"),
        _words("ovac ovo ica ik ovica nica ina"),
        ("{}",),
        _words("Gorsko-obalna Zagorsko-ravničarska Slavonsko-riječna"),
        _words("Ana Marija Petra Ivana Maja"),
        _words("Ivan Luka Marko Tomislav Josip"),
        _words("Horvat Kovačević Babić Marić Jurić Novak"),
        ("+385 1 ### ####", "+385 9# ### ####"),
        ("Hrvatska",),
        local_municipality=("Grad {p}",),
    ),
    Country(
        "SI",
        6,
        {"en": 1.0},
        ("intl",),
        _words("Brez Lip Kamn Gor Dol Bor Smre Jav"),
        _words("ovica je ik ovje nica"),
        ("{}", "{} pri Jezeru"),
        _words("Posavsko-gorska Zgornja_Dolina Obmorska"),
        _words("Maja Nina Tina Špela Urška"),
        _words("Luka Matej Jure Blaž Rok"),
        _words("Novak Horvat Kranjc Zupančič Potočnik Kovačič"),
        ("+386 1 ### ## ##", "+386 41 ### ###"),
        ("Slovenija",),
        local_municipality=("Občina {p}", "Mestna občina {p}"),
    ),
)

# ---------------------------------------------------------------------------------------------
# Organisation names: patterns per naming style ({p} a place, {r} a region), departments
# ---------------------------------------------------------------------------------------------

ORG_NAME_PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "municipality": ("{p} kommun", "{p} stad"),
        "region": ("Region {r}",),
        "central_purchasing_body": ("Inköpscentralen i {r}", "Upphandlingsbolaget {r} AB"),
        "hospital": ("{p} sjukhus", "Sjukhusförvaltningen Region {r}"),
        "university": ("{p} universitet", "Högskolan i {p}"),
        "housing": ("{p}bostäder AB", "Bostadsbolaget i {p}"),
        "transport": ("Kollektivtrafiken {r}", "{p} Lokaltrafik AB"),
        "utility": ("{p} Vatten och Avfall AB", "{p} Energi AB"),
        "agency": ("Statens lokalförsörjningsverk", "Myndigheten för hållbara inköp"),
    },
    "fi": {
        "municipality": ("{p}n kaupunki", "{p}n kunta"),
        "region": ("{r}n hyvinvointialue",),
        "central_purchasing_body": ("{r}n Hankinta Oy", "Hankintakeskus {r}"),
        "hospital": ("{p}n keskussairaala",),
        "university": ("{p}n yliopisto", "{p}n ammattikorkeakoulu"),
        "housing": ("{p}n Vuokra-asunnot Oy",),
        "transport": ("{r}n joukkoliikenne",),
        "utility": ("{p}n Vesi Oy", "{p}n Energia Oy"),
        "agency": ("Valtion hankintavirasto", "Julkisten kiinteistöjen keskus"),
    },
    "da": {
        "municipality": ("{p} Kommune",),
        "region": ("Region {r}",),
        "central_purchasing_body": ("Fælles Indkøb {r}", "Indkøbscentralen {r}"),
        "hospital": ("{p} Sygehus", "Hospitalsenhed {r}"),
        "university": ("{p} Universitet", "Professionshøjskolen {p}"),
        "housing": ("Boligselskabet {p}",),
        "transport": ("Trafikselskabet {r}",),
        "utility": ("{p} Forsyning A/S",),
        "agency": ("Styrelsen for Offentlige Bygninger", "Statens Indkøbsenhed"),
    },
    "no": {
        "municipality": ("{p} kommune",),
        "region": ("{r} fylkeskommune",),
        "central_purchasing_body": ("Innkjøpssamarbeidet {r}",),
        "hospital": ("Sykehuset {p}", "Helse {r} HF"),
        "university": ("Universitetet i {p}",),
        "housing": ("{p} Boligbygg KF",),
        "transport": ("{r} Kollektivtransport AS",),
        "utility": ("{p} Vann og Avløp KF", "{p} Renovasjon IKS"),
        "agency": ("Direktoratet for offentlige bygg", "Statens innkjøpssenter"),
    },
    "de": {
        "municipality": ("Stadt {p}", "Gemeinde {p}"),
        "region": ("Landkreis {r}", "Region {r}"),
        "central_purchasing_body": ("Zentrale Vergabestelle {r}", "Beschaffungsamt {r}"),
        "hospital": ("Klinikum {p}", "Kreiskrankenhaus {p}"),
        "university": ("Universität {p}", "Hochschule {p}"),
        "housing": ("Wohnungsbaugesellschaft {p} mbH", "Städtische Wohnungsgesellschaft {p}"),
        "transport": ("Verkehrsverbund {r}", "Verkehrsbetriebe {p}"),
        "utility": ("Stadtwerke {p}", "Abfallwirtschaftsbetrieb {p}"),
        "agency": ("Bundesagentur für nachhaltige Beschaffung", "Landesbetrieb Bau und Immobilien"),
    },
    "nl": {
        "municipality": ("Gemeente {p}",),
        "region": ("Provincie {r}",),
        "central_purchasing_body": ("Inkoopbureau {r}", "Regionaal Inkoopcentrum {r}"),
        "hospital": ("Medisch Centrum {p}", "Ziekenhuis {p}"),
        "university": ("Universiteit {p}", "Hogeschool {p}"),
        "housing": ("Woningstichting {p}",),
        "transport": ("Vervoerregio {r}",),
        "utility": ("Waterschap {r}", "Afvalbedrijf {p}"),
        "agency": ("Rijksdienst voor Publieke Gebouwen", "Agentschap Duurzaam Inkopen"),
    },
    "fr": {
        "municipality": ("Ville de {p}", "Commune de {p}", "Mairie de {p}"),
        "region": ("Région {r}", "Métropole de {p}", "Communauté d'agglomération de {p}"),
        "central_purchasing_body": ("Centrale d'achat {r}", "Groupement d'achat public de {p}"),
        "hospital": ("Centre hospitalier de {p}", "CHU de {p}"),
        "university": ("Université de {p}",),
        "housing": ("{p} Habitat", "Office public de l'habitat de {p}"),
        "transport": ("Syndicat des transports de {p}", "Régie des transports de {p}"),
        "utility": ("Régie des eaux de {p}", "Syndicat de traitement des déchets de {p}"),
        "agency": ("Agence nationale de l'immobilier public", "Agence nationale des achats durables"),
    },
    "es": {
        "municipality": ("Ayuntamiento de {p}",),
        "region": ("Diputación de {r}", "Consejería de Medio Ambiente de {r}"),
        "central_purchasing_body": ("Central de Compras de {r}",),
        "hospital": ("Hospital Universitario de {p}", "Servicio de Salud de {r}"),
        "university": ("Universidad de {p}",),
        "housing": ("Empresa Municipal de Vivienda de {p}",),
        "transport": ("Consorcio de Transportes de {r}",),
        "utility": ("Aguas de {p}", "Empresa Municipal de Limpieza de {p}"),
        "agency": ("Agencia Estatal de Compras Sostenibles",),
    },
    "it": {
        "municipality": ("Comune di {p}",),
        "region": ("Regione {r}", "Provincia di {p}"),
        "central_purchasing_body": ("Centrale di committenza {r}", "Soggetto aggregatore {r}"),
        "hospital": ("Azienda ospedaliera di {p}", "ASL {r}"),
        "university": ("Università di {p}", "Politecnico di {p}"),
        "housing": ("ATER {p}", "Azienda Casa {p}"),
        "transport": ("Agenzia per la mobilità {r}",),
        "utility": ("{p} Ambiente S.p.A.", "Acque di {p}"),
        "agency": ("Agenzia nazionale per gli acquisti sostenibili",),
    },
    "pt": {
        "municipality": ("Câmara Municipal de {p}", "Município de {p}"),
        "region": ("Comunidade Intermunicipal {r}",),
        "central_purchasing_body": ("Central de Compras {r}",),
        "hospital": ("Hospital de {p}", "Centro Hospitalar de {p}"),
        "university": ("Universidade de {p}",),
        "housing": ("Habitação Municipal de {p}",),
        "transport": ("Transportes Urbanos de {p}",),
        "utility": ("Águas de {p}", "Serviços Municipalizados de {p}"),
        "agency": ("Agência para as Compras Públicas Sustentáveis",),
    },
    "pl": {
        "municipality": ("Urząd Miasta {p}", "Gmina {p}"),
        "region": ("Urząd Marszałkowski Województwa {r}",),
        "central_purchasing_body": ("Centrum Zakupów Województwa {r}",),
        "hospital": ("Szpital Powiatowy {p}", "Samodzielny Publiczny ZOZ {p}"),
        "university": ("Uczelnia Publiczna {p}",),
        "housing": ("TBS {p} Sp. z o.o.",),
        "transport": ("Zarząd Transportu Miejskiego {p}",),
        "utility": ("Wodociągi Miejskie {p} Sp. z o.o.", "Przedsiębiorstwo Gospodarki Komunalnej {p}"),
        "agency": ("Agencja Zrównoważonych Zamówień",),
    },
    "en": {
        "municipality": ("{p} City Council", "{p} County Council"),
        "region": ("{r} Regional Assembly",),
        "central_purchasing_body": ("{r} Procurement Hub", "Office of Shared Purchasing"),
        "hospital": ("{p} University Hospital", "{p} General Hospital"),
        "university": ("{p} Institute of Technology", "University of {p}"),
        "housing": ("{p} Housing Association",),
        "transport": ("{r} Transport Authority",),
        "utility": ("{p} Water Services", "{p} Waste Management"),
        "agency": ("Office of Public Works and Estates",),
    },
    "intl": {
        "municipality": ("City of {p}", "Municipality of {p}"),
        "region": ("{r} Region", "Region of {r}"),
        "central_purchasing_body": ("{r} Central Purchasing Body", "National Procurement Agency"),
        "hospital": ("{p} University Hospital", "{p} General Hospital"),
        "university": ("University of {p}", "{p} University of Technology"),
        "housing": ("{p} Municipal Housing Company",),
        "transport": ("{p} Public Transport Company", "{r} Transport Authority"),
        "utility": ("{p} Water and Sewerage Company", "{p} Waste Management Company"),
        "agency": ("National Agency for Public Buildings", "Ministry of Environment"),
    },
}

# Several departments of one authority often answer separately; they tell same-named bodies apart.
DEPARTMENTS = {
    "sv": _words(
        "Tekniska_förvaltningen Miljöförvaltningen Fastighetskontoret Utbildningsförvaltningen "
        "Serviceförvaltningen Upphandlingsenheten"
    ),
    "fi": _words(
        "Hankintapalvelut Ympäristöpalvelut Tilapalvelut Kaupunkiympäristön_toimiala Kasvatus_ja_opetus"
    ),
    "da": _words("Indkøbsafdelingen Teknik_og_Miljø Ejendomsafdelingen Børn_og_Unge Vej_og_Park"),
    "no": _words("Innkjøpsavdelingen Bymiljøetaten Eiendomsetaten Utdanningsetaten"),
    "de": _words("Amt_für_Umwelt Zentraler_Einkauf Hochbauamt Tiefbauamt Schulverwaltung Fuhrpark"),
    "nl": _words("Afdeling_Inkoop Dienst_Milieu Vastgoedbedrijf Afdeling_Mobiliteit Stadsbeheer"),
    "fr": _words("Direction_des_achats Service_environnement Direction_du_patrimoine Direction_de_la_voirie"),
    "es": _words("Servicio_de_Contratación Área_de_Medio_Ambiente Servicio_de_Patrimonio Área_de_Movilidad"),
    "it": _words("Ufficio_Acquisti Settore_Ambiente Settore_Lavori_Pubblici Servizio_Mobilità"),
    "pt": _words("Divisão_de_Compras Departamento_de_Ambiente Divisão_de_Obras"),
    "pl": _words("Wydział_Zamówień_Publicznych Wydział_Ochrony_Środowiska Zarząd_Dróg Wydział_Edukacji"),
    "en": _words("Procurement_Unit Environment_Department Property_Services Fleet_Management"),
    "intl": _words("Procurement_Unit Environment_Department Property_Services Fleet_Management"),
}

# ---------------------------------------------------------------------------------------------
# Needs: topics (what buyers want), how much demand each draws, and who tends to want it
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """One unmet need buyers write about, with the sectors it belongs to and who tends to have it."""

    key: str
    sectors: tuple[str, ...]
    weight: float  # relative share of respondents writing about it
    budget_eur: tuple[float, float]  # typical range of one buyer's budget
    org_types: tuple[str, ...]  # organisation types for which it is a typical need
    leaders: bool = True  # False: nobody volunteers to lead a group on it


_TAIL = 0.7  # weight of each one-off need in the long tail

TOPICS: tuple[Topic, ...] = (
    Topic(
        "zero_emission_machinery",
        ("construction", "vehicles"),
        9,
        (5e5, 8e6),
        ("municipality", "region", "housing", "agency", "utility"),
    ),
    Topic(
        "low_carbon_concrete",
        ("construction", "waste"),
        8,
        (1e6, 2e7),
        ("municipality", "region", "housing", "agency", "university", "transport"),
    ),
    Topic(
        "electric_waste_trucks",
        ("vehicles", "waste"),
        8,
        (1e6, 1.2e7),
        ("municipality", "utility", "central_purchasing_body"),
    ),
    Topic(
        "charging_infrastructure",
        ("vehicles", "energy"),
        6,
        (3e5, 5e6),
        ("municipality", "transport", "housing", "region", "utility"),
    ),
    Topic(
        "remote_patient_monitoring",
        ("healthcare", "ict"),
        9,
        (5e5, 6e6),
        ("hospital", "region", "central_purchasing_body"),
        leaders=False,
    ),
    Topic(
        "circular_medical_textiles",
        ("healthcare", "textiles"),
        5,
        (3e5, 3e6),
        ("hospital", "region", "central_purchasing_body"),
    ),
    Topic(
        "plant_based_catering",
        ("food",),
        6,
        (5e5, 1e7),
        ("municipality", "university", "hospital", "central_purchasing_body"),
    ),
    Topic(
        "refurbished_ict",
        ("ict", "waste"),
        5,
        (2e5, 4e6),
        ("central_purchasing_body", "university", "agency", "municipality"),
    ),
    Topic(
        "circular_furniture",
        ("furniture", "waste"),
        4,
        (1e5, 2e6),
        ("municipality", "university", "agency", "central_purchasing_body", "housing"),
    ),
    Topic(
        "led_street_lighting", ("lighting", "energy"), 4, (5e5, 8e6), ("municipality", "region", "utility")
    ),
    Topic(
        "eco_cleaning_services",
        ("cleaning",),
        3,
        (2e5, 3e6),
        ("municipality", "hospital", "housing", "university", "central_purchasing_body"),
    ),
    Topic("wastewater_energy_recovery", ("water", "energy"), 3, (1e6, 1.5e7), ("utility", "municipality")),
    Topic("electric_ferries", ("vehicles",), _TAIL, (2e6, 1.5e7), ("transport", "region")),
    Topic(
        "microplastic_free_road_markings", ("construction",), _TAIL, (1e5, 1e6), ("municipality", "agency")
    ),
    Topic("recycled_asphalt", ("construction", "waste"), _TAIL, (5e5, 5e6), ("municipality", "agency")),
    Topic("school_heat_pumps", ("energy",), _TAIL, (5e5, 6e6), ("municipality", "housing")),
    Topic("rooftop_solar", ("energy",), _TAIL, (2e5, 3e6), ("municipality", "housing", "university")),
    Topic("battery_storage", ("energy",), _TAIL, (3e5, 4e6), ("utility", "municipality")),
    Topic("e_cargo_bikes", ("vehicles",), _TAIL, (5e4, 5e5), ("municipality",)),
    Topic("reusable_tableware", ("food", "waste"), _TAIL, (5e4, 5e5), ("municipality", "university")),
    Topic(
        "sustainable_workwear", ("textiles",), _TAIL, (1e5, 2e6), ("central_purchasing_body", "municipality")
    ),
    Topic("green_data_centre", ("ict", "energy"), _TAIL, (1e6, 1e7), ("agency", "central_purchasing_body")),
    Topic("smart_water_meters", ("water", "ict"), _TAIL, (5e5, 5e6), ("utility",)),
    Topic("recycled_playgrounds", ("furniture", "construction"), _TAIL, (5e4, 8e5), ("municipality",)),
    Topic("biowaste_composting", ("waste",), _TAIL, (2e5, 3e6), ("municipality", "utility")),
    Topic("reusable_surgical_instruments", ("healthcare", "waste"), _TAIL, (2e5, 2e6), ("hospital",)),
    Topic("electric_snow_clearing", ("vehicles",), _TAIL, (3e5, 3e6), ("municipality", "agency")),
    Topic("timber_modular_schools", ("construction",), _TAIL, (2e6, 2e7), ("municipality", "housing")),
    Topic("low_carbon_anaesthetic_gases", ("healthcare",), _TAIL, (1e5, 1e6), ("hospital", "region")),
    Topic("digital_twin_water_network", ("water", "ict"), _TAIL, (3e5, 3e6), ("utility",)),
    Topic("bio_based_insulation", ("construction",), _TAIL, (3e5, 4e6), ("housing", "municipality")),
)
TOPIC_BY_KEY = {topic.key: topic for topic in TOPICS}


@dataclass(frozen=True)
class NeedPhrases:
    """Sentences procurement officers write in one language; a need text is put together from them."""

    openings: tuple[str, ...]
    challenges: tuple[str, ...]
    closings: tuple[str, ...]
    topics: dict[str, tuple[str, ...]]  # topic key -> (short title, sentence, sentence, ...)


NEED_PHRASES: dict[str, NeedPhrases] = {
    "en": NeedPhrases(
        openings=(
            "We are preparing our procurement plan for {year}.",
            "As one of the largest public buyers in our region we see a clear gap here.",
            "Our climate roadmap requires us to cut the emissions of what we buy.",
            "This is a priority in our new procurement strategy.",
            "Our council has adopted ambitious climate targets for {year}.",
            "We tried this in an earlier tender without much success.",
        ),
        challenges=(
            "Few suppliers bid and prices are high.",
            "The market seems immature and we lack reliable references.",
            "Higher upfront costs are hard to justify even when the life-cycle cost is lower.",
            "We lack in-house expertise to write good functional requirements.",
            "It is difficult to verify the environmental claims of suppliers.",
            "On our own our volumes are too small to move the market.",
            "A joint statement of demand with other buyers would help.",
            "We would like to learn which award criteria other buyers have used.",
        ),
        closings=(
            "Happy to share our tender documents.",
            "We plan a market dialogue in the coming months.",
            "Please contact us for details.",
            "We are open to a joint tender.",
        ),
        topics={
            "zero_emission_machinery": (
                "Zero-emission construction machinery",
                "We want to require zero-emission excavators and wheel loaders on our construction sites "
                "from {year}.",
                "Our road and park works use about {n} diesel machines; we need electric or hydrogen "
                "alternatives, including for heavy machines above 20 tonnes.",
                "We need fossil-free construction sites, but electric construction machinery is hard to "
                "find and charging on site is a problem.",
            ),
            "low_carbon_concrete": (
                "Low-carbon concrete",
                "We are looking for low-carbon concrete and recycled aggregates for bridges and foundations.",
                "We want to set maximum CO2 limits per cubic metre of concrete in our building projects, "
                "but contractors say the products are not available at scale.",
                "Circular construction materials: reused steel, recycled concrete and low-carbon cement "
                "for about {n} new buildings.",
            ),
            "electric_waste_trucks": (
                "Heavy-duty electric waste collection trucks",
                "We need heavy-duty electric refuse trucks that can do a full shift, including in winter.",
                "Our fleet of {n} waste collection vehicles must be replaced by zero-emission vehicles "
                "by {year}.",
                "Electric street sweepers and waste trucks: range, payload and price are still the main "
                "barriers.",
            ),
            "charging_infrastructure": (
                "Charging infrastructure for electric fleets",
                "We need charging infrastructure for our municipal fleet and for heavy vehicles at depots.",
                "We plan about {n} public charging points and need a model for concessions and grid "
                "connection.",
                "Fast chargers for buses and service vehicles at our depots; grid capacity is limited.",
            ),
            "remote_patient_monitoring": (
                "Remote patient monitoring",
                "We want to procure remote patient monitoring for patients with chronic heart failure "
                "and COPD.",
                "Digital home monitoring solutions that integrate with our electronic health records "
                "are lacking.",
                "Remote monitoring and digital patient flows to reduce hospital admissions; about {n} 000 "
                "patients could benefit.",
            ),
            "circular_medical_textiles": (
                "Circular medical textiles",
                "We are looking for reusable surgical gowns and drapes instead of single-use products.",
                "Hospital textiles with recycled content and a take-back system for worn-out workwear.",
                "Circular textiles in our hospitals: washing, repair and recycling of {n} 000 items a year.",
            ),
            "plant_based_catering": (
                "Plant-based school catering",
                "We want more plant-based meals in schools and elderly care, about {n} 000 meals per day.",
                "Catering contracts with more organic and plant-based food and less food waste.",
                "Sustainable public catering: we need suppliers able to deliver plant-based protein from "
                "local producers.",
            ),
            "refurbished_ict": (
                "Refurbished ICT equipment",
                "We want to buy refurbished laptops and smartphones and extend the lifetime of our ICT "
                "equipment.",
                "Circular ICT: refurbished computers, repair services and take-back of about {n} 000 "
                "devices.",
                "In our next framework agreement we want to allow refurbished monitors and docking stations.",
            ),
            "circular_furniture": (
                "Circular office furniture",
                "We need circular furniture: refurbished and remanufactured office furniture instead of new.",
                "Furniture as a service or reuse of existing furniture for our new offices and schools.",
                "A framework for reused furniture including inventory, repair and reupholstering.",
            ),
            "led_street_lighting": (
                "LED street lighting",
                "We are replacing about {n} 000 street lights with smart LED lighting.",
                "We want energy-efficient LED street lighting with dimming and long warranties.",
                "LED lighting with presence detection for cycle paths and footpaths.",
            ),
            "eco_cleaning_services": (
                "Eco-labelled cleaning services",
                "Cleaning services with eco-labelled products, microfibre methods and less chemical use.",
                "We want to procure cleaning of schools and offices with eco-labelled products and fair "
                "working conditions.",
                "Chemical-free cleaning of municipal buildings with ionised water.",
            ),
            "wastewater_energy_recovery": (
                "Energy recovery from wastewater",
                "We want to recover heat and biogas from our wastewater treatment plant.",
                "Energy-neutral wastewater treatment: heat pumps on sewage and biogas upgrading.",
                "We need technology to feed heat from wastewater into the district heating network.",
            ),
            "electric_ferries": (
                "Electric ferries",
                "We need an electric passenger ferry for our island route.",
            ),
            "microplastic_free_road_markings": (
                "Road markings without microplastics",
                "We are looking for road marking paint that does not release microplastics.",
            ),
            "recycled_asphalt": (
                "Asphalt with high recycled content",
                "We want asphalt with a high share of reclaimed material and lower laying temperatures.",
            ),
            "school_heat_pumps": (
                "Heat pumps for schools",
                "We need to replace oil and gas boilers in {n} schools with heat pumps.",
            ),
            "rooftop_solar": (
                "Solar panels on public buildings",
                "We want solar panels on the roofs of our public buildings, ideally with a power purchase "
                "agreement.",
            ),
            "battery_storage": (
                "Battery storage",
                "Stationary battery storage to balance our solar production and reduce peak loads.",
            ),
            "e_cargo_bikes": (
                "Electric cargo bikes",
                "Electric cargo bikes for our home care staff and park maintenance.",
            ),
            "reusable_tableware": (
                "Reusable tableware at events",
                "Reusable cups and tableware with a washing service for events and staff canteens.",
            ),
            "sustainable_workwear": (
                "Sustainable workwear",
                "Workwear for our staff made of recycled or organic fibres, with repair included.",
            ),
            "green_data_centre": (
                "Energy-efficient data centre",
                "We need data centre services with renewable power and reuse of waste heat.",
            ),
            "smart_water_meters": (
                "Smart water meters",
                "Smart water meters to detect leaks in our distribution network.",
            ),
            "recycled_playgrounds": (
                "Playgrounds from recycled materials",
                "Playground equipment made from recycled plastic or certified wood.",
            ),
            "biowaste_composting": (
                "Biowaste collection and composting",
                "Collection and composting of biowaste from public kitchens and parks.",
            ),
            "reusable_surgical_instruments": (
                "Reusable surgical instruments",
                "We want to replace single-use surgical instruments with reusable ones.",
            ),
            "electric_snow_clearing": (
                "Electric snow clearing machines",
                "Electric or fossil-free machines for snow clearing and winter road maintenance.",
            ),
            "timber_modular_schools": (
                "Modular timber schools",
                "Modular school buildings in timber that can be moved and reused.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Anaesthetic gas capture",
                "Systems to capture and destroy anaesthetic gases such as desflurane in our operating "
                "theatres.",
            ),
            "digital_twin_water_network": (
                "Digital twin of the water network",
                "A digital twin of our water and sewage network to plan renewals.",
            ),
            "bio_based_insulation": (
                "Bio-based insulation",
                "Bio-based insulation materials such as wood fibre or hemp for renovations.",
            ),
        },
    ),
    "sv": NeedPhrases(
        openings=(
            "Vi håller på att ta fram vår upphandlingsplan för {year}.",
            "Som en av de största offentliga köparna i regionen ser vi ett tydligt glapp här.",
            "Enligt vår klimatfärdplan ska utsläppen från våra inköp minska kraftigt.",
            "Det här är prioriterat i vår nya upphandlingsstrategi.",
            "Fullmäktige har beslutat om skarpa klimatmål till {year}.",
            "Vi har provat i en tidigare upphandling utan större framgång.",
        ),
        challenges=(
            "Få leverantörer lämnar anbud och priserna är höga.",
            "Marknaden är omogen och det saknas referenser.",
            "Högre investeringskostnad är svår att motivera även när livscykelkostnaden är lägre.",
            "Vi saknar egen kompetens att skriva bra funktionskrav.",
            "Det är svårt att verifiera leverantörernas miljöpåståenden.",
            "Våra egna volymer är för små för att påverka marknaden.",
            "En gemensam behovsbeskrivning med andra köpare skulle hjälpa.",
            "Vi vill gärna veta vilka tilldelningskriterier andra har använt.",
        ),
        closings=(
            "Vi delar gärna våra upphandlingsdokument.",
            "Vi planerar en marknadsdialog under de kommande månaderna.",
            "Kontakta oss gärna för mer information.",
            "Vi är öppna för en samordnad upphandling.",
        ),
        topics={
            "zero_emission_machinery": (
                "Utsläppsfria arbetsmaskiner",
                "Vi vill ställa krav på eldrivna grävmaskiner och hjullastare på våra byggarbetsplatser "
                "från {year}.",
                "Vår drift av gator och parker använder cirka {n} dieselmaskiner; vi behöver el- eller "
                "vätgasalternativ även för tunga maskiner över 20 ton.",
                "Vi behöver fossilfria byggarbetsplatser men eldrivna entreprenadmaskiner är svåra att "
                "hitta och laddning på plats är ett problem.",
            ),
            "low_carbon_concrete": (
                "Klimatförbättrad betong",
                "Vi söker klimatförbättrad betong och återvunnen ballast till broar och grundläggning.",
                "Vi vill ställa gränsvärden för koldioxid per kubikmeter betong i våra byggprojekt, men "
                "entreprenörerna säger att produkterna inte finns i stor skala.",
                "Cirkulära byggmaterial: återbrukat stål, återvunnen betong och klimatförbättrad cement "
                "till ett {n}-tal nya byggnader.",
            ),
            "electric_waste_trucks": (
                "Eldrivna sopbilar",
                "Vi behöver tunga eldrivna sopbilar som klarar ett helt arbetspass, även vintertid.",
                "Vår flotta på {n} avfallsfordon ska bytas till utsläppsfria fordon senast {year}.",
                "Eldrivna sopmaskiner och sopbilar: räckvidd, lastförmåga och pris är fortfarande de "
                "största hindren.",
            ),
            "charging_infrastructure": (
                "Laddinfrastruktur för elfordon",
                "Vi behöver laddinfrastruktur för kommunens fordonsflotta och för tunga fordon vid depåerna.",
                "Vi planerar ungefär {n} publika laddpunkter och behöver en modell för koncession och "
                "nätanslutning.",
                "Snabbladdare för bussar och servicefordon vid våra depåer; kapaciteten i elnätet är "
                "begränsad.",
            ),
            "remote_patient_monitoring": (
                "Digital vård på distans",
                "Vi vill upphandla digital egenmonitorering på distans för patienter med kronisk "
                "hjärtsvikt och KOL.",
                "Det saknas lösningar för vård på distans som kan integreras med vårt journalsystem.",
                "Fjärrmonitorering och digitala patientflöden för att minska inläggningar; cirka {n} 000 "
                "patienter skulle kunna omfattas.",
            ),
            "circular_medical_textiles": (
                "Cirkulära vårdtextilier",
                "Vi söker flergångsrockar och operationsdukar i stället för engångsprodukter.",
                "Vårdtextilier med återvunnet innehåll och ett system för återtag av uttjänta arbetskläder.",
                "Cirkulära textilier i vården: tvätt, reparation och återvinning av {n} 000 plagg per år.",
            ),
            "plant_based_catering": (
                "Växtbaserade måltider i skolan",
                "Vi vill ha fler växtbaserade måltider i skola och äldreomsorg, ungefär {n} 000 portioner "
                "per dag.",
                "Livsmedelsavtal med mer ekologiskt och växtbaserat och mindre matsvinn.",
                "Hållbara offentliga måltider: vi behöver leverantörer som kan leverera växtbaserat "
                "protein från lokala producenter.",
            ),
            "refurbished_ict": (
                "Renoverad IT-utrustning",
                "Vi vill köpa renoverade datorer och mobiltelefoner och förlänga livslängden på vår "
                "IT-utrustning.",
                "Cirkulär IT: renoverade datorer, reparationstjänster och återtag av cirka {n} 000 enheter.",
                "Vi vill tillåta återbrukade skärmar och dockningsstationer i nästa ramavtal.",
            ),
            "circular_furniture": (
                "Cirkulära möbler",
                "Vi behöver cirkulära möbler: renoverade och omklädda kontorsmöbler i stället för nya.",
                "Möbler som tjänst eller återbruk av befintliga möbler till nya kontor och skolor.",
                "Ramavtal för återbrukade möbler med inventering, reparation och ommålning.",
            ),
            "led_street_lighting": (
                "LED-gatubelysning",
                "Vi ska byta cirka {n} 000 gatlampor till smart LED-belysning.",
                "Vi vill ha energieffektiv LED-gatubelysning med dimring och långa garantier.",
                "Belysning av gång- och cykelvägar med LED och närvarostyrning.",
            ),
            "eco_cleaning_services": (
                "Miljömärkt städning",
                "Städtjänster med miljömärkta produkter, mikrofibermetoder och mindre kemikalier.",
                "Vi vill upphandla städning av skolor och kontor med miljömärkta produkter och schyssta "
                "arbetsvillkor.",
                "Kemikaliefri lokalvård med joniserat vatten i kommunens lokaler.",
            ),
            "wastewater_energy_recovery": (
                "Energiåtervinning ur avloppsvatten",
                "Vi vill återvinna värme och biogas från vårt avloppsreningsverk.",
                "Energineutral avloppsrening: värmepumpar på avloppsvatten och uppgradering av biogas.",
                "Vi behöver teknik för att ta tillvara värmen i avloppsvattnet till fjärrvärmenätet.",
            ),
            "electric_ferries": (
                "Eldrivna färjor",
                "Vi behöver en eldriven passagerarfärja för vår skärgårdslinje.",
            ),
            "microplastic_free_road_markings": (
                "Vägmarkering utan mikroplast",
                "Vi söker vägmarkeringsfärg som inte släpper ut mikroplast.",
            ),
            "recycled_asphalt": (
                "Asfalt med återvunnet material",
                "Vi vill ha asfalt med hög andel returasfalt och lägre utläggningstemperatur.",
            ),
            "school_heat_pumps": (
                "Värmepumpar i skolor",
                "Vi behöver byta olje- och gaspannor i {n} skolor mot värmepumpar.",
            ),
            "rooftop_solar": (
                "Solceller på offentliga byggnader",
                "Vi vill ha solceller på taken till våra offentliga byggnader, gärna med ett elköpsavtal.",
            ),
            "battery_storage": (
                "Batterilager",
                "Stationära batterilager för att balansera vår solelproduktion och kapa effekttoppar.",
            ),
            "e_cargo_bikes": ("Ellastcyklar", "Ellastcyklar för hemtjänsten och parkförvaltningen."),
            "reusable_tableware": (
                "Flergångsservis",
                "Flergångsmuggar och servis med disktjänst för evenemang och personalmatsalar.",
            ),
            "sustainable_workwear": (
                "Hållbara arbetskläder",
                "Arbetskläder av återvunna eller ekologiska fibrer, med reparation ingående.",
            ),
            "green_data_centre": (
                "Energieffektiva datacenter",
                "Vi behöver datacentertjänster med förnybar el och återvinning av spillvärme.",
            ),
            "smart_water_meters": (
                "Smarta vattenmätare",
                "Smarta vattenmätare för att hitta läckor i ledningsnätet.",
            ),
            "recycled_playgrounds": (
                "Lekplatser av återvunnet material",
                "Lekutrustning av återvunnen plast eller certifierat trä.",
            ),
            "biowaste_composting": (
                "Insamling och kompostering av matavfall",
                "Insamling och kompostering av matavfall från offentliga kök och parker.",
            ),
            "reusable_surgical_instruments": (
                "Flergångsinstrument i vården",
                "Vi vill ersätta kirurgiska engångsinstrument med flergångsinstrument.",
            ),
            "electric_snow_clearing": (
                "Eldriven snöröjning",
                "Eldrivna eller fossilfria maskiner för snöröjning och vinterväghållning.",
            ),
            "timber_modular_schools": (
                "Moduluppbyggda skolor i trä",
                "Flyttbara modulskolor i trä som kan återanvändas.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Destruktion av anestesigaser",
                "System för att fånga upp och destruera anestesigaser som desfluran i våra operationssalar.",
            ),
            "digital_twin_water_network": (
                "Digital tvilling av VA-nätet",
                "En digital tvilling av vårt vatten- och avloppsnät för att planera förnyelse.",
            ),
            "bio_based_insulation": (
                "Biobaserad isolering",
                "Biobaserade isoleringsmaterial som träfiber eller hampa vid renoveringar.",
            ),
        },
    ),
    "de": NeedPhrases(
        openings=(
            "Wir erstellen gerade unsere Beschaffungsplanung für {year}.",
            "Als einer der größten öffentlichen Auftraggeber der Region sehen wir hier eine klare Lücke.",
            "Unser Klimaschutzplan verlangt, die Emissionen unserer Beschaffung deutlich zu senken.",
            "Das ist ein Schwerpunkt unserer neuen Beschaffungsstrategie.",
            "Der Stadtrat hat ehrgeizige Klimaziele bis {year} beschlossen.",
            "Wir haben das in einer früheren Ausschreibung ohne großen Erfolg versucht.",
        ),
        challenges=(
            "Es gibt nur wenige Bieter und die Preise sind hoch.",
            "Der Markt ist noch unreif und es fehlen belastbare Referenzen.",
            "Höhere Anschaffungskosten sind schwer zu rechtfertigen, auch wenn die Lebenszykluskosten "
            "niedriger sind.",
            "Uns fehlt das Know-how für gute funktionale Leistungsbeschreibungen.",
            "Umweltaussagen der Anbieter lassen sich nur schwer überprüfen.",
            "Allein sind unsere Mengen zu klein, um den Markt zu bewegen.",
            "Eine gemeinsame Bedarfserklärung mit anderen Auftraggebern würde helfen.",
            "Wir würden gern erfahren, welche Zuschlagskriterien andere verwendet haben.",
        ),
        closings=(
            "Unsere Vergabeunterlagen stellen wir gern zur Verfügung.",
            "Eine Markterkundung ist für die nächsten Monate geplant.",
            "Für Rückfragen stehen wir gern zur Verfügung.",
            "Wir sind offen für eine gemeinsame Ausschreibung.",
        ),
        topics={
            "zero_emission_machinery": (
                "Emissionsfreie Baumaschinen",
                "Wir möchten ab {year} emissionsfreie Bagger und Radlader auf unseren Baustellen "
                "vorschreiben.",
                "Für Straßen- und Grünflächenunterhalt setzen wir rund {n} Dieselmaschinen ein; wir "
                "brauchen elektrische oder wasserstoffbetriebene Alternativen, auch über 20 Tonnen.",
                "Wir brauchen emissionsfreie Baustellen, aber elektrische Baumaschinen sind kaum "
                "verfügbar und das Laden auf der Baustelle ist schwierig.",
            ),
            "low_carbon_concrete": (
                "CO2-reduzierter Beton",
                "Wir suchen CO2-reduzierten Beton und Recycling-Gesteinskörnung für Brücken und Fundamente.",
                "Wir möchten CO2-Grenzwerte pro Kubikmeter Beton in unseren Bauprojekten festlegen, aber "
                "die Baufirmen sagen, dass es die Produkte nicht in großen Mengen gibt.",
                "Zirkuläre Baustoffe: wiederverwendeter Stahl, Recyclingbeton und klinkerarmer Zement "
                "für etwa {n} Neubauten.",
            ),
            "electric_waste_trucks": (
                "Elektrische Abfallsammelfahrzeuge",
                "Wir brauchen schwere elektrische Müllfahrzeuge, die eine ganze Schicht schaffen, auch "
                "im Winter.",
                "Unsere Flotte von {n} Abfallsammelfahrzeugen soll bis {year} auf emissionsfreie "
                "Fahrzeuge umgestellt werden.",
                "Elektrische Kehrmaschinen und Müllfahrzeuge: Reichweite, Nutzlast und Preis sind noch "
                "die größten Hürden.",
            ),
            "charging_infrastructure": (
                "Ladeinfrastruktur für E-Flotten",
                "Wir brauchen Ladeinfrastruktur für den städtischen Fuhrpark und für schwere Fahrzeuge "
                "auf den Betriebshöfen.",
                "Wir planen rund {n} öffentliche Ladepunkte und brauchen ein Modell für Konzessionen und "
                "Netzanschluss.",
                "Schnellladesäulen für Busse und Servicefahrzeuge auf unseren Betriebshöfen; die "
                "Netzkapazität ist begrenzt.",
            ),
            "remote_patient_monitoring": (
                "Telemonitoring von Patienten",
                "Wir möchten Telemonitoring für Patientinnen und Patienten mit chronischer "
                "Herzinsuffizienz und COPD beschaffen.",
                "Es fehlen Lösungen zur Fernüberwachung zu Hause, die sich in unsere elektronische "
                "Patientenakte integrieren lassen.",
                "Telemonitoring und digitale Patientenpfade, um Krankenhausaufnahmen zu vermeiden; etwa "
                "{n} 000 Patienten kämen in Frage.",
            ),
            "circular_medical_textiles": (
                "Zirkuläre Krankenhaustextilien",
                "Wir suchen Mehrweg-OP-Kittel und -Abdecktücher statt Einwegprodukten.",
                "Krankenhaustextilien mit Recyclinganteil und ein Rücknahmesystem für ausgediente "
                "Dienstkleidung.",
                "Textilkreislauf im Klinikum: Waschen, Reparieren und Recyceln von {n} 000 Teilen pro Jahr.",
            ),
            "plant_based_catering": (
                "Pflanzenbasierte Schulverpflegung",
                "Wir wollen mehr pflanzliche Gerichte in Schulen und Pflegeheimen, rund {n} 000 Essen "
                "pro Tag.",
                "Verpflegungsverträge mit mehr Bio und pflanzlichen Anteilen und weniger "
                "Lebensmittelabfällen.",
                "Nachhaltige Gemeinschaftsverpflegung: Wir brauchen Caterer, die pflanzliche Proteine aus "
                "regionaler Erzeugung liefern.",
            ),
            "refurbished_ict": (
                "Generalüberholte IT-Geräte",
                "Wir möchten generalüberholte Laptops und Smartphones kaufen und die Nutzungsdauer unserer "
                "IT verlängern.",
                "Zirkuläre IT: aufbereitete Rechner, Reparaturdienste und Rücknahme von rund {n} 000 "
                "Geräten.",
                "Im nächsten Rahmenvertrag wollen wir gebrauchte Monitore und Dockingstationen zulassen.",
            ),
            "circular_furniture": (
                "Zirkuläre Büromöbel",
                "Wir brauchen zirkuläre Möbel: aufgearbeitete Büromöbel statt Neuware.",
                "Möbel als Dienstleistung oder Wiederverwendung vorhandener Möbel für neue Büros und "
                "Schulen.",
                "Rahmenvertrag für gebrauchte Möbel mit Bestandsaufnahme, Reparatur und Neubezug.",
            ),
            "led_street_lighting": (
                "LED-Straßenbeleuchtung",
                "Wir wollen rund {n} 000 Straßenleuchten auf intelligente LED-Beleuchtung umrüsten.",
                "Wir möchten energieeffiziente LED-Straßenbeleuchtung mit Dimmung und langen Garantien.",
                "Beleuchtung von Rad- und Fußwegen mit LED und Bewegungsmeldern.",
            ),
            "eco_cleaning_services": (
                "Umweltfreundliche Gebäudereinigung",
                "Reinigungsdienstleistungen mit umweltzertifizierten Mitteln, Mikrofasertechnik und "
                "weniger Chemie.",
                "Wir wollen die Reinigung von Schulen und Büros mit Umweltzeichen-Produkten und fairen "
                "Arbeitsbedingungen ausschreiben.",
                "Unterhaltsreinigung mit Blauer-Engel-Produkten und chemiefreien Verfahren.",
            ),
            "wastewater_energy_recovery": (
                "Energierückgewinnung aus Abwasser",
                "Wir wollen Wärme und Biogas aus unserer Kläranlage zurückgewinnen.",
                "Energieneutrale Kläranlage: Abwasserwärmepumpen und Biogasaufbereitung.",
                "Wir brauchen Technik, um die Abwasserwärme ins Fernwärmenetz einzuspeisen.",
            ),
            "electric_ferries": (
                "Elektrische Fähren",
                "Wir brauchen eine elektrische Personenfähre für unsere Flussquerung.",
            ),
            "microplastic_free_road_markings": (
                "Fahrbahnmarkierung ohne Mikroplastik",
                "Wir suchen Markierungsfarbe für Straßen, die kein Mikroplastik freisetzt.",
            ),
            "recycled_asphalt": (
                "Asphalt mit Recyclinganteil",
                "Wir wollen Asphalt mit hohem Anteil an Ausbauasphalt und niedrigerer Einbautemperatur.",
            ),
            "school_heat_pumps": (
                "Wärmepumpen für Schulen",
                "Wir müssen Öl- und Gaskessel in {n} Schulen durch Wärmepumpen ersetzen.",
            ),
            "rooftop_solar": (
                "Photovoltaik auf öffentlichen Gebäuden",
                "Wir wollen Photovoltaik auf den Dächern unserer öffentlichen Gebäude, möglichst mit "
                "Stromabnahmevertrag.",
            ),
            "battery_storage": (
                "Batteriespeicher",
                "Stationäre Batteriespeicher, um unseren Solarstrom auszugleichen und Lastspitzen zu senken.",
            ),
            "e_cargo_bikes": (
                "E-Lastenräder",
                "E-Lastenräder für den ambulanten Pflegedienst und die Grünpflege.",
            ),
            "reusable_tableware": (
                "Mehrweggeschirr",
                "Mehrwegbecher und -geschirr mit Spülservice für Veranstaltungen und Kantinen.",
            ),
            "sustainable_workwear": (
                "Nachhaltige Arbeitskleidung",
                "Arbeitskleidung aus recycelten oder Bio-Fasern, inklusive Reparatur.",
            ),
            "green_data_centre": (
                "Energieeffizientes Rechenzentrum",
                "Wir brauchen Rechenzentrumsleistungen mit Ökostrom und Abwärmenutzung.",
            ),
            "smart_water_meters": (
                "Intelligente Wasserzähler",
                "Intelligente Wasserzähler, um Leckagen im Leitungsnetz zu finden.",
            ),
            "recycled_playgrounds": (
                "Spielplätze aus Recyclingmaterial",
                "Spielgeräte aus Recyclingkunststoff oder zertifiziertem Holz.",
            ),
            "biowaste_composting": (
                "Bioabfallsammlung und Kompostierung",
                "Sammlung und Kompostierung von Bioabfällen aus Großküchen und Parks.",
            ),
            "reusable_surgical_instruments": (
                "Wiederverwendbare OP-Instrumente",
                "Wir wollen chirurgische Einweginstrumente durch wiederaufbereitbare ersetzen.",
            ),
            "electric_snow_clearing": (
                "Elektrischer Winterdienst",
                "Elektrische oder fossilfreie Maschinen für Schneeräumung und Winterdienst.",
            ),
            "timber_modular_schools": (
                "Modulare Holzschulen",
                "Modulare Schulgebäude in Holzbauweise, die versetzt und wiederverwendet werden können.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Narkosegas-Abscheidung",
                "Systeme zum Auffangen und Zerstören von Narkosegasen wie Desfluran in unseren OP-Sälen.",
            ),
            "digital_twin_water_network": (
                "Digitaler Zwilling des Kanalnetzes",
                "Ein digitaler Zwilling unseres Wasser- und Kanalnetzes für die Sanierungsplanung.",
            ),
            "bio_based_insulation": (
                "Biobasierte Dämmstoffe",
                "Biobasierte Dämmstoffe wie Holzfaser oder Hanf für Sanierungen.",
            ),
        },
    ),
    "fr": NeedPhrases(
        openings=(
            "Nous préparons notre programmation des achats pour {year}.",
            "En tant que l'un des principaux acheteurs publics de la région, nous constatons un vrai manque.",
            "Notre plan climat impose de réduire fortement les émissions liées à nos achats.",
            "C'est une priorité de notre schéma de promotion des achats responsables.",
            "Nos élus ont adopté des objectifs climatiques ambitieux pour {year}.",
            "Nous avons essayé lors d'un précédent marché, sans grand succès.",
        ),
        challenges=(
            "Peu de fournisseurs répondent et les prix sont élevés.",
            "Le marché est encore peu mature et nous manquons de références fiables.",
            "Le surcoût à l'achat est difficile à justifier même si le coût global est plus faible.",
            "Nous manquons d'expertise interne pour rédiger de bonnes spécifications fonctionnelles.",
            "Il est difficile de vérifier les allégations environnementales des fournisseurs.",
            "Seuls, nos volumes sont trop faibles pour faire évoluer le marché.",
            "Une déclaration commune de besoins avec d'autres acheteurs nous aiderait.",
            "Nous aimerions savoir quels critères d'attribution d'autres acheteurs ont utilisés.",
        ),
        closings=(
            "Nous pouvons partager nos pièces de marché.",
            "Un sourcing est prévu dans les prochains mois.",
            "N'hésitez pas à nous contacter pour plus de détails.",
            "Nous sommes ouverts à un groupement de commandes.",
        ),
        topics={
            "zero_emission_machinery": (
                "Engins de chantier zéro émission",
                "Nous voulons exiger des pelles et chargeuses électriques sur nos chantiers à partir de "
                "{year}.",
                "Nos travaux de voirie et d'espaces verts mobilisent environ {n} engins diesel ; nous "
                "cherchons des alternatives électriques ou à hydrogène, y compris au-delà de 20 tonnes.",
                "Nous voulons des chantiers sans énergie fossile, mais les engins électriques sont rares "
                "et la recharge sur chantier pose problème.",
            ),
            "low_carbon_concrete": (
                "Béton bas carbone",
                "Nous recherchons du béton bas carbone et des granulats recyclés pour des ponts et des "
                "fondations.",
                "Nous voulons fixer des seuils de CO2 par mètre cube de béton dans nos opérations, mais "
                "les entreprises disent que l'offre n'existe pas à grande échelle.",
                "Matériaux de construction circulaires : acier de réemploi, béton recyclé et ciment bas "
                "carbone pour environ {n} bâtiments neufs.",
            ),
            "electric_waste_trucks": (
                "Bennes à ordures électriques",
                "Nous avons besoin de bennes à ordures ménagères électriques capables d'assurer une "
                "tournée complète, y compris en hiver.",
                "Notre flotte de {n} véhicules de collecte doit passer au zéro émission d'ici {year}.",
                "Balayeuses et bennes électriques : autonomie, charge utile et prix restent les "
                "principaux freins.",
            ),
            "charging_infrastructure": (
                "Infrastructures de recharge",
                "Nous avons besoin de bornes de recharge pour la flotte municipale et pour les poids "
                "lourds dans nos dépôts.",
                "Nous prévoyons environ {n} points de recharge publics et cherchons un modèle de "
                "concession et de raccordement au réseau.",
                "Recharge rapide pour bus et véhicules de service dans nos dépôts ; la capacité du réseau "
                "électrique est limitée.",
            ),
            "remote_patient_monitoring": (
                "Télésurveillance médicale",
                "Nous souhaitons acheter une solution de télésurveillance pour les patients atteints "
                "d'insuffisance cardiaque chronique et de BPCO.",
                "Il manque des solutions de suivi à domicile interopérables avec notre dossier patient "
                "informatisé.",
                "Télésurveillance et parcours patients numériques pour éviter des hospitalisations ; "
                "environ {n} 000 patients seraient concernés.",
            ),
            "circular_medical_textiles": (
                "Textiles hospitaliers circulaires",
                "Nous cherchons des blouses et champs opératoires réutilisables à la place des produits à "
                "usage unique.",
                "Textiles hospitaliers à contenu recyclé et filière de reprise des tenues usagées.",
                "Textiles circulaires à l'hôpital : lavage, réparation et recyclage de {n} 000 articles "
                "par an.",
            ),
            "plant_based_catering": (
                "Restauration scolaire végétale",
                "Nous voulons davantage de repas végétariens dans les cantines et les EHPAD, environ "
                "{n} 000 repas par jour.",
                "Marchés de restauration avec plus de bio, plus de végétal et moins de gaspillage "
                "alimentaire.",
                "Restauration collective durable : nous cherchons des fournisseurs de protéines végétales "
                "issues de producteurs locaux.",
            ),
            "refurbished_ict": (
                "Matériel informatique reconditionné",
                "Nous voulons acheter des ordinateurs portables et smartphones reconditionnés et allonger "
                "la durée de vie de notre parc.",
                "Numérique responsable : ordinateurs reconditionnés, réparation et reprise d'environ "
                "{n} 000 équipements.",
                "Dans le prochain accord-cadre nous voulons autoriser des écrans et stations d'accueil "
                "reconditionnés.",
            ),
            "circular_furniture": (
                "Mobilier de bureau circulaire",
                "Nous avons besoin de mobilier circulaire : mobilier de bureau reconditionné plutôt que "
                "neuf.",
                "Location de mobilier ou réemploi du mobilier existant pour nos nouveaux bureaux et écoles.",
                "Accord-cadre de mobilier de réemploi avec inventaire, réparation et retapissage.",
            ),
            "led_street_lighting": (
                "Éclairage public LED",
                "Nous devons remplacer environ {n} 000 points lumineux par un éclairage LED intelligent.",
                "Nous souhaitons un éclairage public LED économe avec gradation et garanties longues.",
                "Éclairage des pistes cyclables et cheminements piétons en LED avec détection de présence.",
            ),
            "eco_cleaning_services": (
                "Prestations de nettoyage écolabellisées",
                "Prestations de nettoyage avec produits écolabellisés, microfibre et moins de produits "
                "chimiques.",
                "Nous voulons acheter le nettoyage des écoles et bureaux avec des produits écolabellisés "
                "et de bonnes conditions de travail.",
                "Nettoyage des locaux à l'eau ozonée, sans produits chimiques.",
            ),
            "wastewater_energy_recovery": (
                "Récupération d'énergie des eaux usées",
                "Nous voulons récupérer la chaleur et le biogaz de notre station d'épuration.",
                "Station d'épuration à énergie positive : pompes à chaleur sur eaux usées et valorisation "
                "du biogaz.",
                "Nous cherchons une solution pour injecter la chaleur des eaux usées dans le réseau de "
                "chaleur.",
            ),
            "electric_ferries": (
                "Navettes fluviales électriques",
                "Nous avons besoin d'une navette fluviale électrique pour passagers.",
            ),
            "microplastic_free_road_markings": (
                "Marquage routier sans microplastiques",
                "Nous cherchons une peinture de marquage routier qui ne libère pas de microplastiques.",
            ),
            "recycled_asphalt": (
                "Enrobés recyclés",
                "Nous voulons des enrobés à fort taux d'agrégats recyclés, posés à basse température.",
            ),
            "school_heat_pumps": (
                "Pompes à chaleur pour les écoles",
                "Nous devons remplacer les chaudières fioul et gaz de {n} écoles par des pompes à chaleur.",
            ),
            "rooftop_solar": (
                "Solaire sur les bâtiments publics",
                "Nous voulons des panneaux photovoltaïques sur les toits de nos bâtiments publics, "
                "idéalement avec un contrat d'achat d'électricité.",
            ),
            "battery_storage": (
                "Stockage par batteries",
                "Stockage stationnaire par batteries pour lisser notre production solaire et réduire les "
                "pointes.",
            ),
            "e_cargo_bikes": (
                "Vélos cargos électriques",
                "Vélos cargos électriques pour les aides à domicile et les agents des espaces verts.",
            ),
            "reusable_tableware": (
                "Vaisselle réutilisable",
                "Gobelets et vaisselle réutilisables avec service de lavage pour les événements et la "
                "restauration.",
            ),
            "sustainable_workwear": (
                "Vêtements de travail durables",
                "Vêtements de travail en fibres recyclées ou biologiques, réparation comprise.",
            ),
            "green_data_centre": (
                "Centre de données sobre",
                "Nous cherchons un hébergement de données alimenté en électricité renouvelable avec "
                "récupération de chaleur fatale.",
            ),
            "smart_water_meters": (
                "Compteurs d'eau communicants",
                "Compteurs d'eau communicants pour détecter les fuites sur le réseau.",
            ),
            "recycled_playgrounds": (
                "Aires de jeux en matériaux recyclés",
                "Jeux pour enfants en plastique recyclé ou en bois certifié.",
            ),
            "biowaste_composting": (
                "Collecte et compostage des biodéchets",
                "Collecte et compostage des biodéchets des cuisines collectives et des parcs.",
            ),
            "reusable_surgical_instruments": (
                "Instruments chirurgicaux réutilisables",
                "Nous voulons remplacer les instruments chirurgicaux à usage unique par des instruments "
                "réutilisables.",
            ),
            "electric_snow_clearing": (
                "Déneigement électrique",
                "Engins électriques ou sans énergie fossile pour le déneigement et la viabilité hivernale.",
            ),
            "timber_modular_schools": (
                "Écoles modulaires en bois",
                "Bâtiments scolaires modulaires en bois, démontables et réutilisables.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Captage des gaz anesthésiques",
                "Systèmes de captage et de destruction des gaz anesthésiques comme le desflurane au bloc "
                "opératoire.",
            ),
            "digital_twin_water_network": (
                "Jumeau numérique du réseau d'eau",
                "Un jumeau numérique de nos réseaux d'eau et d'assainissement pour planifier les "
                "renouvellements.",
            ),
            "bio_based_insulation": (
                "Isolants biosourcés",
                "Isolants biosourcés comme la fibre de bois ou le chanvre pour la rénovation.",
            ),
        },
    ),
    "es": NeedPhrases(
        openings=(
            "Estamos preparando nuestro plan de contratación para {year}.",
            "Como uno de los mayores compradores públicos de la región vemos aquí una carencia clara.",
            "Nuestra hoja de ruta climática exige reducir las emisiones de lo que compramos.",
            "Es una prioridad de nuestra nueva estrategia de contratación pública.",
            "El pleno ha aprobado objetivos climáticos ambiciosos para {year}.",
            "Lo intentamos en una licitación anterior sin mucho éxito.",
        ),
        challenges=(
            "Se presentan pocos licitadores y los precios son altos.",
            "El mercado es todavía inmaduro y faltan referencias fiables.",
            "El mayor coste inicial es difícil de justificar aunque el coste del ciclo de vida sea menor.",
            "Nos falta experiencia interna para redactar buenos requisitos funcionales.",
            "Es difícil verificar las declaraciones ambientales de los proveedores.",
            "Por sí solos nuestros volúmenes son demasiado pequeños para mover el mercado.",
            "Una declaración conjunta de demanda con otros compradores nos ayudaría.",
            "Nos gustaría saber qué criterios de adjudicación han usado otros compradores.",
        ),
        closings=(
            "Podemos compartir nuestros pliegos.",
            "Tenemos prevista una consulta preliminar al mercado en los próximos meses.",
            "Pueden contactarnos para más detalles.",
            "Estamos abiertos a una compra conjunta.",
        ),
        topics={
            "zero_emission_machinery": (
                "Maquinaria de obra cero emisiones",
                "Queremos exigir excavadoras y palas cargadoras eléctricas en nuestras obras a partir de "
                "{year}.",
                "En el mantenimiento de vías y parques usamos unas {n} máquinas diésel; necesitamos "
                "alternativas eléctricas o de hidrógeno, también para más de 20 toneladas.",
                "Necesitamos obras sin combustibles fósiles, pero la maquinaria eléctrica es difícil de "
                "encontrar y la recarga en obra es un problema.",
            ),
            "low_carbon_concrete": (
                "Hormigón bajo en carbono",
                "Buscamos hormigón bajo en carbono y áridos reciclados para puentes y cimentaciones.",
                "Queremos fijar límites de CO2 por metro cúbico de hormigón en nuestras obras, pero las "
                "constructoras dicen que no hay oferta a gran escala.",
                "Materiales de construcción circulares: acero reutilizado, hormigón reciclado y cemento "
                "bajo en carbono para unos {n} edificios nuevos.",
            ),
            "electric_waste_trucks": (
                "Camiones de recogida de residuos eléctricos",
                "Necesitamos camiones de recogida de residuos eléctricos que aguanten un turno completo.",
                "Nuestra flota de {n} vehículos de recogida debe ser de cero emisiones antes de {year}.",
                "Barredoras y camiones de basura eléctricos: la autonomía, la carga útil y el precio "
                "siguen siendo las principales barreras.",
            ),
            "charging_infrastructure": (
                "Infraestructura de recarga",
                "Necesitamos puntos de recarga para la flota municipal y para vehículos pesados en las "
                "cocheras.",
                "Prevemos unos {n} puntos de recarga públicos y buscamos un modelo de concesión y "
                "conexión a la red.",
                "Recarga rápida para autobuses y vehículos de servicio en nuestras cocheras; la capacidad "
                "de la red es limitada.",
            ),
            "remote_patient_monitoring": (
                "Monitorización remota de pacientes",
                "Queremos contratar la monitorización remota de pacientes con insuficiencia cardiaca "
                "crónica y EPOC.",
                "Faltan soluciones de telemonitorización domiciliaria integradas con nuestra historia "
                "clínica electrónica.",
                "Telemonitorización y circuitos asistenciales digitales para reducir ingresos; podrían "
                "beneficiarse unos {n} 000 pacientes.",
            ),
            "circular_medical_textiles": (
                "Textil sanitario circular",
                "Buscamos batas y paños quirúrgicos reutilizables en lugar de productos de un solo uso.",
                "Textil hospitalario con contenido reciclado y un sistema de recogida de uniformes usados.",
                "Textil circular en el hospital: lavado, reparación y reciclaje de {n} 000 prendas al año.",
            ),
            "plant_based_catering": (
                "Comedores escolares con menús vegetales",
                "Queremos más menús de base vegetal en colegios y residencias, unas {n} 000 comidas al día.",
                "Contratos de comedor con más producto ecológico y vegetal y menos desperdicio alimentario.",
                "Restauración colectiva sostenible: necesitamos proveedores de proteína vegetal de "
                "productores locales.",
            ),
            "refurbished_ict": (
                "Equipos informáticos reacondicionados",
                "Queremos comprar portátiles y móviles reacondicionados y alargar la vida útil de nuestros "
                "equipos.",
                "TIC circular: ordenadores reacondicionados, servicios de reparación y recogida de unos "
                "{n} 000 equipos.",
                "En el próximo acuerdo marco queremos admitir monitores y bases de conexión "
                "reacondicionados.",
            ),
            "circular_furniture": (
                "Mobiliario de oficina circular",
                "Necesitamos mobiliario circular: mobiliario de oficina reacondicionado en lugar de nuevo.",
                "Mobiliario como servicio o reutilización del mobiliario existente para nuevas oficinas y "
                "colegios.",
                "Acuerdo marco de mobiliario reutilizado con inventario, reparación y retapizado.",
            ),
            "led_street_lighting": (
                "Alumbrado público LED",
                "Vamos a sustituir unos {n} 000 puntos de luz por alumbrado LED inteligente.",
                "Queremos alumbrado público LED eficiente, con regulación y garantías largas.",
                "Alumbrado de carriles bici y zonas peatonales con LED y detección de presencia.",
            ),
            "eco_cleaning_services": (
                "Limpieza con productos ecológicos",
                "Servicios de limpieza con productos con etiqueta ecológica, microfibra y menos químicos.",
                "Queremos contratar la limpieza de colegios y oficinas con productos ecológicos y buenas "
                "condiciones laborales.",
                "Limpieza de edificios municipales con agua ozonizada y sin productos químicos.",
            ),
            "wastewater_energy_recovery": (
                "Recuperación de energía de aguas residuales",
                "Queremos recuperar calor y biogás de nuestra depuradora.",
                "Depuración energéticamente neutra: bombas de calor en aguas residuales y mejora del biogás.",
                "Necesitamos tecnología para aprovechar el calor de las aguas residuales en la red de calor.",
            ),
            "electric_ferries": (
                "Barcos eléctricos",
                "Necesitamos un barco eléctrico de pasajeros para la línea de la bahía.",
            ),
            "microplastic_free_road_markings": (
                "Señalización vial sin microplásticos",
                "Buscamos pintura de señalización vial que no libere microplásticos.",
            ),
            "recycled_asphalt": (
                "Asfalto reciclado",
                "Queremos mezclas asfálticas con alta tasa de material reciclado y a baja temperatura.",
            ),
            "school_heat_pumps": (
                "Bombas de calor en colegios",
                "Tenemos que sustituir las calderas de gasóleo y gas de {n} colegios por bombas de calor.",
            ),
            "rooftop_solar": (
                "Fotovoltaica en edificios públicos",
                "Queremos placas solares en las cubiertas de nuestros edificios públicos, idealmente con "
                "un contrato de compra de energía.",
            ),
            "battery_storage": (
                "Almacenamiento con baterías",
                "Almacenamiento estacionario con baterías para equilibrar la producción solar y reducir "
                "picos.",
            ),
            "e_cargo_bikes": (
                "Bicicletas de carga eléctricas",
                "Bicicletas de carga eléctricas para el servicio de ayuda a domicilio y parques.",
            ),
            "reusable_tableware": (
                "Vajilla reutilizable",
                "Vasos y vajilla reutilizables con servicio de lavado para eventos y comedores.",
            ),
            "sustainable_workwear": (
                "Ropa de trabajo sostenible",
                "Ropa de trabajo de fibras recicladas u orgánicas, con reparación incluida.",
            ),
            "green_data_centre": (
                "Centro de datos eficiente",
                "Necesitamos servicios de centro de datos con electricidad renovable y aprovechamiento del "
                "calor residual.",
            ),
            "smart_water_meters": (
                "Contadores de agua inteligentes",
                "Contadores de agua inteligentes para detectar fugas en la red.",
            ),
            "recycled_playgrounds": (
                "Parques infantiles con materiales reciclados",
                "Juegos infantiles de plástico reciclado o madera certificada.",
            ),
            "biowaste_composting": (
                "Recogida y compostaje de biorresiduos",
                "Recogida y compostaje de biorresiduos de cocinas colectivas y parques.",
            ),
            "reusable_surgical_instruments": (
                "Instrumental quirúrgico reutilizable",
                "Queremos sustituir el instrumental quirúrgico de un solo uso por instrumental reutilizable.",
            ),
            "electric_snow_clearing": (
                "Quitanieves eléctricas",
                "Máquinas eléctricas o sin combustibles fósiles para la vialidad invernal en la sierra.",
            ),
            "timber_modular_schools": (
                "Colegios modulares de madera",
                "Aulas modulares de madera desmontables y reutilizables.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Captura de gases anestésicos",
                "Sistemas para capturar y destruir gases anestésicos como el desflurano en quirófanos.",
            ),
            "digital_twin_water_network": (
                "Gemelo digital de la red de agua",
                "Un gemelo digital de nuestra red de abastecimiento y saneamiento para planificar "
                "renovaciones.",
            ),
            "bio_based_insulation": (
                "Aislantes de origen biológico",
                "Aislantes de origen biológico como fibra de madera o cáñamo para rehabilitaciones.",
            ),
        },
    ),
    "it": NeedPhrases(
        openings=(
            "Stiamo preparando la programmazione degli acquisti per il {year}.",
            "Come grande stazione appaltante della regione vediamo qui una chiara lacuna.",
            "Il nostro piano per il clima richiede di ridurre le emissioni legate agli acquisti.",
            "È una priorità della nostra nuova strategia per gli acquisti verdi.",
        ),
        challenges=(
            "Pochi fornitori partecipano alle gare e i prezzi sono alti.",
            "Il mercato è ancora immaturo e mancano referenze affidabili.",
            "Il costo iniziale più alto è difficile da giustificare anche se il costo del ciclo di vita "
            "è minore.",
            "Ci mancano competenze interne per scrivere buone specifiche funzionali.",
            "È difficile verificare le dichiarazioni ambientali dei fornitori.",
            "Da soli i nostri volumi sono troppo piccoli per orientare il mercato.",
        ),
        closings=(
            "Siamo disponibili a condividere i nostri documenti di gara.",
            "Prevediamo una consultazione preliminare di mercato.",
            "Siamo aperti a una gara congiunta.",
        ),
        topics={
            "zero_emission_machinery": (
                "Macchine da cantiere a zero emissioni",
                "Vogliamo richiedere escavatori e pale gommate elettriche nei nostri cantieri a partire "
                "dal {year}.",
                "Per la manutenzione di strade e verde usiamo circa {n} macchine diesel; servono "
                "alternative elettriche o a idrogeno, anche sopra le 20 tonnellate.",
            ),
            "low_carbon_concrete": (
                "Calcestruzzo a basse emissioni",
                "Cerchiamo calcestruzzo a basse emissioni di carbonio e aggregati riciclati per ponti e "
                "fondazioni.",
                "Vogliamo fissare limiti di CO2 per metro cubo di calcestruzzo nei nostri appalti di "
                "lavori, in linea con i CAM edilizia.",
            ),
            "electric_waste_trucks": (
                "Compattatori elettrici per la raccolta rifiuti",
                "Ci servono compattatori elettrici pesanti per la raccolta rifiuti che reggano un turno "
                "intero.",
                "La nostra flotta di {n} mezzi per la raccolta deve diventare a zero emissioni entro il "
                "{year}.",
            ),
            "charging_infrastructure": (
                "Infrastrutture di ricarica",
                "Ci servono colonnine di ricarica per la flotta comunale e per i mezzi pesanti nei depositi.",
                "Prevediamo circa {n} punti di ricarica pubblici e cerchiamo un modello di concessione.",
            ),
            "remote_patient_monitoring": (
                "Telemonitoraggio dei pazienti",
                "Vogliamo acquistare servizi di telemonitoraggio per pazienti con scompenso cardiaco "
                "cronico e BPCO.",
                "Mancano soluzioni di monitoraggio domiciliare integrate con il nostro fascicolo sanitario "
                "elettronico.",
            ),
            "circular_medical_textiles": (
                "Tessili sanitari circolari",
                "Cerchiamo camici e teli chirurgici riutilizzabili al posto dei prodotti monouso.",
                "Tessili ospedalieri con contenuto riciclato e ritiro delle divise usate.",
            ),
            "plant_based_catering": (
                "Ristorazione scolastica a base vegetale",
                "Vogliamo più pasti a base vegetale nelle mense scolastiche, circa {n} 000 pasti al giorno.",
                "Appalti di ristorazione con più biologico, più vegetale e meno spreco alimentare.",
            ),
            "refurbished_ict": (
                "Apparecchiature informatiche ricondizionate",
                "Vogliamo acquistare portatili e smartphone ricondizionati e allungare la vita delle "
                "apparecchiature.",
                "IT circolare: computer ricondizionati, riparazione e ritiro di circa {n} 000 dispositivi.",
            ),
            "circular_furniture": (
                "Arredi per ufficio circolari",
                "Ci servono arredi circolari: mobili per ufficio ricondizionati invece che nuovi.",
                "Noleggio di arredi o riuso degli arredi esistenti per nuovi uffici e scuole.",
            ),
            "led_street_lighting": (
                "Illuminazione pubblica a LED",
                "Dobbiamo sostituire circa {n} 000 punti luce con illuminazione LED intelligente.",
                "Vogliamo illuminazione pubblica LED efficiente con regolazione del flusso e garanzie "
                "lunghe.",
            ),
            "eco_cleaning_services": (
                "Servizi di pulizia con prodotti ecologici",
                "Servizi di pulizia con prodotti Ecolabel, microfibra e meno sostanze chimiche.",
                "Vogliamo affidare la pulizia di scuole e uffici con prodotti ecologici e buone condizioni "
                "di lavoro.",
            ),
            "wastewater_energy_recovery": (
                "Recupero di energia dalle acque reflue",
                "Vogliamo recuperare calore e biogas dal nostro depuratore.",
                "Depurazione a energia neutra: pompe di calore sulle acque reflue e biometano.",
            ),
            "electric_ferries": (
                "Traghetti elettrici",
                "Ci serve un traghetto elettrico per passeggeri sulla linea del lago.",
            ),
            "microplastic_free_road_markings": (
                "Segnaletica stradale senza microplastiche",
                "Cerchiamo vernice per segnaletica stradale che non rilasci microplastiche.",
            ),
            "recycled_asphalt": (
                "Asfalto riciclato",
                "Vogliamo conglomerati bituminosi con alta percentuale di fresato e stesa a bassa "
                "temperatura.",
            ),
            "school_heat_pumps": (
                "Pompe di calore nelle scuole",
                "Dobbiamo sostituire le caldaie a gasolio e a gas di {n} scuole con pompe di calore.",
            ),
            "rooftop_solar": (
                "Fotovoltaico sugli edifici pubblici",
                "Vogliamo impianti fotovoltaici sui tetti degli edifici pubblici, meglio con un contratto "
                "di acquisto di energia.",
            ),
            "battery_storage": (
                "Accumulo a batterie",
                "Sistemi di accumulo a batterie per bilanciare la produzione solare e ridurre i picchi.",
            ),
            "e_cargo_bikes": (
                "Cargo bike elettriche",
                "Cargo bike elettriche per l'assistenza domiciliare e la manutenzione del verde.",
            ),
            "reusable_tableware": (
                "Stoviglie riutilizzabili",
                "Bicchieri e stoviglie riutilizzabili con servizio di lavaggio per eventi e mense.",
            ),
            "sustainable_workwear": (
                "Abbigliamento da lavoro sostenibile",
                "Abbigliamento da lavoro in fibre riciclate o biologiche, riparazione inclusa.",
            ),
            "green_data_centre": (
                "Data center efficiente",
                "Ci servono servizi di data center con energia rinnovabile e recupero del calore.",
            ),
            "smart_water_meters": (
                "Contatori d'acqua intelligenti",
                "Contatori d'acqua intelligenti per individuare le perdite nella rete.",
            ),
            "recycled_playgrounds": (
                "Parchi giochi in materiali riciclati",
                "Giochi per parchi in plastica riciclata o legno certificato.",
            ),
            "biowaste_composting": (
                "Raccolta e compostaggio dell'umido",
                "Raccolta e compostaggio dei rifiuti organici di mense e parchi.",
            ),
            "reusable_surgical_instruments": (
                "Strumenti chirurgici riutilizzabili",
                "Vogliamo sostituire gli strumenti chirurgici monouso con strumenti riutilizzabili.",
            ),
            "electric_snow_clearing": (
                "Sgombero neve elettrico",
                "Mezzi elettrici o senza combustibili fossili per lo sgombero neve in montagna.",
            ),
            "timber_modular_schools": (
                "Scuole modulari in legno",
                "Edifici scolastici modulari in legno smontabili e riutilizzabili.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Captazione dei gas anestetici",
                "Sistemi per catturare e distruggere i gas anestetici come il desflurano nelle sale "
                "operatorie.",
            ),
            "digital_twin_water_network": (
                "Gemello digitale della rete idrica",
                "Un gemello digitale della rete idrica e fognaria per pianificare i rinnovi.",
            ),
            "bio_based_insulation": (
                "Isolanti di origine biologica",
                "Isolanti di origine biologica come fibra di legno o canapa per le ristrutturazioni.",
            ),
        },
    ),
    "pl": NeedPhrases(
        openings=(
            "Przygotowujemy plan zamówień na {year} rok.",
            "Jako jeden z większych zamawiających w regionie widzimy tu wyraźną lukę.",
            "Nasza strategia klimatyczna wymaga ograniczenia emisji związanych z zakupami.",
            "To priorytet naszej nowej polityki zielonych zamówień.",
        ),
        challenges=(
            "Ofert jest niewiele, a ceny są wysokie.",
            "Rynek jest niedojrzały i brakuje wiarygodnych referencji.",
            "Wyższy koszt zakupu trudno uzasadnić, nawet gdy koszt cyklu życia jest niższy.",
            "Brakuje nam wiedzy, aby przygotować dobre wymagania funkcjonalne.",
            "Trudno zweryfikować deklaracje środowiskowe dostawców.",
            "Sami mamy zbyt małe wolumeny, żeby wpłynąć na rynek.",
        ),
        closings=(
            "Chętnie udostępnimy naszą dokumentację przetargową.",
            "Planujemy wstępne konsultacje rynkowe.",
            "Jesteśmy otwarci na wspólne zamówienie.",
        ),
        topics={
            "zero_emission_machinery": (
                "Bezemisyjne maszyny budowlane",
                "Od {year} roku chcemy wymagać elektrycznych koparek i ładowarek na naszych budowach.",
                "Przy utrzymaniu dróg i zieleni używamy około {n} maszyn z silnikiem diesla; potrzebujemy "
                "alternatyw elektrycznych lub wodorowych.",
            ),
            "low_carbon_concrete": (
                "Beton niskoemisyjny",
                "Szukamy betonu niskoemisyjnego i kruszyw z recyklingu do mostów i fundamentów.",
                "Chcemy wprowadzić limity CO2 na metr sześcienny betonu w naszych inwestycjach, ale "
                "wykonawcy twierdzą, że brakuje takich produktów.",
            ),
            "electric_waste_trucks": (
                "Elektryczne śmieciarki",
                "Potrzebujemy ciężkich elektrycznych śmieciarek, które wytrzymają całą zmianę, także zimą.",
                "Nasza flota {n} pojazdów do odbioru odpadów ma być bezemisyjna do {year} roku.",
            ),
            "charging_infrastructure": (
                "Infrastruktura ładowania",
                "Potrzebujemy stacji ładowania dla floty miejskiej i pojazdów ciężkich w zajezdniach.",
                "Planujemy około {n} publicznych punktów ładowania i szukamy modelu koncesji.",
            ),
            "remote_patient_monitoring": (
                "Zdalne monitorowanie pacjentów",
                "Chcemy kupić usługę telemonitoringu pacjentów z przewlekłą niewydolnością serca i POChP.",
                "Brakuje rozwiązań do monitorowania pacjentów w domu zintegrowanych z elektroniczną "
                "dokumentacją medyczną.",
            ),
            "circular_medical_textiles": (
                "Tekstylia medyczne wielokrotnego użytku",
                "Szukamy fartuchów i obłożeń chirurgicznych wielokrotnego użytku zamiast jednorazowych.",
                "Tekstylia szpitalne z udziałem surowców wtórnych i odbiór zużytej odzieży roboczej.",
            ),
            "plant_based_catering": (
                "Posiłki roślinne w szkołach",
                "Chcemy więcej posiłków roślinnych w szkołach i DPS-ach, około {n} 000 posiłków dziennie.",
                "Umowy na catering z większym udziałem żywności ekologicznej i roślinnej oraz mniejszym "
                "marnowaniem żywności.",
            ),
            "refurbished_ict": (
                "Odnowiony sprzęt komputerowy",
                "Chcemy kupować odnowione laptopy i smartfony oraz wydłużyć życie naszego sprzętu IT.",
                "Cyrkularne IT: odnowione komputery, naprawy i odbiór około {n} 000 urządzeń.",
            ),
            "circular_furniture": (
                "Meble z odzysku",
                "Potrzebujemy odnowionych mebli biurowych zamiast nowych.",
                "Ponowne wykorzystanie istniejących mebli w nowych biurach i szkołach.",
            ),
            "led_street_lighting": (
                "Oświetlenie uliczne LED",
                "Chcemy wymienić około {n} 000 opraw oświetlenia ulicznego na inteligentne LED.",
                "Potrzebujemy energooszczędnego oświetlenia LED ze ściemnianiem i długą gwarancją.",
            ),
            "eco_cleaning_services": (
                "Ekologiczne usługi sprzątania",
                "Usługi sprzątania z użyciem środków z ekoetykietą i mikrofibry.",
                "Chcemy zamówić sprzątanie szkół i biur z ekologicznymi środkami i dobrymi warunkami pracy.",
            ),
            "wastewater_energy_recovery": (
                "Odzysk energii ze ścieków",
                "Chcemy odzyskiwać ciepło i biogaz z naszej oczyszczalni ścieków.",
                "Oczyszczalnia neutralna energetycznie: pompy ciepła na ściekach i uszlachetnianie biogazu.",
            ),
            "electric_ferries": (
                "Promy elektryczne",
                "Potrzebujemy elektrycznego promu pasażerskiego na przeprawę przez rzekę.",
            ),
            "microplastic_free_road_markings": (
                "Oznakowanie poziome bez mikroplastiku",
                "Szukamy farby do oznakowania dróg, która nie uwalnia mikroplastiku.",
            ),
            "recycled_asphalt": (
                "Asfalt z recyklingu",
                "Chcemy mieszanek asfaltowych z dużym udziałem destruktu.",
            ),
            "school_heat_pumps": (
                "Pompy ciepła w szkołach",
                "Musimy zastąpić kotły olejowe i gazowe w {n} szkołach pompami ciepła.",
            ),
            "rooftop_solar": (
                "Fotowoltaika na budynkach publicznych",
                "Chcemy instalacji fotowoltaicznych na dachach budynków publicznych.",
            ),
            "battery_storage": (
                "Magazyny energii",
                "Stacjonarne magazyny energii do bilansowania produkcji z fotowoltaiki.",
            ),
            "e_cargo_bikes": (
                "Elektryczne rowery cargo",
                "Elektryczne rowery cargo dla opiekunek środowiskowych i służb zieleni.",
            ),
            "reusable_tableware": (
                "Naczynia wielokrotnego użytku",
                "Kubki i naczynia wielokrotnego użytku z usługą mycia na wydarzenia.",
            ),
            "sustainable_workwear": (
                "Zrównoważona odzież robocza",
                "Odzież robocza z włókien z recyklingu lub organicznych, z naprawami.",
            ),
            "green_data_centre": (
                "Energooszczędne centrum danych",
                "Potrzebujemy usług centrum danych zasilanego energią odnawialną z odzyskiem ciepła.",
            ),
            "smart_water_meters": (
                "Inteligentne wodomierze",
                "Inteligentne wodomierze do wykrywania wycieków w sieci.",
            ),
            "recycled_playgrounds": (
                "Place zabaw z recyklingu",
                "Urządzenia placów zabaw z tworzyw z recyklingu lub certyfikowanego drewna.",
            ),
            "biowaste_composting": (
                "Odbiór i kompostowanie bioodpadów",
                "Odbiór i kompostowanie bioodpadów ze stołówek i parków.",
            ),
            "reusable_surgical_instruments": (
                "Narzędzia chirurgiczne wielokrotnego użytku",
                "Chcemy zastąpić jednorazowe narzędzia chirurgiczne narzędziami wielokrotnego użytku.",
            ),
            "electric_snow_clearing": (
                "Elektryczne odśnieżanie",
                "Elektryczne maszyny do odśnieżania i zimowego utrzymania dróg.",
            ),
            "timber_modular_schools": (
                "Modułowe szkoły z drewna",
                "Modułowe budynki szkolne z drewna, które można przenieść i ponownie użyć.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Wychwyt gazów anestetycznych",
                "Systemy wychwytu i unieszkodliwiania gazów anestetycznych, np. desfluranu, na salach "
                "operacyjnych.",
            ),
            "digital_twin_water_network": (
                "Cyfrowy bliźniak sieci wodociągowej",
                "Cyfrowy bliźniak sieci wodociągowej i kanalizacyjnej do planowania remontów.",
            ),
            "bio_based_insulation": (
                "Izolacje biopochodne",
                "Materiały izolacyjne pochodzenia biologicznego, np. włókno drzewne lub konopie.",
            ),
        },
    ),
    "nl": NeedPhrases(
        openings=(
            "We stellen ons inkoopplan voor {year} op.",
            "Als een van de grootste publieke inkopers in de regio zien we hier een duidelijk gat.",
            "Onze klimaatroutekaart vraagt om minder uitstoot van wat we inkopen.",
            "Dit is een prioriteit in ons nieuwe inkoopbeleid.",
        ),
        challenges=(
            "Er schrijven weinig leveranciers in en de prijzen zijn hoog.",
            "De markt is nog onvolwassen en er zijn weinig referenties.",
            "Hogere aanschafkosten zijn lastig te verantwoorden, ook als de levensduurkosten lager zijn.",
            "We missen interne kennis om goede functionele eisen te schrijven.",
            "Milieuclaims van leveranciers zijn moeilijk te controleren.",
            "Alleen zijn onze volumes te klein om de markt te bewegen.",
        ),
        closings=(
            "We delen graag onze aanbestedingsstukken.",
            "We plannen een marktconsultatie.",
            "We staan open voor een gezamenlijke aanbesteding.",
        ),
        topics={
            "zero_emission_machinery": (
                "Emissieloos bouwmaterieel",
                "Vanaf {year} willen we emissieloze graafmachines en wielladers op onze bouwplaatsen eisen.",
                "Voor onderhoud van wegen en groen zetten we zo'n {n} dieselmachines in; we zoeken "
                "elektrische of waterstofalternatieven, ook boven de 20 ton.",
            ),
            "low_carbon_concrete": (
                "CO2-arm beton",
                "We zoeken CO2-arm beton en gerecycled granulaat voor bruggen en funderingen.",
                "We willen een MKI-eis per kubieke meter beton stellen in onze bouwprojecten, maar "
                "aannemers zeggen dat het aanbod beperkt is.",
            ),
            "electric_waste_trucks": (
                "Elektrische vuilniswagens",
                "We hebben zware elektrische vuilniswagens nodig die een hele dienst meegaan.",
                "Onze vloot van {n} inzamelvoertuigen moet uiterlijk {year} emissievrij zijn.",
            ),
            "charging_infrastructure": (
                "Laadinfrastructuur",
                "We hebben laadinfrastructuur nodig voor het gemeentelijk wagenpark en voor zware "
                "voertuigen op de werven.",
                "We plannen zo'n {n} publieke laadpunten en zoeken een concessiemodel met netaansluiting.",
            ),
            "remote_patient_monitoring": (
                "Zorg op afstand",
                "We willen telemonitoring inkopen voor patiënten met chronisch hartfalen en COPD.",
                "Er ontbreken oplossingen voor monitoring thuis die aansluiten op ons elektronisch "
                "patiëntendossier.",
            ),
            "circular_medical_textiles": (
                "Circulair zorgtextiel",
                "We zoeken herbruikbare operatiejassen en afdekdoeken in plaats van wegwerpproducten.",
                "Zorgtextiel met gerecyclede vezels en terugname van afgedankte bedrijfskleding.",
            ),
            "plant_based_catering": (
                "Plantaardige schoolmaaltijden",
                "We willen meer plantaardige maaltijden op scholen en in de ouderenzorg, zo'n {n} 000 "
                "maaltijden per dag.",
                "Cateringcontracten met meer biologisch en plantaardig en minder voedselverspilling.",
            ),
            "refurbished_ict": (
                "Refurbished ICT-apparatuur",
                "We willen refurbished laptops en smartphones kopen en de levensduur van onze ICT verlengen.",
                "Circulaire ICT: refurbished computers, reparatie en terugname van zo'n {n} 000 apparaten.",
            ),
            "circular_furniture": (
                "Circulair kantoormeubilair",
                "We hebben circulair meubilair nodig: gerefurbished kantoormeubilair in plaats van nieuw.",
                "Meubilair als dienst of hergebruik van bestaand meubilair voor nieuwe kantoren en scholen.",
            ),
            "led_street_lighting": (
                "LED-openbare verlichting",
                "We willen zo'n {n} 000 lichtmasten ombouwen naar slimme LED-verlichting.",
                "We zoeken energiezuinige LED-straatverlichting met dimmen en lange garanties.",
            ),
            "eco_cleaning_services": (
                "Duurzame schoonmaak",
                "Schoonmaakdiensten met ecolabelproducten, microvezel en minder chemie.",
                "We willen de schoonmaak van scholen en kantoren inkopen met duurzame middelen en goede "
                "arbeidsvoorwaarden.",
            ),
            "wastewater_energy_recovery": (
                "Energie uit afvalwater",
                "We willen warmte en biogas terugwinnen uit onze rioolwaterzuivering.",
                "Energieneutrale waterzuivering: riothermie en opwaardering van biogas.",
            ),
            "electric_ferries": (
                "Elektrische veerponten",
                "We hebben een elektrische veerpont nodig voor onze rivieroversteek.",
            ),
            "microplastic_free_road_markings": (
                "Wegmarkering zonder microplastics",
                "We zoeken wegmarkeringsverf die geen microplastics afgeeft.",
            ),
            "recycled_asphalt": (
                "Asfalt met hoog hergebruik",
                "We willen asfalt met een hoog percentage gerecycled asfalt en lage aanlegtemperatuur.",
            ),
            "school_heat_pumps": (
                "Warmtepompen in scholen",
                "We moeten de gasketels in {n} scholen vervangen door warmtepompen.",
            ),
            "rooftop_solar": (
                "Zonnepanelen op publieke gebouwen",
                "We willen zonnepanelen op de daken van onze gebouwen, liefst met een stroomafnamecontract.",
            ),
            "battery_storage": (
                "Batterijopslag",
                "Stationaire batterijopslag om onze zonnestroom te balanceren en pieken af te vlakken.",
            ),
            "e_cargo_bikes": (
                "Elektrische bakfietsen",
                "Elektrische bakfietsen voor de thuiszorg en het groenonderhoud.",
            ),
            "reusable_tableware": (
                "Herbruikbaar servies",
                "Herbruikbare bekers en servies met afwasservice voor evenementen en kantines.",
            ),
            "sustainable_workwear": (
                "Duurzame bedrijfskleding",
                "Bedrijfskleding van gerecyclede of biologische vezels, inclusief reparatie.",
            ),
            "green_data_centre": (
                "Duurzaam datacenter",
                "We hebben datacenterdiensten nodig met groene stroom en hergebruik van restwarmte.",
            ),
            "smart_water_meters": (
                "Slimme watermeters",
                "Slimme watermeters om lekkages in het leidingnet op te sporen.",
            ),
            "recycled_playgrounds": (
                "Speeltoestellen van gerecycled materiaal",
                "Speeltoestellen van gerecycled plastic of gecertificeerd hout.",
            ),
            "biowaste_composting": (
                "Inzameling en compostering van gft",
                "Inzameling en compostering van gft uit grootkeukens en parken.",
            ),
            "reusable_surgical_instruments": (
                "Herbruikbaar chirurgisch instrumentarium",
                "We willen wegwerpinstrumenten in de OK vervangen door herbruikbaar instrumentarium.",
            ),
            "electric_snow_clearing": (
                "Elektrische gladheidsbestrijding",
                "Elektrische strooiwagens en sneeuwschuivers voor de winterdienst.",
            ),
            "timber_modular_schools": (
                "Modulaire houten scholen",
                "Verplaatsbare modulaire schoolgebouwen van hout.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Afvang van anesthesiegassen",
                "Systemen om anesthesiegassen zoals desfluraan in de OK af te vangen en te vernietigen.",
            ),
            "digital_twin_water_network": (
                "Digitale tweeling van het rioolnet",
                "Een digitale tweeling van ons water- en rioolnet om vervanging te plannen.",
            ),
            "bio_based_insulation": (
                "Biobased isolatie",
                "Biobased isolatiematerialen zoals houtvezel of hennep voor renovaties.",
            ),
        },
    ),
    "fi": NeedPhrases(
        openings=(
            "Valmistelemme hankintasuunnitelmaa vuodelle {year}.",
            "Alueen suurimpana julkisena hankkijana näemme tässä selvän puutteen.",
            "Ilmastotiekarttamme edellyttää hankintojen päästöjen vähentämistä.",
            "Tämä on uuden hankintastrategiamme painopiste.",
        ),
        challenges=(
            "Tarjouksia tulee vähän ja hinnat ovat korkeita.",
            "Markkina on vielä kypsymätön eikä referenssejä ole.",
            "Korkeampaa hankintahintaa on vaikea perustella, vaikka elinkaarikustannus olisi pienempi.",
            "Meiltä puuttuu osaamista hyvien toiminnallisten vaatimusten laatimiseen.",
            "Toimittajien ympäristöväitteitä on vaikea todentaa.",
            "Yksin volyymimme ovat liian pieniä markkinan liikuttamiseen.",
        ),
        closings=(
            "Jaamme mielellämme tarjouspyyntöasiakirjamme.",
            "Suunnittelemme markkinavuoropuhelua.",
            "Olemme avoimia yhteishankinnalle.",
        ),
        topics={
            "zero_emission_machinery": (
                "Päästöttömät työkoneet",
                "Haluamme vaatia sähkökäyttöisiä kaivinkoneita ja pyöräkuormaajia työmaillamme vuodesta "
                "{year} alkaen.",
                "Katujen ja puistojen ylläpidossa on noin {n} dieselkonetta; tarvitsemme sähkö- tai "
                "vetyvaihtoehtoja myös yli 20 tonnin koneisiin.",
            ),
            "low_carbon_concrete": (
                "Vähähiilinen betoni",
                "Etsimme vähähiilistä betonia ja kierrätyskiviainesta siltoihin ja perustuksiin.",
                "Haluamme asettaa hiilidioksidirajat betonikuutiolle rakennushankkeissamme, mutta "
                "urakoitsijoiden mukaan tuotteita ei ole riittävästi saatavilla.",
            ),
            "electric_waste_trucks": (
                "Sähköiset jäteautot",
                "Tarvitsemme raskaita sähköisiä jäteautoja, jotka kestävät koko työvuoron myös talvella.",
                "{n} jätteenkeräysajoneuvon kalustomme on vaihdettava päästöttömiin vuoteen {year} mennessä.",
            ),
            "charging_infrastructure": (
                "Latausinfrastruktuuri",
                "Tarvitsemme latausinfrastruktuuria kaupungin ajoneuvoille ja raskaalle kalustolle "
                "varikoilla.",
                "Suunnittelemme noin {n} julkista latauspistettä ja etsimme toimilupamallia.",
            ),
            "remote_patient_monitoring": (
                "Etäseuranta",
                "Haluamme hankkia etäseurantapalvelun kroonista sydämen vajaatoimintaa ja "
                "keuhkoahtaumatautia sairastaville.",
                "Puuttuu kotona tapahtuvan etäseurannan ratkaisuja, jotka integroituvat "
                "potilastietojärjestelmäämme.",
            ),
            "circular_medical_textiles": (
                "Kiertotalouden sairaalatekstiilit",
                "Etsimme monikäyttöisiä leikkaustakkeja ja -liinoja kertakäyttötuotteiden sijaan.",
                "Sairaalatekstiilejä kierrätetyistä kuiduista ja käytöstä poistettujen työvaatteiden "
                "takaisinotto.",
            ),
            "plant_based_catering": (
                "Kasvispainotteiset kouluateriat",
                "Haluamme lisää kasvisruokaa kouluihin ja vanhuspalveluihin, noin {n} 000 ateriaa päivässä.",
                "Ateriapalvelusopimuksia, joissa on enemmän luomua ja kasvisruokaa ja vähemmän "
                "ruokahävikkiä.",
            ),
            "refurbished_ict": (
                "Kunnostetut IT-laitteet",
                "Haluamme ostaa kunnostettuja kannettavia ja älypuhelimia ja pidentää laitteiden käyttöikää.",
                "Kiertotalouden ICT: kunnostetut tietokoneet, korjauspalvelut ja noin {n} 000 laitteen "
                "takaisinotto.",
            ),
            "circular_furniture": (
                "Kiertotalouden kalusteet",
                "Tarvitsemme kunnostettuja toimistokalusteita uusien sijaan.",
                "Kalusteet palveluna tai nykyisten kalusteiden uudelleenkäyttö uusissa toimistoissa ja "
                "kouluissa.",
            ),
            "led_street_lighting": (
                "LED-katuvalaistus",
                "Vaihdamme noin {n} 000 katuvaloa älykkääseen LED-valaistukseen.",
                "Haluamme energiatehokasta LED-katuvalaistusta himmennyksellä ja pitkillä takuilla.",
            ),
            "eco_cleaning_services": (
                "Ympäristömerkityt siivouspalvelut",
                "Siivouspalvelut ympäristömerkityillä aineilla, mikrokuitumenetelmillä ja vähemmillä "
                "kemikaaleilla.",
                "Haluamme kilpailuttaa koulujen ja toimistojen siivouksen ympäristömerkityillä tuotteilla.",
            ),
            "wastewater_energy_recovery": (
                "Energian talteenotto jätevedestä",
                "Haluamme ottaa talteen lämpöä ja biokaasua jätevedenpuhdistamoltamme.",
                "Energianeutraali jätevedenpuhdistus: jätevesilämpöpumput ja biokaasun jalostus.",
            ),
            "electric_ferries": ("Sähkölautat", "Tarvitsemme sähkökäyttöisen lautan saaristoreitille."),
            "microplastic_free_road_markings": (
                "Mikromuoviton tiemerkintä",
                "Etsimme tiemerkintämaalia, josta ei irtoa mikromuovia.",
            ),
            "recycled_asphalt": (
                "Kierrätysasfaltti",
                "Haluamme asfalttia, jossa on paljon kierrätysasfalttia ja matalampi levityslämpötila.",
            ),
            "school_heat_pumps": (
                "Lämpöpumput kouluihin",
                "Meidän on korvattava öljy- ja kaasukattilat {n} koulussa lämpöpumpuilla.",
            ),
            "rooftop_solar": (
                "Aurinkopaneelit julkisiin rakennuksiin",
                "Haluamme aurinkopaneeleja julkisten rakennusten katoille.",
            ),
            "battery_storage": (
                "Akkuvarastot",
                "Kiinteät akkuvarastot aurinkosähkön tasaamiseen ja huipputehon leikkaamiseen.",
            ),
            "e_cargo_bikes": (
                "Sähkötoimiset tavarapyörät",
                "Sähkötoimisia tavarapyöriä kotihoidolle ja puistojen kunnossapitoon.",
            ),
            "reusable_tableware": (
                "Monikäyttöiset astiat",
                "Monikäyttöiset mukit ja astiat pesupalvelulla tapahtumiin ja henkilöstöravintoloihin.",
            ),
            "sustainable_workwear": (
                "Kestävät työvaatteet",
                "Työvaatteita kierrätetyistä tai luomukuiduista, korjaus mukaan lukien.",
            ),
            "green_data_centre": (
                "Energiatehokas datakeskus",
                "Tarvitsemme datakeskuspalveluja uusiutuvalla sähköllä ja hukkalämmön hyödyntämisellä.",
            ),
            "smart_water_meters": (
                "Älykkäät vesimittarit",
                "Älykkäät vesimittarit vuotojen havaitsemiseen verkostossa.",
            ),
            "recycled_playgrounds": (
                "Leikkipaikat kierrätysmateriaaleista",
                "Leikkivälineitä kierrätysmuovista tai sertifioidusta puusta.",
            ),
            "biowaste_composting": (
                "Biojätteen keräys ja kompostointi",
                "Biojätteen keräys ja kompostointi suurkeittiöistä ja puistoista.",
            ),
            "reusable_surgical_instruments": (
                "Monikäyttöiset kirurgiset instrumentit",
                "Haluamme korvata kertakäyttöiset kirurgiset instrumentit monikäyttöisillä.",
            ),
            "electric_snow_clearing": (
                "Sähköinen lumenauraus",
                "Sähkö- tai fossiilivapaita koneita lumenaurauksen ja talvikunnossapidon tarpeisiin.",
            ),
            "timber_modular_schools": (
                "Puiset moduulikoulut",
                "Siirrettäviä puisia moduulikouluja, jotka voidaan käyttää uudelleen.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Anestesiakaasujen talteenotto",
                "Järjestelmiä anestesiakaasujen, kuten desfluraanin, talteenottoon ja tuhoamiseen "
                "leikkaussaleissa.",
            ),
            "digital_twin_water_network": (
                "Vesihuoltoverkoston digitaalinen kaksonen",
                "Vesi- ja viemäriverkoston digitaalinen kaksonen saneerausten suunnitteluun.",
            ),
            "bio_based_insulation": (
                "Biopohjaiset eristeet",
                "Biopohjaisia eristeitä, kuten puukuitua tai hamppua, korjausrakentamiseen.",
            ),
        },
    ),
    "da": NeedPhrases(
        openings=(
            "Vi er ved at lægge vores indkøbsplan for {year}.",
            "Som en af de største offentlige indkøbere i regionen ser vi et tydeligt hul her.",
            "Vores klimaplan kræver, at vi nedbringer udledningen fra vores indkøb.",
            "Det er en prioritet i vores nye indkøbsstrategi.",
        ),
        challenges=(
            "Der er få tilbudsgivere, og priserne er høje.",
            "Markedet er umodent, og der mangler referencer.",
            "Højere anskaffelsespris er svær at forsvare, selv når totalomkostningerne er lavere.",
            "Vi mangler intern viden til at skrive gode funktionskrav.",
            "Det er svært at efterprøve leverandørernes miljøudsagn.",
            "Alene er vores mængder for små til at flytte markedet.",
        ),
        closings=(
            "Vi deler gerne vores udbudsmateriale.",
            "Vi planlægger en markedsdialog.",
            "Vi er åbne for et fælles udbud.",
        ),
        topics={
            "zero_emission_machinery": (
                "Emissionsfri entreprenørmaskiner",
                "Fra {year} vil vi stille krav om eldrevne gravemaskiner og læssemaskiner på vores "
                "byggepladser.",
                "Til drift af veje og grønne områder bruger vi omkring {n} dieselmaskiner; vi har brug for "
                "el- eller brintalternativer, også over 20 ton.",
            ),
            "low_carbon_concrete": (
                "Lavemissionsbeton",
                "Vi søger lavemissionsbeton og genbrugt tilslag til broer og fundamenter.",
                "Vi vil stille CO2-grænser pr. kubikmeter beton i vores byggerier, men entreprenørerne "
                "siger, at produkterne ikke findes i stor skala.",
            ),
            "electric_waste_trucks": (
                "Eldrevne skraldebiler",
                "Vi har brug for tunge eldrevne skraldebiler, der kan klare en hel vagt, også om vinteren.",
                "Vores flåde på {n} renovationsbiler skal være emissionsfri senest {year}.",
            ),
            "charging_infrastructure": (
                "Ladeinfrastruktur",
                "Vi har brug for ladeinfrastruktur til kommunens flåde og til tunge køretøjer på "
                "materielgårdene.",
                "Vi planlægger omkring {n} offentlige ladepunkter og søger en koncessionsmodel.",
            ),
            "remote_patient_monitoring": (
                "Telemedicinsk hjemmemonitorering",
                "Vi vil indkøbe telemedicinsk hjemmemonitorering til patienter med kronisk hjertesvigt "
                "og KOL.",
                "Der mangler løsninger til monitorering i hjemmet, som kan integreres med vores "
                "elektroniske patientjournal.",
            ),
            "circular_medical_textiles": (
                "Cirkulære hospitalstekstiler",
                "Vi søger genanvendelige operationskitler og afdækning i stedet for engangsprodukter.",
                "Hospitalstekstiler med genanvendt indhold og tilbagetagning af udtjent arbejdstøj.",
            ),
            "plant_based_catering": (
                "Plantebaserede skolemåltider",
                "Vi vil have flere plantebaserede måltider i skoler og ældrepleje, omkring {n} 000 måltider "
                "om dagen.",
                "Forplejningskontrakter med mere økologi, flere grøntsager og mindre madspild.",
            ),
            "refurbished_ict": (
                "Renoveret IT-udstyr",
                "Vi vil købe renoverede bærbare og smartphones og forlænge levetiden på vores IT-udstyr.",
                "Cirkulær IT: renoverede computere, reparation og tilbagetagning af omkring {n} 000 enheder.",
            ),
            "circular_furniture": (
                "Cirkulære kontormøbler",
                "Vi har brug for cirkulære møbler: istandsatte kontormøbler i stedet for nye.",
                "Møbler som service eller genbrug af eksisterende møbler til nye kontorer og skoler.",
            ),
            "led_street_lighting": (
                "LED-gadebelysning",
                "Vi skal udskifte omkring {n} 000 gadelamper med intelligent LED-belysning.",
                "Vi ønsker energieffektiv LED-gadebelysning med dæmpning og lange garantier.",
            ),
            "eco_cleaning_services": (
                "Miljømærket rengøring",
                "Rengøringsydelser med miljømærkede midler, mikrofiber og mindre kemi.",
                "Vi vil udbyde rengøring af skoler og kontorer med miljømærkede produkter og ordentlige "
                "arbejdsvilkår.",
            ),
            "wastewater_energy_recovery": (
                "Energi fra spildevand",
                "Vi vil genvinde varme og biogas fra vores renseanlæg.",
                "Energineutral spildevandsrensning: varmepumper på spildevand og opgradering af biogas.",
            ),
            "electric_ferries": (
                "Eldrevne færger",
                "Vi har brug for en eldreven passagerfærge til vores ørute.",
            ),
            "microplastic_free_road_markings": (
                "Vejstriber uden mikroplast",
                "Vi søger vejstribemaling, der ikke afgiver mikroplast.",
            ),
            "recycled_asphalt": (
                "Asfalt med genbrugsmateriale",
                "Vi ønsker asfalt med høj andel genbrugsasfalt og lavere udlægningstemperatur.",
            ),
            "school_heat_pumps": (
                "Varmepumper i skoler",
                "Vi skal udskifte olie- og gasfyr i {n} skoler med varmepumper.",
            ),
            "rooftop_solar": (
                "Solceller på offentlige bygninger",
                "Vi vil have solceller på tagene af vores offentlige bygninger.",
            ),
            "battery_storage": (
                "Batterilagring",
                "Stationære batterier til at udjævne vores solcelleproduktion og barbere spidsbelastninger.",
            ),
            "e_cargo_bikes": ("Elladcykler", "Elladcykler til hjemmeplejen og parkdriften."),
            "reusable_tableware": (
                "Genbrugsservice",
                "Genbrugskrus og service med opvaskeservice til arrangementer og kantiner.",
            ),
            "sustainable_workwear": (
                "Bæredygtigt arbejdstøj",
                "Arbejdstøj af genanvendte eller økologiske fibre med reparation inkluderet.",
            ),
            "green_data_centre": (
                "Energieffektivt datacenter",
                "Vi har brug for datacentertjenester med vedvarende strøm og udnyttelse af overskudsvarme.",
            ),
            "smart_water_meters": (
                "Intelligente vandmålere",
                "Intelligente vandmålere til at finde lækager i ledningsnettet.",
            ),
            "recycled_playgrounds": (
                "Legepladser af genbrugsmaterialer",
                "Legeredskaber af genbrugsplast eller certificeret træ.",
            ),
            "biowaste_composting": (
                "Indsamling og kompostering af madaffald",
                "Indsamling og kompostering af madaffald fra storkøkkener og parker.",
            ),
            "reusable_surgical_instruments": (
                "Genbrugelige kirurgiske instrumenter",
                "Vi vil erstatte kirurgiske engangsinstrumenter med genbrugelige.",
            ),
            "electric_snow_clearing": (
                "Eldrevet snerydning",
                "Eldrevne eller fossilfri maskiner til snerydning og glatførebekæmpelse.",
            ),
            "timber_modular_schools": (
                "Modulbyggede træskoler",
                "Flytbare modulskoler i træ, der kan genbruges.",
            ),
            "low_carbon_anaesthetic_gases": (
                "Opsamling af anæstesigasser",
                "Systemer til at opsamle og destruere anæstesigasser som desfluran på operationsstuerne.",
            ),
            "digital_twin_water_network": (
                "Digital tvilling af ledningsnettet",
                "En digital tvilling af vores vand- og kloaknet til at planlægge renoveringer.",
            ),
            "bio_based_insulation": (
                "Biobaseret isolering",
                "Biobaserede isoleringsmaterialer som træfiber eller hamp til renoveringer.",
            ),
        },
    ),
}

# ---------------------------------------------------------------------------------------------
# Budgets and timing, written the way people write them
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyWords:
    """How people in one language write an amount of euros."""

    decimal: str
    group: str  # thousands separator
    whole: tuple[str, ...]  # templates for a grouped amount {x}
    millions: tuple[str, ...]  # templates for {v} millions
    thousands: tuple[str, ...]  # templates for {k} thousands
    approx: tuple[str, ...]
    unknown: tuple[str, ...]


MONEY_WORDS = {
    "en": MoneyWords(
        ".",
        ",",
        ("€{x}", "EUR {x}", "{x} EUR"),
        ("€{v}m", "{v}m", "{v} million EUR", "EUR {v}M", "{v}M€"),
        ("{k}k", "€{k}k", "{k}k EUR", "{k} thousand euros"),
        ("approx. ", "about ", "~", "around "),
        ("unknown", "TBD", "not yet known", "depends on the market dialogue"),
    ),
    "sv": MoneyWords(
        ",",
        " ",
        ("{x} EUR", "{x} euro", "{x} €"),
        ("{v} miljoner euro", "{v} MEUR", "{v} Meuro"),
        ("{k} tusen euro", "{k}k", "{k} tEUR"),
        ("ca ", "cirka ", "ungefär "),
        ("ej fastställd", "vet ej", "beror på marknadsdialogen"),
    ),
    "de": MoneyWords(
        ",",
        ".",
        ("{x} €", "{x} EUR", "EUR {x}", "{x},- €"),
        ("{v} Mio. €", "{v} Mio.", "{v} Mio. Euro", "{v} Mio EUR"),
        ("{k} T€", "{k} TEUR", "{k}k"),
        ("ca. ", "rund ", "etwa "),
        ("noch offen", "unbekannt", "k.A."),
    ),
    "fr": MoneyWords(
        ",",
        " ",
        ("{x} €", "{x} euros", "{x} EUR"),
        ("{v} M€", "{v} millions d'euros", "{v} M EUR"),
        ("{k} k€", "{k}k€", "{k} 000 €"),
        ("environ ", "~"),
        ("à définir", "non connu", "selon sourcing"),
    ),
    "es": MoneyWords(
        ",",
        ".",
        ("{x} €", "{x} euros", "{x} EUR"),
        ("{v} M€", "{v} millones de euros", "{v} millones €"),
        ("{k} mil €", "{k} mil euros", "{k}k"),
        ("aprox. ", "unos ", "alrededor de "),
        ("por determinar", "sin definir"),
    ),
    "it": MoneyWords(
        ",",
        ".",
        ("€ {x}", "{x} euro", "{x} €"),
        ("{v} M€", "{v} milioni di euro", "{v} mln €"),
        ("{k} mila euro", "{k}k"),
        ("circa ", "ca. "),
        ("da definire", "non noto"),
    ),
    "pl": MoneyWords(
        ",",
        " ",
        ("{x} EUR", "{x} euro"),
        ("{v} mln EUR", "{v} mln euro"),
        ("{k} tys. EUR", "{k} tys. euro"),
        ("ok. ", "około "),
        ("do ustalenia", "nieznany"),
    ),
    "nl": MoneyWords(
        ",",
        ".",
        ("€ {x}", "{x} euro", "EUR {x}"),
        ("{v} miljoen euro", "€ {v} mln", "{v} mln EUR"),
        ("{k}k", "{k} duizend euro"),
        ("ca. ", "ongeveer ", "circa "),
        ("nog niet bekend", "n.t.b."),
    ),
    "fi": MoneyWords(
        ",",
        " ",
        ("{x} €", "{x} euroa"),
        ("{v} milj. €", "{v} miljoonaa euroa", "{v} M€"),
        ("{k} t€", "{k} tuhatta euroa"),
        ("noin ", "n. "),
        ("ei tiedossa", "avoin"),
    ),
    "da": MoneyWords(
        ",",
        ".",
        ("{x} EUR", "{x} euro", "EUR {x}"),
        ("{v} mio. EUR", "{v} mio. euro", "{v} mio EUR"),
        ("{k} t. EUR", "{k}k"),
        ("ca. ", "omkring "),
        ("ikke fastlagt", "ukendt"),
    ),
}


@dataclass(frozen=True)
class TimingWords:
    """How people in one language say when they plan to buy."""

    months: str  # {m}
    years: str  # {y}
    in_year: tuple[str, ...]  # {year}
    quarter: str  # {q} {year}
    range_months: str  # {a} {b}
    range_years: str  # {a} {b}
    next_year: str
    asap: str
    unknown: tuple[str, ...]


TIMING_WORDS = {
    "en": TimingWords(
        "within {m} months",
        "within {y} years",
        ("{year}", "in {year}", "during {year}"),
        "Q{q} {year}",
        "{a}-{b} months",
        "{a}-{b} years",
        "next year",
        "as soon as possible",
        ("not decided yet", "unknown"),
    ),
    "sv": TimingWords(
        "inom {m} månader",
        "inom {y} år",
        ("{year}", "under {year}", "år {year}"),
        "kvartal {q} {year}",
        "{a}-{b} månader",
        "{a}-{b} år",
        "nästa år",
        "så snart som möjligt",
        ("inte bestämt", "vet ej"),
    ),
    "de": TimingWords(
        "innerhalb von {m} Monaten",
        "innerhalb von {y} Jahren",
        ("{year}", "im Jahr {year}", "voraussichtlich {year}"),
        "Q{q}/{year}",
        "in {a}-{b} Monaten",
        "in {a}-{b} Jahren",
        "nächstes Jahr",
        "so bald wie möglich",
        ("noch offen", "unklar"),
    ),
    "fr": TimingWords(
        "d'ici {m} mois",
        "d'ici {y} ans",
        ("{year}", "en {year}", "courant {year}"),
        "T{q} {year}",
        "dans {a} à {b} mois",
        "dans {a} à {b} ans",
        "l'année prochaine",
        "dès que possible",
        ("pas encore décidé", "inconnu"),
    ),
    "es": TimingWords(
        "en los próximos {m} meses",
        "en los próximos {y} años",
        ("{year}", "en {year}", "a lo largo de {year}"),
        "{q}.º trimestre de {year}",
        "entre {a} y {b} meses",
        "entre {a} y {b} años",
        "el año que viene",
        "lo antes posible",
        ("sin decidir", "no se sabe"),
    ),
    "it": TimingWords(
        "entro {m} mesi",
        "entro {y} anni",
        ("{year}", "nel {year}", "entro il {year}"),
        "{q}° trimestre {year}",
        "tra {a} e {b} mesi",
        "tra {a} e {b} anni",
        "l'anno prossimo",
        "il prima possibile",
        ("da definire",),
    ),
    "pl": TimingWords(
        "w ciągu {m} miesięcy",
        "w ciągu {y} lat",
        ("{year}", "w {year} r.", "w roku {year}"),
        "{q} kwartał {year}",
        "{a}-{b} miesięcy",
        "{a}-{b} lata",
        "w przyszłym roku",
        "jak najszybciej",
        ("jeszcze nie wiadomo",),
    ),
    "nl": TimingWords(
        "binnen {m} maanden",
        "binnen {y} jaar",
        ("{year}", "in {year}", "ergens in {year}"),
        "Q{q} {year}",
        "over {a} à {b} maanden",
        "over {a} à {b} jaar",
        "volgend jaar",
        "zo snel mogelijk",
        ("nog niet bepaald",),
    ),
    "fi": TimingWords(
        "{m} kuukauden sisällä",
        "{y} vuoden sisällä",
        ("{year}", "vuonna {year}", "vuoden {year} aikana"),
        "Q{q}/{year}",
        "{a}-{b} kuukauden kuluttua",
        "{a}-{b} vuoden kuluttua",
        "ensi vuonna",
        "mahdollisimman pian",
        ("ei vielä päätetty",),
    ),
    "da": TimingWords(
        "inden for {m} måneder",
        "inden for {y} år",
        ("{year}", "i {year}", "i løbet af {year}"),
        "Q{q} {year}",
        "om {a}-{b} måneder",
        "om {a}-{b} år",
        "næste år",
        "hurtigst muligt",
        ("ikke besluttet",),
    ),
}

# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------


def _pick(rng: random.Random, options: Sequence[Any]) -> Any:
    """One of `options`, uniformly (cheaper than random.choice, which matters at a million rows)."""
    return options[int(rng.random() * len(options))]


@dataclass(frozen=True)
class Draw:
    """Values with weights, ready to be drawn from quickly."""

    values: tuple[Any, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, values: Iterable[Any], weights: Iterable[float]) -> Draw:
        """A draw from values and their (relative) weights."""
        return cls(tuple(values), tuple(itertools.accumulate(weights)))

    def __call__(self, rng: random.Random) -> Any:
        """One value, with probability proportional to its weight."""
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


BLANK_ROW_SHARE = 0.03
NO_ANSWER_SHARE = 0.012
SECOND_ANSWER_SHARE = 0.02  # an organisation answers again, later and differently
ROLE_DRAW = Draw.of(("lead", "buyer", "follow", "unsure", None), (12, 33, 33, 9, 13))
MARKET_DRAW = Draw.of(("no", "partly", "yes", "dont_know", None), (42, 33, 10, 6, 9))
HORIZON_MONTHS = (3, 6, 6, 9, 12, 12, 12, 18, 18, 24, 24, 36, 48)
COUNTS_IN_TEXT = (4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50)
YEARS_IN_TEXT = (2027, 2028, 2030)
ORG_TYPE_BUDGET_FACTOR = {
    "municipality": 1.0,
    "region": 1.5,
    "central_purchasing_body": 2.0,
    "hospital": 1.0,
    "university": 0.6,
    "housing": 0.8,
    "transport": 1.2,
    "utility": 1.1,
    "agency": 1.8,
}
EMAIL_DOMAINS = (".example", ".example.org", ".example.net")
_ASCII_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ß": "ss", "ł": "l", "đ": "d", "œ": "oe"})

RESPONSE_KEYS = (
    "row_kind",  # "response", "blank" (an empty row) or "no_answer" (submitted with nothing filled in)
    "uid",  # stable id: EUSurvey contribution id, seeds other tools' ids
    "revises",  # uid of this organisation's earlier answer, when this is a second answer
    "started_at",
    "submitted_at",
    "organisation",
    "country_code",  # ISO 3166-1 alpha-2 (GR for Greece)
    "country_text",  # the country as typed
    "org_type",  # one of ORG_TYPES
    "language",  # ISO 639-1 of the free text
    "topic",  # key of TOPICS
    "sectors",  # tuple of SECTORS ticked
    "sector_other",  # typed "Other" sector, or None
    "need_text",
    "budget_eur",  # the amount the budget text means (middle of a range), or None
    "budget_text",
    "horizon_months",  # months until they plan to buy, as meant by horizon_text, or None
    "horizon_text",
    "role",  # "lead", "buyer", "follow", "unsure" or None
    "role_variant",  # 0..99: which of the ways to say the role this person used
    "market",  # one of MARKET_KEYS or None
    "contact_name",
    "contact_email",
    "contact_phone",
)


def _working_days() -> tuple[date, ...]:
    """The weekdays the survey was open."""
    days: list[date] = []
    day = SURVEY_FIRST_DAY
    while len(days) < SURVEY_WORKING_DAYS:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)


WORKING_DAYS = _working_days()


def _submission_time(index: int, n: int, rng: random.Random) -> datetime:
    """Completion time of answer `index` of `n`: spread over the survey's working hours, in order."""
    at = SURVEY_WORKING_DAYS * WORKDAY_SECONDS * (index + rng.random()) / n
    day, second = divmod(int(at), WORKDAY_SECONDS)
    return datetime.combine(WORKING_DAYS[day], datetime.min.time()) + timedelta(
        hours=WORKDAY_START_HOUR, seconds=second
    )


@functools.lru_cache(maxsize=4096)
def _ascii(text: str) -> str:
    """Lower-case ASCII letters and digits of `text`, as people turn names into e-mail addresses."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_ASCII_FOLD))
    return "".join(char for char in folded if char.isascii() and char.isalnum())


def _place(rng: random.Random, country: Country) -> str:
    """An invented place name that sounds like the country's own."""
    prefix, suffix = _pick(rng, country.prefixes), _pick(rng, country.suffixes)
    if prefix[-1] == suffix[0]:  # Rocca + alto -> Roccalto, as place names elide
        suffix = suffix[1:]
    root = prefix + suffix
    qualifier = country.qualifiers[0] if rng.random() < 0.7 else _pick(rng, country.qualifiers)
    return qualifier.format(root)


def _organisation(
    rng: random.Random, country: Country, language: str, org_type: str, taken: dict[str, int]
) -> tuple[str, str]:
    """A new organisation's name, unique among `taken` (name -> times used), and the place it is in."""
    style = language if language in country.naming else country.naming[0]
    patterns = ORG_NAME_PATTERNS[style][org_type]
    if org_type == "municipality":
        patterns += country.local_municipality
    for _ in range(4):
        place = _place(rng, country)
        name = _pick(rng, patterns).format(p=place, r=_pick(rng, country.regions))
        if name not in taken:
            taken[name] = 1
            return name, place
    # Every name drawn is taken: another department of the same body answers.
    used = taken[name]
    taken[name] = used + 1
    departments = DEPARTMENTS[style]
    round_, unit = divmod(used - 1, len(departments))
    return f"{name}, {departments[unit]}" + (f" {round_ + 1}" if round_ else ""), place


def _contact(rng: random.Random, country: Country, place: str) -> tuple[str, str, str | None]:
    """An invented contact person: name, e-mail at a reserved example domain, local phone number."""
    woman = rng.random() < 0.5
    first = _pick(rng, country.women if woman else country.men)
    surname = _pick(rng, country.surnames).split("|")
    last = surname[-1] if woman else surname[0]
    name = f"{last} {first}" if country.family_name_first and rng.random() < 0.6 else f"{first} {last}"
    local = _pick(rng, (f"{_ascii(first)}.{_ascii(last)}", f"{_ascii(first)[0]}{_ascii(last)}"))
    email = f"{local}@{_ascii(place)}{_pick(rng, EMAIL_DOMAINS)}"
    if rng.random() < 0.03:
        email = email.capitalize()
    phone = None
    if rng.random() < 0.9:
        pattern = _pick(rng, country.phones)
        digits = iter(f"{rng.randrange(10**12):012d}")
        phone = "".join(next(digits) if char == "#" else char for char in pattern)
    return name, email, phone


def _typed_country(rng: random.Random, country: Country) -> str | None:
    """The country as a respondent types it into a free-text box."""
    roll = rng.random()
    english = COUNTRY_NAMES[country.code]["en"]
    if roll < 0.02:
        return None
    if roll < 0.36:
        text = english
    elif roll < 0.64:
        text = country.typed[0]
    elif roll < 0.80:
        text = "EL" if country.code == "GR" and rng.random() < 0.75 else country.code
    elif roll < 0.92:
        text = _pick(rng, country.typed)
    else:
        text = _pick(rng, (english.upper(), english.lower(), f" {english}", f"{english} "))
    return text


def _need_text(rng: random.Random, language: str, topic: str) -> str:
    """A free-text unmet need, put together the way procurement officers write one."""
    phrases = NEED_PHRASES[language]
    title, *sentences = phrases.topics[topic]
    if rng.random() < 0.15:
        text = title if rng.random() < 0.7 else title.lower()
    else:
        parts = [_pick(rng, phrases.openings)] if rng.random() < 0.35 else []
        parts.append(_pick(rng, sentences))
        if rng.random() < 0.6:
            parts += rng.sample(phrases.challenges, 2 if rng.random() < 0.2 else 1)
        if rng.random() < 0.25:
            parts.append(_pick(rng, phrases.closings))
        separator = "\n" if rng.random() < 0.05 else " "
        text = separator.join(parts).format(n=_pick(rng, COUNTS_IN_TEXT), year=_pick(rng, YEARS_IN_TEXT))
        if rng.random() < 0.08:
            text = text.rstrip(".")
    roll = rng.random()
    if roll < 0.015:
        # Cells a spreadsheet would run as a formula if nobody neutralised them.
        text = _pick(rng, ("=> ", "+ ", "- ", "-- ", "=")) + text
    elif roll < 0.045:
        text = _pick(rng, (f" {text}", f"{text}  ", text.replace(" ", "  ", 1), f"{text}\n"))
    return text


def _amount_text(value: float, decimal: str) -> str:
    """A number with at most one decimal, written with the language's decimal mark."""
    return f"{value:.1f}".removesuffix(".0").replace(".", decimal)


def _budget(
    rng: random.Random, language: str, topic: Topic, org_type: str
) -> tuple[float | None, str | None]:
    """A buyer's budget: the amount meant, and how it was written (or neither, or words only)."""
    words = MONEY_WORDS[language]
    low, high = topic.budget_eur
    amount = math.exp(rng.uniform(math.log(low), math.log(high))) * ORG_TYPE_BUDGET_FACTOR[org_type]
    step = 1e5 if amount >= 1e6 else 1e4 if amount >= 1e5 else 5e3
    amount = max(step, round(amount / step) * step)
    roll = rng.random()
    if roll < 0.14:
        return None, None
    if roll < 0.19:
        return None, _pick(rng, words.unknown)
    if roll < 0.33:
        return amount, f"{amount:.0f}"
    if roll < 0.55:
        grouped = f"{amount:,.0f}".replace(",", words.group)
        if words.group == " " and rng.random() < 0.3:
            grouped = grouped.replace(" ", _pick(rng, ("\u00a0", "\u202f")))
        text = _pick(rng, words.whole).format(x=grouped)
    elif roll < 0.92:
        if amount >= 1e6:
            text = _pick(rng, words.millions).format(v=_amount_text(amount / 1e6, words.decimal))
        else:
            text = _pick(rng, words.thousands).format(k=f"{amount / 1e3:.0f}")
    elif amount >= 1e6:
        low_m = max(1, math.floor(amount / 1e6))
        amount = (low_m + 0.5) * 1e6
        text = _pick(rng, words.millions).format(v=f"{low_m}-{low_m + 1}")
    else:
        low_k = max(10, round(amount / 2e3 / 10) * 10)
        amount = low_k * 1.5e3
        text = _pick(rng, words.thousands).format(k=f"{low_k}-{low_k * 2}")
    if rng.random() < 0.2:
        text = _pick(rng, words.approx) + text
    return amount, text


def _months_later(moment: datetime, months: int) -> tuple[int, int]:
    """Year and month `months` after `moment`."""
    total = moment.year * 12 + moment.month - 1 + months
    return total // 12, total % 12 + 1


def _horizon(rng: random.Random, language: str, submitted: datetime) -> tuple[int | None, str | None]:
    """When a buyer plans to procure: months meant, and how it was written."""
    words = TIMING_WORDS[language]
    roll = rng.random()
    if roll < 0.08:
        return None, None
    if roll < 0.12:
        return None, _pick(rng, words.unknown)
    if roll < 0.15:
        return 3, words.asap
    months = _pick(rng, HORIZON_MONTHS)
    year, month = _months_later(submitted, months)
    style = rng.random()
    if style < 0.38:
        if months >= 24 and months % 12 == 0:
            return months, words.years.format(y=months // 12)
        return months, words.months.format(m=months)
    if style < 0.66:
        return months, _pick(rng, words.in_year).format(year=year)
    if style < 0.76:
        return months, words.quarter.format(q=(month - 1) // 3 + 1, year=year)
    if style < 0.93:
        if months <= 6:
            return 4, words.range_months.format(a=3, b=6)
        if months <= 12:
            return 9, words.range_months.format(a=6, b=12)
        if months <= 24:
            return 18, words.range_years.format(a=1, b=2)
        return 30, words.range_years.format(a=2, b=3)
    return 12, words.next_year


def _topic_draws() -> dict[str, Draw]:
    """Per organisation type, how likely each topic is: typical needs weigh more, hospitals stay clinical."""
    return {
        org_type: Draw.of(
            TOPICS,
            (
                topic.weight
                * (4.0 if org_type in topic.org_types else 0.1 if org_type == "hospital" else 0.6)
                for topic in TOPICS
            ),
        )
        for org_type in ORG_TYPES
    }


TOPIC_DRAWS = _topic_draws()
ORG_TYPE_DRAW = Draw.of(ORG_TYPES, ORG_TYPE_WEIGHTS)
COUNTRY_DRAW = Draw.of(COUNTRIES, (country.weight for country in COUNTRIES))
LANGUAGE_DRAWS = {
    country.code: Draw.of(country.text_languages, country.text_languages.values()) for country in COUNTRIES
}


def _sectors(rng: random.Random, topic: Topic) -> tuple[str, ...]:
    """The sector boxes a respondent ticks: mostly the need's own sectors, sometimes more, rarely none."""
    if rng.random() < 0.04:
        return ()
    ticked = {topic.sectors[0]} if rng.random() < 0.95 else set()
    ticked |= {sector for sector in topic.sectors[1:] if rng.random() < 0.75}
    extra = rng.random()
    if extra < 0.25:
        ticked |= set(rng.sample(SECTORS, 2 if extra < 0.08 else 1))
    return tuple(sector for sector in SECTORS if sector in ticked)


def _respondent(rng: random.Random) -> tuple[Country, str]:
    """Where a respondent is from and the language they write in."""
    country = COUNTRY_DRAW(rng)
    return country, LANGUAGE_DRAWS[country.code](rng)


def _fresh_answer(
    rng: random.Random, country: Country, language: str, submitted: datetime, taken: dict[str, int]
) -> Response:
    """A first answer from a new organisation."""
    org_type = ORG_TYPE_DRAW(rng)
    topic = TOPIC_DRAWS[org_type](rng)
    organisation, place = _organisation(rng, country, language, org_type, taken)
    if rng.random() < 0.03:
        organisation = _pick(
            rng, (f"{organisation} ", f" {organisation}", organisation.replace(" ", "  ", 1))
        )
    contact_name, contact_email, contact_phone = _contact(rng, country, place)
    budget_eur, budget_text = _budget(rng, language, topic, org_type)
    horizon_months, horizon_text = _horizon(rng, language, submitted)
    role = ROLE_DRAW(rng)
    if role == "lead" and not topic.leaders:
        role = "buyer"
    typed_other = topic.weight == _TAIL and rng.random() < 0.3
    return {
        "row_kind": "response",
        "organisation": organisation,
        "country_code": country.code,
        "country_text": _typed_country(rng, country),
        "org_type": org_type,
        "language": language,
        "topic": topic.key,
        "sectors": _sectors(rng, topic),
        "sector_other": NEED_PHRASES[language].topics[topic.key][0] if typed_other else None,
        "need_text": _need_text(rng, language, topic.key),
        "budget_eur": budget_eur,
        "budget_text": budget_text,
        "horizon_months": horizon_months,
        "horizon_text": horizon_text,
        "role": role,
        "role_variant": rng.randrange(100),
        "market": MARKET_DRAW(rng),
        "contact_name": contact_name,
        "contact_email": contact_email,
        "contact_phone": contact_phone,
    }


def _second_answer(rng: random.Random, earlier: Response, submitted: datetime) -> Response:
    """The same organisation answering again: same contact, a rewritten need, often a firmer role."""
    topic = TOPIC_BY_KEY[earlier["topic"]]
    language = earlier["language"]
    firmer = {
        "follow": "buyer",
        None: "follow",
        "unsure": "buyer",
        "buyer": "lead" if topic.leaders else "buyer",
    }
    answer = dict(earlier, revises=earlier["uid"])
    answer["need_text"] = _need_text(rng, language, topic.key)
    answer["budget_eur"], answer["budget_text"] = _budget(rng, language, topic, earlier["org_type"])
    if rng.random() < 0.5:
        answer["horizon_months"], answer["horizon_text"] = _horizon(rng, language, submitted)
    if rng.random() < 0.6:
        answer["role"] = firmer.get(earlier["role"], earlier["role"])
    if rng.random() < 0.3:
        answer["organisation"] = earlier["organisation"] + " "
    if rng.random() < 0.4:
        answer["country_text"] = _typed_country(rng, COUNTRY_BY_CODE[earlier["country_code"]])
    return answer


COUNTRY_BY_CODE = {country.code: country for country in COUNTRIES}


def _iter_responses(n: int, seed: int) -> Iterator[Response]:
    """Yield `n` rows of answers in completion order (streamed, so a million rows fit in memory)."""
    rng = random.Random(seed)
    taken: dict[str, int] = {}
    recent: deque[Response] = deque(maxlen=200)
    for index in range(n):
        submitted = _submission_time(index, n, rng)
        stamp = {
            "uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "submitted_at": submitted,
            "started_at": submitted - timedelta(seconds=rng.randint(150, 1500)),
        }
        roll = rng.random()
        if roll < BLANK_ROW_SHARE + NO_ANSWER_SHARE:
            country, language = _respondent(rng)
            kind = "blank" if roll < BLANK_ROW_SHARE else "no_answer"
            routing = {"row_kind": kind, "country_code": country.code, "language": language}
            yield dict.fromkeys(RESPONSE_KEYS) | routing | stamp
        elif roll < BLANK_ROW_SHARE + NO_ANSWER_SHARE + SECOND_ANSWER_SHARE and recent:
            yield _second_answer(rng, _pick(rng, recent), submitted) | stamp
        else:
            country, language = _respondent(rng)
            row = (
                dict.fromkeys(RESPONSE_KEYS) | _fresh_answer(rng, country, language, submitted, taken) | stamp
            )
            recent.append(row)
            yield row


def build_responses(n: int, seed: int = SAMPLE_SEED) -> list[Response]:
    """`n` rows of a needs assessment (answers, blank rows, empty submissions, second answers).

    Each row is a dict with RESPONSE_KEYS. Free-text fields hold what the respondent typed; the
    other fields hold what it means (ground truth for tests). Rows are in completion order.
    """
    return list(_iter_responses(n, seed))


# ---------------------------------------------------------------------------------------------
# Writers: one per survey tool, each laying the sheet out the way that tool exports it
# ---------------------------------------------------------------------------------------------

FORMS_DATE_FORMAT = "m/d/yy h:mm:ss"
SURVEYMONKEY_DATE_FORMAT = "mm/dd/yyyy hh:mm:ss AM/PM"
EUSURVEY_EXPORT_DATE_FORMAT = "dd/mm/yyyy hh:mm"
EUSURVEY_DATE_FORMAT = "mm-dd-yy"  # Excel's built-in format 14, as EUSurvey writes its date columns
SURVEYMONKEY_COLLECTORS = (431852907, 431852911)  # web link, e-mail invitation
DOCUMENTATION_NETWORKS = ("192.0.2", "198.51.100", "203.0.113")  # addresses reserved for examples


def _role_answer(row: Response, language: str, *, typed: bool) -> str | None:
    """The role answer: mostly the survey's own option, or any way of saying it when typed."""
    if row["role"] is None:
        return None
    answers = ROLE_ANSWERS[language][row["role"]]
    variant = row["role_variant"]
    if not typed and variant < 80:
        return answers[0]
    return answers[variant % len(answers)]


def _answers(row: Response, language: str, *, country_list: bool, typed_role: bool) -> dict[str, Any]:
    """The question answers of one row as a survey in `language` shows them (empty unless answered)."""
    answers: dict[str, Any] = dict.fromkeys(QUESTION_FIELDS)
    answers["sectors"] = ()
    answers["sector_other"] = None
    if row["row_kind"] != "response":
        return answers
    code = row["country_code"]
    answers.update(
        organisation=row["organisation"],
        country=COUNTRY_NAMES[code][language] if country_list else row["country_text"],
        org_type=ORG_TYPE_LABELS[language][row["org_type"]],
        sectors=tuple(SECTOR_LABELS[language][sector] for sector in row["sectors"]),
        sector_other=row["sector_other"],
        need=row["need_text"],
        budget=row["budget_text"],
        horizon=row["horizon_text"],
        role=_role_answer(row, language, typed=typed_role),
        market=MARKET_ANSWERS[language][row["market"]] if row["market"] else None,
        contact_name=row["contact_name"],
        contact_email=row["contact_email"],
        contact_phone=row["contact_phone"],
    )
    return answers


def _uid_number(row: Response, digits: slice) -> int:
    """A stable number taken from the row's uid, for ids and addresses that must not need a random draw."""
    return int(row["uid"].replace("-", "")[digits], 16)


def _microsoft_forms_rows(responses: Iterable[Response], language: str) -> Iterator[list[Any]]:
    """Header and data rows of a Microsoft Forms export: metadata, then one column per question."""
    header = [*MICROSOFT_FORMS_METADATA, *QUESTIONS[language].values()]
    yield header
    number = 0
    for row in responses:
        if row["row_kind"] == "blank":
            yield [None] * len(header)
            continue
        number += 1
        answers = _answers(row, language, country_list=False, typed_role=False)
        choices = [*answers["sectors"], *filter(None, [answers["sector_other"]])]
        answers["sectors"] = "".join(f"{choice};" for choice in choices) or None
        metadata = [number, row["started_at"], row["submitted_at"], "anonymous", None]
        yield metadata + [answers[field] for field in QUESTION_FIELDS]


def _eusurvey_rows(responses: Iterable[Response], language: str, export_language: str) -> Iterator[list[Any]]:
    """Header and data rows of an EUSurvey content export: questions first, metadata at the end."""
    header = [*QUESTIONS[language].values(), *EUSURVEY_METADATA[export_language]]
    yield header
    for row in responses:
        if row["row_kind"] == "blank":
            yield [None] * len(header)
            continue
        answers = _answers(row, language, country_list=True, typed_role=False)
        answers["sectors"] = ";".join(answers["sectors"]) or None
        # The budget is a number question in EUSurvey, so the cell holds a number, not the typed words.
        answers["budget"] = None if row["budget_eur"] is None else round(row["budget_eur"])
        created = row["submitted_at"]
        edited = _uid_number(row, slice(0, 2)) % 5 == 0
        updated = created + timedelta(days=2, hours=3) if edited else created
        user = row["contact_email"] or "Anonymous"
        metadata = [row["uid"], user, created, updated, language.upper()]
        yield [answers[field] for field in QUESTION_FIELDS] + metadata


def _surveymonkey_rows(responses: Iterable[Response], language: str) -> Iterator[list[Any]]:
    """Both header rows and the data rows of a SurveyMonkey export: one column per sector option."""
    questions = QUESTIONS[language]
    open_ended, single = "Open-Ended Response", "Response"
    before = ("organisation", "country", "org_type")
    after = ("need", "budget", "horizon", "role", "market", "contact_name", "contact_email", "contact_phone")
    sub_labels = {"country": single, "org_type": single, "market": single}
    option_labels = [SECTOR_LABELS[language][sector] for sector in SECTORS]
    yield [
        *SURVEYMONKEY_METADATA,
        *(questions[field] for field in before),
        questions["sectors"],
        *[None] * len(option_labels),
        *(questions[field] for field in after),
    ]
    yield [
        *[None] * len(SURVEYMONKEY_METADATA),
        *(sub_labels.get(field, open_ended) for field in before),
        *option_labels,
        OTHER_SPECIFY[language],
        *(sub_labels.get(field, open_ended) for field in after),
    ]
    width = len(SURVEYMONKEY_METADATA) + len(before) + len(option_labels) + 1 + len(after)
    number = 0
    for row in responses:
        if row["row_kind"] == "blank":
            yield [None] * width
            continue
        number += 1
        answers = _answers(row, language, country_list=True, typed_role=True)
        by_invitation = _uid_number(row, slice(-2, None)) % 10 < 3
        address = _uid_number(row, slice(0, 8))
        ip = f"{DOCUMENTATION_NETWORKS[address % 3]}.{address % 254 + 1}"
        first, _, last = (row["contact_name"] or "").partition(" ")
        invited = [row["contact_email"], first or None, last or None] if by_invitation else [None] * 3
        metadata = [
            11846000000 + number * 1379 + _uid_number(row, slice(-3, None)) % 1000,
            SURVEYMONKEY_COLLECTORS[by_invitation],
            row["started_at"],
            row["submitted_at"],
            ip,
            *invited,
            None,
        ]
        ticked = [label if label in answers["sectors"] else None for label in option_labels]
        yield [
            *metadata,
            *(answers[field] for field in before),
            *ticked,
            answers["sector_other"],
            *(answers[field] for field in after),
        ]


def _new_workbook(sheet_name: str) -> tuple[openpyxl.Workbook, Any]:
    """An empty workbook with fixed document dates and one sheet."""
    workbook = openpyxl.Workbook()
    workbook.properties.created = EXPORTED_AT
    workbook.properties.modified = EXPORTED_AT
    sheet = workbook.active
    sheet.title = sheet_name
    return workbook, sheet


def _put_rows(sheet: Any, rows: Iterable[list[Any]], first_row: int, date_format: str) -> int:
    """Write rows from `first_row` on, text always as text; return the last row number written."""
    row_number = first_row - 1
    for row_number, values in enumerate(rows, start=first_row):
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would store '=> ...' as a formula
            elif isinstance(value, datetime):
                cell.number_format = date_format
    return row_number


def _save(workbook: openpyxl.Workbook, path: Path) -> Path:
    """Save with fixed dates in the document properties and the zip entries, so equal data is equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()  # unlike Workbook.save, keeps properties.modified
    with zipfile.ZipFile(buffer) as written, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in written.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_ENTRY_TIME)
            archive.writestr(fixed, written.read(entry), compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_microsoft_forms(responses: Iterable[Response], path: Path, language: str) -> Path:
    """Write a Microsoft Forms results workbook (sheet 'Sheet1', data in an Excel table)."""
    workbook, sheet = _new_workbook("Sheet1")
    rows = _microsoft_forms_rows(responses, language)
    last_row = _put_rows(sheet, rows, 1, FORMS_DATE_FORMAT)
    if last_row > 1:
        width = len(MICROSOFT_FORMS_METADATA) + len(QUESTION_FIELDS)
        table = Table(displayName="Table1", ref=f"A1:{openpyxl.utils.get_column_letter(width)}{last_row}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        sheet.add_table(table)
    return _save(workbook, Path(path))


def write_eusurvey(
    responses: Iterable[Response],
    path: Path,
    language: str,
    *,
    export_language: str = "en",
    alias: str = "NeedsAssessment2026",
) -> Path:
    """Write an EUSurvey content export: sheet 'Content', Alias/Export Date title rows, header on row 4.

    `export_language` is the interface language of whoever exported it (en, de or fr), which sets the
    metadata column labels; `language` is the survey's language.
    """
    workbook, sheet = _new_workbook("Content")
    sheet["A1"], sheet["B1"] = "Alias", alias
    sheet["A2"], sheet["B2"] = "Export Date", EXPORTED_AT
    sheet["B2"].number_format = EUSURVEY_EXPORT_DATE_FORMAT
    _put_rows(sheet, _eusurvey_rows(responses, language, export_language), 4, EUSURVEY_DATE_FORMAT)
    return _save(workbook, Path(path))


def write_surveymonkey(responses: Iterable[Response], path: Path, language: str = "en") -> Path:
    """Write a SurveyMonkey 'All responses data' workbook: two header rows, one column per option."""
    workbook, sheet = _new_workbook("Sheet")
    _put_rows(sheet, _surveymonkey_rows(responses, language), 1, SURVEYMONKEY_DATE_FORMAT)
    return _save(workbook, Path(path))


# ---------------------------------------------------------------------------------------------
# Benchmark files: the same answers at any size, written fast
# ---------------------------------------------------------------------------------------------


def write_benchmark_file(n: int, path: Path, seed: int = SAMPLE_SEED) -> Path:
    """Write `n` rows as one English Microsoft Forms workbook, streamed (100k rows in seconds)."""
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    workbook = xlsxwriter.Workbook(str(path), options)
    workbook.set_properties({"created": EXPORTED_AT})
    sheet = workbook.add_worksheet("Sheet1")
    # Cells written without a format take their column's, so the time columns show as dates.
    sheet.set_column(1, 2, 16, workbook.add_format({"num_format": FORMS_DATE_FORMAT}))
    for row_index, values in enumerate(_microsoft_forms_rows(_iter_responses(n, seed), "en")):
        sheet.write_row(row_index, 0, values)
    workbook.close()
    return Path(path)


def _csv_cell(value: Any) -> str:
    """A cell as Excel writes it into a CSV file."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def write_benchmark_csv(n: int, path: Path, seed: int = SAMPLE_SEED) -> Path:
    """Write `n` rows as the CSV a Microsoft Forms workbook becomes when re-saved from Excel (UTF-8, BOM)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        for values in _microsoft_forms_rows(_iter_responses(n, seed), "en"):
            writer.writerow([_csv_cell(value) for value in values])
    return Path(path)


# ---------------------------------------------------------------------------------------------
# The committed sample
# ---------------------------------------------------------------------------------------------


def _sample_file(row: Response) -> str:
    """Which export of the sample a row belongs to: national offices ran their own language versions."""
    code = row["country_code"]
    if code == "SE":
        return "needs_assessment_microsoft_forms_sv.xlsx"
    if code in ("DE", "AT"):
        return "needs_assessment_eusurvey_de.xlsx"
    if code == "FR" or (code == "BE" and row["language"] == "fr"):
        return "needs_assessment_eusurvey_fr.xlsx"
    if code == "ES":
        return "needs_assessment_surveymonkey_es.xlsx"
    return "needs_assessment_microsoft_forms_en.xlsx"


SAMPLE_WRITERS = {
    "needs_assessment_microsoft_forms_en.xlsx": lambda rows, path: write_microsoft_forms(rows, path, "en"),
    "needs_assessment_microsoft_forms_sv.xlsx": lambda rows, path: write_microsoft_forms(rows, path, "sv"),
    "needs_assessment_eusurvey_de.xlsx": lambda rows, path: write_eusurvey(
        rows, path, "de", export_language="de", alias="Beschaffungsbedarf-2026"
    ),
    "needs_assessment_eusurvey_fr.xlsx": lambda rows, path: write_eusurvey(
        rows, path, "fr", alias="BesoinsAchatsDurables2026"
    ),
    "needs_assessment_surveymonkey_es.xlsx": lambda rows, path: write_surveymonkey(rows, path, "es"),
}


def write_sample(folder: Path, n: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED) -> list[Path]:
    """Write the sample's exports into `folder` and return their paths."""
    responses = build_responses(n, seed)
    return [
        write(
            [row for row in responses if _sample_file(row) == name],
            Path(folder) / name,
        )
        for name, write in SAMPLE_WRITERS.items()
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line: rewrite the committed sample (or write it elsewhere with --out)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent, help="folder to write to"
    )
    folder = parser.parse_args(argv).out
    folder.mkdir(parents=True, exist_ok=True)
    for path in write_sample(folder):
        print(path)


if __name__ == "__main__":
    main()
