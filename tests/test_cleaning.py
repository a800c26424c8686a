"""Cleaning one table into canonical rows, setting the rest aside with reasons, and superseding repeats."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import (
    BLANK_ROW,
    ISSUES,
    NO_ANSWER,
    REASON,
    REPEATED_HEADER,
    clean_table,
    supersede_duplicates,
)
from analysis.models import CANONICAL_FIELDS, PROVENANCE_FIELDS, FieldMatch, Mapping, Table

COLUMNS = [
    "Submitted",
    "Organisation",
    "Country",
    "Budget",
    "When",
    "Role",
    "Need",
    "Language",
    "E-mail",
    "Notes",
]
FIELDS = {
    "submitted_at": "Submitted",
    "organisation": "Organisation",
    "country": "Country",
    "budget_eur": "Budget",
    "procurement_horizon_months": "When",
    "role": "Role",
    "need_text": "Need",
    "language": "Language",
    "contact_email": "E-mail",
}


def table_of(rows: list[dict], columns: list[str] = COLUMNS, **extra) -> Table:
    """A recognised table of the given rows, as if read from spreadsheet rows 2, 3, ..."""
    frame = pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=columns, dtype=object)
    defaults = {"file_name": "survey.xlsx", "sheet_name": "Responses", "layout": "Microsoft Forms"}
    return Table(frame=frame, source_rows=list(range(2, len(rows) + 2)), **{**defaults, **extra})


def mapping_of(fields: dict[str, str], table: Table) -> Mapping:
    """The mapping of the given fields, every other column unmapped."""
    matches = {field: FieldMatch(field, column, 0.9, "header") for field, column in fields.items()}
    used = set(fields.values())
    return Mapping(matches, [c for c in table.frame.columns if c not in used])


def response(organisation: str, **answers) -> dict:
    """A complete answer row; its language is given, so no detection is needed."""
    row = {
        "Submitted": "19/05/2023 10:12",
        "Organisation": organisation,
        "Country": "Sverige",
        "Budget": "1,2 M€",
        "When": "within 6 months",
        "Role": "Vill delta som köpare",
        "Need": "Elektriska sopbilar",
        "Language": "Svenska",
        "E-mail": "anna@example.se",
        "Notes": "see attachment",
    }
    return {**row, **answers}


def clean(rows: list[dict], fields: dict[str, str] = FIELDS, **extra) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = table_of(rows, **extra)
    return clean_table(table, mapping_of(fields, table))


# ---------------------------------------------------------------------------------------------------
# The clean frame


def test_clean_frame_holds_typed_canonical_fields_provenance_issues_and_unmapped_columns():
    kept, aside = clean([response("Stockholms stad")])
    assert list(kept.columns) == [*CANONICAL_FIELDS, ISSUES, *PROVENANCE_FIELDS, "Notes"]
    row = kept.iloc[0]
    assert row["submitted_at"] == pd.Timestamp("2023-05-19 10:12")
    assert (row["country"], row["budget_eur"], row["procurement_horizon_months"]) == ("SE", 1_200_000, 6)
    assert (row["role"], row["language"], row["contact_email"]) == ("buyer", "sv", "anna@example.se")
    assert (row["source_file"], row["source_sheet"], row["source_row"]) == ("survey.xlsx", "Responses", 2)
    assert row["sectors"] == [] and pd.isna(row[ISSUES]) and row["Notes"] == "see attachment"
    dtypes = kept.dtypes.astype(str)
    assert dtypes["submitted_at"].startswith("datetime64")
    assert (dtypes["budget_eur"], dtypes["procurement_horizon_months"]) == ("Float64", "Float64")
    assert (dtypes["organisation"], dtypes["country"], dtypes["source_row"]) == ("string", "string", "Int64")
    assert aside.empty


def test_values_that_cannot_be_read_stay_missing_and_are_named_in_issues():
    kept, _ = clean(
        [
            response("A", Budget="lots", Country="Atlantis", Submitted="yesterday"),
            response("B", Budget="3 miljoner kronor", When="when money allows"),
        ]
    )
    assert kept["budget_eur"].isna().all() and kept["country"].iloc[1] == "SE"
    assert kept[ISSUES].tolist() == [
        'date "yesterday" not understood; country "Atlantis" not understood; budget "lots" not understood',
        'horizon "when money allows" not understood; '
        'budget "3 miljoner kronor" is in SEK: only euro amounts are read',
    ]


def test_answers_saying_not_known_yet_are_missing_but_no_issue():
    kept, _ = clean([response("A", Budget="ej fastställd", When="vet ej", Role="Osäkert")])
    assert kept[["budget_eur", "procurement_horizon_months", "role"]].isna().all(axis=None)
    assert pd.isna(kept[ISSUES].iloc[0])


def test_horizon_years_count_from_the_date_of_each_answer():
    kept, _ = clean(
        [response("A", When="2024", Submitted="2023-07-02"), response("B", When="2024", Submitted=None)]
    )
    assert kept["procurement_horizon_months"].iloc[0] == 12.0


def test_survey_language_answer_wins_and_detection_fills_the_gaps():
    rows = [
        response("A", Language="English", Need="Vi saknar fossilfria arbetsmaskiner för byggarbetsplatser"),
        response("B", Language=None, Need="Wir suchen emissionsfreie Baumaschinen für unsere Baustellen"),
        response("C", Language=None, Need=None),
    ]
    kept, _ = clean(rows)
    assert kept["language"].tolist() == ["en", "de", pd.NA]


def test_unmapped_header_that_clashes_with_a_canonical_name_is_kept_renamed():
    rows = [response("A") | {"country": "kept as written"}]
    table = table_of(rows, columns=[*COLUMNS, "country"])
    kept, _ = clean_table(table, mapping_of(FIELDS, table))
    assert kept["country"].iloc[0] == "SE"
    assert kept["country (source)"].iloc[0] == "kept as written"


# ---------------------------------------------------------------------------------------------------
# Sectors: one cell per question or one column per option


def test_delimited_sector_cells_become_lists_of_labels():
    rows = [
        response("A", Notes="Health;Food and catering;"),
        response("B", Notes="Energy, Water"),
        response("C"),
    ]
    rows[2]["Notes"] = None
    kept, _ = clean(rows, {**FIELDS, "sectors": "Notes"})
    assert kept["sectors"].tolist() == [["Health", "Food and catering"], ["Energy", "Water"], []]
    assert "Notes" not in kept.columns


@pytest.mark.parametrize(
    ("cell", "ticked"),
    [
        (1, True),
        ("1", True),
        ("Y", True),
        ("Yes", True),
        ("Ja", True),
        ("Oui", True),
        (True, True),
        ("Health", True),
        (None, False),
        ("", False),
        (0, False),
        ("0", False),
        ("N", False),
        ("No", False),
        ("Nej", False),
        (False, False),
    ],
)
def test_option_columns_count_as_ticked_the_way_tools_mark_them(cell, ticked):
    options = {"Sectors: Health": "Health", "Sectors: Energy": "Energy"}
    rows = [response("A") | {"Sectors: Health": cell, "Sectors: Energy": "Energy"}]
    table = table_of(rows, columns=[*COLUMNS, *options], option_columns={"Which sectors?": options})
    kept, _ = clean_table(table, mapping_of({**FIELDS, "sectors": "Which sectors?"}, table))
    assert kept["sectors"].iloc[0] == (["Health", "Energy"] if ticked else ["Energy"])
    assert not set(options) & set(kept.columns)


def test_a_row_whose_only_answer_is_a_ticked_option_is_a_response():
    options = {"Sectors: Health": "Health"}
    rows = [{"Sectors: Health": 1}, {"Sectors: Health": 0, "E-mail": "x@y.se"}]
    table = table_of(rows, columns=[*COLUMNS, *options], option_columns={"Which sectors?": options})
    kept, aside = clean_table(table, mapping_of({**FIELDS, "sectors": "Which sectors?"}, table))
    assert kept["sectors"].tolist() == [["Health"]]
    assert aside[REASON].tolist() == [NO_ANSWER]


# ---------------------------------------------------------------------------------------------------
# Rows set aside


def test_rows_that_are_no_response_are_set_aside_with_their_reason_and_cells():
    rows = [
        response("A"),
        {},
        {"Organisation": "   ", "Notes": ""},
        {c: c for c in COLUMNS},
        {"Submitted": "19/05/2023 11:00", "E-mail": "someone@example.se", "Notes": "started, never answered"},
        response("B"),
    ]
    kept, aside = clean(rows)
    assert kept["organisation"].tolist() == ["A", "B"]
    assert aside["source_row"].tolist() == [3, 4, 5, 6]
    assert aside[REASON].tolist() == [BLANK_ROW, BLANK_ROW, REPEATED_HEADER, NO_ANSWER]
    assert aside.loc[3, "Notes"] == "started, never answered"
    assert list(aside.columns) == [*PROVENANCE_FIELDS, REASON, *COLUMNS]


def test_a_table_with_no_rows_gives_empty_frames():
    kept, aside = clean([])
    assert kept.empty and aside.empty
    assert set(CANONICAL_FIELDS) <= set(kept.columns) and REASON in aside.columns


def test_a_mapping_naming_a_column_the_table_lacks_is_a_bug():
    with pytest.raises(ValueError, match="Missing"):
        clean([response("A")], {"organisation": "Missing"})


ROW_KINDS = ["response", "again", "blank", "spaces", "header", "unanswered"]


def rows_of_kinds(kinds: list[str]) -> tuple[list[dict], dict[str, int], int]:
    """Rows of the given kinds, the reasons expected, and how many answers repeat an earlier organisation."""
    rows: list[dict] = []
    expected = {BLANK_ROW: 0, REPEATED_HEADER: 0, NO_ANSWER: 0}
    organisations: list[str] = []
    repeats = 0
    for i, kind in enumerate(kinds):
        when = f"2024-01-01 {i // 60:02d}:{i % 60:02d}"
        if kind == "again" and organisations:
            rows.append(response(organisations[-1].upper() + " AB", Submitted=when))  # same organisation
            repeats += 1
        elif kind in ("response", "again"):
            organisations.append(f"Kommun {i}")
            rows.append(response(organisations[-1], Submitted=when))
        elif kind in ("blank", "spaces"):
            rows.append({} if kind == "blank" else dict.fromkeys(COLUMNS, "  "))
            expected[BLANK_ROW] += 1
        elif kind == "header":
            rows.append({c: c for c in COLUMNS})
            expected[REPEATED_HEADER] += 1
        else:
            rows.append({"Submitted": when, "E-mail": f"person{i}@example.se"})
            expected[NO_ANSWER] += 1
    return rows, expected, repeats


@settings(deadline=None, max_examples=25)  # each example cleans a table through pandas
@given(kinds=st.lists(st.sampled_from(ROW_KINDS), max_size=40))
def test_every_row_read_is_kept_or_set_aside_with_its_reason(kinds):
    rows, expected, repeats = rows_of_kinds(kinds)
    kept, aside = clean(rows)
    assert len(kept) + len(aside) == len(rows)
    assert aside[REASON].value_counts().to_dict() == {reason: n for reason, n in expected.items() if n}
    assert sorted([*kept["source_row"], *aside["source_row"]]) == list(range(2, len(rows) + 2))

    latest, superseded = supersede_duplicates(kept)
    assert len(latest) + len(superseded) == len(kept)
    assert len(superseded) == repeats


# ---------------------------------------------------------------------------------------------------
# Superseding across files


def cleaned(file_name: str, rows: list[dict]) -> pd.DataFrame:
    return clean(rows, file_name=file_name)[0]


def test_a_later_answer_of_the_same_organisation_supersedes_the_earlier_one():
    first = cleaned("round1.xlsx", [response("Stockholms stad", Submitted="2023-05-01", Budget="1 M€")])
    second = cleaned(
        "round2.csv",
        [
            response("Göteborgs Stad", Submitted="2023-05-02"),
            response("STOCKHOLMS STAD AB", Submitted="2023-06-01", Budget="2 M€", Country=None),
        ],
    )
    kept, aside = supersede_duplicates(pd.concat([first, second], ignore_index=True))
    assert kept["organisation"].tolist() == ["Göteborgs Stad", "STOCKHOLMS STAD AB"]
    assert kept["budget_eur"].tolist() == [1_200_000, 2_000_000]
    assert aside[REASON].tolist() == [
        "earlier answer from the same organisation, superseded by round2.csv row 3"
    ]
    assert (aside["source_file"].iloc[0], aside["source_row"].iloc[0]) == ("round1.xlsx", 2)
    assert aside["budget_eur"].iloc[0] == "1000000"


def test_the_later_answer_wins_whatever_the_file_order():
    later = cleaned("a.xlsx", [response("Oslo kommune", Submitted="2023-06-01", Country="Norge")])
    earlier = cleaned("b.xlsx", [response("Oslo Kommune", Submitted="2023-05-01", Country="NO")])
    kept, aside = supersede_duplicates(pd.concat([later, earlier], ignore_index=True))
    assert kept["source_file"].tolist() == ["a.xlsx"]
    assert aside["source_file"].tolist() == ["b.xlsx"]


def test_answers_given_at_the_same_time_keep_the_one_further_down():
    rows = [response("Helsingin kaupunki", Need="first"), response("Helsingin kaupunki", Need="second")]
    kept, aside = supersede_duplicates(cleaned("fi.xlsx", rows))
    assert kept["need_text"].tolist() == ["second"]
    assert aside[REASON].tolist() == [
        "earlier answer from the same organisation, superseded by fi.xlsx row 3"
    ]


def test_the_same_name_in_two_countries_is_two_organisations():
    rows = [response("Region Nord", Country="Sverige"), response("Region Nord", Country="Norge")]
    kept, aside = supersede_duplicates(cleaned("x.xlsx", rows))
    assert len(kept) == 2 and aside.empty


def test_rows_without_an_organisation_never_supersede_each_other():
    rows = [response(None, Need="one"), response(None, Need="two")]
    kept, aside = supersede_duplicates(cleaned("x.xlsx", rows))
    assert kept["need_text"].tolist() == ["one", "two"] and aside.empty
