"""Results that cross module boundaries, one small dataclass each (the pipeline's contracts)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# Canonical fields of a response, in display order (names fixed by the ingestion issue).
CANONICAL_FIELDS: tuple[str, ...] = (
    "respondent_id",
    "submitted_at",
    "organisation",
    "org_type",
    "country",
    "contact_name",
    "contact_email",
    "contact_phone",
    "sectors",
    "need_text",
    "budget_eur",
    "procurement_horizon_months",
    "role",
    "language",
    "market_solution",
)
CONTACT_FIELDS: tuple[str, ...] = ("contact_name", "contact_email", "contact_phone")
PROVENANCE_FIELDS: tuple[str, ...] = ("source_file", "source_sheet", "source_row")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as read from a file: cell values row by row, before any layout is recognised."""

    name: str
    rows: list[list[object]]  # rows[i] is spreadsheet row i + 1; None for an empty cell
    state: str = "visible"  # "visible", "hidden", "very hidden" or "chart"


@dataclass(frozen=True)
class Workbook:
    """Everything read from one uploaded file."""

    file_name: str
    sheets: list[RawSheet]
    notes: list[str] = field(default_factory=list)  # said to the user: encoding used, hidden sheets, ...


@dataclass(frozen=True)
class Table:
    """One sheet's responses once its layout is recognised: one row per data row, one column per header."""

    file_name: str
    sheet_name: str
    layout: str  # "Microsoft Forms", "Google Forms", "SurveyMonkey", "Qualtrics", "KoboToolbox", ...
    frame: pd.DataFrame  # unique column names; cells as read (object dtype)
    source_rows: list[int]  # spreadsheet row number (1-based) of each frame row
    # question -> {column name: option label} for questions answered with one column per option
    option_columns: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FieldMatch:
    """Which source column feeds one canonical field, and how sure we are."""

    field: str
    column: str  # a column of Table.frame, or a question key of Table.option_columns
    confidence: float  # 0..1
    reason: str  # "header", "content", "header and content" or "chosen by you"


@dataclass(frozen=True)
class Mapping:
    """Canonical field -> source column for one table."""

    matches: dict[str, FieldMatch]
    unmapped_columns: list[str]


@dataclass(frozen=True)
class LoadResult:
    """The clean canonical table of all files, and every row set aside with its reason."""

    frame: pd.DataFrame  # CANONICAL_FIELDS + PROVENANCE_FIELDS + unmapped columns
    set_aside: pd.DataFrame  # PROVENANCE_FIELDS + "reason" + the row's cells
    tables: list[Table]
    mappings: list[Mapping]  # one per table, same order
    notes: list[str]  # file-level remarks: skipped sheets, encodings, ...
    rows_read: int
