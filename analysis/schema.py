"""Map a table's columns to the canonical fields, by header wording in 12 languages and by what cells hold."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from analysis.errors import InputError
from analysis.layouts import cell_text, fold, is_label
from analysis.models import CANONICAL_FIELDS, FieldMatch, Mapping, Table

FIELD_LABELS: dict[str, str] = {
    "respondent_id": "Response ID",
    "submitted_at": "Date submitted",
    "organisation": "Organisation",
    "org_type": "Type of organisation",
    "country": "Country",
    "contact_name": "Contact person",
    "contact_email": "Contact e-mail",
    "contact_phone": "Contact phone",
    "sectors": "Sectors ticked",
    "need_text": "Unmet needs (free text)",
    "budget_eur": "Budget (EUR)",
    "procurement_horizon_months": "When they plan to buy (months)",
    "role": "Role in a working group (lead, buyer, follow)",
    "language": "Language",
    "market_solution": "Suitable solution on the market?",
}

MATCH_THRESHOLD = 0.6  # below this a field stays unmapped: the user can still choose its column
EXACT_HEADER = 0.95
EXACT_TOOL_LABEL = 0.85  # a tool's own column ('Name', 'Email') yields to a survey question saying the same
FUZZY_WEIGHT = 0.9
# Word beginnings found in any order ('type + organis') are a fair sign, surer the more they cover.
STEM_BASE, STEM_COVERAGE = 0.7, 0.2
STEM_KEY_LENGTH = 3  # every stem is at least this long
STEM_INSIDE_WORD = 5  # stems this long also match inside compound words ('behov' in 'upphandlingsbehov')
# Fuzzy matching catches spelling variants ('organisation name' ~ 'organization name' scores 94),
# but short words a letter apart are different words ('rate'/'date', 'county'/'country'): those must be equal.
FUZZY_CUTOFF = 90
FUZZY_MIN_WORD_LENGTH = 8
FUZZY_MAX_EDITS = 2  # per long word
CONTENT_SAMPLE_ROWS = 500  # content evidence is read from an evenly spaced sample of rows
MOSTLY, ALMOST_ALL, COUNTRY_SHARE = 0.5, 0.8, 0.6  # shares of a column's filled cells
HINT_SCORE = 0.5  # content that only supports a header (dates, language codes, country codes)
FREE_TEXT_LENGTH, NEED_TEXT_LENGTH = 25, 40  # mean characters of free text, and of a likely need
FREE_TEXT_SCORE, LONGEST_TEXT_SCORE = 0.5, 0.62  # the longest free text may stand for the need on its own
MAX_CONFIDENCE = 0.99
EMPTY_COLUMN_WEIGHT = 0.7  # a column nobody answered is a weaker candidate than one holding answers
CONTRADICTED_HEADER = 0.5  # weight left to a header when the cells clearly hold contact details instead
CHOSEN_BY_YOU = "chosen by you"
SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "header_synonyms.json"
# Languages whose country names (pycountry's translations) count as evidence of a country column.
COUNTRY_NAME_LANGUAGES = ("sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "nb_NO", "pt")
# Endonyms in EU languages that are not among the 12 matched ones, and the EU's own country codes.
_EXTRA_COUNTRY_WORDS = (
    "Ελλάδα", "Ellada", "Hellas", "Česko", "Česká republika", "Slovensko", "Slovenija", "Hrvatska",
    "Magyarország", "România", "България", "Bulgaria", "Lietuva", "Latvija", "Eesti", "Éire", "Κύπρος",
    "Ísland", "Lëtzebuerg", "Malta", "UK", "The Netherlands", "Holland", "Czechia",
)  # fmt: skip
_EU_CODES = frozenset({"EL", "UK"})

_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_QUESTION_NUMBER = re.compile(
    r"^(?:(?:q|question|frage|pregunta|domanda|pytanie|vraag|kysymys|fraga|sporsmal|sporgsmal|pergunta)"
    r"\s*\d+[a-z]?(?:[.\-_]\d+)*\s*[.):\-]*|\d+(?:\.\d+)+\.?|\d+[a-z]?\s*[.):])(?:\s+|$)"
)
_PUNCTUATION = re.compile(r"[\W_]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?=(?:\D*\d){7})\(?(?:\+|0)[\d\s().\-/]{6,22}")
_DATE_TEXT = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T].*)?")
_MONEY = re.compile(
    r"(?i)(?:€|\beur\b|\beuros?\b|\d\s*(?:k|m|mn|mln|mio|md|mrd|bn)\b|\bmillion|\bmiljon|\bmillones|\bmilion|"
    r"\bmilioni|\bmiljoen|\bmiljoona|\bmilh[õo]es|\btys\b|\btkr\b|\bmkr\b)"
)


@dataclass(frozen=True)
class _Wording:
    """The header wording table, normalised once."""

    fields: tuple[str, ...]  # field of each whole-header synonym
    texts: tuple[str, ...]  # the normalised synonym
    exact_scores: tuple[float, ...]  # confidence when a header is exactly the synonym
    by_first_word: dict[str, tuple[int, ...]]  # first word -> synonym positions, to find phrases fast
    stems: tuple[tuple[str, tuple[str, ...]], ...]  # (field, word beginnings that must all appear)
    stems_by_key: dict[str, tuple[int, ...]]  # first letters of a stem's first part -> stem positions
    not_fields: frozenset[str]


def normalise_header(text: str) -> str:
    """Header text as compared: camelCase split, accents, case, question numbers and punctuation dropped."""
    folded = fold(_CAMEL_CASE.sub(" ", text))
    return " ".join(_PUNCTUATION.sub(" ", _QUESTION_NUMBER.sub("", folded)).split())


@functools.cache
def _wording() -> _Wording:
    """Load and normalise the header wording table."""
    table = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    exact: dict[tuple[str, str], float] = {}
    for field, by_language in table["fields"].items():
        for language, texts in by_language.items():
            for text in filter(None, map(normalise_header, texts)):
                score = EXACT_TOOL_LABEL if language == "tool" else EXACT_HEADER
                exact[(field, text)] = max(exact.get((field, text), 0.0), score)
    pairs = sorted(exact)
    by_first_word: dict[str, list[int]] = {}
    for position, (_, text) in enumerate(pairs):
        by_first_word.setdefault(text.split()[0], []).append(position)
    stems = tuple(
        (field, tuple(normalise_header(part) for part in stem.split(" + ")))
        for field, by_language in table["stems"].items()
        for stems_of_language in by_language.values()
        for stem in stems_of_language
    )
    return _Wording(
        fields=tuple(field for field, _ in pairs),
        texts=tuple(text for _, text in pairs),
        exact_scores=tuple(exact[pair] for pair in pairs),
        by_first_word={word: tuple(positions) for word, positions in by_first_word.items()},
        stems=stems,
        stems_by_key=_index_by_key(stems),
        not_fields=frozenset(
            normalise_header(text) for texts in table["not_a_field"].values() for text in texts
        ),
    )


def _index_by_key(stems: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[int, ...]]:
    """Stem positions by the first letters of their first part: a header is checked for likely stems only."""
    index: dict[str, list[int]] = {}
    for position, (_, parts) in enumerate(stems):
        index.setdefault(parts[0][:STEM_KEY_LENGTH], []).append(position)
    return {key: tuple(positions) for key, positions in index.items()}


@functools.cache
def _country_words() -> tuple[frozenset[str], frozenset[str]]:
    """Folded country names in English, the matched languages and local forms; upper-case country codes."""
    names: set[str] = set(_EXTRA_COUNTRY_WORDS)
    codes: set[str] = set(_EU_CODES)
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in COUNTRY_NAME_LANGUAGES
    ]
    for country in pycountry.countries:
        codes.update({country.alpha_2, country.alpha_3})
        english = [getattr(country, attribute, "") for attribute in ("name", "common_name", "official_name")]
        names.update(text for text in english if text)
        names.update(translation.gettext(country.name) for translation in translations)
    return frozenset(fold(name) for name in names), frozenset(codes)


@functools.cache
def _language_codes() -> frozenset[str]:
    """ISO 639-1 language codes, lower case."""
    return frozenset(language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2"))


def map_columns(table: Table, overrides: dict[str, str] | None = None) -> Mapping:
    """Match each canonical field to at most one column; the user's overrides win over any match."""
    chosen = _validated_overrides(table, overrides or {})
    group_members = {column for options in table.option_columns.values() for column in options}
    columns = [column for column in table.frame.columns if column not in group_members]
    filled = _filled_cells(table.frame, columns)
    candidates = _candidates(table, filled)
    matches = {
        field: FieldMatch(field, column, 1.0, CHOSEN_BY_YOU) for field, column in chosen.items() if column
    }
    used = {match.column for match in matches.values()}
    order = {column: index for index, column in enumerate([*columns, *table.option_columns])}
    # Ties go to the column answered most often (a tool's e-mail column is often empty, a question's not).
    ranked = sorted(
        candidates,
        key=lambda m: (
            -m.confidence,
            CANONICAL_FIELDS.index(m.field),
            -len(filled.get(m.column, ())),
            order[m.column],
        ),
    )
    for match in ranked:
        if match.field not in matches and match.field not in chosen and match.column not in used:
            matches[match.field] = match
            used.add(match.column)
    used |= {column for key in used if key in table.option_columns for column in table.option_columns[key]}
    return Mapping(
        matches={field: matches[field] for field in CANONICAL_FIELDS if field in matches},
        unmapped_columns=[column for column in table.frame.columns if column not in used],
    )


def _validated_overrides(table: Table, overrides: dict[str, str]) -> dict[str, str]:
    """The user's choices, checked: known fields, existing columns, no column chosen for two fields."""
    where = f"{table.file_name}, sheet '{table.sheet_name}'"
    known = {*table.frame.columns, *table.option_columns}
    owner: dict[str, str] = {}
    for field, column in overrides.items():
        if field not in FIELD_LABELS:
            raise InputError(
                f"'{field}' is not a field the dashboard knows; choose one of {', '.join(FIELD_LABELS)}."
            )
        if column and column not in known:
            raise InputError(
                f"{where}: there is no column '{column}' to use for {FIELD_LABELS[field]}. "
                "Choose one of the file's own columns, or leave the field empty."
            )
        if column and column in owner:
            raise InputError(
                f"{where}: column '{column}' is chosen for both {FIELD_LABELS[owner[column]]} and "
                f"{FIELD_LABELS[field]}; a column can feed one field only."
            )
        if column:
            owner[column] = field
    return dict(overrides)


def _candidates(table: Table, filled: dict[str, list[object]]) -> list[FieldMatch]:
    """Every (field, column) pair with enough evidence, header and content combined."""
    headers = {column: normalise_header(str(column)) for column in filled}
    candidates = [column for column, text in headers.items() if text not in _wording().not_fields]
    header_scores = _header_scores({column: headers[column] for column in candidates})
    content_scores = _content_scores({column: filled[column] for column in candidates})
    contact_like = {column for field, column in content_scores if field in ("contact_email", "contact_phone")}
    empty = {column for column in candidates if not filled[column]} if any(filled.values()) else set()
    for key in header_scores:
        if key[1] in contact_like and key not in content_scores:
            header_scores[key] *= CONTRADICTED_HEADER  # e-mails or phone numbers under another field's header
        elif key[1] in empty:
            header_scores[key] *= EMPTY_COLUMN_WEIGHT
    for question in table.option_columns:  # a question answered with one column per option: a multi-select
        score = _header_scores({question: normalise_header(question)}).get(("sectors", question))
        if score:
            header_scores[("sectors", question)] = score
    matches: list[FieldMatch] = []
    for key in header_scores.keys() | content_scores.keys():
        header, content = header_scores.get(key, 0.0), content_scores.get(key, 0.0)
        if header and content:
            confidence, reason = min(MAX_CONFIDENCE, 1 - (1 - header) * (1 - content)), "header and content"
        elif header:
            confidence, reason = header, "header"
        else:
            confidence, reason = content, "content"
        if confidence >= MATCH_THRESHOLD:
            matches.append(FieldMatch(*key, round(confidence, 3), reason))
    return matches


def _header_scores(headers: dict[str, str]) -> dict[tuple[str, str], float]:
    """(field, column) -> how well the normalised header says the field: exact, contained, stems or fuzzy."""
    wording = _wording()
    columns = [column for column, text in headers.items() if text]
    texts = [headers[column] for column in columns]
    if not columns:
        return {}
    fuzzy = process.cdist(texts, wording.texts, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF)
    scores: dict[tuple[str, str], float] = {}

    def keep(field: str, column: str, score: float) -> None:
        scores[(field, column)] = max(scores.get((field, column), 0.0), score)

    for row, (column, text) in enumerate(zip(columns, texts, strict=True)):
        padded = f" {text} "
        for word in set(text.split()):
            for position in wording.by_first_word.get(word, ()):
                synonym = wording.texts[position]
                if synonym == text:
                    keep(wording.fields[position], column, wording.exact_scores[position])
                elif f" {synonym} " in padded:
                    keep(wording.fields[position], column, _contained_score(synonym, text))
        for position in fuzzy[row].nonzero()[0]:
            if _spelling_variant(text, wording.texts[position]):
                keep(wording.fields[position], column, FUZZY_WEIGHT * float(fuzzy[row][position]) / 100)
        keys = {text[start : start + STEM_KEY_LENGTH] for start in range(len(text) - STEM_KEY_LENGTH + 1)}
        for position in {position for key in keys for position in wording.stems_by_key.get(key, ())}:
            field, parts = wording.stems[position]
            if all(_has_stem(part, text, padded) for part in parts):
                keep(field, column, STEM_BASE + STEM_COVERAGE * min(1.0, sum(map(len, parts)) / len(text)))
    return scores


def _has_stem(stem: str, text: str, padded: str) -> bool:
    """A word beginning in the header; a long single-word stem may also sit inside a compound word."""
    if len(stem) >= STEM_INSIDE_WORD and " " not in stem:
        return stem in text
    return f" {stem}" in padded


def _spelling_variant(header: str, synonym: str) -> bool:
    """True when the words pair up, each spelt the same or (if long) nearly the same."""
    header_words, synonym_words = sorted(header.split()), sorted(synonym.split())
    return len(header_words) == len(synonym_words) and all(
        a == b
        or (min(len(a), len(b)) >= FUZZY_MIN_WORD_LENGTH and Levenshtein.distance(a, b) <= FUZZY_MAX_EDITS)
        for a, b in zip(header_words, synonym_words, strict=True)
    )


def _contained_score(synonym: str, header: str) -> float:
    """A synonym found inside a longer header: phrases count more than single words, longer cover more."""
    coverage = len(synonym) / len(header)
    return (0.6 if " " in synonym else 0.4) + 0.3 * coverage


def _filled_cells(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[object]]:
    """The non-empty cells of each column, in an evenly spaced sample of rows."""
    sample = frame.iloc[:: max(1, len(frame) // CONTENT_SAMPLE_ROWS)].to_numpy(dtype=object)
    position = {column: index for index, column in enumerate(frame.columns)}
    return {
        column: [value for value in sample[:, position[column]].tolist() if cell_text(value)]
        for column in columns
    }


def _content_scores(filled: dict[str, list[object]]) -> dict[tuple[str, str], float]:
    """(field, column) -> evidence from cells: e-mails, phones, countries, money, dates, long free text."""
    scores: dict[tuple[str, str], float] = {}
    free_text: dict[str, float] = {}
    for column, values in filled.items():
        evidence, text_length = _column_evidence(values)
        scores.update({(field, column): score for field, score in evidence.items()})
        if text_length:
            free_text[column] = text_length
    longest = max(free_text, key=free_text.__getitem__, default=None)
    for column, text_length in free_text.items():
        long_enough = column == longest and text_length >= NEED_TEXT_LENGTH
        scores[("need_text", column)] = LONGEST_TEXT_SCORE if long_enough else FREE_TEXT_SCORE
    return scores


def _column_evidence(filled: list[object]) -> tuple[dict[str, float], float]:
    """What one column's cells suggest, per field; and their mean length when they read as free text."""
    if not filled:
        return {}, 0.0
    strings = Counter(" ".join(value.split()) for value in filled if isinstance(value, str))
    words = {text: count for text, count in strings.items() if is_label(text)}

    def share(counts: dict[str, int], test: Callable[[str], object]) -> float:
        """Share of the filled cells whose text passes the test."""
        return sum(count for text, count in counts.items() if test(text)) / len(filled)

    emails = share(strings, _EMAIL.fullmatch)
    phones = share(strings, lambda text: _PHONE.fullmatch(text) and not _DATE_TEXT.fullmatch(text))
    evidence: dict[str, float] = {}
    if emails >= MOSTLY:
        evidence["contact_email"] = 0.6 + 0.3 * emails
    if phones >= MOSTLY:
        evidence["contact_phone"] = 0.55 + 0.25 * phones
    if evidence:
        return evidence, 0.0
    names, codes = _country_words()
    countries = share(words, lambda text: fold(text) in names or text in codes)
    if countries >= COUNTRY_SHARE:  # codes alone could be languages ('DE', 'FR'): only a hint then
        named = share(words, lambda text: fold(text) in names) >= MOSTLY / 2
        evidence["country"] = 0.6 + 0.2 * countries if named else HINT_SCORE
    if share(words, lambda text: text.lower() in _language_codes()) >= ALMOST_ALL:
        evidence["language"] = HINT_SCORE
    money = share(strings, lambda text: _MONEY.search(text) and any(c.isdigit() for c in text))
    if money >= MOSTLY:
        evidence["budget_eur"] = 0.6 + 0.2 * money
    dated = sum(isinstance(value, dt.date) for value in filled) / len(filled)
    if dated + share(strings, _DATE_TEXT.fullmatch) >= ALMOST_ALL:  # surveys hold several dates: a hint
        evidence["submitted_at"] = HINT_SCORE
    word_cells = sum(words.values())
    if evidence or word_cells < ALMOST_ALL * len(filled) or len(words) < MOSTLY * word_cells:
        return evidence, 0.0
    text_length = sum(len(text) * count for text, count in words.items()) / word_cells
    return evidence, text_length if text_length >= FREE_TEXT_LENGTH else 0.0
