"""One recognised table -> clean canonical rows, plus every other row set aside with a reason.

Row accounting: each row of a table ends either in the clean frame or in the set-aside frame (blank
rows, repeated header rows, rows with no organisation and no answer), so rows read = rows kept + rows
set aside, always. Across files, `supersede_duplicates` sets aside the earlier answers of an
organisation that answered again. A value that cannot be read stays missing in its canonical column
and is named, with the text as written, in the row's `issues`.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.layouts import cell_text, fold
from analysis.models import CANONICAL_FIELDS, PROVENANCE_FIELDS, Mapping, Table
from analysis.normalise import (
    detect_language,
    is_undecided,
    map_unique,
    non_euro_currency,
    organisation_keys,
    parse_budgets,
    parse_countries,
    parse_dates,
    parse_horizons,
    parse_languages,
    parse_market_solutions,
    parse_roles,
    split_multi_series,
)

ISSUES = "issues"
REASON = "reason"
BLANK_ROW = "blank row"
REPEATED_HEADER = "repeated header row"
NO_ANSWER = "no organisation and no answer"
SUPERSEDED = "earlier answer from the same organisation, superseded by {file} row {row}"

TEXT_FIELDS = (
    "respondent_id",
    "organisation",
    "org_type",
    "contact_name",
    "contact_email",
    "contact_phone",
    "need_text",
)
# Fields that answer a question: a row with none of them and no organisation is no response. Contact
# details, ids, times and language say who and when, not what (Microsoft Forms fills them by itself).
ANSWER_FIELDS = (
    "org_type",
    "country",
    "sectors",
    "need_text",
    "budget_eur",
    "procurement_horizon_months",
    "role",
    "market_solution",
)
# Fields read by a parser of people's writing, with the words naming them in an issue.
_PARSERS = {
    "country": (parse_countries, "country"),
    "budget_eur": (parse_budgets, "budget"),
    "role": (parse_roles, "role"),
    "market_solution": (parse_market_solutions, "market solution"),
    "language": (parse_languages, "language"),
}
_ISSUE_LABELS = {"submitted_at": "date", "procurement_horizon_months": "horizon"}
_ISSUE_LABELS |= {field: label for field, (_, label) in _PARSERS.items()}
# Option-column cells that mean 'not ticked' (folded); any other non-blank cell is a tick, whether it
# holds the option's text (Google Forms, SurveyMonkey), 1, 'Y', 'Yes', 'Ja', 'Oui' or TRUE.
_NOT_TICKED = {"0", "n", "no", "nej", "nein", "non", "false", "falsch", "faux", "falso", "nie", "ei", "nee"}
_NOT_TICKED |= {"nao", "nei", "unchecked", "unselected", "-"}
ISSUE_TEXT_CHARS = 60  # longer answers are cut short in issue messages


# ---------------------------------------------------------------------------------------------------
# Cells as text and ticks


def _text_of(value: object) -> str:
    """One cell as text: a string trimmed (its inner line breaks kept), anything else as displayed."""
    return value.strip() if isinstance(value, str) else cell_text(value)


def _numbers_as_text(values: pd.Series) -> pd.Series:
    """Numbers as text, whole ones without '.0' (as `cell_text` shows them)."""
    numbers = pd.to_numeric(values.astype(object)).astype(float)
    whole = (numbers % 1 == 0) & (numbers.abs() < 1e15)
    text = numbers.astype("string")
    return text.where(~whole, numbers.where(whole, 0).astype("int64").astype("string"))


def _datetimes_as_text(values: pd.Series) -> pd.Series:
    """Datetimes as ISO text, the date alone at midnight (as `cell_text` shows them)."""
    stamps = pd.to_datetime(values)
    text = stamps.astype("string")
    return text.where(stamps.dt.normalize() != stamps, text.str.slice(0, 10))


def _arrow_cells(values: pd.Series) -> pa.Array | None:
    """The cells as one Arrow array when they share one type (None when they mix types, e.g. text and numbers)."""
    try:
        return pa.array(values.to_numpy(dtype=object), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError):
        return None


def _as_text(values: pd.Series) -> pd.Series:
    """Cells as trimmed text (string, blank -> <NA>); whole numbers without '.0', lists joined by '; '."""
    cells = _arrow_cells(values)
    if cells is not None and pa.types.is_string(cells.type):  # most columns: one C pass, no type inference
        text = pd.Series(pd.arrays.ArrowStringArray(pc.utf8_trim_whitespace(cells)), index=values.index)
        return text.mask(text.eq(""))
    present = values.dropna()
    kind = pd.api.types.infer_dtype(present) if len(present) else "empty"
    if kind in ("empty", "string"):
        text = values.astype("string").str.strip()
    elif kind in ("integer", "floating", "mixed-integer-float"):
        text = _numbers_as_text(values)
    elif kind in ("datetime64", "datetime") and not any(getattr(v, "tzinfo", None) for v in present.iloc[:1]):
        text = _datetimes_as_text(values)
    elif isinstance(present.iloc[0], list):
        text = values.map(lambda items: "; ".join(map(str, items)), na_action="ignore").astype("string")
    else:
        text = map_unique(values.astype(object), _text_of, "string")
    return text.mask(text.eq(""))


def _is_ticked(value: object) -> bool:
    """Whether an option column's cell ticks its option."""
    if isinstance(value, (bool, np.bool_, int, float, np.number)):
        return bool(value)
    return bool(str(value).strip()) and fold(str(value)) not in _NOT_TICKED


def ticked_options(frame: pd.DataFrame, options: dict[str, str]) -> pd.Series:
    """The option labels ticked in each row of a one-column-per-option question, in column order."""
    labels = list(options.values())
    if not labels:
        return pd.Series([[] for _ in range(len(frame))], index=frame.index, dtype=object)
    ticks = np.column_stack(
        [map_unique(frame[column], _is_ticked).fillna(False).astype(bool).to_numpy() for column in options]
    )
    patterns, row_pattern = np.unique(ticks, axis=0, return_inverse=True)
    lists = [[label for label, ticked in zip(labels, pattern, strict=True) if ticked] for pattern in patterns]
    return pd.Series([list(lists[i]) for i in row_pattern.ravel()], index=frame.index, dtype=object)


# ---------------------------------------------------------------------------------------------------
# One table


def _field_cells(table: Table, mapping: Mapping) -> dict[str, pd.Series]:
    """Raw cells of each mapped canonical field: a frame column or the ticked labels of an option question."""
    cells = {}
    for field, match in mapping.matches.items():
        if field not in CANONICAL_FIELDS:
            continue
        if match.column in table.frame.columns:
            cells[field] = table.frame[match.column].astype(object)
        elif match.column in table.option_columns:
            cells[field] = ticked_options(table.frame, table.option_columns[match.column])
        else:
            raise ValueError(f"{table.file_name}: the mapping names {match.column!r}, which the table lacks")
    return cells


def _used_columns(table: Table, mapping: Mapping) -> set[str]:
    """Frame columns that feed a canonical field (an option question uses all its option columns)."""
    used = set()
    for match in mapping.matches.values():
        if match.field in CANONICAL_FIELDS:
            used |= {match.column, *table.option_columns.get(match.column, {})}
    return used


def _header_repeats(cell_texts: pd.DataFrame) -> pd.Series:
    """Rows whose filled cells mostly repeat their column headers (stacked exports, pasted headers)."""
    matches = pd.Series(0, index=cell_texts.index)
    for position, column in enumerate(cell_texts.columns):
        header = str(column).strip().lower()
        headers = [header, re.sub(r"\s*\(\d+\)$", "", header)]  # 'When (2)' is a de-duplicated 'When'
        matches += cell_texts.iloc[:, position].str.lower().isin(headers).fillna(False).astype(int)
    filled = cell_texts.notna().sum(axis=1)
    return (matches >= min(2, cell_texts.shape[1])) & (matches * 2 >= filled)


def _reasons(cell_texts: pd.DataFrame, field_texts: dict[str, pd.Series]) -> pd.Series:
    """Why each row is no response (<NA> for a response); a blank row is blank before it is anything else."""
    answered = pd.Series(False, index=cell_texts.index)
    for field in ("organisation", *ANSWER_FIELDS):
        if field in field_texts:
            answered |= field_texts[field].notna()
    reasons = pd.Series(pd.NA, index=cell_texts.index, dtype="string").mask(~answered, NO_ANSWER)
    blank = cell_texts.isna().all(axis=1)
    return reasons.mask(_header_repeats(cell_texts), REPEATED_HEADER).mask(blank, BLANK_ROW)


def _unreadable(text: pd.Series, parsed: pd.Series) -> pd.Series:
    """Answers given but not read, leaving out those that say 'not known yet' (nothing to read there)."""
    given = text.notna() & parsed.isna()
    undecided = map_unique(text[given], is_undecided).reindex(text.index).fillna(False).astype(bool)
    return given & ~undecided


def _issue(text: pd.Series, failed: pd.Series, label: str) -> pd.Series:
    """'<label> "<text as written>" not understood' on the failed rows, <NA> elsewhere."""
    return (f'{label} "' + text.str.slice(0, ISSUE_TEXT_CHARS) + '" not understood').where(failed)


def _budget_issue(cells: pd.Series, text: pd.Series, failed: pd.Series) -> pd.Series:
    """Budget issues, naming the currency of amounts written in another currency than euro."""
    currency = map_unique(cells[failed], non_euro_currency, "string").reindex(cells.index)
    foreign = (
        'budget "'
        + text.str.slice(0, ISSUE_TEXT_CHARS)
        + '" is in '
        + currency
        + ": only euro amounts are read"
    )
    return foreign.fillna(_issue(text, failed, "budget"))


def _joined(messages: list[pd.Series], index: pd.Index) -> pd.Series:
    """Per row, the messages present joined by '; ' (<NA> when there is none)."""
    joined = pd.Series(pd.NA, index=index, dtype="string")
    for message in messages:
        both = joined.notna() & message.notna()
        joined = joined.where(~both, joined + "; " + message).fillna(message)
    return joined


def _canonical(cells: dict[str, pd.Series], texts: dict[str, pd.Series], rows: pd.Index) -> pd.DataFrame:
    """The typed canonical columns of the given rows, and the `issues` of each row."""
    cells = {field: values.loc[rows] for field, values in cells.items()}
    texts = {field: values.loc[rows] for field, values in texts.items()}
    nothing = pd.Series(pd.NA, index=rows, dtype=object)
    out = {field: texts.get(field, nothing).astype("string") for field in TEXT_FIELDS}
    issues = []

    out["submitted_at"] = parse_dates(cells.get("submitted_at", nothing))
    out["procurement_horizon_months"] = parse_horizons(
        cells.get("procurement_horizon_months", nothing), reference=out["submitted_at"]
    )
    for field, (parse, _) in _PARSERS.items():
        out[field] = parse(cells.get(field, nothing))
    for field, label in _ISSUE_LABELS.items():
        if field not in texts:
            continue
        failed = _unreadable(texts[field], out[field])
        if field == "budget_eur":
            issues.append(_budget_issue(cells[field], texts[field], failed))
        else:
            issues.append(_issue(texts[field], failed, label))

    sectors = cells.get("sectors", nothing)
    is_lists = len(sectors) > 0 and isinstance(sectors.iloc[0], list)
    out["sectors"] = sectors if is_lists else split_multi_series(texts.get("sectors", nothing))
    undetected = out["language"].isna() & out["need_text"].notna()
    if undetected.any():  # the survey's own language answer wins; detection fills the gaps
        out["language"] = out["language"].fillna(detect_language(out["need_text"][undetected]))
    canonical = pd.DataFrame({field: out[field] for field in CANONICAL_FIELDS}, index=rows)
    return canonical.assign(**{ISSUES: _joined(issues, rows)})


def _provenance(table: Table) -> pd.DataFrame:
    """source_file, source_sheet and source_row of every row of the table."""
    n = len(table.frame)
    return pd.DataFrame(
        {
            "source_file": pd.array([table.file_name] * n, dtype="string"),
            "source_sheet": pd.array([table.sheet_name] * n, dtype="string"),
            "source_row": pd.array(table.source_rows, dtype="Int64"),
        },
        index=table.frame.index,
    )


def _under_source_names(texts: pd.DataFrame, taken: set[str]) -> pd.DataFrame:
    """Source columns under their headers as text, '<header> (source)' where a header is one of ours."""
    return texts.set_axis([f"{c} (source)" if str(c) in taken else str(c) for c in texts.columns], axis=1)


def clean_table(table: Table, mapping: Mapping) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(clean, set_aside) of one table; len(clean) + len(set_aside) == len(table.frame), always.

    clean: CANONICAL_FIELDS (typed: string text, datetime64 `submitted_at`, Float64 numbers, `sectors`
    as lists of the option labels ticked) + PROVENANCE_FIELDS + `issues` + every unmapped column as
    text under its header. set_aside: PROVENANCE_FIELDS + `reason` + the row's cells as text. A row is
    set aside as a 'blank row', a 'repeated header row', or with 'no organisation and no answer' (no
    organisation and nothing in any answer field: contact details, times and ids do not count).
    """
    if len(table.source_rows) != len(table.frame):
        raise ValueError(
            f"{table.file_name}: {len(table.source_rows)} source rows for {len(table.frame)} rows"
        )
    table = dataclasses.replace(table, frame=table.frame.reset_index(drop=True))
    frame = table.frame
    cell_texts = pd.DataFrame(
        {i: _as_text(frame.iloc[:, i]) for i in range(frame.shape[1])}, index=frame.index
    )
    cell_texts.columns = frame.columns
    cells = _field_cells(table, mapping)
    columns = {field: mapping.matches[field].column for field in cells}
    field_texts = {  # an option question's text is its ticked labels joined
        field: cell_texts[columns[field]] if columns[field] in frame.columns else _as_text(values)
        for field, values in cells.items()
    }
    reasons = _reasons(cell_texts, field_texts)
    kept, aside = reasons.index[reasons.isna()], reasons.index[reasons.notna()]
    provenance = _provenance(table)

    clean = pd.concat([_canonical(cells, field_texts, kept), provenance.loc[kept]], axis=1)
    unmapped = [c for c in frame.columns if c not in _used_columns(table, mapping)]
    clean = pd.concat(
        [clean, _under_source_names(cell_texts.loc[kept, unmapped], set(clean.columns))], axis=1
    )
    set_aside = provenance.loc[aside].assign(**{REASON: reasons.loc[aside]})
    set_aside = pd.concat(
        [set_aside, _under_source_names(cell_texts.loc[aside], set(set_aside.columns))], axis=1
    )
    return clean.reset_index(drop=True), set_aside.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------
# Across files


def _empty_set_aside() -> pd.DataFrame:
    """A set-aside frame with no rows."""
    columns = {"source_file": "string", "source_sheet": "string", "source_row": "Int64", REASON: "string"}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def _latest_positions(frame: pd.DataFrame) -> pd.Series:
    """For each row naming an organisation, the position of that organisation's latest answer.

    Indexed by row position; rows with no organisation are left out.
    """
    key = organisation_keys(frame["organisation"])
    country = frame["country"].astype("string") if "country" in frame.columns else key.where(key.isna())
    known = pd.DataFrame({"key": key, "country": country}).dropna()
    per_key = known.groupby("key")["country"].agg(["nunique", "first"])
    only_country = per_key.loc[per_key["nunique"] == 1, "first"]
    submitted = frame.get("submitted_at", pd.Series(pd.NaT, index=frame.index))
    order = pd.DataFrame(
        {
            "key": key,
            # an answer without a country joins its organisation's answers if they all give one country
            "country": country.fillna(key.map(only_country).astype(country.dtype)),
            # an answer without a date counts as the earliest (NaT would not sort)
            "when": pd.to_datetime(submitted).fillna(pd.Timestamp("1900-01-01")),
            "position": np.arange(len(frame)),
        }
    )
    order = order[key.notna()].sort_values(["when", "position"], kind="stable")
    return order.groupby(["key", "country"], dropna=False)["position"].transform("last").sort_index()


def supersede_duplicates(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(kept, set_aside) across all files: of an organisation that answered more than once, keep the latest.

    The same organisation is the same `organisation_key` (case, accents, punctuation and legal form
    ignored) and the same country when both answers give one. The latest `submitted_at` wins (an
    answer without a time counts as earliest); ties go to the row further down the frame (the later
    file, the later row). Earlier answers are set aside with 'earlier answer from the same
    organisation, superseded by <file> row <n>'; len(kept) + len(set_aside) == len(frame).
    """
    frame = frame.reset_index(drop=True)
    if frame.empty or "organisation" not in frame.columns:
        return frame, _empty_set_aside()
    latest = _latest_positions(frame)
    earlier = latest[latest.index.to_numpy() != latest.to_numpy()]
    keeper_file = frame["source_file"].to_numpy()[earlier.to_numpy()]
    keeper_row = frame["source_row"].to_numpy()[earlier.to_numpy()]
    reasons = [SUPERSEDED.format(file=f, row=r) for f, r in zip(keeper_file, keeper_row, strict=True)]
    superseded = frame.loc[earlier.index]
    set_aside = superseded[list(PROVENANCE_FIELDS)].assign(**{REASON: pd.array(reasons, dtype="string")})
    others = pd.DataFrame(
        {c: _as_text(superseded[c]) for c in frame.columns if c not in PROVENANCE_FIELDS},
        index=superseded.index,
    )
    set_aside = pd.concat([set_aside, _under_source_names(others, set(set_aside.columns))], axis=1)
    return frame.drop(index=earlier.index).reset_index(drop=True), set_aside.reset_index(drop=True)
