"""The dashboard's sectors, tied to CPV 2008 divisions, with names and keywords in the 12 survey languages.

The data lives in analysis/data/sectors.json (read its "_about" for the keyword rules). A sector owns
whole CPV divisions (`cpv_divisions`, each division in one sector at most) and may take finer code
prefixes from other divisions (`cpv_prefixes`: cleaning products 398 sit in the furniture division 39);
the longest matching prefix decides which sector a CPV code belongs to.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process

UNCLASSIFIED = "unclassified"  # the sector id of a need that no sector fits well enough
SECTORS_PATH = Path(__file__).resolve().parent / "data" / "sectors.json"
LABEL_MATCH_CUTOFF = 85  # rapidfuzz ratio (0-100) a ticked label must reach to count as a sector's name
FUZZY_MIN_LENGTH = 6  # shorter labels must match exactly: 'foo' is one letter away from 'food'
# Letters that Unicode does not decompose into a base letter and an accent, and people often type plainly.
_PLAIN_LETTERS = {"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i"}
# A CPV code as people write it: alone ('45000000-7', '45', 'CPV 4500'), or a full code or 'CPV ...' before
# its label ('90500000-2 Refuse services'). A spreadsheet may have dropped the leading zero of '03'.
_CPV_CODE_ONLY = re.compile(r"^(?:cpv\s*:?\s*)?(\d{1,8})(?:-\d)?$", re.IGNORECASE)
_CPV_CODE_AND_LABEL = re.compile(r"^(?:cpv\s*:?\s*(\d{2,8})|(\d{8}))(?:-\d)?\b", re.IGNORECASE)
_OPTION_NUMBER = re.compile(r"^\d{1,2}\s*[.):\]]\s*")  # '3. Energy', '2) Construction'


def fold_text(texts: pd.Series) -> pd.Series:
    """Texts lower-cased, without accents, each run of other characters than letters and digits a space.

    Each distinct whitespace-separated token is folded once: folding works letter by letter but for
    turning runs of other characters into one space, so it never joins what whitespace separates, and
    the folded tokens joined by spaces (those that fold to nothing left out) give the same texts.
    Answers repeat their words, so this takes a fraction of the time of folding every text.
    """
    strings = pa.array(texts.astype("string").fillna(""), type=pa.string())
    strings = strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings
    tokens = pc.utf8_split_whitespace(strings)
    token = pc.list_flatten(tokens).dictionary_encode()
    pieces = fold_each(token.dictionary).take(token.indices)
    kept = pc.not_equal(pieces, "")
    per_text = np.bincount(np.asarray(pc.list_parent_indices(tokens))[np.asarray(kept)], minlength=len(tokens))
    offsets = np.concatenate([[0], np.cumsum(per_text)]).astype(np.int32)
    folded = pc.binary_join(pa.ListArray.from_arrays(offsets, pieces.filter(kept)), " ")
    return pd.Series(pd.arrays.ArrowStringArray(folded), index=texts.index)


def fold_each(strings: pa.Array) -> pa.Array:
    """fold_text's folding of each string on its own (what fold_text does once per distinct token)."""
    decomposed = pc.utf8_normalize(strings, "NFKD")
    folded = pc.utf8_lower(pc.replace_substring_regex(decomposed, r"\p{Mn}+", ""))
    for letter, plain in _PLAIN_LETTERS.items():
        folded = pc.replace_substring(folded, letter, plain)
    return pc.utf8_trim(pc.replace_substring_regex(folded, r"[^\p{L}\p{N}]+", " "), " ")


@lru_cache(maxsize=1)
def taxonomy_document() -> dict:
    """The parsed sectors.json, read once per process."""
    return json.loads(SECTORS_PATH.read_text(encoding="utf-8"))


def load_taxonomy() -> pd.DataFrame:
    """One row per sector: id, name (English), cpv_divisions, cpv_prefixes, names (by language), aliases."""
    sectors = taxonomy_document()["sectors"]
    return pd.DataFrame(  # fresh lists and dicts: a caller may change what it gets
        {
            "id": [sector["id"] for sector in sectors],
            "name": [sector["name"] for sector in sectors],
            "cpv_divisions": [list(sector["cpv_divisions"]) for sector in sectors],
            "cpv_prefixes": [list(sector["cpv_prefixes"]) for sector in sectors],
            "names": [dict(sector["names"]) for sector in sectors],
            "aliases": [list(sector["aliases"]) for sector in sectors],
        }
    )


def taxonomy_records() -> list[dict]:
    """The taxonomy as plain records for JSON output: id, name, cpv_divisions, cpv_prefixes."""
    return load_taxonomy()[["id", "name", "cpv_divisions", "cpv_prefixes"]].to_dict("records")


def excluded_divisions() -> dict[str, str]:
    """CPV divisions deliberately left out of every sector, with the reason."""
    return dict(taxonomy_document()["excluded_divisions"])


def sector_name(sector_id: str) -> str:
    """The English name of a sector id ('Unclassified' for UNCLASSIFIED); KeyError for an unknown id."""
    return _sector_names()[sector_id]


@lru_cache(maxsize=1)
def _sector_names() -> dict[str, str]:
    """Sector id -> English name, UNCLASSIFIED included."""
    return {
        UNCLASSIFIED: "Unclassified",
        **{sector["id"]: sector["name"] for sector in taxonomy_document()["sectors"]},
    }


@lru_cache(maxsize=1)
def _cpv_prefix_sectors() -> dict[str, str]:
    """CPV code prefix (2 digits for a division, longer for a finer prefix) -> sector id."""
    sectors = taxonomy_document()["sectors"]
    return {
        prefix: sector["id"]
        for sector in sectors
        for prefix in [*sector["cpv_divisions"], *sector["cpv_prefixes"]]
    }


def sector_of_division(division: str) -> str | None:
    """The sector that owns a 2-digit CPV division, or None if no sector does."""
    key = str(division).strip().zfill(2)
    return _cpv_prefix_sectors().get(key) if len(key) == 2 else None


def sectors_of_codes(codes: pd.Series) -> pd.Series:
    """Sector id of each CPV code (digits only, 2 to 8 of them) by its longest listed prefix; <NA> if none."""
    table = _cpv_prefix_sectors()
    digits = codes.astype("string").str.strip()
    found = pd.Series(pd.NA, index=codes.index, dtype="string")
    for length in sorted({len(prefix) for prefix in table}, reverse=True):
        found = found.fillna(digits.str.slice(0, length).map(table).astype("string"))
    return found


@lru_cache(maxsize=1)
def _label_table() -> dict[str, str]:
    """Folded sector id, names (12 languages) and aliases -> sector id, for matching ticked survey options."""
    pairs = [
        (label, sector["id"])
        for sector in taxonomy_document()["sectors"]
        for label in [sector["id"], sector["name"], *sector["names"].values(), *sector["aliases"]]
    ]
    folded = fold_text(pd.Series([label for label, _ in pairs]))
    return dict(zip(folded, [sector for _, sector in pairs], strict=True))


def _cpv_digits(label: str) -> str | None:
    """The CPV code digits a label consists of or starts with, restoring a dropped leading zero."""
    alone = _CPV_CODE_ONLY.match(label)
    leading = _CPV_CODE_AND_LABEL.match(label)
    digits = alone.group(1) if alone else leading and (leading.group(1) or leading.group(2))
    if not digits:
        return None
    return digits.zfill(len(digits) + 1) if len(digits) in (1, 7) else digits


def sector_of_label(label: object) -> str | None:
    """The sector a ticked survey option stands for: its name in any of the 12 languages or a CPV code."""
    return sectors_of_labels([label])[0]


def _label_text(label: object) -> str | None:
    """A ticked option as stripped text ('03' for a code a spreadsheet stored as the number 3.0); None if no text."""
    if isinstance(label, float) and label.is_integer():
        label = int(label)
    if not isinstance(label, str | int) or isinstance(label, bool):
        return None
    return str(label).strip()


def sectors_of_labels(labels: list[object]) -> list[str | None]:
    """`sector_of_label` of each label, folding all the labels in one pass (a survey has a few hundred)."""
    texts = [_label_text(label) for label in labels]
    digits = [_cpv_digits(text) if text is not None else None for text in texts]
    by_code = sectors_of_codes(pd.Series(digits, dtype="string"))
    folded = fold_text(pd.Series([_OPTION_NUMBER.sub("", text or "") for text in texts]))
    table = _label_table()
    found: list[str | None] = []
    for text, code, sector, name in zip(texts, digits, by_code, folded, strict=True):
        if text is None:
            found.append(None)
        elif code:
            found.append(None if pd.isna(sector) else str(sector))
        else:
            found.append(table.get(name) or _fuzzy_label(name, table))
    return found


def _fuzzy_label(folded: str, table: dict[str, str]) -> str | None:
    """The sector of the label name closest to a folded label, if close enough and the label long enough."""
    if len(folded) < FUZZY_MIN_LENGTH:
        return None
    best = process.extractOne(folded, list(table), scorer=fuzz.ratio, score_cutoff=LABEL_MATCH_CUTOFF)
    return table[best[0]] if best else None
