"""Mapping columns to the canonical fields, on real workbooks in 12 languages and each tool's own metadata."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_layouts import LATER, WHEN, recognised

from analysis.errors import InputError
from analysis.layouts import recognise
from analysis.models import CANONICAL_FIELDS, RawSheet, Table
from analysis.schema import FIELD_LABELS, MATCH_THRESHOLD, SYNONYMS_FILE, map_columns, normalise_header

# Per language: organisation, country, need_text, budget_eur, role, procurement horizon headers as a survey
# author would word them, then three answers in that language.
LANGUAGES = {
    "en": (
        [
            "1. Name of your organisation",
            "2. In which country is your organisation based?",
            "3. Please describe the unmet needs and challenges your organisation faces",
            "4. Estimated budget (EUR)",
            "5. What role would you like to take in a working group?",
            "6. When do you plan to launch the procurement?",
        ],
        [
            "City of Example",
            "Ireland",
            "We need zero-emission construction machinery for our road works",
            "250 000 EUR",
            "I would like to lead",
            "Within 12 months",
        ],
    ),
    "sv": (
        [
            "Organisationens namn",
            "I vilket land är er organisation verksam?",
            "Beskriv era behov och utmaningar",
            "Uppskattad budget (EUR)",
            "Vilken roll vill ni ta i en arbetsgrupp?",
            "När planerar ni att genomföra upphandlingen?",
        ],
        [
            "Region Exempel",
            "Sverige",
            "Vi behöver fossilfria arbetsmaskiner till våra byggarbetsplatser",
            "1,2 M€",
            "Vill delta som köpare",
            "Inom 1-2 år",
        ],
    ),
    "de": (
        [
            "Name Ihrer Organisation",
            "In welchem Land hat Ihre Organisation ihren Sitz?",
            "Beschreiben Sie Ihren ungedeckten Bedarf",
            "Geschätztes Budget (EUR)",
            "Welche Rolle möchten Sie in einer Arbeitsgruppe übernehmen?",
            "Wann planen Sie die Ausschreibung?",
        ],
        [
            "Stadt Beispiel",
            "Deutschland",
            "Wir brauchen emissionsfreie Baumaschinen für unsere Baustellen",
            "ca. 2 Mio. EUR",
            "Als Käufer teilnehmen",
            "In 18 Monaten",
        ],
    ),
    "fr": (
        [
            "Nom de votre organisation",
            "Dans quel pays votre organisation est-elle établie ?",
            "Décrivez vos besoins non satisfaits et les défis rencontrés",
            "Budget estimé (EUR)",
            "Quel rôle souhaitez-vous jouer dans un groupe de travail ?",
            "Quand prévoyez-vous de lancer le marché ?",
        ],
        [
            "Ville d'Exemple",
            "France",
            "Nous cherchons des repas végétariens locaux pour nos cantines scolaires",
            "500k €",
            "Suivre les travaux",
            "Dans 2 ans",
        ],
    ),
    "es": (
        [
            "Nombre de la organización",
            "¿En qué país tiene su sede la organización?",
            "Describa sus necesidades no cubiertas",
            "Presupuesto estimado (EUR)",
            "¿Qué papel le gustaría desempeñar en un grupo de trabajo?",
            "¿Cuándo tiene previsto licitar?",
        ],
        [
            "Ayuntamiento de Ejemplo",
            "España",
            "Necesitamos autobuses eléctricos para el transporte urbano",
            "3,5 millones EUR",
            "Liderar el grupo",
            "En 6 meses",
        ],
    ),
    "it": (
        [
            "Nome dell'ente",
            "In quale paese ha sede l'ente?",
            "Descrivete le vostre esigenze non soddisfatte",
            "Budget stimato (EUR)",
            "Quale ruolo vorreste assumere nel gruppo di lavoro?",
            "Quando prevedete di bandire la gara?",
        ],
        [
            "Comune di Esempio",
            "Italia",
            "Cerchiamo arredi scolastici circolari e riparabili per le scuole",
            "800.000 EUR",
            "Partecipare come acquirente",
            "Entro 12 mesi",
        ],
    ),
    "pl": (
        [
            "Nazwa organizacji",
            "W jakim kraju znajduje się siedziba organizacji?",
            "Proszę opisać niezaspokojone potrzeby",
            "Szacowany budżet (EUR)",
            "Jaką rolę chcieliby Państwo pełnić w grupie roboczej?",
            "Kiedy planują Państwo ogłosić przetarg?",
        ],
        [
            "Urząd Miasta Przykład",
            "Polska",
            "Potrzebujemy energooszczędnego oświetlenia ulicznego LED w mieście",
            "1 mln EUR",
            "Chcemy kierować grupą",
            "W ciągu roku",
        ],
    ),
    "nl": (
        [
            "Naam van uw organisatie",
            "In welk land is uw organisatie gevestigd?",
            "Beschrijf uw onvervulde behoeften",
            "Geschat budget (EUR)",
            "Welke rol wilt u spelen in een werkgroep?",
            "Wanneer bent u van plan aan te besteden?",
        ],
        [
            "Gemeente Voorbeeld",
            "Nederland",
            "Wij zoeken circulair beton en hergebruikte bouwmaterialen voor bruggen",
            "€ 750.000",
            "Als koper deelnemen",
            "Binnen 2 jaar",
        ],
    ),
    "fi": (
        [
            "Organisaation nimi",
            "Missä maassa organisaationne sijaitsee?",
            "Kuvailkaa täyttymättömiä tarpeitanne",
            "Arvioitu budjetti (EUR)",
            "Minkä roolin haluaisitte työryhmässä?",
            "Milloin aiotte kilpailuttaa hankinnan?",
        ],
        [
            "Esimerkin kaupunki",
            "Suomi",
            "Tarvitsemme päästöttömiä työkoneita katujen kunnossapitoon talvella",
            "2 M€",
            "Haluamme johtaa",
            "12 kuukauden sisällä",
        ],
    ),
    "da": (
        [
            "Organisationens navn",
            "I hvilket land ligger jeres organisation?",
            "Beskriv jeres udækkede behov",
            "Anslået budget (EUR)",
            "Hvilken rolle vil I have i en arbejdsgruppe?",
            "Hvornår planlægger I at udbyde?",
        ],
        [
            "Eksempel Kommune",
            "Danmark",
            "Vi har brug for cirkulære møbler og reparation af kontorinventar",
            "400.000 EUR",
            "Følge arbejdet",
            "Om et år",
        ],
    ),
    "no": (
        [
            "Virksomhetens navn",
            "I hvilket land ligger virksomheten?",
            "Beskriv udekkede behov",
            "Estimert budsjett (EUR)",
            "Hvilken rolle ønsker dere i en arbeidsgruppe?",
            "Når planlegger dere å anskaffe?",
        ],
        [
            "Eksempel kommune",
            "Norge",
            "Vi trenger utslippsfrie anleggsmaskiner til byggeplassene våre i byen",
            "5 mill. EUR",
            "Vi vil lede gruppen",
            "Innen 6 måneder",
        ],
    ),
    "pt": (
        [
            "Nome da organização",
            "Em que país está sediada a organização?",
            "Descreva as suas necessidades não satisfeitas",
            "Orçamento estimado (EUR)",
            "Que papel gostaria de desempenhar num grupo de trabalho?",
            "Quando prevê lançar o concurso?",
        ],
        [
            "Câmara Municipal de Exemplo",
            "Portugal",
            "Precisamos de veículos elétricos pesados para a recolha de resíduos",
            "1.500.000 EUR",
            "Participar como comprador",
            "Dentro de 18 meses",
        ],
    ),
}
LANGUAGE_FIELDS = ("organisation", "country", "need_text", "budget_eur", "role", "procurement_horizon_months")
# The other fields, worded differently again (longer questions, other word order), with one answer each.
MORE_WORDING = {
    "en": [
        "What type of organisation do you work for?",
        "Which sectors does your procurement cover?",
        "Is a suitable solution already available on the market?",
        "Name of the contact person",
        "Contact e-mail",
        "Telephone number",
    ],
    "sv": [
        "Vilken typ av organisation representerar du?",
        "Inom vilka sektorer planerar ni upphandlingar?",
        "Finns det redan en lämplig lösning på marknaden?",
        "Namn på kontaktperson",
        "E-post till kontaktperson",
        "Telefonnummer till kontaktperson",
    ],
    "de": [
        "Um welche Art von Organisation handelt es sich?",
        "In welchen Sektoren planen Sie Beschaffungen?",
        "Ist bereits eine geeignete Lösung auf dem Markt verfügbar?",
        "Name der Kontaktperson",
        "E-Mail der Kontaktperson",
        "Telefonnummer der Kontaktperson",
    ],
    "fr": [
        "Quel est le type de votre organisation ?",
        "Dans quels secteurs prévoyez-vous des achats ?",
        "Une solution adaptée est-elle déjà disponible sur le marché ?",
        "Nom de la personne de contact",
        "Adresse e-mail de la personne de contact",
        "Numéro de téléphone de la personne de contact",
    ],
    "es": [
        "¿Qué tipo de entidad representa?",
        "¿En qué sectores tiene previstas compras?",
        "¿Hay ya una solución adecuada disponible en el mercado?",
        "Nombre de la persona de contacto",
        "Correo electrónico de contacto",
        "Teléfono de contacto",
    ],
    "it": [
        "Che tipo di ente rappresentate?",
        "In quali settori prevedete acquisti?",
        "Esiste già una soluzione adeguata sul mercato?",
        "Nome del referente",
        "E-mail del referente",
        "Telefono del referente",
    ],
    "pl": [
        "Jaki jest rodzaj Państwa organizacji?",
        "W jakich sektorach planują Państwo zamówienia?",
        "Czy odpowiednie rozwiązanie jest już dostępne na rynku?",
        "Imię i nazwisko osoby kontaktowej",
        "Adres e-mail osoby kontaktowej",
        "Numer telefonu osoby kontaktowej",
    ],
    "nl": [
        "Wat voor soort organisatie bent u?",
        "In welke sectoren plant u aanbestedingen?",
        "Is er al een geschikte oplossing beschikbaar op de markt?",
        "Naam van de contactpersoon",
        "E-mailadres van de contactpersoon",
        "Telefoonnummer van de contactpersoon",
    ],
    "fi": [
        "Minkä tyyppinen organisaatio on kyseessä?",
        "Millä sektoreilla suunnittelette hankintoja?",
        "Onko markkinoilla jo saatavilla sopiva ratkaisu?",
        "Yhteyshenkilön nimi",
        "Yhteyshenkilön sähköpostiosoite",
        "Yhteyshenkilön puhelinnumero",
    ],
    "da": [
        "Hvilken type organisation er I?",
        "Inden for hvilke sektorer planlægger I indkøb?",
        "Er der allerede en egnet løsning tilgængelig på markedet?",
        "Kontaktpersonens navn",
        "Kontaktpersonens e-mail",
        "Kontaktpersonens telefonnummer",
    ],
    "no": [
        "Hva slags virksomhet representerer du?",
        "Innenfor hvilke sektorer planlegger dere anskaffelser?",
        "Finnes det allerede en egnet løsning i markedet?",
        "Kontaktpersonens navn",
        "Kontaktpersonens e-postadresse",
        "Kontaktpersonens telefonnummer",
    ],
    "pt": [
        "Que tipo de entidade representa?",
        "Em que setores prevê realizar compras?",
        "Já existe uma solução adequada disponível no mercado?",
        "Nome da pessoa de contacto",
        "Email da pessoa de contacto",
        "Telefone da pessoa de contacto",
    ],
}
MORE_FIELDS = ("org_type", "sectors", "market_solution", "contact_name", "contact_email", "contact_phone")
MORE_ANSWERS = [
    "Municipality",
    "Healthcare; Energy",
    "No",
    "Anna Berg",
    "anna.berg@city.example",
    "+46 8 123 45 67",
]


def language_table(tmp_path: Path, language: str) -> Table:
    """A Microsoft Forms export whose questions are worded in one language, with a URL column nobody maps."""
    headers, answers = LANGUAGES[language]
    rows = [
        ["ID", "Start time", "Completion time", *headers, "Website"],
        [1, WHEN, LATER, *answers, "https://example.org"],
        [2, WHEN, LATER, *answers[:2], answers[2] + " and more", *answers[3:], "https://example.net"],
    ]
    return recognised(tmp_path, rows)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_questions_in_each_language_map_to_their_fields(tmp_path: Path, language: str) -> None:
    table = language_table(tmp_path, language)
    mapping = map_columns(table)
    found = {field: mapping.matches[field].column for field in LANGUAGE_FIELDS if field in mapping.matches}
    expected = dict(zip(LANGUAGE_FIELDS, list(table.frame.columns)[3:9], strict=True))
    assert found == expected
    assert mapping.matches["submitted_at"].column == "Completion time"
    assert "Start time" in mapping.unmapped_columns and "Website" in mapping.unmapped_columns


@pytest.mark.parametrize("language", sorted(MORE_WORDING))
def test_type_sectors_market_and_contact_questions_map_in_each_language(
    tmp_path: Path, language: str
) -> None:
    rows = [
        ["ID", "Start time", "Completion time", "Email", "Name", *MORE_WORDING[language]],
        [1, WHEN, LATER, "anonymous", None, *MORE_ANSWERS],
        [2, WHEN, LATER, "anonymous", None, *MORE_ANSWERS[:4], "bo@region.example", "030 1234567"],
    ]
    table = recognised(tmp_path, rows)
    matches = map_columns(table).matches
    found = {field: matches[field].column for field in MORE_FIELDS if field in matches}
    assert found == dict(zip(MORE_FIELDS, list(table.frame.columns)[5:], strict=True))


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_no_column_feeds_two_fields(tmp_path: Path, language: str) -> None:
    mapping = map_columns(language_table(tmp_path, language))
    columns = [match.column for match in mapping.matches.values()]
    assert len(columns) == len(set(columns))
    assert not set(columns) & set(mapping.unmapped_columns)
    assert all(0 < match.confidence <= 1 for match in mapping.matches.values())


def test_email_column_found_by_content_whatever_its_header(tmp_path: Path) -> None:
    rows = [
        ["Timestamp", "Organisation", "Q7", "Comments"],
        [WHEN, "City of Example", "ana.ruiz@city.example", "none"],
        [WHEN, "Region of Example", "bo@region.example", "see annex"],
        [WHEN, "Port of Example", "c.d@port.example", None],
    ]
    match = map_columns(recognised(tmp_path, rows)).matches["contact_email"]
    assert (match.column, match.reason) == ("Q7", "content")
    assert 0.6 <= match.confidence < 0.95


def test_header_and_content_together_are_surer_than_either(tmp_path: Path) -> None:
    rows = [["Land", "Organisation"], ["Sverige", "Region Exempel"], ["Deutschland", "Stadt Beispiel"]]
    match = map_columns(recognised(tmp_path, rows)).matches["country"]
    assert (match.column, match.reason) == ("Land", "header and content")
    assert match.confidence > 0.95


def test_phone_numbers_and_money_are_recognised_by_content(tmp_path: Path) -> None:
    rows = [
        ["Organisation", "Reach us", "How much?"],
        ["City of Example", "+46 8 123 45 67", "1,2 M€"],
        ["Region of Example", "030 1234567", "250 000 EUR"],
        ["Port of Example", "+34 912 345 678", "500k EUR"],
    ]
    matches = map_columns(recognised(tmp_path, rows)).matches
    assert (matches["contact_phone"].column, matches["contact_phone"].reason) == ("Reach us", "content")
    assert (matches["budget_eur"].column, matches["budget_eur"].reason) == ("How much?", "content")


def test_longest_free_text_is_the_need_when_no_header_says_so(tmp_path: Path) -> None:
    rows = [
        ["Organisation", "Remarks", "Q12"],
        [
            "City of Example",
            "ok",
            "Electric refuse collection trucks with charging infrastructure at the depot",
        ],
        [
            "Region of Example",
            "fine",
            "Low-carbon concrete for bridges and recycled aggregates in road works",
        ],
    ]
    match = map_columns(recognised(tmp_path, rows)).matches["need_text"]
    assert (match.column, match.reason) == ("Q12", "content")


def test_eusurvey_metadata_columns_map_to_their_fields(tmp_path: Path) -> None:
    rows = [
        ["Alias", "Needs2023"],
        ["Export Date", dt.datetime(2023, 6, 30, 9, 15)],
        [],
        [
            "Nom de votre organisation",
            "Pays",
            "Numéro d'invitation",
            "Numéro d'identification de la contribution",
            "Nom d'utilisateur",
            "Date de création",
            "Dernière mise à jour",
            "Langues",
        ],
        ["Ville d'Exemple", "France", "Anonymous", "2d7c9c2e", "a@ville.example", WHEN, LATER, "FR"],
    ]
    matches = map_columns(recognised(tmp_path, rows, "Content")).matches
    assert {field: match.column for field, match in matches.items()} == {
        "respondent_id": "Numéro d'identification de la contribution",
        "submitted_at": "Date de création",
        "organisation": "Nom de votre organisation",
        "country": "Pays",
        "contact_email": "Nom d'utilisateur",
        "language": "Langues",
    }


def test_surveymonkey_option_group_feeds_sectors_and_its_columns_count_as_mapped(tmp_path: Path) -> None:
    rows = [
        [
            "Respondent ID",
            "Collector ID",
            "Start Date",
            "End Date",
            "Which sectors are you interested in?",
            None,
            "Contact details",
            None,
        ],
        [None, None, None, None, "Healthcare", "Construction", "Company", "Email Address"],
        [11498801234, 4521987, WHEN, LATER, "Healthcare", None, "City of Example", "ana@city.example"],
        [11498805678, 4521987, WHEN, LATER, None, "Construction", "Port of Example", "bo@port.example"],
    ]
    mapping = map_columns(recognised(tmp_path, rows))
    found = {field: match.column for field, match in mapping.matches.items()}
    assert found == {
        "respondent_id": "Respondent ID",
        "submitted_at": "End Date",
        "organisation": "Company",
        "contact_email": "Email Address",
        "sectors": "Which sectors are you interested in?",
    }
    assert mapping.unmapped_columns == ["Collector ID", "Start Date"]


TOOL_METADATA = {
    "KoboToolbox": (
        [["start", "org_name", "_id", "_uuid", "_submission_time", "__version__"],
         [WHEN, "City of Example", 101, "6c1e-44", "2023-05-19T10:09:41", "vX1"]],
        {"respondent_id": "_id", "submitted_at": "_submission_time", "organisation": "org_name"},
    ),
    "Qualtrics": (
        [["StartDate", "EndDate", "Progress", "ResponseId", "RecipientEmail", "UserLanguage"],
         ["Start Date", "End Date", "Progress", "Response ID", "Recipient Email", "User Language"],
         ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"progress"}',
          '{"ImportId":"_recordId"}', '{"ImportId":"recipientEmail"}', '{"ImportId":"userLanguage"}'],
         [WHEN, LATER, 100, "R_1a2B3c", "ana@city.example", "EN"]],
        {"respondent_id": "Response ID", "submitted_at": "End Date", "contact_email": "Recipient Email",
         "language": "User Language"},
    ),
    "LimeSurvey": (
        [["id", "submitdate", "lastpage", "startlanguage", "seed", "token"],
         [12, "2023-05-19 10:14:40", 3, "en", "184467211", "abc"]],
        {"respondent_id": "id", "submitted_at": "submitdate", "language": "startlanguage"},
    ),
    "Google Forms": (
        [["Timestamp", "Email Address", "Score"], [WHEN, "ana@city.example", 3]],
        {"submitted_at": "Timestamp", "contact_email": "Email Address"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("layout", sorted(TOOL_METADATA))
def test_tool_metadata_columns_map_to_their_fields(tmp_path: Path, layout: str) -> None:
    rows, expected = TOOL_METADATA[layout]
    table = recognised(tmp_path, [*rows, rows[-1]])
    assert table.layout == layout
    matches = map_columns(table).matches
    assert {field: match.column for field, match in matches.items()} == expected


def test_a_question_beats_an_emptier_tool_column_saying_the_same(tmp_path: Path) -> None:
    rows = [
        ["Respondent ID", "Collector ID", "Email Address", "Email address"],
        [None, None, None, "Open-Ended Response"],
        [1, 7, None, "ana@city.example"],
        [2, 7, "bo@region.example", "bo@region.example"],
        [3, 7, None, "cy@port.example"],
    ]
    table = recognised(tmp_path, rows)
    assert table.layout == "SurveyMonkey"
    assert map_columns(table).matches["contact_email"].column == "Email address"


def test_overrides_win_and_can_unmap_a_field(tmp_path: Path) -> None:
    table = language_table(tmp_path, "en")
    automatic = map_columns(table)
    need_column = automatic.matches["need_text"].column
    overridden = map_columns(table, {"need_text": "Website", "country": ""})
    assert overridden.matches["need_text"] == overridden.matches["need_text"].__class__(
        "need_text", "Website", 1.0, "chosen by you"
    )
    assert "country" not in overridden.matches
    assert need_column in overridden.unmapped_columns
    assert automatic.matches["country"].column in overridden.unmapped_columns


def test_override_takes_a_column_away_from_another_field(tmp_path: Path) -> None:
    table = language_table(tmp_path, "en")
    organisation_column = map_columns(table).matches["organisation"].column
    mapping = map_columns(table, {"contact_name": organisation_column})
    assert mapping.matches["contact_name"].column == organisation_column
    assert (
        mapping.matches.get("organisation") is None
        or mapping.matches["organisation"].column != organisation_column
    )


def test_override_naming_a_missing_column_raises_input_error(tmp_path: Path) -> None:
    table = language_table(tmp_path, "en")
    with pytest.raises(InputError, match=r"export\.xlsx.*'Nom de famille'"):
        map_columns(table, {"contact_name": "Nom de famille"})


def test_override_choosing_one_column_for_two_fields_raises_input_error(tmp_path: Path) -> None:
    table = language_table(tmp_path, "en")
    with pytest.raises(InputError, match="Website"):
        map_columns(table, {"need_text": "Website", "organisation": "Website"})


def test_question_numbering_case_accents_and_punctuation_are_ignored() -> None:
    assert normalise_header("Q3. Name of your ORGANISATION?") == "name of your organisation"
    assert normalise_header("3) Organización:") == normalise_header("organizacion")
    assert normalise_header("1.2 E-Mail-Adresse") == "e mail adresse"
    assert normalise_header("ResponseId") == "response id"
    assert normalise_header("2023 budget") == "2023 budget"  # a year is not a question number


def test_every_field_has_a_label_and_wording_in_all_twelve_languages() -> None:
    table = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["fields"]
    assert set(FIELD_LABELS) == set(CANONICAL_FIELDS) == set(table)
    for field, by_language in table.items():
        assert {"en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "no", "pt"} <= set(by_language), (
            field
        )


def test_no_wording_belongs_to_two_fields() -> None:
    table = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["fields"]
    owner: dict[str, str] = {}
    for field, by_language in table.items():
        for text in (text for texts in by_language.values() for text in texts):
            assert owner.setdefault(normalise_header(text), field) == field, text


def test_fields_below_the_threshold_stay_unmapped(tmp_path: Path) -> None:
    rows = [["Colour", "Shape"], ["red", "round"], ["blue", "square"]]
    mapping = map_columns(recognised(tmp_path, rows))
    assert mapping.matches == {}
    assert mapping.unmapped_columns == ["Colour", "Shape"]


WORDING = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["fields"]
HEADERS = st.one_of(
    st.sampled_from(
        sorted({text for by_language in WORDING.values() for texts in by_language.values() for text in texts})
    ),
    st.text(max_size=30),
)
ANSWERS = st.one_of(
    st.none(),
    st.sampled_from(
        ["ana@city.example", "+46 8 123 45 67", "Sverige", "DE", "1,2 M€", "Lead", "Yes", "anonymous"]
    ),
    st.text(max_size=60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.just(WHEN),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers=st.lists(HEADERS, min_size=2, max_size=10, unique_by=normalise_header),
    answers=st.lists(st.lists(ANSWERS, min_size=10, max_size=10), max_size=6),
)
def test_any_table_maps_each_column_to_one_field_at_most(
    headers: list[str], answers: list[list[object]]
) -> None:
    header = [f"{text} {index}" if not text.strip() else text for index, text in enumerate(headers)]
    table = recognise(RawSheet("Sheet1", [header, *[row[: len(header)] for row in answers]]), "random.xlsx")
    if table is None:
        return
    mapping = map_columns(table)
    columns = [match.column for match in mapping.matches.values()]
    assert len(columns) == len(set(columns))
    assert set(columns) <= {*table.frame.columns, *table.option_columns}
    assert all(MATCH_THRESHOLD <= match.confidence <= 1 for match in mapping.matches.values())
    assert not set(columns) & set(mapping.unmapped_columns)
