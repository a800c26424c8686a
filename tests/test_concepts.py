"""The multilingual concept lexicon: the same need written in any of the 12 survey languages gets the same
concepts, unrelated wording gets none of them, and the matrix is fast, ordered and deduplicated correctly."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from analysis.concepts import (
    CONCEPTS_PATH,
    concept_ids,
    concept_label,
    concept_matrix,
    names_concept,
    split_words,
)
from analysis.taxonomy import fold_text

LANGUAGES = ("en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "no", "pt")
TERM_SYNTAX = re.compile(r"\*?[a-z0-9]+\$?( \*?[a-z0-9]+\$?)*")

ELECTRIC_REFUSE_TRUCKS = {
    "en": "We plan to replace our diesel bin lorries with battery-electric refuse collection vehicles in 2026.",
    "sv": "Vi vill upphandla eldrivna sopbilar och behöver veta om de klarar ett helt skift.",
    "de": "Die Stadtreinigung plant die Beschaffung von zehn elektrischen Abfallsammelfahrzeugen mit Seitenlader.",
    "fr": "Nous souhaitons acheter des bennes à ordures ménagères électriques pour la collecte en centre-ville.",
    "es": "Queremos licitar camiones de recogida de residuos eléctricos para sustituir la flota diésel.",
    "it": "Intendiamo acquistare compattatori elettrici per la raccolta dei rifiuti nel centro storico.",
    "pl": "Planujemy zakup elektrycznych śmieciarek do odbioru odpadów komunalnych.",
    "nl": "We willen elektrische vuilniswagens aanschaffen voor de inzameling in de binnenstad.",
    "fi": "Kaupunki aikoo hankkia sähkökäyttöisiä jäteautoja jätteenkeräykseen vuonna 2026.",
    "da": "Kommunen ønsker at udbyde el-skraldebiler til dagrenovationen fra 2026.",
    "no": "Vi skal anskaffe elektriske renovasjonsbiler med nok rekkevidde for vinterdrift.",
    "pt": "Pretendemos adquirir camiões de recolha de resíduos elétricos para a frota municipal.",
}

LOW_CARBON_CONCRETE = {
    "en": "We need low-carbon concrete with a lower cement content for our bridge renovations.",
    "sv": "Vi efterfrågar klimatförbättrad betong med lägre koldioxidutsläpp i våra anläggningsprojekt.",
    "de": "Wir suchen CO2-reduzierten Beton für den Neubau von Schulen.",
    "fr": "Nous recherchons un béton bas carbone pour nos ouvrages d'art.",
    "es": "Buscamos hormigón con baja huella de carbono para las obras municipales.",
    "it": "Cerchiamo calcestruzzo a basse emissioni di CO2 per i nuovi edifici scolastici.",
    "pl": "Potrzebujemy niskoemisyjnego betonu do budowy mostów.",
    "nl": "We willen CO2-arm beton toepassen in de nieuwbouw van scholen.",
    "fi": "Haemme vähähiilistä betonia siltojen ja koulujen rakentamiseen.",
    "da": "Vi ønsker at bruge beton med lavt CO2-aftryk i vores byggeprojekter.",
    "no": "Vi krever lavkarbonbetong i alle nye kommunale bygg.",
    "pt": "Procuramos betão de baixo carbono para as obras públicas.",
}

REMOTE_PATIENT_MONITORING = {
    "en": "We want to procure remote monitoring of patients with heart failure in their homes.",
    "sv": "Regionen vill upphandla digital distansmonitorering av patienter med KOL.",
    "de": "Wir planen Telemonitoring für Patienten mit chronischer Herzinsuffizienz.",
    "fr": "Nous souhaitons mettre en place la télésurveillance médicale des patients insuffisants cardiaques.",
    "es": "Queremos contratar un servicio de monitorización remota de pacientes crónicos.",
    "it": "Vorremmo acquistare servizi di telemonitoraggio per pazienti cronici a domicilio.",
    "pl": "Planujemy zdalne monitorowanie pacjentów z niewydolnością serca.",
    "nl": "Wij zoeken een oplossing voor telemonitoring van patiënten met hartfalen.",
    "fi": "Haluamme hankkia etäseurantaa kroonisesti sairaille potilaille.",
    "da": "Vi vil udbyde telemedicinsk hjemmemonitorering af KOL-patienter.",
    "no": "Helseforetaket ønsker digital hjemmeoppfølging av kronisk syke pasienter.",
    "pt": "Pretendemos adquirir um serviço de monitorização remota de doentes crónicos.",
}

ZERO_EMISSION_CONSTRUCTION_MACHINERY = {
    "en": "From 2025 we will require zero-emission construction machinery on municipal sites.",
    "sv": "Vi ställer krav på utsläppsfria arbetsmaskiner i våra anläggningsentreprenader.",
    "de": "Auf unseren Baustellen sollen künftig emissionsfreie Baumaschinen eingesetzt werden.",
    "fr": "Nous voulons des engins de chantier zéro émission pour les travaux de voirie.",
    "es": "Buscamos maquinaria de obra sin emisiones para la urbanización de calles.",
    "it": "Vogliamo macchine da cantiere a emissioni zero nei lavori stradali.",
    "nl": "Wij eisen emissieloos bouwmaterieel bij de herinrichting van straten.",
    "fi": "Edellytämme päästöttömiä työkoneita kaupungin rakennustyömailla.",
    "da": "Kommunen stiller krav om emissionsfrie entreprenørmaskiner i anlægsprojekter.",
    "no": "Vi krever utslippsfrie anleggsmaskiner på alle kommunale byggeplasser.",
}

PLANT_BASED_SCHOOL_MEALS = {
    "en": "We want more plant-based school meals and fewer meat dishes.",
    "sv": "Vi vill servera mer växtbaserad skolmat i grundskolan.",
    "de": "Die Schulverpflegung soll mehr vegetarische Gerichte anbieten.",
    "fr": "Nous voulons davantage de repas végétariens dans la restauration scolaire.",
    "es": "Queremos más menús vegetarianos en los comedores escolares.",
    "it": "Vorremmo più pasti vegetariani nella refezione scolastica.",
    "nl": "We willen meer plantaardige schoolmaaltijden aanbieden.",
    "fi": "Haluamme lisätä kasvisruokaa kouluruokailussa.",
}

CIRCULAR_FURNITURE = {
    "en": "Our new offices should be furnished with refurbished office furniture.",
    "sv": "Vi vill i första hand köpa återbrukade kontorsmöbler.",
    "de": "Wir möchten aufgearbeitete Büromöbel statt neuer Möbel beschaffen.",
    "fr": "Nous privilégions le mobilier de bureau reconditionné.",
    "nl": "Bij de verhuizing willen we hergebruikt kantoormeubilair inzetten.",
    "fi": "Haluamme hankkia kunnostettuja toimistokalusteita.",
}

# Sentences that share letters with a concept's terms but are not about it.
UNRELATED = [
    ("The host municipality will chair the first meeting.", "healthcare"),
    ("The chair of the working group reports every quarter.", "office_chair"),
    ("Our business plan covers the next five years.", "bus"),
    ("A roadmap for climate neutrality was adopted last year.", "road"),
    ("We lack in-house expertise to write requirements.", "paint"),
    ("The final report lists the mandatory requirements.", "computers"),
    ("Of course the tender needs careful planning.", "training"),
    ("Wir möchten betonen, dass das Budget knapp ist.", "concrete"),
    ("Wegen der hohen Kosten verschieben wir die Ausschreibung.", "road"),
    ("Die übergreifende Strategie wird im Herbst beschlossen.", "tyres"),
    ("Es werden dringend neue Lösungen gebraucht.", "reuse"),
    ("Das ist ein praktisches Beispiel für gute Zusammenarbeit.", "desk"),
    ("Nous adoptons une feuille de route pour 2030.", "road"),
    ("Le coût est élevé, car les fournisseurs sont rares.", "car"),
    ("Van de gemeente verwachten we steun bij de aanbesteding.", "van"),
    ("In verband met de aanbesteding vragen we advies.", "medical_consumables"),
    ("La mesa de contratación evaluará las ofertas.", "desk"),
    ("Il tavolo tecnico si riunisce ogni mese.", "desk"),
    ("Il contributo è destinato ai comuni della provincia.", "ai"),
    ("Roboty budowlane rozpoczną się w przyszłym roku.", "ai"),
    ("Beskrivning av behovet finns i bilagan.", "demolition"),
    ("Vi bor i en stor stad med många invånare.", "cleaning_services"),
    ("Det finns ett stort behov av utbyggnad i regionen.", "building"),
    ("Vi har brug for bedre data om vores indkøb.", "bridge"),
    ("Vi vil stille krav til leverandørene om rapportering.", "low_noise"),
    ("Anskaffelsen skal gjennomføres i løpet av 2025.", "coffee"),
    ("Normaali hankintamenettely riittää tähän.", "paint"),
]


def concepts_of(texts: list[str]) -> list[set[str]]:
    """The concept ids found in each text."""
    matrix, ids = concept_matrix(pd.Series(texts)), concept_ids()
    return [{ids[column] for column in matrix[row].indices} for row in range(matrix.shape[0])]


@pytest.fixture(scope="module")
def lexicon() -> list[dict]:
    """The concepts as stored in concepts.json."""
    return json.loads(CONCEPTS_PATH.read_text(encoding="utf-8"))["concepts"]


def test_every_concept_has_terms_in_all_twelve_languages(lexicon: list[dict]) -> None:
    missing = [(c["id"], lang) for c in lexicon for lang in LANGUAGES if not c["terms"].get(lang)]
    assert missing == []
    assert 150 <= len(lexicon) <= 250


def test_concept_ids_are_unique_and_every_concept_has_a_label(lexicon: list[dict]) -> None:
    ids = concept_ids()
    assert ids == [c["id"] for c in lexicon]
    assert len(set(ids)) == len(ids)
    assert all(concept_label(cid).strip() for cid in ids)
    assert concept_label("refuse_truck") == "refuse-collection trucks"


def test_terms_are_folded_and_well_formed(lexicon: list[dict]) -> None:
    terms = pd.Series([t for c in lexicon for lang in LANGUAGES for t in c["terms"][lang]])
    malformed = terms[~terms.map(lambda t: bool(TERM_SYNTAX.fullmatch(t)))]
    assert malformed.tolist() == []
    bare = terms.str.replace(r"[*$]", "", regex=True)
    assert (fold_text(bare) == bare).all(), "terms must be lower-case and accent-free as fold_text makes them"
    inside = terms.str.extractall(r"\*(?P<stem>[a-z0-9]+)(?P<end>\$?)")
    short = inside[inside["stem"].str.len() < np.where(inside["end"].eq("$"), 4, 5)]
    assert short.empty, "stems matched inside words must be distinctive (5 letters, 4 when ending a word)"


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (ELECTRIC_REFUSE_TRUCKS, {"refuse_truck", "electric"}),
        (LOW_CARBON_CONCRETE, {"concrete", "low_carbon"}),
        (REMOTE_PATIENT_MONITORING, {"remote_monitoring"}),
        (ZERO_EMISSION_CONSTRUCTION_MACHINERY, {"construction_machinery", "zero_emission"}),
        (PLANT_BASED_SCHOOL_MEALS, {"plant_based", "school_meals"}),
    ],
    ids=[
        "electric_refuse_trucks",
        "low_carbon_concrete",
        "remote_monitoring",
        "zero_emission_machinery",
        "school_meals",
    ],
)
def test_same_need_in_every_language_shares_its_core_concepts(statements: dict, expected: set[str]) -> None:
    found = dict(zip(statements, concepts_of(list(statements.values())), strict=True))
    lacking = {
        lang: sorted(expected - concepts) for lang, concepts in found.items() if not expected <= concepts
    }
    assert lacking == {}


def test_circular_furniture_is_furniture_and_circular_in_every_language() -> None:
    circular = {"reuse", "refurbished", "circular"}
    for language, concepts in zip(
        CIRCULAR_FURNITURE, concepts_of(list(CIRCULAR_FURNITURE.values())), strict=True
    ):
        assert "furniture" in concepts, language
        assert concepts & circular, language


@pytest.mark.parametrize(("text", "absent"), UNRELATED, ids=[f"{a}:{t[:24]}" for t, a in UNRELATED])
def test_unrelated_wording_does_not_hit_a_lookalike_concept(text: str, absent: str) -> None:
    assert absent not in concepts_of([text])[0]


def test_term_markers_match_prefixes_whole_words_and_compounds() -> None:
    sopbilar, business, bus, compound, recycling_concrete, emphasis = concepts_of(
        ["Nya sopbilar", "A business case", "A new bus", "Zwei Elektrobagger", "Recyclingbeton", "betonen"]
    )
    assert "refuse_truck" in sopbilar  # a stem matches the words it starts
    assert "bus" not in business and "bus" in bus  # 'bus$' must be the whole word
    assert "excavator" in compound  # '*bagger' inside a compound
    assert "concrete" in recycling_concrete and "concrete" not in emphasis  # '*beton$' ends the word


def test_matrix_has_one_row_per_text_and_columns_in_concept_order() -> None:
    texts = pd.Series(["Electric buses", None, "", "Låg klimatpåverkan"], index=[10, 11, 12, 13])
    matrix = concept_matrix(texts)
    assert isinstance(matrix, sparse.csr_matrix)
    assert matrix.shape == (4, len(concept_ids()))
    assert set(np.unique(matrix.data)) <= {1.0}
    assert matrix[1].nnz == 0 and matrix[2].nnz == 0
    assert matrix[0, concept_ids().index("bus")] == 1.0
    assert matrix[3, concept_ids().index("low_carbon")] == 1.0


def test_empty_input_gives_an_empty_matrix() -> None:
    assert concept_matrix(pd.Series([], dtype="string")).shape == (0, len(concept_ids()))


def test_repeated_texts_get_the_same_rows_as_matching_each_alone() -> None:
    statements = [*ELECTRIC_REFUSE_TRUCKS.values(), *LOW_CARBON_CONCRETE.values(), "Telemonitoring", None]
    texts = pd.Series(statements * 3)
    together = concept_matrix(texts).toarray()
    alone = np.vstack([concept_matrix(pd.Series([text])).toarray() for text in texts])
    assert (together == alone).all()


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from([*REMOTE_PATIENT_MONITORING.values(), *CIRCULAR_FURNITURE.values(), "", "x"]),
        max_size=6,
    )
)
def test_case_accents_and_joining_never_lose_concepts(statements: list[str]) -> None:
    texts = pd.Series(statements, dtype="string")
    found = concept_matrix(texts).toarray()
    assert (concept_matrix(texts.str.upper()).toarray() == found).all()
    assert (
        concept_matrix(fold_text(texts)).toarray() == found
    ).all()  # accents and punctuation carry nothing
    joined = concept_matrix(pd.Series([" ".join(statements)])).toarray()[0]
    assert (joined >= found.max(axis=0, initial=0)).all()


def test_a_word_names_a_concept_when_a_term_of_one_word_matches_it() -> None:
    words = pd.Series(["sopbilar", "Müllfahrzeuge", "bus", "business", "the", ""], dtype="string")
    assert names_concept(words).tolist() == [True, True, True, False, False, False]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="ab cÄé-1\t\n\u00a0.", max_size=12), max_size=8))
def test_splitting_each_distinct_token_gives_the_words_of_splitting_whole_texts(texts: list[str]) -> None:
    def words_of(strings: pa.Array) -> pa.Array:
        return pc.split_pattern_regex(pc.utf8_lower(strings), r"[^\pL]+")

    text_at, words = split_words(pd.Series(texts, dtype="string"), words_of)
    found = [[] for _ in texts]
    for text, word in zip(text_at, words.dictionary.take(words.indices).to_pylist(), strict=True):
        found[text].append(word)
    whole = words_of(pa.array(texts, type=pa.string())).to_pylist()
    assert found == [[word for word in text if word] for text in whole]
