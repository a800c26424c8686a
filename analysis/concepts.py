"""Procurement concepts found in need texts, whatever their language: features that cluster needs by meaning.

Character n-grams group texts by language ('beton · co · reduzierter' apart from 'betong · klimat'), so one
need shared by buyers in five countries would split into five clusters. The lexicon in
analysis/data/concepts.json names about two hundred things public buyers procure and the qualities they seek,
each with its words in the 12 survey languages; a text's concepts are the same whichever language it is in.

Matching works on folded text (analysis.taxonomy.fold_text: lower case, no accents, words split on anything
else than letters and digits). A term is one or more words matched on consecutive words of the text; each
term word matches a text word that starts with it, unless marked: 'word$' must be the whole text word (as
must words shorter than three letters), '*word' may occur anywhere inside it (compounds: '*bagger' in
'elektrobagger') and '*word$' must end it.
Each distinct text and each distinct word is matched once, so 100k answers with repeated wording are quick.
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
_MODES = ("prefix", "exact", "inside", "suffix")


@dataclass(frozen=True)
class _Lexicon:
    """The concepts.json terms compiled for matching: word patterns by how they match, and terms as patterns."""

    ids: tuple[str, ...]
    labels: dict[str, str]
    patterns: dict[str, dict[str, list[int]]]  # mode -> pattern text -> ids of the patterns with that text
    pattern_count: int
    single: sparse.csr_matrix  # pattern x concept: one-word terms
    phrases: tuple[tuple[tuple[int, ...], int], ...]  # (pattern ids of consecutive words, concept index)


def _word_pattern(word: str) -> tuple[str, str]:
    """A term word's text and mode ('*beton$' -> ('beton', 'suffix'))."""
    inside, whole = word.startswith("*"), word.endswith("$")
    text = word.strip("*$")
    mode = ("suffix" if whole else "inside") if inside else ("exact" if whole or len(text) < SHORT_WORD else "prefix")
    return text, mode


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The lexicon read and compiled once per process."""
    concepts = json.loads(CONCEPTS_PATH.read_text(encoding="utf-8"))["concepts"]
    pattern_ids: dict[tuple[str, str], int] = {}
    single_rows, single_columns, phrases = [], [], []
    for column, concept in enumerate(concepts):
        terms = {term for language_terms in concept["terms"].values() for term in language_terms}
        for term in sorted(terms):
            ids = tuple(pattern_ids.setdefault(_word_pattern(word), len(pattern_ids)) for word in term.split())
            if len(ids) == 1:
                single_rows.append(ids[0])
                single_columns.append(column)
            else:
                phrases.append((ids, column))
    patterns: dict[str, dict[str, list[int]]] = {mode: {} for mode in _MODES}
    for (text, mode), pattern in pattern_ids.items():
        patterns[mode].setdefault(text, []).append(pattern)
    single = sparse.csr_matrix(
        (np.ones(len(single_rows)), (single_rows, single_columns)), shape=(len(pattern_ids), len(concepts))
    )
    single.data[:] = 1.0  # a pattern shared by two terms of one concept counts once
    return _Lexicon(
        ids=tuple(concept["id"] for concept in concepts),
        labels={concept["id"]: concept["label"] for concept in concepts},
        patterns=patterns,
        pattern_count=len(pattern_ids),
        single=single,
        phrases=tuple(phrases),
    )


def concept_ids() -> list[str]:
    """Ids of all concepts, in the order of concept_matrix's columns."""
    return list(_lexicon().ids)


def concept_label(concept_id: str) -> str:
    """Readable English label of a concept ('refuse_truck' -> 'refuse-collection trucks')."""
    return _lexicon().labels[concept_id]


def _patterns_of_word(word: str, patterns: dict[str, dict[str, list[int]]]) -> list[int]:
    """Ids of the word patterns a text word matches."""
    found = list(patterns["exact"].get(word, ()))
    prefix, inside, suffix = patterns["prefix"], patterns["inside"], patterns["suffix"]
    for end in range(1, len(word) + 1):
        found += prefix.get(word[:end], ())
    for start in range(len(word)):
        found += suffix.get(word[start:], ())
        for end in range(start + 1, len(word) + 1):
            found += inside.get(word[start:end], ())
    return found


def _word_pattern_matrix(words: list[str], lexicon: _Lexicon) -> sparse.csr_matrix:
    """Distinct text word x word pattern: 1 where the word matches the pattern."""
    rows, columns = [], []
    for row, word in enumerate(words):
        found = _patterns_of_word(word, lexicon.patterns)
        rows += [row] * len(found)
        columns += found
    matrix = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, columns)), shape=(len(words), lexicon.pattern_count)
    )
    matrix.data[:] = 1.0
    return matrix


def _members(candidates: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """Which candidates occur in sorted_values."""
    at = np.minimum(np.searchsorted(sorted_values, candidates), max(len(sorted_values) - 1, 0))
    return sorted_values[at] == candidates if len(sorted_values) else np.zeros(len(candidates), dtype=bool)


def _phrase_hits(
    word_patterns: sparse.csr_matrix, word_at: np.ndarray, text_at: np.ndarray, lexicon: _Lexicon, texts: int
) -> sparse.csr_matrix:
    """Text x concept: 1 where a concept's term of several words occurs on consecutive words of the text."""
    positions = word_patterns[word_at].tocsc()  # text position x pattern
    rows, columns = [], []
    for pattern_ids, concept in lexicon.phrases:
        start = positions.indices[positions.indptr[pattern_ids[0]] : positions.indptr[pattern_ids[0] + 1]]
        for offset, pattern in enumerate(pattern_ids[1:], start=1):
            following = positions.indices[positions.indptr[pattern] : positions.indptr[pattern + 1]]
            start = start[_members(start + offset, following)]
        start = start[text_at[start] == text_at[start + len(pattern_ids) - 1]]  # not across two texts
        rows.append(text_at[start])
        columns.append(np.full(len(start), concept))
    row, column = np.concatenate([np.zeros(0, dtype=np.int64), *rows]), np.concatenate([[], *columns])
    return sparse.csr_matrix((np.ones(len(row)), (row, column.astype(np.int64))), shape=(texts, len(lexicon.ids)))


def _distinct_text_hits(folded: pd.Series, lexicon: _Lexicon) -> sparse.csr_matrix:
    """Text x concept hits of distinct folded texts."""
    strings = pa.array(folded)
    strings = strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings
    split = pc.split_pattern(strings, " ")
    text_at = np.asarray(pc.list_parent_indices(split))
    encoded = pc.list_flatten(split).dictionary_encode()
    word_at = np.asarray(encoded.indices)
    word_patterns = _word_pattern_matrix(encoded.dictionary.to_pylist(), lexicon)
    text_words = sparse.csr_matrix(
        (np.ones(len(word_at)), (text_at, word_at)), shape=(len(folded), word_patterns.shape[0])
    )
    hits = text_words @ (word_patterns @ lexicon.single) + _phrase_hits(
        word_patterns, word_at, text_at, lexicon, len(folded)
    )
    return hits.tocsr()


def concept_matrix(texts: pd.Series) -> sparse.csr_matrix:
    """Text x concept matrix (columns in concept_ids() order): 1.0 where a concept's term occurs in the text."""
    lexicon = _lexicon()
    codes, distinct = pd.factorize(fold_text(texts))
    hits = _distinct_text_hits(pd.Series(distinct), lexicon)
    hits.data[:] = 1.0
    return hits[codes]
