"""Place each need in a sector from its free text in any of the 12 survey languages, or leave it unclassified.

Nothing is downloaded and nothing is fitted on survey answers. The model is built once per process from
two kinds of reference text shipped in analysis/data:
- every CPV 2008 label in the 11 CPV languages (cpv_labels.tsv.gz), placed in a sector by its code;
- the keyword stems of sectors.json in the 12 survey languages (Norwegian has no CPV labels).

1. Similarity: character n-grams (3 to 5 letters inside word boundaries, hashed) weighted by TF-IDF
   (idf over the reference documents). The CPV labels of one sector and one division form one prototype
   (sublinear term frequency), and so do a sector's keywords in one language; a text's similarity to a
   sector is its cosine to the sector's closest prototype. A text counts its n-grams plainly, so its
   vector is the sum of its words' vectors and each distinct word is compared with the prototypes once.
2. Keywords: each word of the text goes to the sector whose stem matches it longest; phrases count first,
   context words (a hospital, the police) count half, and a keyword of one sector can rule another out
   (electric refuse trucks are a vehicle need, not a waste need). The rules are in sectors.json "_about".
3. score = similarity + LEXICON_WEIGHT * (1 - 0.5 ** keyword hits). The best-scoring sector wins and its
   closest prototype gives the CPV division. The confidence rises with the winning score and falls with
   the runner-up's; below CONFIDENCE_THRESHOLD the need stays unclassified, never forced into a sector.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from analysis.taxonomy import UNCLASSIFIED, fold_text, load_taxonomy, sectors_of_codes, taxonomy_document

CPV_LABELS_PATH = Path(__file__).resolve().parent / "data" / "cpv_labels.tsv.gz"
CPV_LANGUAGES = ("en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "pt")
COMPOUNDING_LANGUAGES = frozenset({"de", "nl", "sv", "da", "no", "fi"})  # compounds are written as one word

CONFIDENCE_THRESHOLD = 0.4  # below this a need is unclassified: a wrong sector costs more than none
# The confidence curve, set on the labelled statements in tests/data: one keyword hit and a clear lead give
# about 0.8, two sectors tied on one keyword each about 0.45, text without any keyword about 0.2.
CONFIDENCE_SLOPE = 10.0
CONFIDENCE_OFFSET = 2.0
LEXICON_WEIGHT = 0.5  # score added by keyword hits: 1 hit adds half of it, 2 hits three quarters, ...
CONTEXT_WEIGHT = 0.5  # a context keyword (a place, the people served, a field) counts as half a hit
NGRAM_SIZES = (3, 4, 5)
HASH_BITS = 21  # 2 million columns for ~250 000 distinct n-grams: about one in ten shares its column
MAX_WORD_LENGTH = 30  # longer words are cut: their first 30 letters carry the meaning
MIN_INSIDE_STEM = 5  # in compounding languages, stems this long also match inside a word
MIN_PREFIX_STEM = 4  # shorter stems match whole words only
CHUNK_WORDS = 8192  # words hashed per batch, to bound memory
CHUNK_TEXTS = 20_000  # distinct texts classified per batch, to bound memory

_POWERS = np.array([0x100000001B3**power % 2**64 for power in range(max(NGRAM_SIZES))], dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing spreads the polynomial hash over the columns


def _hashed_ngrams(words: np.ndarray) -> sp.csr_matrix:
    """Counts of the hashed character n-grams of each word padded with one space each side."""
    order = np.argsort([len(word) for word in words], kind="stable")  # similar lengths share a batch width
    rows, columns = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for start in range(0, len(words), CHUNK_WORDS):
        batch = order[start : start + CHUNK_WORDS]
        padded = np.array([f" {word[:MAX_WORD_LENGTH]} " for word in words[batch]])
        width = padded.dtype.itemsize // 4
        codes = padded.view(np.uint32).reshape(len(batch), width).astype(np.uint64)
        lengths = np.strings.str_len(padded)[:, None]
        smallest = NGRAM_SIZES[0]
        rolling = sum(codes[:, k : width - smallest + 1 + k] * _POWERS[k] for k in range(smallest))
        for size in NGRAM_SIZES:
            if size > smallest:
                rolling = rolling[:, :-1] + codes[:, size - 1 :] * _POWERS[size - 1]
            hashed = (rolling + np.uint64(size)) * _MIX >> np.uint64(64 - HASH_BITS)
            word, position = np.nonzero(np.arange(rolling.shape[1]) + size <= lengths)
            rows.append(batch[word])
            columns.append(hashed[word, position].astype(np.int64))
    rows_all, columns_all = np.concatenate(rows), np.concatenate(columns)
    values = np.ones(len(rows_all), dtype=np.float32)
    return sp.csr_matrix((values, (rows_all, columns_all)), shape=(len(words), 2**HASH_BITS))


def _arrow_strings(texts: pd.Series) -> pa.Array:
    """A string series as one Arrow array (long series come in chunks, which dictionaries cannot span)."""
    strings = pa.array(texts)
    return strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings


def _word_counts(folded: pd.Series) -> tuple[sp.csr_matrix, np.ndarray]:
    """Documents x distinct words count matrix of folded texts, and the distinct words."""
    tokens = pc.split_pattern(_arrow_strings(folded), " ")
    document = np.asarray(pc.list_parent_indices(tokens))
    encoded = pc.list_flatten(tokens).dictionary_encode()
    words = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    word = np.asarray(encoded.indices)
    kept = words[word] != ""
    counts = sp.csr_matrix(
        (np.ones(int(kept.sum()), dtype=np.float32), (document[kept], word[kept])),
        shape=(len(folded), len(words)),
    )
    return counts, words


def _row_norms(matrix: sp.csr_matrix) -> np.ndarray:
    """Euclidean length of each row."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return np.sqrt(np.bincount(rows, weights=matrix.data.astype(np.float64) ** 2, minlength=matrix.shape[0]))


def _prototype_vectors(raw_counts: sp.csr_matrix, idf: np.ndarray) -> sp.csc_matrix:
    """Sublinear tf times idf, rows scaled to unit length, stored by column for fast column picks."""
    weighted = raw_counts.tocsr(copy=True)
    weighted.data = (1.0 + np.log(weighted.data)) * idf[weighted.indices]
    weighted.data /= np.repeat(np.maximum(_row_norms(weighted), 1e-12), np.diff(weighted.indptr))
    return weighted.astype(np.float32).tocsc()


@dataclass(frozen=True)
class _Lexicon:
    """Keyword stems by how they may match a word, each -> (stem length, sector number, weight); phrases."""

    whole: dict[str, tuple[int, int, float]]
    prefix: dict[str, tuple[int, int, float]]
    inside: dict[str, tuple[int, int, float]]
    phrases: dict[str, tuple[int, float]]  # phrase -> (sector number, weight); -1 for a neutral phrase
    phrase_pattern: str | None  # RE2 pattern (Arrow's regex engine) with the matched phrase as group "phrase"


@dataclass(frozen=True)
class _Model:
    """Everything classification needs, built once per process."""

    sectors: np.ndarray  # sector ids, in taxonomy order
    idf: np.ndarray  # per hashed n-gram column
    prototypes: sp.csc_matrix  # prototypes x n-gram columns, unit rows, by column for fast column picks
    prototype_sector: np.ndarray  # sector number of each prototype
    prototype_division: np.ndarray  # CPV division of each prototype
    lexicon: _Lexicon
    outranks: tuple[tuple[int, int], ...]  # (a, b): a keyword of sector a in a text rules sector b out


def _keyword_table() -> pd.DataFrame:
    """One row per keyword: sector, language, weight, folded stem, how it matches (whole, inside, phrase)."""
    rows = [
        (sector["id"], language, stem, weight)
        for sector in taxonomy_document()["sectors"]
        for field, weight in (("keywords", 1.0), ("context_keywords", CONTEXT_WEIGHT))
        for language, stems in sector.get(field, {}).items()
        for stem in stems
    ]
    table = pd.DataFrame(rows, columns=["sector", "language", "raw", "weight"])
    table["stem"] = fold_text(table["raw"])
    table["start_only"] = table["raw"].str.startswith("^")
    table["phrase"] = table["stem"].str.contains(" ", regex=False)
    table["whole"] = table["raw"].str.endswith("$") | table["stem"].str.len().lt(MIN_PREFIX_STEM)
    table["inside"] = (
        table["language"].isin(COMPOUNDING_LANGUAGES)
        & table["stem"].str.len().ge(MIN_INSIDE_STEM)
        & ~table["start_only"]
        & ~table["whole"]
        & ~table["phrase"]
    )
    return table


def _build_lexicon(keywords: pd.DataFrame, sector_number: dict[str, int]) -> _Lexicon:
    """Index the keyword stems for longest-match lookups."""

    def index(rows: pd.DataFrame) -> dict[str, tuple[int, int, float]]:
        return {
            stem: (len(stem), sector_number[sector], weight)
            for stem, sector, weight in zip(rows["stem"], rows["sector"], rows["weight"], strict=True)
        }

    words = keywords[~keywords["phrase"]]
    neutral = fold_text(
        pd.Series(list(chain(*taxonomy_document()["neutral_phrases"].values())), dtype="string")
    )
    phrases = {
        **{stem: (-1, 0.0) for stem in neutral},  # matched so that their words count for no sector
        **{
            stem: (sector, weight)
            for stem, (_, sector, weight) in index(keywords[keywords["phrase"]]).items()
        },
    }
    # Folded stems hold only letters, digits and single spaces: nothing to escape. Longest first wins.
    ordered = sorted(phrases, key=len, reverse=True)
    return _Lexicon(
        whole=index(words[words["whole"]]),
        prefix=index(words[~words["whole"]]),
        inside=index(words[words["inside"]]),
        phrases=phrases,
        phrase_pattern="(?:^| )(?P<phrase>" + "|".join(ordered) + ")" if ordered else None,
    )


def _reference_documents(keywords: pd.DataFrame) -> pd.DataFrame:
    """CPV labels and keyword stems as documents, each with its sector, CPV division and prototype key."""
    with gzip.open(CPV_LABELS_PATH, "rt", encoding="utf-8") as handle:
        cpv = pd.read_csv(handle, sep="\t", dtype=str, keep_default_na=False)
    cpv["sector"] = sectors_of_codes(cpv["code"])
    cpv = cpv.dropna(subset=["sector"])  # divisions left out of every sector teach nothing
    cpv["prototype"] = cpv["sector"] + ":" + cpv["division"]
    labels = cpv.melt(
        id_vars=["sector", "division", "prototype"], value_vars=list(CPV_LANGUAGES), value_name="text"
    )
    taxonomy = load_taxonomy()
    home = {  # a sector's first division, else the division of its first prefix
        sector: [*divisions, *(prefix[:2] for prefix in prefixes)][0]
        for sector, divisions, prefixes in zip(
            taxonomy["id"], taxonomy["cpv_divisions"], taxonomy["cpv_prefixes"], strict=True
        )
    }
    stems = keywords.assign(
        text=keywords["stem"],
        division=keywords["sector"].map(home),
        prototype=keywords["sector"] + ":keywords:" + keywords["language"],
    )
    columns = ["text", "sector", "division", "prototype"]
    return pd.concat([labels[columns], stems[columns]], ignore_index=True)


@lru_cache(maxsize=1)
def _model() -> _Model:
    """Build the classifier from the shipped reference texts (a second or two)."""
    sectors = load_taxonomy()["id"].to_numpy()
    sector_number = {sector: number for number, sector in enumerate(sectors)}
    keywords = _keyword_table()
    documents = _reference_documents(keywords[keywords["weight"].eq(1.0)])  # context words name no product
    counts, words = _word_counts(fold_text(documents["text"]))
    grams = _hashed_ngrams(words)
    # Document frequency counted through the words: a document holding two words that share an n-gram
    # counts twice, which only lowers the idf of n-grams that are common anyway.
    documents_per_word = np.asarray((counts > 0).sum(axis=0)).ravel()
    document_frequency = (grams > 0).astype(np.float64).T @ documents_per_word
    idf = np.log((1.0 + len(documents)) / (1.0 + document_frequency)) + 1.0
    prototype_ids, prototype_keys = pd.factorize(documents["prototype"])
    membership = sp.csr_matrix(
        (np.ones(len(documents), dtype=np.float32), (prototype_ids, np.arange(len(documents)))),
        shape=(len(prototype_keys), len(documents)),
    )
    first = documents.groupby(prototype_ids, sort=True).first()
    return _Model(
        sectors=sectors,
        idf=idf,
        prototypes=_prototype_vectors((membership @ counts) @ grams, idf),
        prototype_sector=first["sector"].map(sector_number).to_numpy(),
        prototype_division=first["division"].to_numpy(dtype=object),
        lexicon=_build_lexicon(keywords, sector_number),
        outranks=tuple(
            (sector_number[sector["id"]], sector_number[ruled_out])
            for sector in taxonomy_document()["sectors"]
            for ruled_out in sector["outranks"]
        ),
    )


def _word_match(word: str, lexicon: _Lexicon) -> tuple[int, float]:
    """Sector number and weight of the longest stem that matches the word; (-1, 0.0) if none does."""
    best = lexicon.whole.get(word, (0, -1, 0.0))
    for end in range(1, len(word) + 1):
        best = max(best, lexicon.prefix.get(word[:end], best))
    for start in range(1, len(word) - MIN_INSIDE_STEM + 1):
        for end in range(start + MIN_INSIDE_STEM, len(word) + 1):
            best = max(best, lexicon.inside.get(word[start:end], best))
    return best[1], best[2]


def _as_arrays(matches: list[tuple[int, float]]) -> tuple[np.ndarray, np.ndarray]:
    """(sector number, weight) pairs as one array of sector numbers and one of weights."""
    pairs = np.array(matches, dtype=np.float64).reshape(-1, 2)
    return pairs[:, 0].astype(np.int64), pairs[:, 1]


def _phrase_matches(folded: pd.Series, lexicon: _Lexicon) -> tuple[np.ndarray, list[str], pd.Series]:
    """Text positions and phrases of every phrase match, and the texts with the matched phrases blanked."""
    strings = _arrow_strings(folded)
    positions, phrases = [np.zeros(0, dtype=np.int64)], []
    while lexicon.phrase_pattern is not None:  # one more match per text and pass
        match = pc.extract_regex(strings, lexicon.phrase_pattern)
        found = pc.is_valid(match)
        if not pc.any(found).as_py():
            break
        positions.append(np.flatnonzero(np.asarray(found)))
        phrases.extend(pc.struct_field(match.filter(found), "phrase").to_pylist())
        strings = pc.replace_substring_regex(strings, lexicon.phrase_pattern, " ", max_replacements=1)
    return np.concatenate(positions), phrases, pd.Series(pd.arrays.ArrowStringArray(strings))


def _keyword_hits(folded: pd.Series, model: _Model) -> tuple[np.ndarray, np.ndarray]:
    """Texts x sectors: hits with context words counting CONTEXT_WEIGHT, and hits of keywords proper.

    Phrases are matched first; their words then count only through the phrase.
    """
    phrase_texts, phrases, rest = _phrase_matches(folded, model.lexicon)
    counts, words = _word_counts(rest)
    occurrences = (counts > 0).tocoo()  # a word repeated in one text counts once
    word_sector, word_weight = _as_arrays([_word_match(word, model.lexicon) for word in words])
    phrase_sector, phrase_weight = _as_arrays([model.lexicon.phrases[phrase] for phrase in phrases])
    text = np.concatenate([occurrences.row, phrase_texts])
    sector = np.concatenate([word_sector[occurrences.col], phrase_sector])
    weight = np.concatenate([word_weight[occurrences.col], phrase_weight])
    matched = sector >= 0
    hits = np.zeros((len(folded), len(model.sectors)))
    proper = np.zeros_like(hits)
    np.add.at(hits, (text[matched], sector[matched]), weight[matched])
    np.add.at(proper, (text[matched], sector[matched]), weight[matched] == 1.0)
    return hits, proper


def _prototype_products(vectors: sp.csr_matrix, prototypes: sp.csc_matrix) -> np.ndarray:
    """Rows x prototypes dot products, on the n-gram columns the rows use, against dense prototypes."""
    used, compact = np.unique(vectors.indices, return_inverse=True)
    rows = sp.csr_matrix((vectors.data, compact, vectors.indptr), shape=(vectors.shape[0], len(used)))
    return rows @ prototypes[:, used].toarray().T


def _similarity(counts: sp.csr_matrix, words: np.ndarray, model: _Model) -> np.ndarray:
    """Texts x prototypes cosine: each distinct word's n-grams against the prototypes, summed per text."""
    word_vectors = _hashed_ngrams(words)
    word_vectors.data *= model.idf[word_vectors.indices].astype(np.float32)
    norms = _row_norms(counts @ word_vectors)
    products = counts @ _prototype_products(word_vectors, model.prototypes)
    return np.divide(products, norms[:, None], out=np.zeros_like(products), where=norms[:, None] > 0)


def _confidence(best: np.ndarray, runner_up: np.ndarray) -> np.ndarray:
    """From 0 to 1: a logistic curve of the winning score less half the runner-up's score."""
    return 1.0 / (1.0 + np.exp(-(CONFIDENCE_SLOPE * (best - runner_up / 2) - CONFIDENCE_OFFSET)))


def _classify_unique(texts: pd.Series) -> pd.DataFrame:
    """Classify distinct texts (a default RangeIndex): sector, cpv_division, confidence."""
    model = _model()
    folded = fold_text(texts)
    counts, words = _word_counts(folded)
    similarity = _similarity(counts, words, model)
    by_sector = np.zeros((len(texts), len(model.sectors)))
    best_prototype = np.zeros((len(texts), len(model.sectors)), dtype=np.int64)
    for number in range(len(model.sectors)):
        own = np.flatnonzero(model.prototype_sector == number)
        best_prototype[:, number] = own[similarity[:, own].argmax(axis=1)]
        by_sector[:, number] = similarity[np.arange(len(texts)), best_prototype[:, number]]
    hits, proper_hits = _keyword_hits(folded, model)
    scores = by_sector + LEXICON_WEIGHT * (1.0 - 0.5**hits)
    for stronger, ruled_out in model.outranks:
        scores[proper_hits[:, stronger] > 0, ruled_out] = 0.0
    ranked = np.sort(scores, axis=1)
    winner = scores.argmax(axis=1)
    confidence = np.where(folded.str.len().to_numpy() > 0, _confidence(ranked[:, -1], ranked[:, -2]), 0.0)
    placed = confidence >= CONFIDENCE_THRESHOLD
    division = model.prototype_division[best_prototype[np.arange(len(texts)), winner]]
    return pd.DataFrame(
        {
            "sector": pd.array(np.where(placed, model.sectors[winner], UNCLASSIFIED), dtype="string"),
            "cpv_division": pd.array(np.where(placed, division, None), dtype="string"),
            "confidence": np.round(confidence, 3),
        }
    )


def classify_texts(texts: pd.Series) -> pd.DataFrame:
    """Sector (id or UNCLASSIFIED), cpv_division (2 digits or <NA>) and confidence (0..1) of each text."""
    codes, distinct = pd.factorize(texts.astype("string").fillna("").str.strip())
    batches = [
        _classify_unique(pd.Series(distinct[start : start + CHUNK_TEXTS], dtype="string"))
        for start in range(0, len(distinct), CHUNK_TEXTS)
    ]
    if not batches:
        empty = pd.DataFrame({"sector": [], "cpv_division": [], "confidence": []}, index=texts.index)
        return empty.astype({"sector": "string", "cpv_division": "string", "confidence": "float64"})
    return pd.concat(batches, ignore_index=True).iloc[codes].set_index(texts.index)
