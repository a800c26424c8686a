"""Language of free texts: a vectorised function-word vote, with lingua for the texts it leaves open."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

# The most frequent short words of each survey language, as people write them in a need: articles,
# pronouns, prepositions, conjunctions, auxiliaries and the verbs of asking ('need', 'looking for').
# A word several languages share counts for each of them by a share, so the words that tell close
# languages apart (sv/da/no, es/pt/it, nl/de) decide.
FUNCTION_WORDS = {
    "en": """the a an and of to for with is are was were be been we our us you your they their them it its
        this that these those in on at by from as or but not no have has had will would can could should
        must need needs needed looking want would like which who about into also more than other such all
        any some there here how what when within between without over under across per each""",
    "sv": """och att vi för med är av en ett som det den de till på inte har hade vara var blir bli kan
        ska skulle vill måste behöver söker letar vår våra vårt oss ni er från också men eller om när hur
        vad vilka vilken vilket detta dessa denna sig sina sitt mycket mer än inom under efter mellan genom
        utan mot ut upp nu redan alla andra finns behov gärna kommun kommunen""",
    "da": """og at vi for med er af en et som det den de til på ikke har havde være var bliver blive kan
        skal skulle vil må behøver søger vores os jer fra også men eller om når hvordan hvad hvilke
        hvilken dette disse denne sig sine sit meget mere end inden under efter mellem gennem uden mod ud
        op nu allerede alle andre findes behov gerne der her indkøb udbud bæredygtige kommunen""",
    "no": """og å vi for med er av en et ei som det den de til på ikke har hadde være var blir bli kan skal
        skulle vil må trenger søker ønsker vår våre vårt oss dere fra også men eller om når hvordan hva
        hvilke dette disse denne seg sine sitt mye mer enn innen under etter mellom gjennom uten mot ut opp
        nå allerede alle andre finnes behov gjerne innkjøp anbud bærekraftige kommunen ikkje eg frå kva me
        vere dei eit ynskjer treng""",
    "de": """der die das den dem des ein eine einen einem einer eines und ist sind war waren sein wir unser
        unsere unseren unserer unsere uns ihr ihre für mit von vom zu zum zur auf im in nicht kein keine
        auch bei nach aus als oder aber es sie werden wird wurde haben hat hätten können kann müssen muss
        möchten wollen suchen brauchen benötigen dass durch über mehr wie sowie noch sehr diese dieser
        dieses damit gibt ohne gegen unter zwischen bereits bitte gerne""",
    "nl": """de het een en van in op voor met is zijn was waren wij we onze ons jullie dat die niet geen te
        aan bij naar ook om door als maar of er hebben heeft hadden willen wil zoeken zoekt nodig worden
        wordt werd kunnen kan moeten moet meer dan uit over deze dit zich zoals al nog wel veel graag
        tussen zonder onder tegen hun wat hoe wanneer""",
    "fr": """le la les l de des du d et en que qu qui pour avec par un une est sont était nous notre nos
        vous votre leur leurs ce cet cette ces au aux dans sur pas ne plus mais ou être avoir avons sommes
        cherchons souhaitons voulons besoin il elle on très aussi entre sans sous chez dont comme afin
        faire peut doit déjà tous toutes""",
    "es": """el la los las de del y e en a que para con por un una es son era somos nuestro nuestra nuestros
        nuestras se al lo como más pero sobre entre sin hay muy este esta estos estas también no ni o u
        necesitamos buscamos queremos tenemos hemos ha han su sus desde hasta cuando donde porque ya
        puede pueden debe""",
    "pt": """o a os as de do da dos das e em no na nos nas que para com por um uma é são era somos nosso
        nossa nossos nossas se ao aos à às como mais mas sobre entre sem há muito este esta estes estas
        também não ou precisamos procuramos queremos temos pelo pela pelos pelas seu sua seus suas
        desde até quando onde porque já pode podem deve""",
    "it": """il lo la i gli a da le di del della dei delle degli e ed in nel nella nei nelle che per con un una
        uno è sono era siamo nostro nostra nostri nostre si al alla alle ai agli dal dalla dai come più ma
        su sul sulla tra fra senza ci molto questo questa questi queste anche non o abbiamo cerchiamo
        vogliamo serve servono l dell nell all sull un loro suo sua quando dove perché già può possono
        deve""",
    "pl": """i w we z ze na do się nie jest są był dla od o po że jak oraz przez my nasz nasza nasze
        naszych naszej naszego potrzebujemy szukamy chcemy mamy ten ta to te tego który która które co a
        ale lub czy także też bardzo przy pod nad między bez jako może można jeszcze już aby tym tych""",
    "fi": """ja on ei että se tai kuin myös me meidän meillä meitä tarvitsemme haluamme etsimme mutta niin
        kanssa sekä jotka joka jonka ovat olla ole olisi voi voisi kaikki tämä nämä sen ne mikä mukaan noin
        yli alle kun jos vain jo vielä hyvin siitä siihen tätä tähän oli olemme emme""",
}

# Letters and letter groups a language's spelling shows, each worth a little (shared by the languages
# listed): enough to break ties between close languages and to place a title without function words.
LETTER_SIGNS = {
    "å": "sv da no",
    "[äö]": "sv fi de",
    "[æø]": "da no",
    "ü": "de",
    "ß": "de",
    "sch": "de nl",
    "ij": "nl",
    "(?:aa|ee|oo|uu)": "nl fi da",
    "(?:ää|yy|ii)": "fi",
    "ñ": "es",
    "[ãõ]": "pt",
    "ç": "pt fr",
    "(?:ção|ções)": "pt",
    "[ąęłśźżćń]": "pl",
    "(?:cz|sz|rz)": "pl",
    "[êâîôûœ]": "fr",
    "[èàù]": "fr it",
    "[áíóú]": "es pt",
    "w": "en pl de nl",
    "th": "en",
}
LETTER_WEIGHT = 0.5
LANGUAGES = tuple(FUNCTION_WORDS)
# A text is decided by its words when its best language has this many points and leads the next by
# this factor; the rest (titles, da/no) go to lingua.
MIN_POINTS = 2.0
MIN_LEAD = 1.5
POINT_CONFIDENCE = 1.0  # lingua confidence one point of words is worth when lingua decides
_LINGUA_LANGUAGES = {
    "ENGLISH": "en",
    "SWEDISH": "sv",
    "DANISH": "da",
    "BOKMAL": "no",
    "NYNORSK": "no",
    "GERMAN": "de",
    "DUTCH": "nl",
    "FRENCH": "fr",
    "SPANISH": "es",
    "PORTUGUESE": "pt",
    "ITALIAN": "it",
    "POLISH": "pl",
    "FINNISH": "fi",
}


# Ends of words that are not letters ('(co2)', 'bio,', '«bus»'); apostrophes and hyphens split words.
_PUNCTUATION = '0123456789.,;:!?()[]{}<>"«»„“”‘`*/\\|+=%&#@_~^$€£…•·'
_WORD_JOINS = ("'", "’", "-", "–", "—")


@functools.cache
def _word_weights() -> tuple[pa.Array, np.ndarray]:
    """The vocabulary of function words and its word x language matrix of shares."""
    owners: dict[str, list[int]] = {}
    for column, words in enumerate(FUNCTION_WORDS.values()):
        for word in dict.fromkeys(words.casefold().split()):
            owners.setdefault(word, []).append(column)
    weights = np.zeros((len(owners), len(LANGUAGES)))
    for row, columns in enumerate(owners.values()):
        weights[row, columns] = 1 / len(columns)
    return pa.array(list(owners)), weights


@functools.cache
def _letter_weights() -> np.ndarray:
    """Sign x language matrix of the letter bonuses."""
    weights = np.zeros((len(LETTER_SIGNS), len(LANGUAGES)))
    for row, codes in enumerate(LETTER_SIGNS.values()):
        owners = [LANGUAGES.index(code) for code in codes.split()]
        weights[row, owners] = LETTER_WEIGHT / len(owners)
    return weights


def _words(texts: Sequence[str]) -> tuple[np.ndarray, pa.Array, np.ndarray]:
    """Casefolded words of the texts: the text of each word, the distinct words, and each word's place
    among them."""
    folded = pc.utf8_lower(pa.array(texts, pa.string()))
    for join in _WORD_JOINS:
        folded = pc.replace_substring(folded, join, " ")
    split = pc.utf8_split_whitespace(folded)
    words = pc.utf8_trim(pc.list_flatten(split), _PUNCTUATION).dictionary_encode()
    return pc.list_parent_indices(split).to_numpy(), words.dictionary, words.indices.to_numpy()


def language_scores(texts: Sequence[str]) -> np.ndarray:
    """Text x language points: shares of function words plus letter bonuses, over all texts at once.

    Work per distinct word (signs, vocabulary look-up), then one sparse text x word product."""
    parents, distinct, places = _words(texts)
    counts = sparse.csr_matrix((np.ones(len(places)), (parents, places)), shape=(len(texts), len(distinct)))
    vocabulary, word_weights = _word_weights()
    in_vocabulary = pc.index_in(distinct, value_set=vocabulary).to_numpy(zero_copy_only=False)
    known = ~np.isnan(in_vocabulary)
    per_word = np.zeros((len(distinct), len(LANGUAGES)))
    per_word[known] = word_weights[in_vocabulary[known].astype(np.int64)]
    signs = np.column_stack(
        [pc.match_substring_regex(distinct, sign).to_numpy(zero_copy_only=False) for sign in LETTER_SIGNS]
    )
    shown = (counts @ sparse.csr_matrix(signs.astype(float))).toarray() > 0
    return counts @ per_word + shown @ _letter_weights()


@functools.cache
def _lingua_detector():  # lingua is imported on first use, with its types
    """lingua's low-accuracy detector over the survey languages, built once on first use."""
    from lingua import Language, LanguageDetectorBuilder

    chosen = (getattr(Language, name) for name in _LINGUA_LANGUAGES)
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


def _lingua_confidence(texts: list[str]) -> np.ndarray:
    """Text x language confidence of lingua (Norwegian's two written forms added together)."""
    confidence = np.zeros((len(texts), len(LANGUAGES)))
    found = _lingua_detector().compute_language_confidence_values_in_parallel(texts)
    for row, values in enumerate(found):
        for value in values:
            confidence[row, LANGUAGES.index(_LINGUA_LANGUAGES[value.language.name])] += value.value
    return confidence


def detect_languages(texts: Sequence[str]) -> list[str | None]:
    """ISO 639-1 of each text: by its function words when they are clear, else by lingua weighed with
    them; None when nothing is recognisable."""
    if not texts:
        return []
    scores = language_scores(texts)
    ranked = np.sort(scores, axis=1)
    best, second = ranked[:, -1], ranked[:, -2]
    clear = (best >= MIN_POINTS) & (best >= MIN_LEAD * second)
    codes: list[str | None] = [LANGUAGES[column] for column in scores.argmax(axis=1)]
    open_rows = np.flatnonzero(~clear)
    if open_rows.size:
        confidence = _lingua_confidence([texts[row] for row in open_rows])
        # Near-tied languages of a text with many function words (da/no) bound lingua's choice; a
        # title's few words only lean on it.
        open_scores = scores[open_rows]
        open_best = open_scores.max(axis=1, keepdims=True)
        allowed = (open_scores * MIN_LEAD >= open_best) | (open_best < MIN_POINTS)
        combined = np.where(allowed, confidence + POINT_CONFIDENCE * open_scores, -1.0)
        for row, column, recognised in zip(
            open_rows, combined.argmax(axis=1), confidence.max(axis=1) > 0, strict=True
        ):
            codes[row] = LANGUAGES[column] if recognised else None
    return codes
