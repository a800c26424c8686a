"""Recognise which survey tool wrote a sheet, find its header rows, and turn the rows below into a Table.

Detection follows EXPORT_FORMATS.md §9 (first match wins): EUSurvey, Qualtrics, SurveyMonkey, KoboToolbox,
LimeSurvey, Microsoft Forms, Google Forms, then a generic table whose header is found by scoring rows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from analysis.models import RawSheet, Table

HEADER_SEARCH_ROWS = 15  # a generic header may sit below this many non-empty title/note rows at most
TOOL_COLUMNS_SEARCHED = 8  # Microsoft Forms puts its time columns among the first few
MIN_HEADER_SCORE = 1  # a generic header has at least two text labels (see _generic_header_row)
# An earlier row scoring this close to the best is the header: data rows below it can be wider.
HEADER_SCORE_SHARE = 0.75
MAX_FLAG_VALUES = 12  # an option column holds a handful of distinct values (1/0, Yes/No, Y/blank)

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "œ": "oe", "þ": "th", "ð": "d"})


def fold(text: str) -> str:
    """Casefold, strip accents and collapse whitespace, so labels compare across spellings."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def cell_text(value: object) -> str:
    """A cell as display text: '' when empty, whole numbers without '.0', whitespace collapsed."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    return " ".join(str(value).replace("\ufeff", "").split())


def is_label(value: object) -> bool:
    """True for a cell of words, not a number, date or amount (typed or written as text)."""
    return isinstance(value, str) and bool(value.strip()) and not _NUMBER_LIKE.fullmatch(cell_text(value))


def _labels(*labels: str) -> frozenset[str]:
    """Tool labels as compared: folded."""
    return frozenset(fold(label) for label in labels)


# Tool fingerprints, localised where the tools translate them (folded before comparison).
_EUSURVEY_ID_LABELS = _labels(
    "Contribution ID", "Numéro d'identification de la contribution", "Kennnummer des Beitrags",
    "ID de la contribución", "ID contributo", "Identyfikator formularza", "Bidrags-ID", "Bijdrage-ID",
    "ID da contribuição", "Vastauksen tunnus", "Bidragets ID",
)  # fmt: skip
_MS_FORMS_START = _labels(
    "Start time", "Startzeit", "Heure de début", "Hora de inicio", "Ora di inizio", "Godzina rozpoczęcia",
    "Czas rozpoczęcia", "Begintijd", "Starttijd", "Starttid", "Aloitusaika", "Starttidspunkt",
    "Hora de início", "Tempo di inizio",
)  # fmt: skip
_MS_FORMS_END = _labels(
    "Completion time", "Fertigstellungszeit", "Abschlusszeit", "Heure de fin", "Heure d'achèvement",
    "Hora de finalización", "Ora di completamento", "Ora di fine", "Godzina ukończenia",
    "Godzina zakończenia", "Czas ukończenia", "Voltooiingstijd", "Tijd van voltooiing", "Eindtijd",
    "Sluttid", "Tid för slutförande", "Slutförandetid", "Valmistumisaika", "Lopetusaika",
    "Fuldførelsestidspunkt", "Sluttidspunkt", "Fullføringstidspunkt", "Hora de conclusão",
    "Tempo di completamento", "End time",
)  # fmt: skip
_GOOGLE_TIMESTAMP = _labels(
    "Timestamp", "Marca temporal", "Horodateur", "Zeitstempel", "Tidstämpel", "Aikaleima", "Tidsstempel",
    "Sygnatura czasowa", "Tijdstempel", "Carimbo de data/hora", "Informazioni cronologiche",
    "Indicazione temporale", "Data/ora", "Marca de tempo",
)  # fmt: skip
_LIMESURVEY_CODE = _labels("id", "submitdate", "lastpage", "startlanguage")
_LIMESURVEY_FULL = _labels(
    "Response ID", "Date submitted", "Last page", "Start language", "Antwort ID", "Datum Abgeschickt",
    "Letzte Seite", "Start-Sprache", "ID de la réponse", "Date de soumission", "Dernière page",
    "Langue de départ", "ID de respuesta", "Fecha de envío", "Última página", "Idioma inicial",
)  # fmt: skip
_SURVEYMONKEY_COLLAPSED = _labels("Response", "Open-Ended Response")
# SurveyMonkey "contact information" questions: one column per field, named by the field itself.
_SURVEYMONKEY_CONTACT = _labels(
    "Name", "Company", "Address", "Address 2", "City/Town", "State/Province", "ZIP/Postal Code", "Country",
    "Email Address", "Phone Number",
)  # fmt: skip
_YES_NO = _labels("Yes", "No")
_KOBO_FLAGS = _labels("1", "0", "True", "False")
_LIMESURVEY_FLAGS = _labels(
    "Y", "N", "Yes", "No", "N/A", "1", "0", "Ja", "Nein", "Oui", "Non", "Sí", "Si", "Sì", "Tak", "Nie", "Nee",
    "Kyllä", "Ei", "Nej", "Sim", "Não",
)  # fmt: skip

_XML_NAME = re.compile(r"[A-Za-z_][\w.-]*")
_LIMESURVEY_CODE_HEADER = re.compile(r"(\w+)\[([^\[\]]+)\]")
_LIMESURVEY_FULL_HEADER = re.compile(r"(.+?)\s*\[([^\[\]]+)\]")
# Numbers, amounts, dates and times as people type them.
_NUMBER_LIKE = re.compile(r"[-+(]?[\d\s.,'%€$£:/\-]+\)?")


@dataclass
class _Header:
    """Where a sheet's header sits and what its columns are called, before the data is looked at."""

    layout: str
    row: int  # 0-based index of the first header row
    data_start: int  # 0-based index of the first data row
    names: list[str]  # one name per column position ('' when the header cell is empty)
    groups: dict[str, dict[int, str]] = field(default_factory=dict)  # question -> {position: option}
    notes: list[str] = field(default_factory=list)


def recognise(sheet: RawSheet, file_name: str) -> Table | None:
    """Recognise the sheet's layout and return its responses as a Table, or None if it holds no table."""
    rows = sheet.rows
    top = _first_filled_rows(rows, HEADER_SEARCH_ROWS + 3)
    if not top:
        return None
    header = _eusurvey(sheet, top) or _qualtrics(rows, top) or _surveymonkey(rows, top)
    header = header or _single_row_tool(rows, top[0])
    if header is None:
        found = _generic_header_row(rows, top)
        if found is None:
            return _headerless_table(sheet, file_name, top)
        header = _single_row_tool(rows, found) or _Header("generic", found, found + 1, _texts(rows[found]))
    if header.row > 0:
        header.notes.append(f"header found on row {header.row + 1} below {header.row} title rows")
    return _build_table(sheet, file_name, header)


def _first_filled_rows(rows: list[list[object]], limit: int) -> list[int]:
    """Indices of the first `limit` rows holding any value."""
    found: list[int] = []
    for index, row in enumerate(rows):
        if any(cell_text(cell) for cell in row):
            found.append(index)
            if len(found) == limit:
                break
    return found


def _texts(row: list[object]) -> list[str]:
    """The row's cells as display text."""
    return [cell_text(cell) for cell in row]


def _keys(row: list[object]) -> list[str]:
    """The row's cells as folded text, for comparing with tool labels."""
    return [fold(text) for text in _texts(row)]


def _row(rows: list[list[object]], index: int) -> list[object]:
    """Row `index`, or an empty row past the end of the sheet."""
    return rows[index] if index < len(rows) else []


def _eusurvey(sheet: RawSheet, top: list[int]) -> _Header | None:
    """EUSurvey: 'Alias' and 'Export Date' title rows, header on the first filled row below them."""
    rows = sheet.rows
    first_cells = [fold(cell_text(_row(rows, i)[0])) if _row(rows, i) else "" for i in (0, 1)]
    if first_cells == ["alias", "export date"]:
        below = [i for i in top if i > 1]
        if not below:
            return None
        header_row = below[0]
    elif fold(sheet.name).startswith("content"):
        header_row = next((i for i in top[:5] if _EUSURVEY_ID_LABELS & set(_keys(rows[i]))), None)
        if header_row is None:
            return None
    else:
        return None
    names = _texts(rows[header_row])
    return _Header(
        "EUSurvey", header_row, header_row + 1, names, notes=["EUSurvey export (Alias/Export Date)"]
    )


def _is_import_id_row(row: list[object]) -> bool:
    """True for Qualtrics' third header row of {"ImportId": ...} cells."""
    return any(key.startswith('{"importid"') for key in _keys(row))


def _qualtrics(rows: list[list[object]], top: list[int]) -> _Header | None:
    """Qualtrics: export tags, question texts, then an optional row of ImportId JSON; legacy V1, V2, V3."""
    first = top[0]
    tags = _texts(rows[first])
    keys = [fold(tag) for tag in tags]
    if keys[:3] == ["v1", "v2", "v3"]:
        names = _qualtrics_names(tags, _texts(_row(rows, first + 1)))
        return _Header(
            "Qualtrics", first, first + 2, names, notes=["Qualtrics legacy export (2 header rows)"]
        )
    import_row = next((i for i in top[:3] if _is_import_id_row(rows[i])), None)
    has_dates = {"startdate", "enddate"} <= set(keys) and bool({"responseid", "progress"} & set(keys))
    if import_row is None and not has_dates:
        return None
    label_row = first + 1
    data_start = import_row + 1 if import_row is not None else first + 2
    names = _qualtrics_names(tags, _texts(_row(rows, label_row)))
    groups = _qualtrics_choice_groups(names, _row(rows, data_start - 1) if data_start - 1 > label_row else [])
    return _Header(
        "Qualtrics",
        first,
        data_start,
        names,
        groups,
        [f"Qualtrics export ({data_start - first} header rows)"],
    )


def _qualtrics_names(tags: list[str], labels: list[str]) -> list[str]:
    """Column names from the question-text row, else the export tag; ' - Selected Choice' dropped."""
    width = max(len(tags), len(labels))
    tags, labels = [*tags, *[""] * (width - len(tags))], [*labels, *[""] * (width - len(labels))]
    return [
        (label or tag).removesuffix(" - Selected Choice") for tag, label in zip(tags, labels, strict=True)
    ]


def _qualtrics_choice_groups(names: list[str], import_ids: list[object]) -> dict[str, dict[int, str]]:
    """Questions split into one column per choice: columns sharing an ImportId and carrying a choiceId."""
    by_import_id: dict[str, list[tuple[int, str, str]]] = {}
    for position, cell in enumerate(import_ids):
        try:
            spec = json.loads(cell_text(cell))
        except ValueError:
            continue
        import_id = str(spec.get("ImportId", "")) if isinstance(spec, dict) else ""
        if not import_id or "choiceId" not in spec or import_id.endswith("_TEXT"):
            continue
        question, _, option = (names[position] if position < len(names) else "").partition(" - ")
        by_import_id.setdefault(import_id, []).append(
            (position, question or import_id, option or str(spec["choiceId"]))
        )
    return {
        members[0][1]: {position: option for position, _, option in members}
        for members in by_import_id.values()
        if len(members) >= 2
    }


def _surveymonkey(rows: list[list[object]], top: list[int]) -> _Header | None:
    """SurveyMonkey: questions on the first header row, answer sub-labels (or options) on the second."""
    first = top[0]
    questions, subs = _texts(rows[first]), _texts(_row(rows, first + 1))
    keys, sub_keys = [fold(q) for q in questions], {fold(s) for s in subs}
    starts_right = keys[:2] == ["respondent id", "collector id"]
    if not (starts_right or ("respondent id" in keys and sub_keys & _SURVEYMONKEY_COLLAPSED)):
        return None
    width = max(len(questions), len(subs))
    questions, subs = [*questions, *[""] * (width - len(questions))], [*subs, *[""] * (width - len(subs))]
    spans: list[tuple[str, list[int]]] = []
    for position, (question, sub) in enumerate(zip(questions, subs, strict=True)):
        if question or not sub or not spans or not spans[-1][0]:
            spans.append((question, [position]))
        else:  # a blank question cell over a sub-label continues the question on its left (merged cells)
            spans[-1][1].append(position)
    names = list(questions)
    groups: dict[str, dict[int, str]] = {}
    for question, positions in spans:
        _name_surveymonkey_span(question, positions, subs, names, groups)
    note = f"SurveyMonkey export (2 header rows); {len(groups)} question(s) with one column per option"
    return _Header("SurveyMonkey", first, first + 2, names, groups, [note])


def _name_surveymonkey_span(
    question: str, positions: list[int], subs: list[str], names: list[str], groups: dict[str, dict[int, str]]
) -> None:
    """Name one question's columns; questions answered by ticking several options become an option group."""
    options = {p: subs[p] for p in positions if subs[p] and fold(subs[p]) not in _SURVEYMONKEY_COLLAPSED}
    is_contact = len(options) >= 2 and sum(
        fold(o) in _SURVEYMONKEY_CONTACT for o in options.values()
    ) * 2 > len(options)
    for position in positions:
        if position not in options:
            names[position] = question
        elif is_contact or not question:
            names[position] = subs[position]
        else:
            names[position] = f"{question} - {subs[position]}"
    if len(options) >= 2 and question and not is_contact:
        groups[question] = options


def _single_row_tool(rows: list[list[object]], header_row: int) -> _Header | None:
    """KoboToolbox, LimeSurvey, Microsoft Forms or Google Forms, recognised from a one-row header."""
    names = _texts(rows[header_row])
    keys = [fold(name) for name in names]
    key_set = set(keys)
    data_start = header_row + 1
    if {"_uuid", "_submission_time"} <= key_set or {"_id", "__version__"} <= key_set:
        notes = ["KoboToolbox export"]
        hxl = _texts(_row(rows, data_start))
        if any(hxl) and all(text.startswith("#") for text in hxl if text):
            data_start += 1
            notes.append(f"row {data_start} holds HXL hashtags and is not data")
        return _Header("KoboToolbox", header_row, data_start, names, notes=notes)
    code_headers = sum(bool(_LIMESURVEY_CODE_HEADER.fullmatch(name)) for name in names)
    if len(key_set & _LIMESURVEY_CODE) >= 3 or len(key_set & _LIMESURVEY_FULL) >= 3 or code_headers >= 2:
        return _Header("LimeSurvey", header_row, data_start, names, notes=["LimeSurvey export"])
    first_keys = set(keys[:TOOL_COLUMNS_SEARCHED])
    if first_keys & _MS_FORMS_START and first_keys & _MS_FORMS_END:
        return _Header("Microsoft Forms", header_row, data_start, names, notes=["Microsoft Forms export"])
    if keys and keys[0] in _GOOGLE_TIMESTAMP:
        return _Header("Google Forms", header_row, data_start, names, notes=["Google Forms export"])
    return None


def _generic_header_row(rows: list[list[object]], top: list[int]) -> int | None:
    """The first of the top rows scoring near the best as a header: text labels, no numbers or dates."""
    scores: dict[int, float] = {}
    for index in top[:HEADER_SEARCH_ROWS]:
        cells = [(cell, text) for cell, text in zip(rows[index], _texts(rows[index]), strict=True) if text]
        if len(cells) < 2 or cells[0][1].startswith("#"):  # one cell: a title; '#': a comment line
            continue
        labels = [text for cell, text in cells if is_label(cell)]
        repeated = len(labels) - len(set(labels))
        scores[index] = len(labels) - 2 * (len(cells) - len(labels)) - 0.5 * repeated
    best = max(scores.values(), default=0.0)
    if best > MIN_HEADER_SCORE:
        return next(index for index, score in scores.items() if score >= best * HEADER_SCORE_SHARE)
    if _is_single_column(rows, top):
        return next((i for i in top if not cell_text(_first_value(rows[i])).startswith("#")), None)
    return None


def _first_value(row: list[object]) -> object:
    """The first non-empty cell of a row."""
    return next((cell for cell in row if cell_text(cell)), None)


def _is_single_column(rows: list[list[object]], top: list[int]) -> bool:
    """True when every filled row has its one value in the same column, under a text label."""
    columns = {tuple(i for i, cell in enumerate(rows[index]) if cell_text(cell)) for index in top}
    if len(columns) != 1 or len(next(iter(columns))) != 1 or len(top) < 2:
        return False
    label = _first_value(rows[top[0]])
    return is_label(label)


def _headerless_table(sheet: RawSheet, file_name: str, top: list[int]) -> Table | None:
    """Rows with no header above them: a table whose columns are named by letter, unless it is a report."""
    used = {position for i in top for position, cell in enumerate(sheet.rows[i]) if cell_text(cell)}
    if len(used) > 1 and all(sum(bool(cell_text(cell)) for cell in sheet.rows[i]) < 2 for i in top):
        return None  # one cell per row, scattered over columns: titles and notes of a report, not a table
    header = _Header(
        "generic", top[0], top[0], [], notes=["no header row found: columns are named by letter"]
    )
    return _build_table(sheet, file_name, header)


def column_letter(position: int) -> str:
    """Spreadsheet letter of a 0-based column position: 0 -> A, 26 -> AA."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _build_table(sheet: RawSheet, file_name: str, header: _Header) -> Table:
    """Cut the data rows under the header into a DataFrame and name, group and de-duplicate its columns."""
    data = sheet.rows[header.data_start :]
    width = max(len(header.names), max(map(len, data), default=0))
    if data and min(map(len, data)) < width:
        data = [row if len(row) == width else [*row, *[None] * (width - len(row))] for row in data]
    frame = pd.DataFrame(data, columns=range(width), dtype=object)
    names = [*header.names, *[""] * (width - len(header.names))]
    groups, dropped = dict(header.groups), set()
    if header.layout == "EUSurvey":
        dropped = _eusurvey_split_questions(frame, names, groups)
    elif header.layout == "KoboToolbox":
        _kobo_detail_columns(frame, names, groups)
    elif header.layout == "LimeSurvey":
        _limesurvey_option_columns(frame, names, groups)
    dropped |= {p for p in range(width) if not names[p] and _is_blank(frame[p])}
    keep = [p for p in range(width) if p not in dropped]
    final = _unique_names([names[p] or f"column_{column_letter(p)}" for p in keep])
    by_position = dict(zip(keep, final, strict=True))
    frame = frame[keep].set_axis(final, axis="columns")
    option_columns = _name_groups(groups, by_position, set(final))
    return Table(
        file_name=file_name,
        sheet_name=sheet.name,
        layout=header.layout,
        frame=frame,
        source_rows=list(range(header.data_start + 1, len(sheet.rows) + 1)),
        option_columns=option_columns,
        notes=[f"{file_name}, sheet '{sheet.name}': {note}" for note in header.notes],
    )


def _unique_names(names: list[str]) -> list[str]:
    """Make repeated names unique the way people read them: 'When', 'When (2)', 'When (3)'."""
    seen = Counter(names)
    taken: set[str] = set()
    unique: list[str] = []
    for name in names:
        candidate, count = name, 1
        while candidate in taken or (count > 1 and candidate in seen):
            count += 1
            candidate = f"{name} ({count})"
        taken.add(candidate)
        unique.append(candidate)
    return unique


def _name_groups(
    groups: dict[str, dict[int, str]], by_position: dict[int, str], columns: set[str]
) -> dict[str, dict[str, str]]:
    """Option groups keyed by question text (never equal to a column name) with their columns' final names."""
    named: dict[str, dict[str, str]] = {}
    for question, options in groups.items():
        key = question if question not in columns else f"{question} (options)"
        key = key if key not in named else _unique_names([*named, key])[-1]
        named[key] = {by_position[p]: option for p, option in options.items() if p in by_position}
    return named


def _distinct_keys(column: pd.Series) -> set[str] | None:
    """Folded distinct non-blank values of a column, or None when there are too many for an option column."""
    uniques = pd.unique(column.to_numpy())
    if len(uniques) > MAX_FLAG_VALUES:
        return None
    return {key for key in (fold(cell_text(value)) for value in uniques) if key}


def _is_blank(column: pd.Series) -> bool:
    """True when no cell of the column holds a value."""
    return _distinct_keys(column) == set()


def _is_flag_column(column: pd.Series, allowed: frozenset[str]) -> bool:
    """True when every non-blank cell is one of the allowed tick values."""
    keys = _distinct_keys(column)
    return keys is not None and keys <= allowed


def _eusurvey_split_questions(
    frame: pd.DataFrame, names: list[str], groups: dict[str, dict[int, str]]
) -> set[int]:
    """'Split MCQ answers': an empty question column, then Yes/No option columns; returns the emptied ones."""
    emptied: set[int] = set()
    position = 0
    while position < len(names):
        question = names[position]
        options: dict[int, str] = {}
        if question and _is_blank(frame[position]):
            after = position + 1
            while after < len(names) and names[after] and _is_flag_column(frame[after], _YES_NO):
                options[after] = names[after]
                after += 1
        if any(not _is_blank(frame[p]) for p in options):
            groups[question] = options
            emptied.add(position)
            for p, option in options.items():
                names[p] = f"{question} - {option}"
            position += len(options)
        position += 1
    return emptied


def _kobo_detail_columns(frame: pd.DataFrame, names: list[str], groups: dict[str, dict[int, str]]) -> None:
    """Kobo 'question/choice' columns of 1/0 become option groups; group paths shorten to the question."""
    by_question: dict[str, dict[int, str]] = {}
    for position, name in enumerate(names):
        question, slash, choice = name.rpartition("/")
        if slash and question and choice:
            by_question.setdefault(question, {})[position] = choice
    for question, options in by_question.items():
        if (len(options) >= 2 or question in names) and all(
            _is_flag_column(frame[p], _KOBO_FLAGS) for p in options
        ):
            groups[question] = options
    in_group = {p: q for q, options in groups.items() for p in options}
    short = [
        f"{_short_path(in_group[p])}/{groups[in_group[p]][p]}" if p in in_group else _short_path(name)
        for p, name in enumerate(names)
    ]
    counts = Counter(short)
    for position, name in enumerate(short):
        if counts[name] == 1:
            names[position] = name
    question_counts = Counter(_short_path(q) for q in groups)
    for question in list(groups):
        shortened = _short_path(question)
        if question_counts[shortened] == 1 and shortened not in groups:
            groups[shortened] = groups.pop(question)


def _short_path(path: str) -> str:
    """'group/subgroup/question' -> 'question' when the leading parts are XML names (Kobo group paths)."""
    parts = path.split("/")
    if len(parts) > 1 and all(_XML_NAME.fullmatch(part) for part in parts[:-1]):
        return parts[-1]
    return path


def _limesurvey_option_columns(
    frame: pd.DataFrame, names: list[str], groups: dict[str, dict[int, str]]
) -> None:
    """LimeSurvey multiple choice: 'Q1[SQ001]' or 'Question [Option]' columns holding Y/blank or Yes/No."""
    by_question: dict[str, dict[int, str]] = {}
    for position, name in enumerate(names):
        match = _LIMESURVEY_CODE_HEADER.fullmatch(name) or _LIMESURVEY_FULL_HEADER.fullmatch(name)
        if match and fold(match.group(2)) != "comment":
            by_question.setdefault(match.group(1), {})[position] = match.group(2)
    for question, options in by_question.items():
        ticks = [p for p, option in options.items() if fold(option) != "other"]
        if len(ticks) >= 2 and all(_is_flag_column(frame[p], _LIMESURVEY_FLAGS) for p in ticks):
            groups[question] = options
