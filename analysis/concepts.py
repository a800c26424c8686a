"""Procurement concepts found in need texts, whatever their language: features that cluster needs by meaning.

Character n-grams group texts by language ('beton · co · reduzierter' apart from 'betong · klimat'), so one
need shared by buyers in five countries would split into five clusters. The lexicon in
analysis/data/concepts.json names about two hundred things public buyers procure and the qualities they seek,
each with its words in the 12 survey languages; a text's concepts are the same whichever language it is in.

Matching works on folded text (analysis.taxonomy.fold_text: lower case, no accents, words split on anything
else than letters and digits). A term is one or more words matched on consecutive words of the text; each
term word matches a text word that starts with it, unless marked: 'word$' must be the whole text word (as
must words shorter than three letters), '*word' may occur anywhere inside it (compounds: '*bagger' in
'elektrobagger') and '*word$' must end it. Each distinct text and each distinct word is matched once, so
100k answers with repeated wording take seconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from analysis.taxonomy import fold_text

CONCEPTS_PATH = Path(__file__).resolve().parent / "data" / "concepts.json"
SHORT_WORD = 3  # term words shorter than this match whole words only: 'de' in 'bomba de calor' is not 'desde'


@dataclass(frozen=True)
class _PatternIndex:
    """Word patterns of one kind (prefix, inside, suffix) by text, with the text lengths that bound look-ups."""

    by_text: dict[str, tuple[int, ...]]
    shortest: int
    longest: int


@dataclass(frozen=True)
class _Lexicon:
    """The concepts.json terms compiled for matching: word patterns by kind, and terms as sequences of them."""

    ids: tuple[str, ...]
    labels: dict[str, str]
    exact: dict[str, tuple[int, ...]]
    prefix: _PatternIndex
    inside: _PatternIndex
    suffix: _PatternIndex
    pattern_count: int
    single: sparse.csr_matrix  # pattern x concept: terms of one word
    phrase_patterns: np.ndarray  # the patterns that occur in terms of several words
    phrases: tuple[
        tuple[tuple[int, ...], int], ...
    ]  # (positions in phrase_patterns of the words, concept index)


def _word_pattern(word: str) -> tuple[str, str]:
    """A term word's text and how it matches ('*beton$' -> ('beton', 'suffix'))."""
    inside, whole = word.startswith("*"), word.endswith("$")
    text = word.strip("*$")
    if inside:
        return text, "suffix" if whole else "inside"
    return text, "exact" if whole or len(text) < SHORT_WORD else "prefix"


def _pattern_index(by_text: dict[str, tuple[int, ...]]) -> _PatternIndex:
    """An index of pattern texts; an empty one bounds every look-up loop to nothing."""
    lengths = [len(text) for text in by_text] or [1]
    return _PatternIndex(by_text, min(lengths), max(lengths) if by_text else 0)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The lexicon read and compiled once per process."""
    concepts = json.loads(CONCEPTS_PATH.read_text(encoding="utf-8"))["concepts"]
    pattern_ids: dict[tuple[str, str], int] = {}
    single_rows, single_columns, phrase_terms = [], [], []
    for column, concept in enumerate(concepts):
        terms = {term for language_terms in concept["terms"].values() for term in language_terms}
        for term in sorted(terms):
            ids = tuple(
                pattern_ids.setdefault(_word_pattern(word), len(pattern_ids)) for word in term.split()
            )
            if len(ids) == 1:
                single_rows.append(ids[0])
                single_columns.append(column)
            else:
                phrase_terms.append((ids, column))
    by_kind: dict[str, dict[str, list[int]]] = {kind: {} for kind in ("exact", "prefix", "inside", "suffix")}
    for (text, kind), pattern in pattern_ids.items():
        by_kind[kind].setdefault(text, []).append(pattern)
    frozen = {kind: {text: tuple(ids) for text, ids in texts.items()} for kind, texts in by_kind.items()}
    single = sparse.csr_matrix(
        (np.ones(len(single_rows)), (single_rows, single_columns)), shape=(len(pattern_ids), len(concepts))
    )
    single.data[:] = 1.0  # a pattern in two terms of one concept counts once
    phrase_patterns = np.unique(
        np.array([pattern for ids, _ in phrase_terms for pattern in ids], dtype=np.int64)
    )
    position = {pattern: at for at, pattern in enumerate(phrase_patterns)}
    return _Lexicon(
        ids=tuple(concept["id"] for concept in concepts),
        labels={concept["id"]: concept["label"] for concept in concepts},
        exact=frozen["exact"],
        prefix=_pattern_index(frozen["prefix"]),
        inside=_pattern_index(frozen["inside"]),
        suffix=_pattern_index(frozen["suffix"]),
        pattern_count=len(pattern_ids),
        single=single,
        phrase_patterns=phrase_patterns,
        phrases=tuple((tuple(position[pattern] for pattern in ids), column) for ids, column in phrase_terms),
    )


def concept_ids() -> list[str]:
    """Ids of all concepts, in the order of concept_matrix's columns."""
    return list(_lexicon().ids)


def concept_label(concept_id: str) -> str:
    """Readable English label of a concept ('refuse_truck' -> 'refuse-collection trucks')."""
    return _lexicon().labels[concept_id]


def _patterns_of_word(word: str, lexicon: _Lexicon) -> list[int]:
    """Ids of the word patterns a text word matches."""
    found = list(lexicon.exact.get(word, ()))
    size, prefix, suffix, inside = len(word), lexicon.prefix, lexicon.suffix, lexicon.inside
    for end in range(prefix.shortest, min(size, prefix.longest) + 1):
        found += prefix.by_text.get(word[:end], ())
    for start in range(max(0, size - suffix.longest), size - suffix.shortest + 1):
        found += suffix.by_text.get(word[start:], ())
    for start in range(size - inside.shortest + 1):
        for end in range(start + inside.shortest, min(size, start + inside.longest) + 1):
            found += inside.by_text.get(word[start:end], ())
    return found


def _word_pattern_matrix(words: list[str], lexicon: _Lexicon) -> sparse.csr_matrix:
    """Distinct text word x word pattern: 1 where the word matches the pattern."""
    rows, columns = [], []
    for row, word in enumerate(words):
        found = _patterns_of_word(word, lexicon)
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

    present = np.diff(positions.indptr) > 0
    rows, columns = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for patterns, concept in lexicon.phrases:
        if not all(present[pattern] for pattern in patterns):  # most terms have a word no text uses
            continue
        start = where(patterns[0])
        for offset, pattern in enumerate(patterns[1:], start=1):
            start = start[_members(start + offset, where(pattern))]
        start = start[text_at[start] == text_at[start + len(patterns) - 1]]  # never across two texts
        rows.append(text_at[start])
        columns.append(np.full(len(start), concept))
    row, column = np.concatenate(rows), np.concatenate(columns)
    return sparse.csr_matrix((np.ones(len(row)), (row, column)), shape=(texts, len(lexicon.ids)))


def _distinct_text_hits(folded: pd.Series, lexicon: _Lexicon) -> sparse.csr_matrix:
    """Text x concept hits (counts) of distinct folded texts."""
    strings = pa.array(folded, type=pa.string())
    strings = strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings
    split = pc.split_pattern(strings, " ")
    text_at = np.asarray(pc.list_parent_indices(split))
    encoded = pc.list_flatten(split).dictionary_encode()
    word_at = np.asarray(encoded.indices)
    word_patterns = _word_pattern_matrix(encoded.dictionary.to_pylist(), lexicon)
    text_words = sparse.csr_matrix(
        (np.ones(len(word_at)), (text_at, word_at)), shape=(len(folded), word_patterns.shape[0])
    )
    single_word_hits = text_words @ (word_patterns @ lexicon.single)
    return (single_word_hits + _phrase_hits(word_patterns, word_at, text_at, lexicon, len(folded))).tocsr()


def concept_matrix(texts: pd.Series) -> sparse.csr_matrix:
    """Text x concept matrix (columns in concept_ids() order): 1.0 where a concept's term occurs in the text."""
    lexicon = _lexicon()
    raw_codes, raw_distinct = pd.factorize(texts.astype("string").fillna(""))
    folded_codes, folded_distinct = pd.factorize(fold_text(pd.Series(raw_distinct)))
    hits = _distinct_text_hits(pd.Series(folded_distinct), lexicon)
    hits.data[:] = 1.0
    return hits[folded_codes[raw_codes]]
