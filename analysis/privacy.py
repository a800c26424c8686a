"""Personal data in survey answers: find the contact columns and mask them for every view and download.

A column holds personal data when it is a canonical contact field, when its header says so (names,
e-mail, phone, user names, IP addresses, in the 12 survey languages), or when most of its values are
e-mail addresses, phone numbers or IP addresses whatever its header says. Masking keeps what a
strategist needs (the organisation's e-mail domain, the country code of a phone) and hides the person.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.models import CANONICAL_FIELDS, CONTACT_FIELDS, PROVENANCE_FIELDS

MASK = "•••"
PERSONAL_DATA_NOTE = (
    "Contact details are masked. E-mail addresses keep their first letter and their domain, so you "
    "still see the organisation (ana.ruiz@city.example becomes a•••@city.example); phone numbers keep "
    "their country code and last two digits (+46 70 123 45 67 becomes +46 ••• •• 67); names keep "
    "their initials (Ana Ruiz becomes A. R.); other personal columns such as user names and IP "
    f"addresses show {MASK}. E-mail addresses and phone numbers written inside free-text answers are "
    "masked the same way. Contact details are included only when you ask for them, and a file that "
    "includes them says WITH-CONTACT-DATA in its name and on its first sheet."
)
CONTACTS_INCLUDED_NOTE = (
    "This file includes contact details of named people (names, e-mail addresses, phone numbers), "
    "because you chose to include them. Share it only with colleagues who need them for this work, "
    "and delete it when they no longer do."
)

# A header this short is taken at its word; a longer one is a question, and its answers must agree.
SHORT_HEADER_WORDS = 5
CONTENT_SAMPLE = 500  # non-empty values looked at to recognise a column by its content
CONTENT_SHARE = 0.6  # share of those values that must look like e-mails, phones, IPs or names

_EMAIL_RE = re.compile(
    r"[\w!#$%&'*+/=?^`{|}~-][\w.!#$%&'*+/=?^`{|}~-]*@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*"
    r"\.[^\W\d_]{2,}"
)
_EMAIL_LIST_RE = re.compile(
    rf"\s*(?:mailto:)?{_EMAIL_RE.pattern}(?:\s*[;,]\s*(?:mailto:)?{_EMAIL_RE.pattern})*\s*"
)
_PHONE_RUN_RE = re.compile(r"(?<![\w+])\+?\d[\d ()./-]*\d")
PHONE_MAX_CHARS = 25  # longest way of writing one phone number, separators included
_PHONE_ANY_RE = re.compile(r"\+?\d[\d ()./-]{4,22}\d")
_PHONE_CELL_RE = re.compile(r"\s*(?:\+|00|0)\d[\d ()./-]{5,22}\d\s*")
_PHONE_HINT_RE = re.compile(r"(?<!\d)[+0]\d[\d ()./-]{6,}\d")  # every phone written in prose holds this
PHONE_MIN_DIGITS = 8
_NON_DIGIT_RE = re.compile(r"\D")
_WORD_RE = re.compile(r"[^\W\d_]+")
_DATE_OR_DECIMAL_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|0[.,]\d+")
_IP_RE = re.compile(
    r"\s*(?:\d{1,3}(?:\.\d{1,3}){3}"  # IPv4
    r"|(?=[0-9a-fA-F:]*(?:::|[a-fA-F]))[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})\s*"  # IPv6, not a time
)
_PERSON_NAME_RE = re.compile(r"[^\W\d_][^\W\d_'’.]*(?:[ -]+[^\W\d_][^\W\d_'’.]*){1,3}")
# ITU country calling codes are prefix-free: 1 and 7 stand alone, these 2-digit codes too, the rest have 3.
_COUNTRY_CODE_RE = re.compile(r"1|7|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|\d{3}")

# Header words in en sv de fr es it pl nl fi da no pt, matched on the lower-case, accent-free header.
_EMAIL_HEADER = re.compile(
    r"\b(?:e ?mail\w*|\w+email\w*|mail|e ?post(?:adress\w*)?|\w*sahkoposti\w*|courriel|"
    r"correo(?! postal)(?: electronico)?|posta elettronica|pec)\b"
)
_PHONE_HEADER = re.compile(
    r"\b(?:\w*phone\w*|\w*telef\w*|tel|tlf|tfn|puh|\w*puhelin\w*|mobile?|mobiel|mobil(?:nummer|telefon|nr)|"
    r"handy|cellulare|cell|movil|gsm|fax)\b"
)
_IDENTIFIER_HEADER = re.compile(
    r"\b(?:user ?name|user ?id|login|submitted by|ip|ip ?addr\w*|ip ?adres\w*|adresse ip|direccion ip|"
    r"indirizzo ip|adres ip|ip osoite|device ?id|imei|sim ?serial|subscriber ?id|"
    r"location (?:latitude|longitude))\b"
)
_NAME_WORDS = (
    r"first ?name|last ?name|given name|family name|full ?name|surname|forename|\w*vorname|\w*nachname|"
    r"familienname|prenom|nom de famille|apellidos?|apelido|sobrenome|cognome|nominativo|imie|nazwisko|"
    r"fornamn|efternamn|fornavn|efternavn|etternavn|voornaam|achternaam|etunimi|sukunimi|"
    r"\w*kontaktperson\w*|ansprechpartner\w*|ansprechperson|contactpersoon|yhteyshenkilo\w*|referente|"
    r"interlocut\w*|contact person|contact name|personne (?:de )?contact|persona (?:de )?contacto|"
    r"persona di contatto|pessoa de conta(?:c)?to|osoba kontaktowa|osoba do kontaktu"
)
_NAME_HEADER = re.compile(rf"\b(?:{_NAME_WORDS})\b")
_GENERIC_NAME_HEADER = re.compile(r"\b(?:name|names|namn|nom|nombre|nome|nimi|nimesi|naam|navn)\b")
_NOT_A_PERSON_HEADER = re.compile(
    r"\b(?:organi[sz]\w*|org|company|firm\w*|authorit\w*|institu\w*|entity|entidad\w*|ente|agency|"
    r"municipal\w*|kommun\w*|gemeente|gemeinde|comune|kunta|ayuntamiento|city|stadt|ville|ciudad|citta|"
    r"miasto|stad|kaupunki|employer|arbetsgivare|project\w*|projekt\w*|projet|proyecto|progetto|file\w*|"
    r"sheet|product\w*|produkt\w*|sector|sektor|tool|service\w*|department|abteilung|avdelning|"
    r"myndighe\w*|behorde|virasto|viranomai\w*|virksomhet|amministrazion\w*|collectivit\w*|unit|enhet|"
    r"tender|lot|supplier|vendor|leverant\w*|brand|event|region\w*|country|land|pays|pais|paese|kraj|maa)\b"
)
_CONTACT_HEADER = re.compile(
    r"\b(?:contacts?|kontakt|contacto|contato|contatto|contatti|kontaktuppgifter|kontaktdaten|"
    r"kontaktinformation|kontaktinformasjon|kontaktoplysninger|coordonnees|datos de contacto|recapiti|"
    r"dane kontaktowe|contactgegevens|yhteystiedot|contactos)\b"
)

# Canonical fields whose answers are free text; the others are structured values never masked inside.
_FREE_TEXT_FIELDS = ("organisation", "need_text", "market_solution")
_NEVER_PERSONAL = frozenset(CANONICAL_FIELDS + PROVENANCE_FIELDS) - frozenset(CONTACT_FIELDS)
_CANONICAL_KIND = {"contact_name": "name", "contact_email": "email", "contact_phone": "phone"}


def _header_text(header: object) -> str:
    """The header as lower-case words without accents ('RecipientEmail' -> 'recipient email')."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(header))
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", text))


def _header_kind(header: object) -> str | None:
    """What kind of personal data a header announces: 'email', 'phone', 'name', 'other' or None."""
    text = _header_text(header)
    if _EMAIL_HEADER.search(text):
        return "email"
    if _PHONE_HEADER.search(text):
        return "phone"
    if _IDENTIFIER_HEADER.search(text):
        return "other"
    is_person = _NAME_HEADER.search(text) or _GENERIC_NAME_HEADER.search(text)
    if is_person and not _NOT_A_PERSON_HEADER.search(text):
        return "name"
    if _CONTACT_HEADER.search(text):
        return "other"
    return None


def _cell_text(value: object) -> str | None:
    """One cell as text, None when empty; a whole float as an int (a phone read as a number)."""
    if isinstance(value, str):
        return value if value.strip() else None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else str(int(value)) if value.is_integer() else str(value)
    return str(value)


def _texts(values: pd.Series) -> pd.Series:
    """The column's cells as text (None when empty), by position."""
    return pd.Series([_cell_text(value) for value in values.to_numpy(dtype=object)], dtype=object)


def _replaced(original: pd.Series, positions: np.ndarray, replacement: np.ndarray) -> pd.Series:
    """The column with the cells at these positions replaced, in its own text dtype where it had one."""
    cells = original.to_numpy(dtype=object, copy=True)
    cells[positions] = replacement
    result = pd.Series(cells, index=original.index, name=original.name, dtype=object)
    if pd.api.types.is_string_dtype(original) and not pd.api.types.is_object_dtype(original):
        return result.astype(original.dtype)
    return result


def _share_matching(values: pd.Series, pattern: re.Pattern[str]) -> float:
    """Share of a bounded sample of non-empty text values that the pattern matches entirely."""
    sample = values.dropna().head(CONTENT_SAMPLE)
    if sample.empty:
        return 0.0
    return float(sample.str.fullmatch(pattern).mean())


def _content_kind(values: pd.Series) -> str | None:
    """What kind of personal data most values of a text column are, if any."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return None
    text = _texts(values)
    if _share_matching(text, _EMAIL_LIST_RE) >= CONTENT_SHARE:
        return "email"
    if (
        _share_matching(text, _PHONE_CELL_RE) >= CONTENT_SHARE
        and _share_matching(text, _DATE_OR_DECIMAL_RE) < CONTENT_SHARE
    ):
        return "phone"
    if _share_matching(text, _IP_RE) >= CONTENT_SHARE:
        return "other"
    return None


def _looks_like_person_names(values: pd.Series) -> bool:
    """True when most values are two to four capitalised words of letters, as names are."""
    text = _texts(values).dropna().head(CONTENT_SAMPLE).str.strip()
    if text.empty:
        return False
    shaped = text.str.fullmatch(_PERSON_NAME_RE) & text.str[0].str.isupper()
    return float(shaped.mean()) >= CONTENT_SHARE


def _column_kind(name: object, values: pd.Series) -> str | None:
    """The kind of personal data a column holds ('email', 'phone', 'name', 'other'), or None."""
    if name in _CANONICAL_KIND:
        return _CANONICAL_KIND[name]
    if name in _NEVER_PERSONAL:
        return None
    by_header = _header_kind(name)
    if by_header and len(_header_text(name).split()) <= SHORT_HEADER_WORDS:
        return by_header
    by_content = _content_kind(values)
    if by_content:
        return by_content
    if by_header == "name" and _looks_like_person_names(values):
        return "name"
    return None


def _contact_kinds(frame: pd.DataFrame) -> dict[str, str]:
    """Personal column -> kind of personal data, in the frame's column order."""
    kinds = {}
    for position, name in enumerate(frame.columns):
        kind = _column_kind(name, frame.iloc[:, position])
        if kind:
            kinds[name] = kind
    return kinds


def contact_columns(frame: pd.DataFrame) -> list[str]:
    """The columns holding personal data, found by canonical name, by header and by content."""
    return list(_contact_kinds(frame))


def _masked_email(address: str) -> str:
    """'ana.ruiz@city.example' -> 'a•••@city.example'."""
    local, domain = address.rsplit("@", 1)
    return f"{local[0]}{MASK}@{domain}"


def _masked_phone(raw: str) -> str:
    """'+46 70 123 45 67' -> '+46 ••• •• 67', '070-123 45 67' -> '••• •• 67'."""
    digits = _NON_DIGIT_RE.sub("", raw)
    stripped = raw.lstrip()
    if stripped.startswith("+") or digits.startswith("00"):
        national = digits if stripped.startswith("+") else digits[2:]
        code = _COUNTRY_CODE_RE.match(national)
        prefix = f"+{code.group()} " if code and len(national) > len(code.group()) + 2 else ""
        return f"{prefix}{MASK} •• {digits[-2:]}"
    return f"{MASK} •• {digits[-2:]}"


def _is_written_phone(text: str) -> bool:
    """True for '+46 70 123 45 67', '0046 ...' or '070-123 45 67': how phone numbers are written in prose."""
    digits = sum(character.isdigit() for character in text)
    if _DATE_OR_DECIMAL_RE.fullmatch(text):
        return False
    if text.startswith("+"):
        return PHONE_MIN_DIGITS <= digits <= 15
    if text.startswith("00"):
        return PHONE_MIN_DIGITS <= digits - 2 <= 15
    return text.startswith("0") and PHONE_MIN_DIGITS <= digits <= 12


def _phones_in_run(match: re.Match[str]) -> str:
    """A run of digits and separators in free text with every phone number in it masked.

    Scans from the left: at each group of digits, the longest phone number starting there is masked, so
    a phone next to other numbers ('in 2024 call 070-123 45 67 12 times') is still found.
    """
    run = match.group()
    if sum(character.isdigit() for character in run) < PHONE_MIN_DIGITS:
        return run
    starts = [m.start() for m in re.finditer(r"(?<![\d+])\+?\d", run)]
    ends = [m.end() for m in re.finditer(r"\d+", run)]
    pieces, done = [], 0
    for start in starts:
        if start < done:
            continue
        candidates = [end for end in ends if start < end <= start + PHONE_MAX_CHARS]
        end = next((end for end in reversed(candidates) if _is_written_phone(run[start:end])), None)
        if end is not None:
            pieces += [run[done:start], _masked_phone(run[start:end])]
            done = end
    return "".join([*pieces, run[done:]])


def _mask_in_text(values: pd.Series) -> pd.Series:
    """Free text with every e-mail address and phone number in it masked; other cells unchanged."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return values
    cells = values.to_numpy(dtype=object)
    is_text = np.fromiter((isinstance(cell, str) for cell in cells), dtype=bool, count=len(cells))
    codes, distinct = pd.factorize(cells[is_text])  # each distinct answer is masked once
    text = pd.Series(distinct, dtype=object)
    # Cheap tests first: only answers that may hold an address or a phone go through the slow replacements.
    with_email = text.str.contains("@", regex=False).to_numpy(dtype=bool)
    text[with_email] = text[with_email].str.replace(_EMAIL_RE, lambda m: _masked_email(m.group()), regex=True)
    with_phone = text.str.contains(_PHONE_HINT_RE, regex=True).to_numpy(dtype=bool)
    text[with_phone] = text[with_phone].str.replace(_PHONE_RUN_RE, _phones_in_run, regex=True)
    changed = (with_email | with_phone)[codes]
    if not changed.any():
        return values
    return _replaced(values, np.flatnonzero(is_text)[changed], text.to_numpy(dtype=object)[codes[changed]])


def _keep_only(
    text: pd.Series, pattern: re.Pattern[str], mask: Callable[[str], str], separator: str = "; "
) -> pd.Series:
    """Each cell reduced to its masked matches of the pattern ('•••' when there are none)."""
    return text.map(lambda cell: separator.join(mask(found) for found in pattern.findall(cell)) or MASK)


def _mask_emails(text: pd.Series) -> pd.Series:
    """E-mail cells: only the masked addresses remain."""
    return _keep_only(text, _EMAIL_RE, _masked_email)


def _mask_phones(text: pd.Series) -> pd.Series:
    """Phone cells: only the masked numbers remain."""
    return _keep_only(text, _PHONE_ANY_RE, _masked_phone)


def _mask_names(text: pd.Series) -> pd.Series:
    """Name cells: initials only ('Ana Ruiz' -> 'A. R.')."""
    return _keep_only(text, _WORD_RE, lambda word: f"{word[0].upper()}.", separator=" ")


def _mask_everything(text: pd.Series) -> pd.Series:
    """Any other personal cell: nothing of it remains."""
    return pd.Series(MASK, index=text.index, dtype=object)


_MASKERS = {"email": _mask_emails, "phone": _mask_phones, "name": _mask_names, "other": _mask_everything}


def _mask_column(values: pd.Series, kind: str) -> pd.Series:
    """One personal column masked by kind; empty cells stay empty."""
    text = _texts(values)
    present = text.notna().to_numpy(dtype=bool)
    if not present.any():
        return values
    codes, distinct = pd.factorize(text[present])  # each distinct value is masked once
    masked = _MASKERS[kind](pd.Series(distinct, dtype=object)).to_numpy(dtype=object)
    return _replaced(values, np.flatnonzero(present), masked[codes])


def mask_contacts(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """A copy with personal columns masked and e-mails and phones inside free text masked too.

    `columns` defaults to contact_columns(frame); a named column whose kind is unknown is fully masked.
    """
    if columns is None:
        kinds = _contact_kinds(frame)
    else:
        kinds = {name: _column_kind(name, frame[name]) or "other" for name in columns}
    result = frame.copy()
    for position, name in enumerate(frame.columns):
        values = frame.iloc[:, position]
        if name in kinds:
            result.isetitem(position, _mask_column(values, kinds[name]))
        elif name not in _NEVER_PERSONAL or name in _FREE_TEXT_FIELDS:
            result.isetitem(position, _mask_in_text(values))
    return result
