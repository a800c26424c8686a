"""Place each need in a sector from its free text in any of the 12 survey languages, or leave it unclassified.

Nothing is downloaded and nothing is fitted on survey answers. The model comes from two kinds of reference
text shipped in analysis/data:
- every CPV 2008 label in the 11 CPV languages (cpv_labels.tsv.gz), placed in a sector by its code;
- the keyword stems of sectors.json in the 12 survey languages (Norwegian has no CPV labels).
Counting them takes seconds, so analysis/data/make_classifier_model.py counts them ahead into
classifier_model.npz (model_arrays), which a process loads in tens of milliseconds; a test fails while
that file differs from a fresh count.

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
import json
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from analysis.taxonomy import UNCLASSIFIED, fold_text, load_taxonomy, sectors_of_codes, taxonomy_document

CPV_LABELS_PATH = Path(__file__).resolve().parent / "data" / "cpv_labels.tsv.gz"
MODEL_PATH = Path(__file__).resolve().parent / "data" / "classifier_model.npz"  # model_arrays(), shipped
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


def _word_counts(folded: pa.Array) -> tuple[sp.csr_matrix, np.ndarray]:
    """Documents x distinct words count matrix of folded texts, and the distinct words."""
    tokens = pc.split_pattern(folded, " ")
    flat = pc.list_flatten(tokens)
    kept = pc.not_equal(flat, "")  # empty texts and the gaps blanked phrases leave hold no word
    document = np.asarray(pc.list_parent_indices(tokens))[np.asarray(kept)]
    encoded = flat.filter(kept).dictionary_encode()
    words = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    counts = sp.csr_matrix(
        (np.ones(len(document), dtype=np.float32), (document, np.asarray(encoded.indices))),
        shape=(len(folded), len(words)),
    )
    return counts, words


def _row_norms(matrix: sp.csr_matrix) -> np.ndarray:
    """Euclidean length of each row (squares summed in double precision, in storage order)."""
    squares = sp.csr_matrix(
        (np.square(matrix.data, dtype=np.float64), matrix.indices, matrix.indptr), shape=matrix.shape
    )
    return np.sqrt(squares @ np.ones(matrix.shape[1]))


@dataclass(frozen=True)
class _Lexicon:
    """Keyword stems by how they may match a word, each -> (stem length, sector number, weight); phrases."""

    whole: dict[str, tuple[int, int, float]]
    prefix: dict[str, tuple[int, int, float]]
    inside: dict[str, tuple[int, int, float]]
    phrases: dict[str, tuple[int, float]]  # phrase -> (sector number, weight); -1 for a neutral phrase

    # Most words, and most places in a word, start no stem: one look-up of their first letters (no stem is
    # shorter) rules them out.
    @cached_property
    def prefix_heads(self) -> frozenset[str]:
        """The first MIN_PREFIX_STEM letters of the prefix stems."""
        return frozenset(stem[:MIN_PREFIX_STEM] for stem in self.prefix)

    @cached_property
    def inside_heads(self) -> frozenset[str]:
        """The first MIN_INSIDE_STEM letters of the inside stems."""
        return frozenset(stem[:MIN_INSIDE_STEM] for stem in self.inside)

    @cached_property
    def phrase_pattern(self) -> str | None:
        """RE2 pattern (Arrow's regex engine) with the matched phrase as group "phrase"; None without phrases."""
        # Folded stems hold only letters, digits and single spaces: nothing to escape. Longest first wins.
        ordered = sorted(self.phrases, key=len, reverse=True)
        return "(?:^| )(?P<phrase>" + "|".join(ordered) + ")" if ordered else None


@dataclass(frozen=True)
class _Model:
    """Everything classification needs, loaded once per process."""

    sectors: np.ndarray  # sector ids, in taxonomy order
    # The reference texts use a tenth of the hashed n-gram columns: the model holds only those.
    gram_columns: np.ndarray  # the hashed n-gram columns of the reference texts, rising
    gram_idf: np.ndarray  # idf of each of them, in single precision like the text vectors it weights
    unseen_idf: np.float32  # idf of any other column
    prototypes: sp.csc_matrix  # prototypes x gram_columns, unit rows, by column for fast column picks
    prototype_sector: np.ndarray  # sector number of each prototype, rising: a sector's prototypes are a slice
    sector_starts: np.ndarray  # where each sector's prototypes start
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
            for stem, sector, weight in zip(
                rows["stem"].tolist(), rows["sector"].tolist(), rows["weight"].tolist(), strict=True
            )
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
    return _Lexicon(
        whole=index(words[words["whole"]]),
        prefix=index(words[~words["whole"]]),
        inside=index(words[words["inside"]]),
        phrases=phrases,
    )


def _lexicon_from_json(text: str) -> _Lexicon:
    """The lexicon that json.dumps(dataclasses.asdict(lexicon)) wrote."""
    return _Lexicon(
        **{
            kind: {stem: tuple(entry) for stem, entry in entries.items()}
            for kind, entries in json.loads(text).items()
        }
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


def model_arrays() -> dict[str, np.ndarray]:
    """What the classifier learns from the reference texts, as the arrays MODEL_PATH ships (seconds).

    gram_columns: every hashed n-gram column of the reference texts, rising, with its document_frequency
    and how many prototypes_per_gram hold it; prototype and count: which prototypes hold each column and
    how often, column after column (the layout of the sparse prototype matrix by column); the sector id
    and CPV division of each prototype; the keyword lexicon as JSON.
    """
    sector_number = {sector: number for number, sector in enumerate(load_taxonomy()["id"])}
    keywords = _keyword_table()
    documents = _reference_documents(keywords[keywords["weight"].eq(1.0)])  # context words name no product
    # Prototypes are numbered sector by sector, in taxonomy order (each sector's in order of appearance).
    documents = documents.sort_values("sector", key=lambda sector: sector.map(sector_number), kind="stable")
    counts, words = _word_counts(_arrow_strings(fold_text(documents["text"])))
    grams = _hashed_ngrams(words)
    # Document frequency counted through the words: a document holding two words that share an n-gram
    # counts twice, which only lowers the idf of n-grams that are common anyway.
    documents_per_word = np.asarray((counts > 0).sum(axis=0)).ravel()
    document_frequency = (grams > 0).astype(np.float64).T @ documents_per_word
    prototype_ids, prototype_keys = pd.factorize(documents["prototype"])
    membership = sp.csr_matrix(
        (np.ones(len(documents), dtype=np.float32), (prototype_ids, np.arange(len(documents)))),
        shape=(len(prototype_keys), len(documents)),
    )
    raw_counts = ((membership @ counts) @ grams).tocsc()
    gram_columns = np.flatnonzero(document_frequency)
    first = documents.groupby(prototype_ids, sort=True).first()
    return {
        "document_count": np.array(len(documents)),
        **{
            name: values.astype(np.min_scalar_type(int(values.max())))  # the smallest type loads fastest
            for name, values in {
                "gram_columns": gram_columns,
                "document_frequency": document_frequency[gram_columns],
                "prototypes_per_gram": np.diff(raw_counts.indptr)[gram_columns],
                "prototype": raw_counts.indices,
                "count": raw_counts.data,
            }.items()
        },
        "prototype_sector": first["sector"].to_numpy(dtype=str),
        "prototype_division": first["division"].to_numpy(dtype=str),
        "lexicon": np.array(json.dumps(asdict(_build_lexicon(keywords, sector_number)))),
    }


def _idf(document_frequency: np.ndarray | float, document_count: int) -> np.ndarray:
    """Smoothed inverse document frequency."""
    return np.log((1.0 + document_count) / (1.0 + document_frequency)) + 1.0


def _prototype_vectors(reference: dict[str, np.ndarray], gram_idf: np.ndarray) -> sp.csc_matrix:
    """Sublinear tf times idf, each prototype scaled to unit length, by column for fast column picks."""
    prototype, per_gram = reference["prototype"], reference["prototypes_per_gram"]
    weights = (1.0 + np.log(reference["count"].astype(np.float32))) * np.repeat(gram_idf, per_gram)
    # Each prototype's squares summed in rising column order, as a row by row sum would.
    norms = np.sqrt(np.bincount(prototype, weights=weights**2, minlength=len(reference["prototype_sector"])))
    return sp.csc_matrix(
        (
            (weights / np.maximum(norms, 1e-12)[prototype]).astype(np.float32),
            prototype.astype(np.int32),
            np.concatenate([[0], np.cumsum(per_gram, dtype=np.int32)]),
        ),
        shape=(len(norms), len(per_gram)),
    )


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The classifier: the shipped reference counts weighted, and the keyword lexicon (tens of milliseconds)."""
    sectors = load_taxonomy()["id"].to_numpy()
    sector_number = {sector: number for number, sector in enumerate(sectors)}
    with np.load(MODEL_PATH) as shipped:
        reference = {name: shipped[name] for name in shipped.files}
    document_count = int(reference["document_count"])
    gram_idf = _idf(reference["document_frequency"].astype(np.float64), document_count)
    prototype_sector = np.array([sector_number[sector] for sector in reference["prototype_sector"]])
    return _Model(
        sectors=sectors,
        gram_columns=reference["gram_columns"],
        gram_idf=gram_idf.astype(np.float32),
        unseen_idf=np.float32(_idf(0.0, document_count)),
        prototypes=_prototype_vectors(reference, gram_idf),
        prototype_sector=prototype_sector,
        sector_starts=np.searchsorted(prototype_sector, np.arange(len(sectors))),
        prototype_division=reference["prototype_division"].astype(object),
        lexicon=_lexicon_from_json(str(reference["lexicon"])),
        outranks=tuple(
            (sector_number[sector["id"]], sector_number[ruled_out])
            for sector in taxonomy_document()["sectors"]
            for ruled_out in sector["outranks"]
        ),
    )


@lru_cache(maxsize=2**16)  # answers repeat their words, and so do the batches of one file
def _word_match(word: str) -> tuple[int, float]:
    """Sector number and weight of the longest stem that matches the word; (-1, 0.0) if none does."""
    lexicon = _model().lexicon
    best = lexicon.whole.get(word, (0, -1, 0.0))
    if word[:MIN_PREFIX_STEM] in lexicon.prefix_heads:
        for end in range(MIN_PREFIX_STEM, len(word) + 1):
            best = max(best, lexicon.prefix.get(word[:end], best))
    for start in range(1, len(word) - MIN_INSIDE_STEM + 1):
        if word[start : start + MIN_INSIDE_STEM] in lexicon.inside_heads:
            for end in range(start + MIN_INSIDE_STEM, len(word) + 1):
                best = max(best, lexicon.inside.get(word[start:end], best))
    return best[1], best[2]


def _as_arrays(matches: list[tuple[int, float]]) -> tuple[np.ndarray, np.ndarray]:
    """(sector number, weight) pairs as one array of sector numbers and one of weights."""
    pairs = np.array(matches, dtype=np.float64).reshape(-1, 2)
    return pairs[:, 0].astype(np.int64), pairs[:, 1]


def _blank_phrase(text: str, phrase: str) -> str:
    """The text with the phrase where the phrase pattern first finds it (at a word start) made one space.

    The pattern's leftmost match starts where the phrase it reports first starts a word: an earlier start
    would have been an earlier match.
    """
    if text.startswith(phrase):
        return " " + text[len(phrase) :]
    start = text.index(" " + phrase)
    return text[:start] + " " + text[start + 1 + len(phrase) :]


def _phrase_matches(
    folded: pa.Array, lexicon: _Lexicon
) -> tuple[np.ndarray, list[str], np.ndarray, list[str]]:
    """Text positions and phrases of every phrase match; the texts holding any, with the phrases blanked."""
    positions, phrases, blanked = [np.zeros(0, dtype=np.int64)], [], {}
    pending, strings = np.arange(len(folded)), folded  # only a text that held a phrase may hold another
    while lexicon.phrase_pattern is not None and len(pending):  # one more match per text and pass
        match = pc.extract_regex(strings, lexicon.phrase_pattern)
        found = pc.is_valid(match)
        pending = pending[np.asarray(found)]
        found_phrases = pc.struct_field(match.filter(found), "phrase").to_pylist()
        texts = list(map(_blank_phrase, strings.filter(found).to_pylist(), found_phrases))
        positions.append(pending)
        phrases.extend(found_phrases)
        blanked.update(zip(pending.tolist(), texts, strict=True))
        strings = pa.array(texts, type=folded.type)
    return np.concatenate(positions), phrases, np.array(list(blanked), dtype=np.int64), list(blanked.values())


def _keyword_hits(
    folded: pa.Array, counts: sp.csr_matrix, words: np.ndarray, model: _Model
) -> tuple[np.ndarray, np.ndarray]:
    """Texts x sectors: hits with context words counting CONTEXT_WEIGHT, and hits of keywords proper.

    Phrases are matched first; their words then count only through the phrase. `counts` and `words` are
    the word counts of the folded texts, which stand for the texts that hold no phrase.
    """
    phrase_texts, phrases, blanked_texts, blanked = _phrase_matches(folded, model.lexicon)
    rest_counts, rest_words = _word_counts(pa.array(blanked, type=folded.type))
    plain = (counts > 0).tocoo()  # a word repeated in one text counts once
    kept = ~np.isin(plain.row, blanked_texts)
    rest = (rest_counts > 0).tocoo()
    word_sector, word_weight = _as_arrays([_word_match(word) for word in words])
    rest_sector, rest_weight = _as_arrays([_word_match(word) for word in rest_words])
    phrase_sector, phrase_weight = _as_arrays([model.lexicon.phrases[phrase] for phrase in phrases])
    text = np.concatenate([plain.row[kept], blanked_texts[rest.row], phrase_texts])
    sector = np.concatenate([word_sector[plain.col[kept]], rest_sector[rest.col], phrase_sector])
    weight = np.concatenate([word_weight[plain.col[kept]], rest_weight[rest.col], phrase_weight])
    matched = sector >= 0
    hits = np.zeros((len(folded), len(model.sectors)))
    proper = np.zeros_like(hits)
    np.add.at(hits, (text[matched], sector[matched]), weight[matched])
    np.add.at(proper, (text[matched], sector[matched]), weight[matched] == 1.0)
    return hits, proper


def _used_columns(vectors: sp.csr_matrix) -> tuple[sp.csr_matrix, np.ndarray]:
    """The rows on only the columns they use, renumbered in order, and those columns."""
    used, compact = np.unique(vectors.indices, return_inverse=True)
    return sp.csr_matrix((vectors.data, compact, vectors.indptr), shape=(vectors.shape[0], len(used))), used


def _similarity(counts: sp.csr_matrix, words: np.ndarray, model: _Model) -> np.ndarray:
    """Texts x prototypes cosine: each distinct word's n-grams against the prototypes, summed per text."""
    # Some ten thousand used columns instead of two million: the sparse products keep their sums in cache.
    word_vectors, used = _used_columns(_hashed_ngrams(words))
    place = np.minimum(np.searchsorted(model.gram_columns, used), len(model.gram_columns) - 1)
    known = model.gram_columns[place] == used
    word_vectors.data *= np.where(known, model.gram_idf[place], model.unseen_idf)[word_vectors.indices]
    prototypes = np.zeros((len(used), len(model.prototype_sector)), dtype=np.float32)
    prototypes[known] = model.prototypes[:, place[known]].toarray().T
    norms = _row_norms(counts @ word_vectors)
    products = counts @ (word_vectors @ prototypes)
    return np.divide(products, norms[:, None], out=np.zeros_like(products), where=norms[:, None] > 0)


def _confidence(best: np.ndarray, runner_up: np.ndarray) -> np.ndarray:
    """From 0 to 1: a logistic curve of the winning score less half the runner-up's score."""
    return 1.0 / (1.0 + np.exp(-(CONFIDENCE_SLOPE * (best - runner_up / 2) - CONFIDENCE_OFFSET)))


def _classify_unique(texts: pd.Series) -> pd.DataFrame:
    """Classify distinct texts (a default RangeIndex): sector, cpv_division, confidence."""
    model = _model()
    folded = _arrow_strings(fold_text(texts))
    counts, words = _word_counts(folded)
    similarity = _similarity(counts, words, model)
    by_sector = np.maximum.reduceat(similarity, model.sector_starts, axis=1)  # to its closest prototype
    hits, proper_hits = _keyword_hits(folded, counts, words, model)
    scores = by_sector + LEXICON_WEIGHT * (1.0 - 0.5**hits)
    for stronger, ruled_out in model.outranks:
        scores[proper_hits[:, stronger] > 0, ruled_out] = 0.0
    ranked = np.sort(scores, axis=1)
    winner = scores.argmax(axis=1)
    confidence = np.where(np.diff(counts.indptr) > 0, _confidence(ranked[:, -1], ranked[:, -2]), 0.0)
    placed = confidence >= CONFIDENCE_THRESHOLD
    closest = (model.prototype_sector == winner[:, None]) & (
        similarity == by_sector[np.arange(len(texts)), winner][:, None]
    )
    division = model.prototype_division[closest.argmax(axis=1)]  # of the winner's first closest prototype
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
