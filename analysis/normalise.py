"""Parsers of what people write in survey answers: budgets, countries, dates, horizons, roles, languages.

Each parser has a scalar form (one cell in, one canonical value or None out) and a Series form that
parses every distinct value once and maps the results back, so a 100k-row column of repeated answers
costs one parse per distinct answer. Word tables are kept as `fold` leaves text (casefolded, no accents)
and cover the twelve survey languages: English, Swedish, German, French, Spanish, Italian, Polish,
Dutch, Finnish, Danish, Norwegian and Portuguese.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import math
import numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pycountry
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from analysis.language import detect_languages
from analysis.layouts import fold
from analysis.taxonomy import fold_text

# ---------------------------------------------------------------------------------------------------
# Shared helpers


def _words(text: str) -> frozenset[str]:
    """A word table written as one whitespace-separated string."""
    return frozenset(text.split())


def _ordered(text: str) -> tuple[str, ...]:
    """An ordered word list written as one whitespace-separated string."""
    return tuple(text.split())


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA (not for empty strings)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cell_string(value: object) -> str | None:
    """The stripped text of a string cell, or None when the cell is not a non-empty string."""
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _is_number(value: object) -> bool:
    """A real number cell (bool is not a number answer)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and not is_missing(value)


def map_unique(values: pd.Series, parse: Callable[[object], object], dtype: object = object) -> pd.Series:
    """Apply `parse` once per distinct non-missing value and map the results back; missing stays missing."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)  # the last slot answers code -1 (missing)
    results[-1] = None
    for i, unique in enumerate(uniques):
        results[i] = parse(unique)
    mapped = results[codes]
    if dtype is object:
        return pd.Series(mapped, index=values.index, dtype=object)
    return pd.Series(pd.array(mapped, dtype=dtype), index=values.index)


# ---------------------------------------------------------------------------------------------------
# Budgets

# Multipliers written after an amount. 'mil' is the Spanish and Portuguese thousand ('860 mil euros';
# 'mil millones' is a billion), not English slang for a million; 'billion' is read the English way
# (1e9; the German 'Billion' is 1e12, never a public buyer's budget).
_THOUSAND = "k t tsd tausend thousand thousands tusen tusind tuhat tuhatta tys tysiac tysiace tysiecy duizend"
_MILLION = "m mm mn mln mio mill million millions millionen miljon miljoner millioner miljoen miljoenen milj"
_BILLION = "bn billion billions mrd md mld mia miljard miljarder milliard milliarde milliarden milliards"
_MULTIPLIERS = {
    **dict.fromkeys(_words(_THOUSAND) | _words("mille mila mil milhares"), 1e3),
    **dict.fromkeys(
        _words(_MILLION) | _words("miljoona miljoonaa milione milioni millon millones milhao milhoes milion"),
        1e6,
    ),
    **dict.fromkeys(_words(_BILLION) | _words("miljardia miliardo miliardi miliard mil_millones"), 1e9),
    "miliony": 1e6,
    "milionow": 1e6,
    "miliardow": 1e9,
}

EURO = "EUR"
# Currency words and symbols -> the label used in messages. Only EUR amounts are read; an amount in
# another currency is not converted (no exchange rate is guessed), it is reported.
_CURRENCIES = {
    **dict.fromkeys(_words("€ eur euro euros euroa euron evro"), EURO),
    **dict.fromkeys(_words("sek kronor"), "SEK"),
    **dict.fromkeys(_words("pln zl zloty zlotych zlote"), "PLN"),
    **dict.fromkeys(_words("czk kc korun"), "CZK"),
    **dict.fromkeys(_words("huf ft forint"), "HUF"),
    **dict.fromkeys(_words("ron lei"), "RON"),
    **dict.fromkeys(_words("bgn лв"), "BGN"),
    **dict.fromkeys(_words("gbp £ pounds"), "GBP"),
    **dict.fromkeys(_words("usd $ dollars"), "USD"),
    "nok": "NOK",
    "dkk": "DKK",
    "chf": "CHF",
    "isk": "ISK",
    "kr": "SEK, NOK or DKK",
    "kroner": "DKK or NOK",
}
# One word holding both a multiplier and a currency: 'keur', 'Meuro', 'MSEK', 'tkr' (Swedish thousand kronor).
_COMPOUND_UNITS = {
    **dict.fromkeys(["keur", "teur", "keuro", "teuro"], (1e3, EURO)),
    **dict.fromkeys(["meur", "meuro"], (1e6, EURO)),
    **dict.fromkeys(["mdeur", "mrdeur"], (1e9, EURO)),
    **dict.fromkeys(["tkr", "ksek"], (1e3, "SEK")),
    **dict.fromkeys(["mkr", "msek"], (1e6, "SEK")),
    "mnok": (1e6, "NOK"),
    "mdkk": (1e6, "DKK"),
    "mpln": (1e6, "PLN"),
}
# Words that join the two ends of a range ('1-2 M€', 'de 1 a 2 millones', 'od 1 do 2 mln'); 'and'
# joins a range only after 'between' ('between 1 and 2 M€').
_RANGE_WORDS = _words("to till til bis a au tot do ate al")
_BETWEEN_WORDS = _words("between mellan zwischen entre tra fra pomiedzy miedzy tussen valilla mellem mellom")
_AND_WORDS = _words("and och und et y e i en ja og")

_BUDGET_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*)"
    r"|(?P<sym>[€$£])"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<dash>[-–—]|\.\.\.?)"
    r"|(?P<pct>%)"
)
_SCIENTIFIC = re.compile(r"[+]?\d+(?:\.\d+)?[eE][+-]?\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")

_Unit = tuple[float | None, str | None]  # multiplier, currency


@dataclass
class _Amount:
    """One number in a budget cell with what is written next to it."""

    text: str
    first: int  # the token span it owns, to tell whether two amounts form a range
    last: int
    multiplier: float | None = None
    currency: str | None = None

    @property
    def year_like(self) -> bool:
        """A bare number from 1900 to 2099: a year, not an amount."""
        return self.multiplier is None and self.currency is None and bool(_YEAR.fullmatch(self.text))

    @property
    def explicit(self) -> bool:
        """Written with a multiplier or a currency."""
        return self.multiplier is not None or self.currency is not None

    def value(self) -> float | None:
        """The amount in units of its currency (None if its digits cannot be read)."""
        number = _read_number(self.text, scaled=self.multiplier is not None)
        return None if number is None else number * (self.multiplier or 1.0)


def _read_number(text: str, scaled: bool) -> float | None:
    """Read digits with locale separators: '1.234.567,89', '1,234.5', '250 000', '1,2' (None if unreadable).

    A single '.' or ',' followed by exactly three digits is a thousands separator ('250.000'), unless the
    amount carries a multiplier ('1,250 M€' is 1.25 million) or starts with '0' ('0,250').
    """
    grouped = re.fullmatch(r"(\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+)(?:[.,](\d+))?", text)
    if grouped:
        whole = re.sub(r"\D", "", grouped.group(1))
        return float(f"{whole}.{grouped.group(2) or 0}")
    separators = re.findall(r"[.,]", text)
    parts = re.split(r"[.,]", text)
    if not separators:
        return float(text)
    if len(set(separators)) == 1:
        if len(separators) > 1:
            return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
        if len(parts[1]) == 3 and not scaled and parts[0] != "0":
            return float("".join(parts))
        return float(f"{parts[0]}.{parts[1]}")
    decimal = separators[-1]
    if decimal in separators[:-1] or not all(len(p) == 3 for p in parts[1:-1]):
        return None
    return float(f"{''.join(parts[:-1])}.{parts[-1]}")


@functools.lru_cache(maxsize=4096)
def _folded_word(word: str) -> str:
    """`fold` of one word of a budget: the same few words ('EUR', 'Mio', 'ca') recur in every answer."""
    return fold(word)


def _budget_tokens(text: str) -> list[tuple[str, str]]:
    """The budget cell as (kind, text) tokens, words folded."""
    text = re.sub(r"(?<=\d)[.,][-–]", "", text)  # '1.000,-' (German/Dutch whole-euro style)
    tokens = [
        (kind, _folded_word(m.group()) if kind == "word" else m.group())
        for m in _BUDGET_TOKEN.finditer(text)
        if (kind := m.lastgroup or "")
    ]
    for i in range(len(tokens) - 1, 0, -1):  # 'mil millones' (Spanish), 'mil milhões' (Portuguese): 1e9
        if tokens[i - 1] == ("word", "mil") and tokens[i][1] in ("millones", "milhoes"):
            tokens[i - 1 : i + 1] = [("word", "mil_millones")]
    return tokens


def _unit_of(token: tuple[str, str]) -> _Unit | None:
    """What a token says about a neighbouring amount, or None if it is no unit."""
    kind, text = token
    if kind not in ("word", "sym"):
        return None
    if text in _COMPOUND_UNITS:
        return _COMPOUND_UNITS[text]
    if text in _MULTIPLIERS:
        return _MULTIPLIERS[text], None
    return (None, _CURRENCIES[text]) if text in _CURRENCIES else None


def _attach(amount: _Amount, unit: _Unit) -> bool:
    """Give the amount a neighbouring unit; False when it already has that kind of unit."""
    factor, currency = unit
    if (factor is not None and amount.multiplier is not None) or (currency and amount.currency):
        return False
    amount.multiplier = factor if factor is not None else amount.multiplier
    amount.currency = currency or amount.currency
    return True


def _budget_amounts(tokens: list[tuple[str, str]]) -> list[_Amount]:
    """Every number of the cell with the units written right after it (or a currency right before it)."""
    amounts: list[_Amount] = []
    taken: set[int] = set()
    for i, (kind, text) in enumerate(tokens):
        if kind != "num":
            continue
        amount = _Amount(text=text, first=i, last=i)
        j = i + 1
        while j < len(tokens) and j - i <= 2 and (unit := _unit_of(tokens[j])) and _attach(amount, unit):
            amount.last = j
            taken.add(j)
            j += 1
        if j < len(tokens) and tokens[j][0] == "pct":
            continue  # a percentage is not an amount
        before = _unit_of(tokens[i - 1]) if i > 0 and i - 1 not in taken else None
        if before and before[1] and _attach(amount, (None, before[1])):
            amount.first = i - 1
        amounts.append(amount)
    return amounts


_Reading = _Amount | tuple[_Amount, _Amount]  # one amount, or the two ends of a range


def _merge_ranges(amounts: list[_Amount], tokens: list[tuple[str, str]]) -> list[_Reading]:
    """Pair amounts written as a range ('1-2 M€', '500k to 1M'); each end lends the other its units."""
    readings: list[_Reading] = []
    i = 0
    while i < len(amounts):
        low = amounts[i]
        high = amounts[i + 1] if i + 1 < len(amounts) else None
        if high is None or not _joined_as_range(low, high, tokens):
            readings.append(low)
            i += 1
            continue
        for a, b in ((low, high), (high, low)):
            a.multiplier = a.multiplier if a.multiplier is not None else b.multiplier
            a.currency = a.currency or b.currency
        readings.append((low, high))
        i += 2
    return readings


def _joined_as_range(low: _Amount, high: _Amount, tokens: list[tuple[str, str]]) -> bool:
    """True when exactly one range separator stands between the two amounts."""
    between = tokens[low.last + 1 : high.first]
    if len(between) != 1:
        return False
    kind, text = between[0]
    if kind == "dash" or (kind == "word" and text in _RANGE_WORDS):
        return True
    before = tokens[low.first - 1][1] if low.first > 0 else ""
    return kind == "word" and text in _AND_WORDS and before in _BETWEEN_WORDS


def _ends(reading: _Reading) -> tuple[_Amount, ...]:
    """The amounts of a reading: one, or the two ends of a range."""
    return reading if isinstance(reading, tuple) else (reading,)


def _reading_value(reading: _Reading) -> float | None:
    """The amount, or the midpoint of a range (None when an end is unreadable or the range runs backwards)."""
    values = [end.value() for end in _ends(reading)]
    if None in values or values != sorted(values):
        return None
    return sum(values) / len(values)  # type: ignore[arg-type]


def _read_budget(value: object) -> tuple[float | None, str | None]:
    """(amount in euro or None, the non-euro currency the cell is written in or None)."""
    if _is_number(value):
        number = float(value)  # type: ignore[arg-type]
        return (number if math.isfinite(number) and number >= 0 else None), None
    text = _cell_string(value)
    if text is None:
        return None, None
    if _SCIENTIFIC.fullmatch(text):
        return float(text), None
    if text.startswith(("-", "−")):
        return None, None  # a negative amount is no budget
    tokens = _budget_tokens(text)
    readings = _merge_ranges(_budget_amounts(tokens), tokens)
    foreign = next((c for r in readings if (c := _ends(r)[0].currency) not in (None, EURO)), None)
    euro = [r for r in readings if _ends(r)[0].currency in (None, EURO)]
    candidates = [r for r in euro if not all(end.year_like for end in _ends(r))]
    if len(candidates) > 1:  # several amounts: only one written with a unit or currency stands out
        candidates = [r for r in candidates if any(end.explicit for end in _ends(r))]
    if len(candidates) != 1:
        return None, None if euro else foreign
    return _reading_value(candidates[0]), None


def parse_budget(value: object) -> float | None:
    """A budget in euro from what people write: '1,2 M€', '250 000 EUR', '€3.5m', '500k', 'ca. 2 Mio.'.

    Reads locale separators ('1.234.567,89', '1,234,567.89', "1'000"), multipliers in the twelve
    languages ('k', 'tsd', 'tys.', 'M', 'Mio', 'mln', 'miljoen', 'milj.', 'Mrd', ...), and ranges as
    their midpoint ('1-2 M€' -> 1.5e6). An amount with no currency is taken as euro. Returns None for:
    amounts in another currency ('2 mln zł', '3 miljoner kronor', '500 tkr': see `non_euro_currency`),
    a lone year ('2025'), percentages, negative numbers, and cells holding several amounts none of which
    stands out by a unit or currency.
    """
    return _read_budget(value)[0]


def non_euro_currency(value: object) -> str | None:
    """The non-euro currency of a budget that is therefore not read ('SEK', 'PLN', ...), else None."""
    return _read_budget(value)[1]


def parse_budgets(values: pd.Series) -> pd.Series:
    """`parse_budget` over a column, as Float64."""
    return map_unique(values, parse_budget, "Float64")


# ---------------------------------------------------------------------------------------------------
# Countries and languages: names from pycountry and its translations, for European languages.

# pycountry locale catalogs searched for names: EU official languages, Norwegian and Icelandic,
# and the Spanish co-official languages.
_NAME_LOCALES = _ordered(
    "sv de fr es it pl nl fi da nb_NO nn pt el cs sk sl hu ro bg hr et lv lt mt ga is ca eu gl"
)
# Names and codes pycountry does not know, or knows differently from how Europeans write them.
_EXTRA_COUNTRIES = {
    "el": "GR",
    "uk": "GB",
    **dict.fromkeys(["hellas", "greece"], "GR"),
    **dict.fromkeys(["great britain", "britain", "iso britannia", "england", "scotland", "wales"], "GB"),
    "northern ireland": "GB",
    **dict.fromkeys(["holland", "the netherlands", "nederland"], "NL"),
    **dict.fromkeys(
        ["czech republic", "czech rep", "czech rep.", "czechia", "cesko", "ceska republika"], "CZ"
    ),
    **dict.fromkeys(["slovak republic", "slovensko"], "SK"),
    **dict.fromkeys(["eire", "republic of ireland"], "IE"),
    **dict.fromkeys(["deutschland", "brd"], "DE"),
    **dict.fromkeys(["norge", "noreg"], "NO"),
    **dict.fromkeys(["belgie", "belgique", "belgien"], "BE"),
    **dict.fromkeys(["luxemburg", "letzebuerg"], "LU"),
    **dict.fromkeys(["schweiz", "suisse", "svizzera"], "CH"),
    "osterreich": "AT",
    "sverige": "SE",
    "danmark": "DK",
    "suomi": "FI",
    "espana": "ES",
    "italia": "IT",
    "polska": "PL",
    "magyarorszag": "HU",
    "hrvatska": "HR",
    "slovenija": "SI",
    "romania": "RO",
    "eesti": "EE",
    "latvija": "LV",
    "lietuva": "LT",
    "kypros": "CY",
    "island": "IS",
    "kosovo": "XK",
    "turkiye": "TR",
}
_PART_SEPARATORS = re.compile(r"[,;/|()\[\]]|\s[-–]\s")
_NameRecords = list[tuple[str, list[str]]]  # (code, ways to write it)


def _name_key(text: str) -> str:
    """Lookup key of a country or language name: folded, punctuation as spaces, no leading 'the'."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split()).removeprefix("the ")


def _name_table(
    codes: _NameRecords, names: _NameRecords, domain: str, extras: dict[str, str]
) -> dict[str, str]:
    """key -> code from codes, English names, extras, then names translated by pycountry's catalogs
    (read offline from its LOCALES_DIR); the first writer of a key wins."""
    table: dict[str, str] = {}
    for code, written in [*codes, *names, *((code, [key]) for key, code in extras.items())]:
        for text in written:
            table.setdefault(_name_key(text), code)
    for locale in _NAME_LOCALES:
        translation = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale], fallback=True)
        for code, written in names:
            for text in written:
                table.setdefault(_name_key(translation.gettext(text)), code)
    table.pop("", None)
    return table


@functools.cache
def _country_table() -> dict[str, str]:
    """Country key -> ISO 3166-1 alpha-2."""
    codes = [(c.alpha_2, [c.alpha_2, c.alpha_3]) for c in pycountry.countries]
    names = [
        (
            c.alpha_2,
            [c.name, *(n for n in (getattr(c, "official_name", ""), getattr(c, "common_name", "")) if n)],
        )
        for c in pycountry.countries
    ]
    return _name_table(codes, names, "iso3166-1", _EXTRA_COUNTRIES)


@functools.cache
def _country_fuzzy_keys() -> tuple[list[str], list[str]]:
    """Names (not codes) eligible for typo matching, with their codes."""
    table = _country_table()
    keys = [k for k in table if len(k) >= 5]
    return keys, [table[k] for k in keys]


def _fuzzy_country(key: str) -> str | None:
    """A country for a typo ('Germnay', 'Swedn'): one edit up to 7 letters, two from 8, one country only."""
    if len(key) < 5 or not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", key):
        return None
    keys, codes = _country_fuzzy_keys()
    limit = 1 if len(key) <= 7 else 2
    hits = process.extract(key, keys, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=20)
    if not hits:
        return None
    best = min(score for _, score, _ in hits)
    found = {codes[index] for _, score, index in hits if score == best}
    return found.pop() if len(found) == 1 else None


def parse_country(value: object) -> str | None:
    """ISO 3166-1 alpha-2 of a country as written, or None when it is no country or is ambiguous.

    Reads codes ('DE', 'de', 'DEU'; the EU's 'EL' and 'UK' give 'GR' and 'GB'), names in any EU
    language, Norwegian and Icelandic ('Sverige', 'Allemagne', 'Niemcy', 'Ελλάδα', 'Holland'), a code
    next to a name ('Sweden (SE)'), and small typos ('Germnay').
    """
    text = _cell_string(value)
    if text is None:
        return None
    table = _country_table()
    key = _name_key(text)
    if key in table:
        return table[key]
    parts = {table.get(_name_key(part)) for part in _PART_SEPARATORS.split(text) if part.strip()} - {None}
    if len(parts) == 1:
        return parts.pop()
    return _fuzzy_country(key) if not parts else None


def parse_countries(values: pd.Series) -> pd.Series:
    """`parse_country` over a column, as string."""
    return map_unique(values, parse_country, "string")


# Norwegian has three ISO 639-1 codes (no, nb, nn); the dashboard shows one.
_LANGUAGE_ALIASES = {"nb": "no", "nn": "no"}
_EXTRA_LANGUAGES = {
    **dict.fromkeys(["norsk", "bokmal", "nynorsk", "norsk bokmal", "norsk nynorsk", "norwegian"], "no"),
    **dict.fromkeys(["greek", "ellinika", "ελληνικα"], "el"),
    **dict.fromkeys(["vlaams", "flemish"], "nl"),
}


@functools.cache
def _language_table() -> dict[str, str]:
    """Language key -> ISO 639-1 (Norwegian as 'no')."""
    codes: _NameRecords = []
    names: _NameRecords = []
    for language in pycountry.languages:
        if not hasattr(language, "alpha_2"):
            continue
        code = _LANGUAGE_ALIASES.get(language.alpha_2, language.alpha_2)
        written = [language.alpha_2, language.alpha_3, getattr(language, "bibliographic", "")]
        codes.append((code, [c for c in written if c]))
        names.append((code, [language.name]))
    return _name_table(codes, names, "iso639-3", _EXTRA_LANGUAGES)


def parse_language(value: object) -> str | None:
    """ISO 639-1 of a survey's language answer: 'EN', 'sv-SE', 'pt_BR', 'Svenska', 'German', 'Français'."""
    text = _cell_string(value)
    if text is None:
        return None
    table = _language_table()
    for candidate in (text, re.split(r"[-_(,/]", text)[0]):
        if (key := _name_key(candidate)) in table:
            return table[key]
    return None


def parse_languages(values: pd.Series) -> pd.Series:
    """`parse_language` over a column, as string."""
    return map_unique(values, parse_language, "string")


MIN_LETTERS_TO_DETECT = 4  # 'Ja', 'ok', 'n/a' say nothing about a language
# That many letters anywhere in a text, as one pattern pyarrow's regex engine matches quickly.
_ENOUGH_LETTERS = r"\PL*".join([r"\pL"] * MIN_LETTERS_TO_DETECT)


def detect_language(texts: pd.Series) -> pd.Series:
    """ISO 639-1 of each free text (string; <NA> when too short or undecided), each distinct text once."""
    text = texts.astype("string").str.strip()
    usable = text[text.str.contains(_ENOUGH_LETTERS, na=False)]
    positions, distinct = pd.factorize(usable)
    languages = np.array(detect_languages(list(distinct)), dtype=object)[positions]
    return pd.Series(pd.array(languages, dtype="string"), index=usable.index).reindex(texts.index)


# ---------------------------------------------------------------------------------------------------
# Dates

_MONTH_NAMES = (
    "january jan januari januar janner janvier janv enero ene gennaio gen janeiro styczen stycznia sty",
    "february feb februari februar fevrier fevr fev febrero febbraio fevereiro luty lutego lut",
    "march mar mars marz maerz mrz marzo marts maart mrt marco marzec marca",
    "april apr avril avr abril abr aprile kwiecien kwietnia kwi",
    "may maj mai mayo maggio mag mei maio maja",
    "june jun juni juin junio giugno giu junho czerwiec czerwca cze",
    "july jul juli juillet juil julio luglio lug julho lipiec lipca lip",
    "august aug augusti aout agosto ago augustus sierpien sierpnia sie",
    "september sep sept septembre septiembre setiembre settembre set setembro wrzesien wrzesnia wrz",
    "october oct oktober okt octobre octubre ottobre ott outubro out pazdziernik pazdziernika paz",
    "november nov novembre noviembre novembro listopad listopada lis",
    "december dec dezember dez decembre diciembre dic dicembre desember dezembro grudzien grudnia gru",
)
# Finnish month names, also in partitive ('toukokuuta'), genitive ('toukokuun') and short ('toukok.').
_FINNISH_MONTHS = _ordered("tammi helmi maalis huhti touko kesa heina elo syys loka marras joulu")
MONTHS = {word: month for month, names in enumerate(_MONTH_NAMES, start=1) for word in names.split()}
MONTHS |= {
    f"{stem}{ending}": m
    for m, stem in enumerate(_FINNISH_MONTHS, start=1)
    for ending in ("kuu", "kuuta", "kuun", "k")
}

_TIME = (
    r"(?:[ T,]+(?:kl\.?|klo|um|at|om)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:[:.](?P<second>\d{2})(?:[.,]\d+)?)?\s*(?P<ampm>[aApP]\.?\s?[mM]\.?)?)?"
)
# Numeric dates, day and month in either order ('19/05/2023 10:12', '5/19/2023 10:12:33 AM', '19.05.23').
_DAY_MONTH_YEAR = re.compile(
    rf"^(?P<a>\d{{1,2}})[./-](?P<b>\d{{1,2}})[./-](?P<year>\d{{4}}|\d{{2}})\.?{_TIME}$"
)
# Year first but not ISO-shaped ('2023/5/9 10:12', '2023.05.19.', '20230519').
_YEAR_MONTH_DAY = re.compile(
    rf"^(?P<year>\d{{4}})(?:[./-](?P<month>\d{{1,2}})[./-](?P<day>\d{{1,2}})\.?|(?P<cmonth>\d{{2}})(?P<cday>\d{{2}}))"
    rf"{_TIME}$"
)
_ISO_START = r"^\d{4}-\d{2}-\d{2}"
_EXCEL_SERIAL = r"^\d{5}(?:\.\d+)?$"
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0, counting its 1900 leap-year bug
EXCEL_SERIAL_RANGE = (20000, 80000)  # 1954-2119: a number there in a date column is an Excel serial
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*([ap])?\.?\s?m?\.?(?!\w)")
_DATE_DTYPE = "datetime64[us]"


def _no_dates(index: pd.Index) -> pd.Series:
    """An all-NaT date column."""
    return pd.Series(pd.NaT, index=index, dtype=_DATE_DTYPE)


def _hour_24(hour: pd.Series, ampm: pd.Series) -> pd.Series:
    """Hours with 'am'/'pm' turned into 0-23."""
    pm = ampm.str.startswith("p", na=False)
    am = ampm.str.startswith("a", na=False)
    return hour.where(~(pm & (hour < 12)), hour + 12).where(~(am & (hour == 12)), 0)


def _timestamps(year: pd.Series, month: pd.Series, day: pd.Series, parts: pd.DataFrame) -> pd.Series:
    """Timestamps from date parts and the optional clock groups of `_TIME` (NaT where impossible)."""
    components = pd.DataFrame(
        {
            "year": year,
            "month": month,
            "day": day,
            "hour": _hour_24(parts["hour"].fillna("0").astype(int), parts["ampm"].str.lower()),
            "minute": parts["minute"].fillna("0").astype(int),
            "second": parts["second"].fillna("0").astype(int),
        }
    )
    return pd.to_datetime(components, errors="coerce").astype(_DATE_DTYPE)


def _day_first_for_column(a: pd.Series, b: pd.Series, ampm: pd.Series) -> bool:
    """Day-first unless the column shows month-first: a second part above 12 and no first part above
    12, or 12-hour clock times on every value and no part above 12."""
    day_first_seen = bool(((a > 12) & (b <= 12)).any())
    month_first_seen = bool(((b > 12) & (a <= 12)).any())
    if day_first_seen or month_first_seen:
        return day_first_seen or not month_first_seen
    return not ampm.notna().all()


def _day_month_dates(text: pd.Series, dayfirst: bool | None) -> pd.Series:
    """Numeric dates with the day and month in either order, the order decided from the whole column."""
    parts = text.str.extract(_DAY_MONTH_YEAR).dropna(subset=["a"])
    if parts.empty:
        return _no_dates(text.index)
    a, b = parts["a"].astype(int), parts["b"].astype(int)
    year = parts["year"].astype(int)
    year = year.where(year >= 100, year + np.where(year < 70, 2000, 1900))
    column_day_first = _day_first_for_column(a, b, parts["ampm"]) if dayfirst is None else dayfirst
    day_first = pd.Series(column_day_first, index=parts.index)
    day_first = day_first.mask((a > 12) & (b <= 12), True).mask((b > 12) & (a <= 12), False)
    return _timestamps(year, b.where(day_first, a), a.where(day_first, b), parts).reindex(text.index)


def _year_first_dates(text: pd.Series) -> pd.Series:
    """'2023/5/9 10:12', '2023.05.19.', '20230519'."""
    parts = text.str.extract(_YEAR_MONTH_DAY).dropna(subset=["year"])
    if parts.empty:
        return _no_dates(text.index)
    month = parts["month"].fillna(parts["cmonth"]).astype(int)
    day = parts["day"].fillna(parts["cday"]).astype(int)
    return _timestamps(parts["year"].astype(int), month, day, parts).reindex(text.index)


def _iso_dates(text: pd.Series) -> pd.Series:
    """'2023-05-19', '2023-05-19 10:12:33', '2023-05-19T10:12:33+02:00' (offsets converted to UTC)."""
    iso = text[text.str.contains(_ISO_START)]
    iso = iso.str.replace(r"\s*(?:[Uu][Tt][Cc]|[Gg][Mm][Tt])$", "Z", regex=True)
    parsed = pd.to_datetime(iso, format="ISO8601", utc=True, errors="coerce")
    return parsed.dt.tz_localize(None).astype(_DATE_DTYPE).reindex(text.index)


def _excel_dates(serials: pd.Series) -> pd.Series:
    """Excel serial day numbers (the time of day as fraction) in the plausible range, to the second."""
    low, high = EXCEL_SERIAL_RANGE
    serials = serials.astype(float)
    serials = serials.where((serials >= low) & (serials <= high))
    return (_EXCEL_EPOCH + pd.to_timedelta(serials, unit="D")).dt.round("s").astype(_DATE_DTYPE)


def _worded_date(text: object) -> pd.Timestamp | None:
    """'19 maj 2023', '3. März 2023 10:12', 'May 19, 2023', '19 de mayo de 2023', '19. toukokuuta 2023'."""
    folded = fold(str(text))
    hour = minute = second = 0
    if clock := _CLOCK.search(folded):
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        if clock.group(4) == "p" and hour < 12:
            hour += 12
        elif clock.group(4) == "a" and hour == 12:
            hour = 0
        folded = re.sub(r"[+-]\d{2}:?\d{2}\b", " ", folded[: clock.start()] + " " + folded[clock.end() :])
    months = {MONTHS[w] for w in re.findall(r"[^\W\d_]+", folded) if w in MONTHS}
    found = re.findall(r"\d+", folded)
    years = [int(n) for n in found if len(n) == 4]
    days = [int(n) for n in found if len(n) <= 2]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(found) != 2:
        return None
    try:
        return pd.Timestamp(years[0], months.pop(), days[0], hour, minute, second)
    except ValueError:
        return None


def _cell_kinds(cells: pd.Series) -> dict[str, pd.Series]:
    """Masks of the datetime, number and text cells of an object column (one type check when uniform)."""
    kind = pd.api.types.infer_dtype(cells, skipna=True)
    present = cells.notna()
    uniform = {"datetime": "datetime", "datetime64": "datetime", "date": "datetime", "string": "text"}
    uniform |= dict.fromkeys(["integer", "floating", "mixed-integer-float"], "number")
    if kind in uniform:
        nothing = pd.Series(False, index=cells.index)
        return {
            name: present if name == uniform[kind] else nothing for name in ("datetime", "number", "text")
        }
    tests = {
        "datetime": lambda v: isinstance(v, (dt.date, np.datetime64)),
        "number": _is_number,
        "text": lambda v: isinstance(v, str),
    }
    return {
        name: cells.map(test, na_action="ignore").fillna(False).astype(bool) for name, test in tests.items()
    }


def parse_dates(values: pd.Series, dayfirst: bool | None = None) -> pd.Series:
    """Dates as people and tools write them, as datetime64 (NaT where unreadable).

    Reads datetime cells, Excel serial numbers, ISO ('2023-05-19T10:12:33+02:00'; offsets are
    converted to UTC), numeric local forms ('19/05/2023 10:12', '19.05.2023', '5/19/2023 10:12:33 AM',
    '2023/5/19') and month names in the twelve languages ('19 maj 2023', '3. März 2023'). The
    day/month order of numeric forms is decided from the whole column when dayfirst is None: a first
    part above 12 proves day-first, a second part above 12 month-first, 12-hour clock times alone
    suggest US month-first; otherwise day-first, as European data is. A value that can only be read
    one way is read that way.
    """
    result = _no_dates(values.index)
    cells = values.astype(object)
    kinds = _cell_kinds(cells)
    if kinds["datetime"].any():
        parsed = pd.to_datetime(cells[kinds["datetime"]], errors="coerce", utc=True, format="mixed")
        result[kinds["datetime"]] = parsed.dt.tz_localize(None).astype(_DATE_DTYPE)
    result[kinds["number"]] = _excel_dates(cells[kinds["number"]])
    unread = cells[kinds["text"]].astype("string").str.strip()
    readers: list[Callable[[pd.Series], pd.Series]] = [
        lambda text: _excel_dates(text[text.str.fullmatch(_EXCEL_SERIAL)]).reindex(text.index),
        _iso_dates,
        lambda text: _day_month_dates(text, dayfirst),
        _year_first_dates,
        lambda text: map_unique(text, _worded_date).astype(_DATE_DTYPE),
    ]
    for read in readers:  # each reader sees only the cells the ones before it could not read
        if unread.empty:
            break
        parsed = read(unread)
        result[unread.index] = parsed
        unread = unread[parsed.isna()]
    return result


def parse_date(value: object, dayfirst: bool = True) -> pd.Timestamp | None:
    """One date as written (see `parse_dates`); an ambiguous numeric date is read day-first unless told."""
    parsed = parse_dates(pd.Series([value], dtype=object), dayfirst=dayfirst).iloc[0]
    return None if pd.isna(parsed) else parsed


# ---------------------------------------------------------------------------------------------------
# Procurement horizon

_UNITS = {
    **dict.fromkeys(
        _words("month months mo mos mth mths man manad manader manaden monat monate monaten monats mois mes")
        | _words("meses mese mesi miesiac miesiace miesiecy miesiecu maand maanden mnd kuukausi kuukauden")
        | _words("kuukautta kuukaudessa kk maned maneder maaned maaneder mdr"),
        1,
    ),
    **dict.fromkeys(
        _words("quarter quarters kvartal quartal quartale trimestre trimestres kwartal kwartaal"), 3
    ),
    **dict.fromkeys(_words("halvar halvaret halbjahr semestre semester halfjaar polrocze puolivuotta"), 6),
    **dict.fromkeys(
        _words(
            "year years yr yrs ar aret aren ars jahr jahre jahren jahres an ans annee annees ano anos anno"
        )
        | _words("anni rok roku lata lat jaar jaren vuosi vuoden vuotta vuodessa"),
        12,
    ),
}
_NUMBER_NAMES = {
    1: "one a ett en et ein eine einem einen un une uno una um uma jeden jednego jednym een yksi yhden",
    2: "two tva zwei deux dos due dwa dwoch dwie twee kaksi kahden to dois",
    3: "three tre drei trois tres trzy trzech drie kolme kolmen",
    4: "four fyra vier quatre cuatro quattro cztery czterech nelja neljan fire",
    5: "five fem funf cinq cinco cinque piec pieciu vijf viisi viiden",
    6: "six sex sechs seis sei szesc szesciu zes kuusi kuuden seks",
    9: "nine nio neun neuf nueve nove dziewiec negen yhdeksan",
    12: "twelve tolv zwolf douze doce dodici dwanascie twaalf kaksitoista doze",
    18: "eighteen arton achtzehn dieciocho diciotto osiemnascie achttien atten dezoito",
}
_NUMBER_VALUES = {word: number for number, names in _NUMBER_NAMES.items() for word in names.split()}
# Half a year as whole phrases, read before the number words would misread them.
_HALF_YEAR = re.compile(
    r"\b(?:half (?:a )?year|(?:ett |et )?halvt ar|(?:ein )?halbes jahr|(?:un )?demi[- ]an(?:nee)?|medio ano"
    r"|mezzo anno|pol roku|(?:een )?half jaar|puoli vuotta|meio ano)\b"
)
_OPEN_ENDED = _words("more over later mehr uber spater plus mas oltre ponad powyzej meer yli mere mais after")
_OPEN_ENDED |= _words("efter nach apres despues dopo senare senere myohemmin >")
_DUTCH_UNITS = _words("maand maanden jaar jaren")
_NOW_WORDS = _words("asap immediately now nu direkt sofort immediatement inmediatamente subito natychmiast")
_NOW_WORDS |= _words("heti straks imediatamente omgaende umgehend")
_AS_SOON_AS_POSSIBLE = re.compile(
    r"\b(?:as soon as possible|sa snart som mojligt|so bald wie moglich|des que possible|lo antes posible"
    r"|cuanto antes|al piu presto|prima possibile|jak najszybciej|zo snel mogelijk|mahdollisimman pian"
    r"|hurtigst muligt|snarest mulig|sa snart som mulig|o mais rapidamente possivel|o quanto antes)\b"
)
_NEXT_YEAR = re.compile(
    r"\b(?:next year|nasta ar|nachste[sn]? jahr|annee prochaine|prochaine annee|proximo ano|ano que viene"
    r"|anno prossimo|prossimo anno|przyszl(?:y|ym) roku?|volgende? jaar|ensi vuon(?:na|si)|naeste ar"
    r"|neste ar)\b"
)
_THIS_YEAR = re.compile(
    r"\b(?:this year|i ar|diese[mns]? jahr|cette annee|este ano|quest anno|questo anno|w tym roku|dit jaar"
    r"|tana vuonna)\b"
)
_YEAR_NUMBER = r"((?:19|20)\d\d)"
_OF = r"\s*(?:of |del |de |des )?"
_ORDINAL = r"(?:\s*(?:\.|st|nd|rd|th|er|e|o))*\s*"  # '3rd', '3.', '3e', '3.º' (folded to '3 . o')
_QUARTER_WORD = r"(?:quarter|kvartal(?:et)?|quartal|trimestre|kwartal|kwartaal|neljannes)"
_QUARTER = (
    re.compile(rf"\b[qkt]\s?([1-4])\s*[/.-]?\s*{_YEAR_NUMBER}\b"),
    re.compile(rf"\b([1-4]){_ORDINAL}(?:q|{_QUARTER_WORD}){_OF}{_YEAR_NUMBER}\b"),
    re.compile(rf"\b{_QUARTER_WORD}\s*([1-4])\s*[/.-]?{_OF}{_YEAR_NUMBER}\b"),  # 'kvartal 1 2027'
)
_QUARTER_AFTER_YEAR = re.compile(rf"\b{_YEAR_NUMBER}\s*[/-]?\s*[qkt]\s?([1-4])\b")
_HALF = (
    re.compile(rf"\b[hs]\s?([12])\s*[/.-]?\s*{_YEAR_NUMBER}\b"),
    re.compile(
        rf"\b([12]){_ORDINAL}"
        rf"(?:half|halvar(?:et)?|halbjahr|semestre|semester|halfjaar|polrocze){_OF}{_YEAR_NUMBER}\b"
    ),
)
_MONTH_YEAR_NUMERIC = re.compile(
    rf"^(?:(\d{{1,2}})\s*[/.-]\s*{_YEAR_NUMBER}|{_YEAR_NUMBER}\s*-\s*(\d{{1,2}}))$"
)
_YEAR_SPAN = re.compile(rf"\b{_YEAR_NUMBER}\s*(?:-|–|/|to|till|bis|a|tot|do|til)\s*((?:19|20)?\d\d)\b")
_DURATION = re.compile(
    r"(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|—|/|to|till|til|bis|a|au|tot|do|ate|ja|och|und|and|et|y|e|i|en|og)\s*"
    r"(\d+(?:[.,]\d+)?))?\s*([^\W\d_]+)?"
)
_HORIZON_TOKEN = re.compile(r"\d+(?:[.,]\d{1,2}(?!\d))?|[^\W\d_]+|\S")
_RANGE_JOINERS = _words("- – — / to till til bis a au tot do ate ja och und and et y e i en og")
AVERAGE_MONTH_DAYS = 30.436875
MAX_HORIZON_MONTHS = 600  # a bare number above this is not a number of months


@dataclass(frozen=True)
class _HorizonSpan:
    """What a horizon answer says: a number of months, a calendar period, or a year relative to the answer."""

    months: float | None = None
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None  # exclusive
    years_ahead: int | None = None


def _period(year: int, first_month: int, months: int) -> _HorizonSpan:
    """The calendar span of `months` months from the first of `first_month` in `year`."""
    start = pd.Timestamp(year, first_month, 1)
    return _HorizonSpan(start=start, end=start + pd.DateOffset(months=months))


def _horizon_words(text: str) -> str:
    """The answer folded and tokenised, with spelt-out numbers that count a unit turned into digits
    ('inom ett år' -> 'inom 1 ar', 'zwei bis drei Jahre' -> '2 bis 3 jahre')."""
    tokens = _HORIZON_TOKEN.findall(_HALF_YEAR.sub("6 months", fold(text)))
    out = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        counts = following in _UNITS or (following in _RANGE_JOINERS and after in _NUMBER_VALUES)
        out.append(str(_NUMBER_VALUES[token]) if token in _NUMBER_VALUES and counts else token)
    return " ".join(out)


def _calendar_span(words: str) -> _HorizonSpan | None:
    """Quarters, halves, months and years named in the answer: 'Q3 2026', 'H2 2025', 'maj 2026', '2025-26'."""
    for pattern in _QUARTER:
        if m := pattern.search(words):
            return _period(int(m.group(2)), 3 * int(m.group(1)) - 2, 3)
    if m := _QUARTER_AFTER_YEAR.search(words):
        return _period(int(m.group(1)), 3 * int(m.group(2)) - 2, 3)
    for pattern in _HALF:
        if m := pattern.search(words):
            return _period(int(m.group(2)), 6 * int(m.group(1)) - 5, 6)
    if (m := _MONTH_YEAR_NUMERIC.match(words)) and 1 <= int(m.group(1) or m.group(4)) <= 12:
        return _period(int(m.group(2) or m.group(3)), int(m.group(1) or m.group(4)), 1)
    years = [int(y) for y in re.findall(rf"\b{_YEAR_NUMBER}\b", words)]
    months = {MONTHS[w] for w in re.findall(r"[^\W\d_]+", words) if w in MONTHS}
    if len(years) == 1 and len(months) == 1:
        return _period(years[0], months.pop(), 1)
    if m := _YEAR_SPAN.search(words):
        first, last = int(m.group(1)), int(m.group(2))
        last = last if last >= 100 else first // 100 * 100 + last
        return _period(first, 1, 12 * (last - first + 1)) if last >= first else None
    return None


def _duration_months(words: str) -> float | None:
    """'6 - 12 months', 'inom 1 ar', 'in 2 jahren': a count of a unit, a range as its midpoint."""
    for m in _DURATION.finditer(words):
        if (unit := m.group(3)) in _UNITS:
            low = float(m.group(1).replace(",", "."))
            high = float(m.group(2).replace(",", ".")) if m.group(2) else low
            return (low + high) / 2 * _UNITS[unit] if low <= high else None
    return None


def _bare_months(words: str) -> float | None:
    """A number or range with no unit, read as months: '6', '6 - 12'."""
    bare = re.fullmatch(r"(\d+(?:[.,]\d+)?)(?:\s*[-–/]\s*(\d+(?:[.,]\d+)?))?", words)
    if not bare:
        return None
    low = float(bare.group(1).replace(",", "."))
    high = float(bare.group(2).replace(",", ".")) if bare.group(2) else low
    return (low + high) / 2 if low <= high <= MAX_HORIZON_MONTHS else None


def _read_horizon(value: object) -> _HorizonSpan | None:
    """The span a horizon answer names, independent of when it was given."""
    if _is_number(value):
        number = float(value)  # type: ignore[arg-type]
        if number.is_integer() and 1990 <= number <= 2100:
            return _period(int(number), 1, 12)
        return _HorizonSpan(months=number) if 0 <= number <= MAX_HORIZON_MONTHS else None
    text = _cell_string(value)
    if text is None:
        return None
    words = _horizon_words(text)
    found = set(re.findall(r"[^\W\d_]+|>", words))
    if found & _OPEN_ENDED and not (found & _OPEN_ENDED == {"over"} and found & _DUTCH_UNITS):
        return None  # 'more than 2 years', 'later'; but Dutch 'over 6 maanden' is 'in 6 months'

    if found & _NOW_WORDS or _AS_SOON_AS_POSSIBLE.search(words):
        return _HorizonSpan(months=0.0)
    if span := _calendar_span(words):
        return span
    if (months := _duration_months(words)) is not None:
        return _HorizonSpan(months=months)
    if years := sorted({int(y) for y in re.findall(rf"\b{_YEAR_NUMBER}\b", words)}):
        return _period(years[0], 1, 12 * (years[-1] - years[0] + 1))
    if _NEXT_YEAR.search(words):
        return _HorizonSpan(years_ahead=1)
    if _THIS_YEAR.search(words):
        return _HorizonSpan(years_ahead=0)
    units = [_UNITS[word] for word in found if word in _UNITS]
    if len(units) == 1 and not re.search(r"\d", words):
        return _HorizonSpan(months=float(units[0]))  # 'w ciągu roku', 'vuoden sisällä': one of the unit
    months = _bare_months(words)
    return None if months is None else _HorizonSpan(months=months)


def _references(index: pd.Index, reference: pd.Timestamp | pd.Series | None) -> pd.Series:
    """The date each answer was given: per row, one date for all, or today; missing ones are today."""
    today = pd.Timestamp.today().normalize()
    if isinstance(reference, pd.Series):
        return pd.to_datetime(reference).reindex(index).fillna(today).astype(_DATE_DTYPE)
    return pd.Series(today if reference is None else pd.Timestamp(reference), index=index).astype(_DATE_DTYPE)


def parse_horizons(values: pd.Series, reference: pd.Timestamp | pd.Series | None = None) -> pd.Series:
    """`parse_horizon_months` over a column (Float64), each answer relative to its row's reference date."""
    if values.empty:
        return pd.Series(dtype="Float64", index=values.index)
    codes, distinct = pd.factorize(values.astype(object), use_na_sentinel=True)
    nothing = _HorizonSpan()
    spans = pd.DataFrame([_read_horizon(value) or nothing for value in distinct] + [nothing])
    spans = spans.iloc[codes].set_axis(values.index)  # code -1 (missing) takes the last row: nothing
    refs = _references(values.index, reference)
    start = pd.to_datetime(spans["start"]).astype(_DATE_DTYPE)
    end = pd.to_datetime(spans["end"]).astype(_DATE_DTYPE)
    ahead = spans["years_ahead"].astype("Float64")
    relative_year = pd.to_datetime(
        pd.DataFrame({"year": refs.dt.year + ahead.fillna(0).astype(int), "month": 1, "day": 1})
    ).astype(_DATE_DTYPE)
    start = start.where(ahead.isna(), relative_year)
    end = end.where(ahead.isna(), relative_year + pd.DateOffset(years=1))
    until_midpoint = (start + (end - start) / 2 - refs).dt.total_seconds() / 86400 / AVERAGE_MONTH_DAYS
    months = spans["months"].astype("Float64")
    return months.fillna(until_midpoint.clip(lower=0).round(1).astype("Float64"))


def parse_horizon_months(value: object, reference: pd.Timestamp | None = None) -> float | None:
    """Months until the planned procurement, or None.

    'within 6 months' -> 6 (the latest date given), '6-12 months' -> 9, '1-2 years' -> 18, 'inom ett
    år' -> 12, 'in 2 Jahren' -> 24, a number -> that many months. Calendar periods ('2025', 'Q3 2026',
    'H2 2025', 'maj 2026', 'next year') are read as their midpoint, counted from `reference` (when the
    answer was given; today when None), never below 0; a number from 1990 to 2100 is a year.
    Open-ended answers ('more than 2 years', 'later') and answers with no time in them are None.
    """
    months = parse_horizons(pd.Series([value], dtype=object), reference).iloc[0]
    return None if pd.isna(months) else float(months)


# ---------------------------------------------------------------------------------------------------
# Answers that say 'not known yet'

# Folded, apostrophes dropped ("don't" -> 'dont'); matched anywhere in the answer.
_UNDECIDED = re.compile(
    r"\b(?:dont know|do not know|not sure|unsure|unknown|unclear|undecided|not decided|not yet decided"
    r"|to be decided|tbd|tbc|no idea|n/?a"  # en
    r"|vet ej|vet inte|osakert?|oklart|inte bestamt|ej bestamt|ej faststalld|inte faststalld"  # sv
    r"|weiss (?:noch )?nicht|keine ahnung|unbekannt|unklar|noch offen|nicht entschieden|unsicher"  # de
    r"|je ne sais pas|ne sait? pas|pas encore decide|inconnu|indecis|pas sur|a voir|a definir"  # fr
    r"|no se|no lo se|no lo sabemos|desconocido|sin decidir|por decidir|no esta decidido"  # es
    r"|non so|non lo so|non noto|non nota|sconosciuto|da definire|non deciso|incert[oa]"  # it
    r"|nie wiem|do ustalenia|nieznany|nie zdecydowano|nie wiadomo|niepewn[aey]"  # pl
    r"|weet niet|weet ik niet|onbekend|nog niet bepaald|nog niet bekend|onzeker"  # nl
    r"|en tieda|ei tietoa|epaselva|epavarma|ei paatetty"  # fi
    r"|ved ikke|uvist|usikkert?|ikke besluttet|uafklaret|vet ikke|uklart|ikke bestemt|ikke avklart"  # da, no
    r"|nao sei|desconhecido|ainda nao decidido)\b"  # pt
)


def is_undecided(value: object) -> bool:
    """True for an answer saying the respondent does not know yet ('Weiß nicht', 'pas encore décidé', '?')."""
    text = _cell_string(value)
    if text is None:
        return False
    folded = fold(text).replace("'", "").replace("’", "")
    return bool(_UNDECIDED.search(folded)) or not re.search(r"[^\W_]", folded)


# ---------------------------------------------------------------------------------------------------
# Roles and market solutions

ROLES = ("lead", "buyer", "follow")
# Word beginnings (folded) that name each role in the twelve languages, chosen so they start no common
# unrelated word; a trailing '$' asks for the whole word ('host' but not 'hospital').
_ROLE_STEMS = {
    "lead": _words(
        "lead chair host$ hosts$ hosting$ coordinat convene "  # en
        "leda ledare leder lede leiar ordforande "  # sv, da, no
        "leit vorsitz gastgeber federfuhr koordinier "  # de
        "dirig piloter pilotag coordonn animer presid chef$ "  # fr, es, pt
        "lider coordin anfitrion guida guidare capofila condurre "  # es, it, pl, pt
        "przewodn prowadz kierow koordyn "  # pl
        "leiden leiding voorzit trekker gastheer "  # nl ('leider' is also German for 'unfortunately')
        "johta vetaa vetaja puheenjoh formand tovholder vaert vert$ vertskap coorden conduzir"  # fi, da, no, pt
    ),
    "buyer": _words(
        "buy purchas kopa kopar upphandl kauf einkauf beschaff achet achat acquerir "  # en, sv, de, fr
        "comprar comprad compras comprare acquirent acquist "  # es, it, pt
        "kupuj kupic nabyw zamawiaj zakup koper kopen inkop aanbested "  # pl, nl
        "osta hankki hankin kobe kober kobt indkob kjop innkjop"  # fi, da, no
    ),
    "follow": _words(
        "follow observ learn listen monitor informed folj bevaka lara folg beobacht verfolg lernen "
        "suiv apprend segui sigo aprend osserv impar obserw sledz uczyc volg leren seura tarkkail oppi "
        "laere acompanh"
    ),
}
_NEGATIONS = _words("not no dont inte ej icke nicht kein keine ne pas non nie niet geen ei ikke nao never")
_NEGATIONS |= _words("aldrig nunca mai")


def _stem_matches(word: str, stem: str) -> bool:
    """Whether a word starts with a stem ('stem$': is the word)."""
    return word == stem[:-1] if stem.endswith("$") else word.startswith(stem)


def _first_role(clause: list[str]) -> str | None:
    """The role a clause names first, skipping any named within three words after a negation."""
    for i, word in enumerate(clause):
        role = next(
            (r for r, stems in _ROLE_STEMS.items() if any(_stem_matches(word, s) for s in stems)), None
        )
        if role is not None and not _NEGATIONS.intersection(clause[max(0, i - 3) : i]):
            return role
    return None


def parse_role(value: object) -> str | None:
    """'lead', 'buyer' or 'follow' from a role answer in any of the twelve languages, or None.

    The role named first wins ('Lead, and buy' -> lead); a role shortly after a negation in the same
    clause is skipped ('not lead, only follow' -> follow).
    """
    text = _cell_string(value)
    if text is None:
        return None
    folded = re.sub(r"n['’]t\b", " not", fold(text))  # "don't" -> "do not"; "qu'acheteur" -> "qu acheteur"
    clauses = re.split(r"[,;.:!?()/]", folded)
    return next((role for c in clauses if (role := _first_role(re.findall(r"[^\W\d_]+", c)))), None)


def parse_roles(values: pd.Series) -> pd.Series:
    """`parse_role` over a column, as string."""
    return map_unique(values, parse_role, "string")


MARKET_SOLUTIONS = ("none", "partial", "available")
# Partial answers, matched as word beginnings ('zbyt drog' covers 'drogie', 'drogi').
_PARTIAL = re.compile(
    r"\b(?:partly|partial|somewhat|to some extent|in part|limited|delvis|till viss del|teilweise|zum teil"
    r"|bedingt|eingeschrankt|partiellement|en partie|parcialmente|en parte|parzialmente|in parte|czesciowo"
    r"|gedeeltelijk|deels|ten dele|osittain|osin|jossain maarin|em parte|too expensive|for dyr|zu teuer"
    r"|trop cher|demasiado caro|troppo caro|zbyt drog|te duur|liian kallis|muito caro|not mature|immature"
    r"|not good enough)"
)
_YES = _words("yes ja oui si sim tak kylla jep yep")
_NO = _words("no nej nein non nie nee neen ei nei nao none nothing")
_BUT = _words("but men aber mais pero ma ale maar mutta mas however")
_NONE_PHRASE = re.compile(
    r"\b(?:not available|no suitable|not on the market|ingen|inga|keine|kein|aucune|aucun|ninguna|ninguno"
    r"|nessuna|nessuno|brak|geen|ei ole|nenhuma|nenhum|finns inte|gibt es nicht|n existe pas|no existe"
    r"|non esiste|nie ma|bestaat niet|findes ikke|finnes ikke|nao existe)\b"
)
_AVAILABLE_PHRASE = re.compile(r"\b(?:available|exists|on the market|finns|gibt es|existe|esiste|bestaat)\b")


def parse_market_solution(value: object) -> str | None:
    """Whether a suitable solution is on the market: 'none', 'partial' or 'available' (None if unsure).

    'No'/'Nej'/'Nein'/'Non' -> none; 'Partly', 'Delvis', 'Yes but too expensive' -> partial;
    'Yes'/'Ja'/'Oui'/'Sí'/'Tak'/'Kyllä'/'Sim' -> available; "Don't know" in any language -> None.
    """
    text = _cell_string(value)
    if text is None:
        return None
    folded = fold(text).replace("'", "").replace("’", "")
    words = re.findall(r"[^\W\d_]+", folded)
    if not words or is_undecided(text):
        return None
    if _PARTIAL.search(folded) or (words[0] in _YES and _BUT.intersection(words)):
        return "partial"
    if words[0] in _YES:
        return "available"
    if words[0] in _NO or _NONE_PHRASE.search(folded):
        return "none"
    return "available" if _AVAILABLE_PHRASE.search(folded) else None


def parse_market_solutions(values: pd.Series) -> pd.Series:
    """`parse_market_solution` over a column, as string."""
    return map_unique(values, parse_market_solution, "string")


# ---------------------------------------------------------------------------------------------------
# Multi-select cells

_STRONG_SEPARATORS = re.compile(r"\s*[;|]\s*|\s*[\r\n]+\s*")
_ANY_SEPARATOR = re.compile(r"\s*(?:[;|,]|[\r\n]+)\s*")


def _split_text(text: str) -> list[str]:
    """Split on ';', '|' or newlines when any is present (commas then belong to the labels), else on ','."""
    if _STRONG_SEPARATORS.search(text):
        return _STRONG_SEPARATORS.split(text)
    return text.split(",")


def _label_at(text: str, position: int, labels: list[str]) -> str | None:
    """The longest known label written at `position` and ending at a separator or the end of the cell."""
    lowered = text.lower()
    for label in labels:
        end = position + len(label)
        if lowered.startswith(label.lower(), position) and (
            end == len(text) or _ANY_SEPARATOR.match(text, end)
        ):
            return label
    return None


def _split_against(text: str, options: Iterable[str]) -> list[str]:
    """Split by matching known option labels (longest first), so labels holding commas stay whole."""
    labels = sorted({o.strip() for o in options if o and o.strip()}, key=len, reverse=True)
    separator = _STRONG_SEPARATORS if _STRONG_SEPARATORS.search(text) else _ANY_SEPARATOR
    items, position = [], 0
    while position < len(text):
        if gap := re.compile(r"[\s;|,]+").match(text, position):
            position = gap.end()
            continue
        if (label := _label_at(text, position, labels)) is not None:
            items.append(label)
            position += len(label)
            continue
        end = separator.search(text, position)
        items.append(text[position : end.start() if end else len(text)])
        position = end.end() if end else len(text)
    return items


def split_multi(value: object, options: Iterable[str] | None = None) -> list[str]:
    """The answers ticked in one multi-select cell, in order, trimmed, without empties or repeats.

    Cells are joined by ';' (Microsoft Forms, often with a trailing ';'), '|', newlines, or ',' / ', '
    (Google Forms). Given the question's option labels, the cell is split against them (longest label
    first, returned as the label is written) so labels that contain commas survive; text matching no
    label is kept as written.
    """
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value if not is_missing(v)]
    elif is_missing(value):
        return []
    else:
        text = str(value).strip()
        items = _split_against(text, options) if options else _split_text(text)
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def split_multi_series(values: pd.Series, options: Iterable[str] | None = None) -> pd.Series:
    """`split_multi` over a column: object dtype, one list per row (empty where the cell is blank)."""
    labels = None if options is None else list(options)
    split = map_unique(values, lambda value: split_multi(value, labels))
    return split.map(lambda items: items if isinstance(items, list) else [])


# ---------------------------------------------------------------------------------------------------
# Organisation names

# Legal-form words dropped from either end of an organisation's name (dots, slashes and apostrophes
# are removed first, so 'e.V.' is 'ev', 'A/S' is 'as', 'sp. z o.o.' is 'sp z oo').
_LEGAL_FORMS = _words("ab publ gmbh ag kg ev mbh sa sas sarl sl slu srl spa bv nv vzw asbl oy oyj as asa aps")
_LEGAL_FORMS |= _words("sp z oo ltd limited plc inc llc kft zrt sro doo ou uab sia ehf hf lda epe ae ike the")


_LEGAL_FORM = "(?:" + "|".join(sorted(_LEGAL_FORMS, key=len, reverse=True)) + ")"
_LEADING_FORMS = rf"^(?:{_LEGAL_FORM}(?: |$))+"
_TRAILING_FORMS = rf"(?:(?:^| ){_LEGAL_FORM})+$"


def organisation_key(value: object) -> str | None:
    """A key under which two spellings of one organisation meet: folded, without punctuation or legal form."""
    key = organisation_keys(pd.Series([value], dtype=object)).iloc[0]
    return None if pd.isna(key) else key


def organisation_keys(values: pd.Series) -> pd.Series:
    """`organisation_key` over a column, as string (<NA> where a cell names no organisation)."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    names = pd.Series([u if isinstance(u, str) else "" for u in uniques], dtype="string")
    folded = fold_text(names.str.replace(r"[./'’]", "", regex=True))  # 'e.V.' -> 'ev', 'A/S' -> 'as'
    keys = folded.str.replace(_LEADING_FORMS, "", regex=True).str.replace(_TRAILING_FORMS, "", regex=True)
    keyed = np.append(keys.mask(keys.eq("")).to_numpy(dtype=object, na_value=None), None)
    return pd.Series(pd.array(keyed[codes], dtype="string"), index=values.index)
