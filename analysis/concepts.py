"""Procurement concepts found in need texts, whatever their language: features that cluster needs by meaning.

Character n-grams group texts by language ('beton · co · reduzierter' apart from 'betong · klimat'), so one
need shared by buyers in five countries would split into five clusters. The lexicon in
analysis/data/concepts.json names about two hundred things public buyers procure and the qualities they seek,
each with its words in the 12 survey languages; a text's concepts are the same whichever language it is in.

Matching works on folded text (analysis.taxonomy.fold_text: lower case, no accents, words split on anything
else than letters and digits). A term is one or more words matched on consecutive words of the text; each
term word matches a text word that starts with it, unless marked: 'word$' must be the whole text word (as
must words shorter than three letters), '*word' may occur anywhere inside it (compounds: '*bagger' in
'elektrobagger') and '*word$' must end it. Each distinct text is split once, each distinct token between
spaces is folded once and each distinct word is matched once (and remembered for later calls), so 100k answers
take well under a second.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from analysis.taxonomy import fold_each

CONCEPTS_PATH = Path(__file__).resolve().parent / "data" / "concepts.json"
SHORT_WORD = 3  # term words shorter than this match whole words only: 'de' in 'bomba de calor' is not 'desde'
KINDS = ("exact", "prefix", "inside", "suffix")  # how a term word matches a text word (see above)
WORD_CACHE = 2**16  # distinct words whose patterns are remembered: survey vocabularies are far smaller


@dataclass(frozen=True)
class _PatternIndex:
    """Word patterns of one kind (prefix, inside, suffix): id by text, and the text lengths that bound look-ups."""

    by_text: dict[str, int]
    shortest: int
    longest: int


@dataclass(frozen=True)
class _Lexicon:
    """The concepts.json terms compiled for matching: word patterns by kind, and terms as sequences of them."""

    ids: tuple[str, ...]
    labels: dict[str, str]
    exact: dict[str, int]
    prefix: _PatternIndex
    inside: _PatternIndex
    suffix: _PatternIndex
    pattern_count: int
    single: sparse.csr_matrix  # pattern x concept: terms of one word
    phrase_patterns: np.ndarray  # the patterns that occur in terms of several words
    phrases: tuple[
        tuple[tuple[int, ...], int], ...
    ]  # (positions in phrase_patterns of the words, concept index)
    phrase_words: sparse.csr_matrix  # phrase x position in phrase_patterns: 1 where the phrase uses it


def _pattern_index(by_text: dict[str, int]) -> _PatternIndex:
    """An index of pattern texts; an empty one bounds every look-up loop to nothing."""
    lengths = [len(text) for text in by_text] or [1]
    return _PatternIndex(by_text, min(lengths), max(lengths) if by_text else 0)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The lexicon read and compiled once per process, with array operations: it has some 35k term words."""
    concepts = json.loads(CONCEPTS_PATH.read_text(encoding="utf-8"))["concepts"]
    terms = [
        (column, term)
        for column, concept in enumerate(concepts)
        for term in sorted({term for language_terms in concept["terms"].values() for term in language_terms})
    ]
    split = pc.split_pattern(pa.array([term for _, term in terms], type=pa.string()), " ")
    words = pc.list_flatten(split)  # every word of every term, marked ('*beton$')
    text = pc.utf8_trim(words, "*$")
    inside, whole = np.asarray(pc.starts_with(words, "*")), np.asarray(pc.ends_with(words, "$"))
    short = np.asarray(pc.less(pc.utf8_length(text), SHORT_WORD))
    kind = np.select(  # positions in KINDS
        [inside & whole, inside, whole | short],
        [KINDS.index("suffix"), KINDS.index("inside"), KINDS.index("exact")],
        KINDS.index("prefix"),
    )
    text_code, texts = pd.factorize(pd.Series(text, dtype="string"))
    pattern_of, _ = pd.factorize(text_code * len(KINDS) + kind)  # a pattern is a text matched one way
    first = np.unique(pattern_of, return_index=True)[1]  # each pattern's first word
    pattern_text, pattern_kind = texts[text_code[first]].tolist(), kind[first]
    by_kind = {
        name: {pattern_text[pattern]: pattern for pattern in np.flatnonzero(pattern_kind == at).tolist()}
        for at, name in enumerate(KINDS)
    }

    size = np.bincount(np.asarray(pc.list_parent_indices(split)), minlength=len(terms))  # words per term
    start = np.cumsum(size) - size
    column = np.array([column for column, _ in terms])
    one = size == 1
    single = sparse.csr_matrix(
        (np.ones(one.sum()), (pattern_of[start[one]], column[one])), shape=(len(first), len(concepts))
    )
    single.data[:] = 1.0  # a pattern in two terms of one concept counts once
    phrase_word = np.repeat(~one, size)
    phrase_patterns = np.unique(pattern_of[phrase_word])
    position = np.searchsorted(phrase_patterns, pattern_of[phrase_word])  # of each phrase word's pattern
    phrase_sizes = size[~one]
    ends, positions = np.cumsum(phrase_sizes).tolist(), position.tolist()
    parts = (
        tuple(positions[end - size : end]) for end, size in zip(ends, phrase_sizes.tolist(), strict=True)
    )
    phrases = tuple(zip(parts, column[~one].tolist(), strict=True))
    phrase_words = sparse.csr_matrix(
        (np.ones(len(position)), (np.repeat(np.arange(len(phrases)), phrase_sizes), position)),
        shape=(len(phrases), len(phrase_patterns)),
    )
    phrase_words.data[:] = 1.0  # a word used twice in a term ('de ... de') is needed once
    return _Lexicon(
        ids=tuple(concept["id"] for concept in concepts),
        labels={concept["id"]: concept["label"] for concept in concepts},
        exact=by_kind["exact"],
        prefix=_pattern_index(by_kind["prefix"]),
        inside=_pattern_index(by_kind["inside"]),
        suffix=_pattern_index(by_kind["suffix"]),
        pattern_count=len(first),
        single=single,
        phrase_patterns=phrase_patterns,
        phrases=phrases,
        phrase_words=phrase_words,
    )


def concept_ids() -> list[str]:
    """Ids of all concepts, in the order of concept_matrix's columns."""
    return list(_lexicon().ids)


def concept_label(concept_id: str) -> str:
    """Readable English label of a concept ('refuse_truck' -> 'refuse-collection trucks')."""
    return _lexicon().labels[concept_id]


@lru_cache(maxsize=WORD_CACHE)
def _patterns_of_word(word: str) -> tuple[int, ...]:
    """Ids of the word patterns a text word matches."""
    lexicon = _lexicon()
    size, prefix, suffix, inside = len(word), lexicon.prefix, lexicon.suffix, lexicon.inside
    found = [lexicon.exact.get(word)]
    found += [prefix.by_text.get(word[:end]) for end in range(prefix.shortest, min(size, prefix.longest) + 1)]
    found += [
        suffix.by_text.get(word[start:])
        for start in range(max(0, size - suffix.longest), size - suffix.shortest + 1)
    ]
    found += [
        inside.by_text.get(word[start:end])
        for start in range(size - inside.shortest + 1)
        for end in range(start + inside.shortest, min(size, start + inside.longest) + 1)
    ]
    return tuple(pattern for pattern in found if pattern is not None)


def _word_pattern_matrix(words: list[str], lexicon: _Lexicon) -> sparse.csr_matrix:
    """Distinct text word x word pattern: 1 where the word matches the pattern."""
    rows, columns = [], []
    for row, word in enumerate(words):
        found = _patterns_of_word(word)
        rows += [row] * len(found)
        columns += found
    matrix = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, columns)), shape=(len(words), lexicon.pattern_count)
    )
    matrix.data[:] = 1.0
    return matrix


def _members(candidates: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """Which candidates occur in sorted_values."""
    if not len(sorted_values):
        return np.zeros(len(candidates), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_values, candidates), len(sorted_values) - 1)
    return sorted_values[at] == candidates


def _phrase_hits(
    word_patterns: sparse.csr_matrix, word_at: np.ndarray, text_at: np.ndarray, lexicon: _Lexicon, texts: int
) -> sparse.csr_matrix:
    """Text x concept: 1 where a concept's term of several words occurs on consecutive words of a text."""
    phrase_words = word_patterns[:, lexicon.phrase_patterns]
    positions = phrase_words[word_at].tocsc()  # text word position x phrase pattern

    def where(pattern: int) -> np.ndarray:
        return positions.indices[positions.indptr[pattern] : positions.indptr[pattern + 1]]

    present = (np.diff(positions.indptr) > 0).astype(np.float64)
    # Most terms have a word no text uses: only those whose every word occurs are looked for.
    possible = np.flatnonzero(lexicon.phrase_words @ present == lexicon.phrase_words.getnnz(axis=1))
    rows, columns = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for patterns, concept in (lexicon.phrases[phrase] for phrase in possible):
        start = where(patterns[0])
        for offset, pattern in enumerate(patterns[1:], start=1):
            start = start[_members(start + offset, where(pattern))]
        start = start[text_at[start] == text_at[start + len(patterns) - 1]]  # never across two texts
        rows.append(text_at[start])
        columns.append(np.full(len(start), concept))
    row, column = np.concatenate(rows), np.concatenate(columns)
    return sparse.csr_matrix((np.ones(len(row)), (row, column)), shape=(texts, len(lexicon.ids)))


@dataclass(frozen=True)
class _Words:
    """The folded words of some texts, position by position, and the patterns each distinct word matches."""

    text_at: np.ndarray  # per word position: its text
    word_at: np.ndarray  # per word position: its distinct word
    patterns: sparse.csr_matrix  # distinct word x word pattern


def split_words(
    texts: pd.Series, split: Callable[[pa.Array], pa.Array]
) -> tuple[np.ndarray, pa.DictionaryArray]:
    """The words of the texts, position by position: the text of each and the word (dictionary-encoded).

    Texts are cut at whitespace and `split` (strings -> lists of words) runs once per distinct token, far
    cheaper at 100k answers than splitting whole texts, and the same words whenever whitespace separates
    words in `split` too. Empty words are dropped; words are encoded in order of first use.
    """
    strings = pa.array(texts.astype("string").fillna(""), type=pa.string())
    strings = strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings  # one dictionary
    tokens = pc.utf8_split_whitespace(strings)
    token = pc.list_flatten(tokens).dictionary_encode()
    token_at = np.asarray(token.indices, dtype=np.int64)
    pieces = split(token.dictionary)
    piece = pc.list_flatten(pieces)
    kept = np.asarray(pc.not_equal(piece, ""), dtype=bool)
    per_token = np.bincount(np.asarray(pc.list_parent_indices(pieces))[kept], minlength=len(token.dictionary))
    first = np.cumsum(per_token) - per_token  # where each distinct token's words start among the kept pieces
    count = per_token[token_at]  # words at each token position of the texts
    rank = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)  # of each word in its token
    word = pc.filter(piece, pa.array(kept)).dictionary_encode()
    at = pa.array(np.repeat(first[token_at], count) + rank)
    text_at = np.repeat(np.asarray(pc.list_parent_indices(tokens)), count)
    return text_at, pa.DictionaryArray.from_arrays(word.indices.take(at), word.dictionary)


def _words(texts: pd.Series, lexicon: _Lexicon) -> _Words:
    """The words of the texts as fold_text makes them, each distinct token folded once."""
    text_at, words = split_words(texts, lambda tokens: pc.split_pattern(fold_each(tokens), " "))
    return _Words(
        text_at=text_at,
        word_at=np.asarray(words.indices, dtype=np.int64),
        patterns=_word_pattern_matrix(words.dictionary.to_pylist(), lexicon),
    )


def _single_word_hits(words: _Words, lexicon: _Lexicon, texts: int) -> sparse.csr_matrix:
    """Text x concept hit counts of the concepts' terms of one word."""
    text_words = sparse.csr_matrix(
        (np.ones(len(words.word_at)), (words.text_at, words.word_at)), shape=(texts, words.patterns.shape[0])
    )
    return (text_words @ (words.patterns @ lexicon.single)).tocsr()


def concept_matrix(texts: pd.Series) -> sparse.csr_matrix:
    """Text x concept matrix (columns in concept_ids() order): 1.0 where a concept's term occurs in the text."""
    lexicon = _lexicon()
    codes, distinct = pd.factorize(texts.astype("string").fillna(""))
    words = _words(pd.Series(distinct, dtype="string"), lexicon)
    phrases = _phrase_hits(words.patterns, words.word_at, words.text_at, lexicon, len(distinct))
    hits = (_single_word_hits(words, lexicon, len(distinct)) + phrases).tocsr()
    hits.data[:] = 1.0
    return hits[codes]


def names_concept(words: pd.Series) -> np.ndarray:
    """Per word: does it name a concept on its own (a term of one word matches it)."""
    lexicon = _lexicon()
    return _single_word_hits(_words(words, lexicon), lexicon, len(words)).getnnz(axis=1) > 0
