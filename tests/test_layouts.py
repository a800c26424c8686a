"""Layout recognition on real workbooks written the way each survey tool writes them, read by calamine."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from analysis.layouts import recognise
from analysis.models import RawSheet, Table

WHEN = dt.datetime(2023, 5, 19, 10, 2, 11)
LATER = dt.datetime(2023, 5, 19, 10, 14, 40)


def read_sheet(tmp_path: Path, rows: list[list[object]], sheet_name: str = "Sheet1") -> RawSheet:
    """Write rows to a real .xlsx with openpyxl, read them back with calamine, as the reader hands them on."""
    path = tmp_path / f"{sheet_name}.xlsx"
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet_name
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    cells = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    return RawSheet(sheet_name, [[None if cell == "" else cell for cell in row] for row in cells])


def recognised(tmp_path: Path, rows: list[list[object]], sheet_name: str = "Sheet1") -> Table:
    """The Table recognised from rows written to and read back from a workbook."""
    table = recognise(read_sheet(tmp_path, rows, sheet_name), "export.xlsx")
    assert table is not None
    return table


def test_eusurvey_header_on_row_4_and_split_mcq_option_columns(tmp_path: Path) -> None:
    rows = [
        ["Alias", "BBTWNeedsAssessment2023"],
        ["Export Date", dt.datetime(2023, 6, 30, 9, 15)],
        [],
        [
            "Name of your organisation",
            "Country",
            "Areas of interest",
            "Healthcare",
            "Construction",
            "Other area (please specify)",
            "Contribution ID",
            "User name",
            "Creation date",
            "Languages",
        ],
        ["City of Examplestad", "Belgium", None, "Yes", "No", None, "2d7c9c2e", "Anonymous", WHEN, "EN"],
        [],
        ["Region Norrland", "Sverige", None, "No", "Yes", "Snow clearing", "5e1f0a9b", "a@b.se", LATER, "SV"],
    ]
    table = recognised(tmp_path, rows, "Content")
    assert table.layout == "EUSurvey"
    assert table.source_rows == [5, 6, 7]
    assert table.option_columns == {
        "Areas of interest": {
            "Areas of interest - Healthcare": "Healthcare",
            "Areas of interest - Construction": "Construction",
        }
    }
    assert (
        "Areas of interest" not in table.frame.columns
    )  # the empty question column is folded into its options
    assert table.frame["Country"].tolist() == ["Belgium", None, "Sverige"]
    assert table.frame["Creation date"].iloc[0] == WHEN
    assert any("row 4 below 3 title rows" in note for note in table.notes)


def test_qualtrics_three_header_rows_and_split_choice_columns(tmp_path: Path) -> None:
    rows = [
        ["StartDate", "EndDate", "ResponseId", "Finished", "Q1", "Q2_1", "Q2_2", "Q2_4_TEXT"],
        [
            "Start Date",
            "End Date",
            "Response ID",
            "Finished",
            "Name of your organisation",
            "Sectors - Health",
            "Sectors - Energy",
            "Sectors - Other - Text",
        ],
        [
            '{"ImportId":"startDate","timeZone":"Europe/Brussels"}',
            '{"ImportId":"endDate"}',
            '{"ImportId":"_recordId"}',
            '{"ImportId":"finished"}',
            '{"ImportId":"QID1"}',
            '{"ImportId":"QID2","choiceId":"1"}',
            '{"ImportId":"QID2","choiceId":"2"}',
            '{"ImportId":"QID2_4_TEXT"}',
        ],
        [WHEN, LATER, "R_1a2B3c4D5e6F7g8", True, "Comune di Esempio", 1, None, "Hospital laundry"],
    ]
    table = recognised(tmp_path, rows)
    assert table.layout == "Qualtrics"
    assert table.source_rows == [4]
    assert list(table.frame.columns)[:5] == [
        "Start Date",
        "End Date",
        "Response ID",
        "Finished",
        "Name of your organisation",
    ]
    assert table.option_columns == {"Sectors": {"Sectors - Health": "Health", "Sectors - Energy": "Energy"}}


def test_qualtrics_legacy_two_header_rows(tmp_path: Path) -> None:
    rows = [
        ["V1", "V2", "V3", "V8", "V9", "Q1"],
        ["ResponseID", "ResponseSet", "Name", "StartDate", "EndDate", "Country"],
        ["R_abc", "Default Response Set", "Ana", WHEN, LATER, "Spain"],
    ]
    table = recognised(tmp_path, rows)
    assert (table.layout, table.source_rows) == ("Qualtrics", [3])
    assert list(table.frame.columns) == [
        "ResponseID",
        "ResponseSet",
        "Name",
        "StartDate",
        "EndDate",
        "Country",
    ]


def test_surveymonkey_two_header_rows_forward_fill_and_option_columns(tmp_path: Path) -> None:
    rows = [
        [
            "Respondent ID",
            "Collector ID",
            "Start Date",
            "End Date",
            "Which sectors?",
            None,
            None,
            "Type of organisation",
            None,
            "Describe your unmet needs",
            "Contact details",
            None,
        ],
        [
            None,
            None,
            None,
            None,
            "Healthcare",
            "Construction",
            "Other (please specify)",
            "Response",
            "Other (please specify)",
            "Open-Ended Response",
            "Company",
            "Email Address",
        ],
        [
            11498801234,
            4521987,
            WHEN,
            LATER,
            "Healthcare",
            None,
            "Hospital laundry",
            "Municipality",
            None,
            "Low-carbon imaging",
            "City of Example",
            "ana@city.example",
        ],
        [
            11498805678,
            4521987,
            WHEN,
            LATER,
            None,
            "Construction",
            None,
            "Other",
            "Port authority",
            "Electric excavators",
            "Port of Example",
            "bo@port.example",
        ],
    ]
    table = recognised(tmp_path, rows)
    assert table.layout == "SurveyMonkey"
    assert table.source_rows == [3, 4]
    assert table.option_columns == {
        "Which sectors?": {
            "Which sectors? - Healthcare": "Healthcare",
            "Which sectors? - Construction": "Construction",
            "Which sectors? - Other (please specify)": "Other (please specify)",
        }
    }
    columns = list(table.frame.columns)
    assert "Type of organisation" in columns  # 'Response' collapses to the question text
    assert "Type of organisation - Other (please specify)" in columns
    assert "Describe your unmet needs" in columns  # 'Open-Ended Response' too
    assert {"Company", "Email Address"} <= set(columns)  # contact fields are named by the field itself
    assert table.frame["Which sectors? - Construction"].tolist() == [None, "Construction"]


def test_kobo_group_paths_hxl_row_and_detail_columns(tmp_path: Path) -> None:
    rows = [
        [
            "start",
            "background/org_type",
            "background/sectors",
            "background/sectors/health",
            "background/sectors/food",
            "background/sectors/other",
            "needs/need",
            "_id",
            "_uuid",
            "_submission_time",
        ],
        ["#date", "#org+type", "#sector", None, None, None, "#need", None, None, None],
        [
            WHEN,
            "municipality",
            "health other",
            1,
            0,
            1,
            "Hospital laundry",
            101,
            "6c1e",
            "2023-05-19T10:09:41",
        ],
        [WHEN, "region", "food", 0, 1, 0, "Plant-based meals", 102, "7d2f", "2023-05-20T08:01:00"],
    ]
    table = recognised(tmp_path, rows)
    assert table.layout == "KoboToolbox"
    assert table.source_rows == [3, 4]  # the HXL hashtag row is not a response
    assert list(table.frame.columns)[:3] == ["start", "org_type", "sectors"]
    assert "need" in table.frame.columns
    assert table.option_columns == {
        "sectors (options)": {"sectors/health": "health", "sectors/food": "food", "sectors/other": "other"}
    }


def test_limesurvey_code_headers_become_option_columns(tmp_path: Path) -> None:
    rows = [
        [
            "id",
            "submitdate",
            "lastpage",
            "startlanguage",
            "orgname",
            "sectors[SQ001]",
            "sectors[SQ002]",
            "sectors[other]",
            "need[comment]",
        ],
        [12, "2023-05-19 10:14:40", 3, "en", "City of Example", "Y", None, "Hospital laundry", None],
        [13, "2023-05-20 11:00:00", 3, "de", "Stadt Beispiel", None, "Y", None, None],
    ]
    table = recognised(tmp_path, rows)
    assert (table.layout, table.source_rows) == ("LimeSurvey", [2, 3])
    assert table.option_columns == {
        "sectors": {"sectors[SQ001]": "SQ001", "sectors[SQ002]": "SQ002", "sectors[other]": "other"}
    }


def test_limesurvey_full_headers_with_yes_no_answers(tmp_path: Path) -> None:
    rows = [
        [
            "Response ID",
            "Date submitted",
            "Last page",
            "Start language",
            "Which sectors? [Healthcare]",
            "Which sectors? [Energy]",
            "Country",
        ],
        [1, "2023-05-19 10:14:40", 2, "fr", "Yes", "No", "France"],
        [2, "2023-05-19 11:14:40", 2, "fr", "No", "Yes", "Belgique"],
    ]
    table = recognised(tmp_path, rows)
    assert table.layout == "LimeSurvey"
    assert table.option_columns == {
        "Which sectors?": {"Which sectors? [Healthcare]": "Healthcare", "Which sectors? [Energy]": "Energy"}
    }


@pytest.mark.parametrize(
    ("start", "completion"),
    [
        ("Start time", "Completion time"),
        ("Startzeit", "Fertigstellungszeit"),
        ("Heure de début", "Heure de fin"),
    ],
)
def test_microsoft_forms_recognised_in_several_languages(tmp_path: Path, start: str, completion: str) -> None:
    rows = [
        ["ID", start, completion, "Email", "Name", "Which sectors?"],
        [1, WHEN, LATER, "anonymous", None, "Healthcare;Construction;"],
        [2, WHEN, LATER, "ana@city.example", "Ana Ruiz", "Food;"],
    ]
    table = recognised(tmp_path, rows)
    assert (table.layout, table.source_rows) == ("Microsoft Forms", [2, 3])
    assert table.frame[start].tolist() == [WHEN, WHEN]


@pytest.mark.parametrize(
    "timestamp",
    [
        "Timestamp",
        "Marca temporal",
        "Horodateur",
        "Zeitstempel",
        "Tidstämpel",
        "Aikaleima",
        "Tidsstempel",
        "Sygnatura czasowa",
        "Tijdstempel",
        "Carimbo de data/hora",
        "Informazioni cronologiche",
    ],
)
def test_google_forms_recognised_by_localised_timestamp(tmp_path: Path, timestamp: str) -> None:
    rows = [[timestamp, "Email Address", "Which sectors?"], [WHEN, "ana@city.example", "Healthcare, Energy"]]
    table = recognised(tmp_path, rows)
    assert (table.layout, table.source_rows) == ("Google Forms", [2])


def test_microsoft_forms_below_title_rows_is_still_recognised(tmp_path: Path) -> None:
    rows = [
        ["Needs assessment 2024"],
        [],
        ["ID", "Start time", "Completion time", "Country"],
        [1, WHEN, LATER, "SE"],
    ]
    table = recognised(tmp_path, rows)
    assert (table.layout, table.source_rows) == ("Microsoft Forms", [4])


def test_generic_header_below_title_rows_and_comments(tmp_path: Path) -> None:
    rows = [
        ["Needs assessment of the buyers' network"],
        ["Exported by the secretariat", None],
        ["# internal copy, do not share"],
        ["# columns below come from the paper form", "see annex"],
        ["Organisation", "Country", "Budget", "Main need"],
        ["City of Example", "Spain", 250000, "Electric buses"],
        [None, None, None, None],
        ["Region of Example", "Italy", 1200000, "Recycled asphalt"],
    ]
    table = recognised(tmp_path, rows)
    assert table.layout == "generic"
    assert list(table.frame.columns) == ["Organisation", "Country", "Budget", "Main need"]
    assert table.source_rows == [6, 7, 8]  # the blank row is kept: cleaning decides about it
    assert table.frame["Budget"].tolist() == [250000, None, 1200000]
    assert any("row 5 below 4 title rows" in note for note in table.notes)


def test_repeated_and_empty_headers_get_unique_names(tmp_path: Path) -> None:
    rows = [
        [None, "When", "When", "Country", None, "When (2)", None],
        [None, "2024", "2025", "SE", "note", "soon", None],
        [None, "2026", "2025", "DE", None, "later", None],
    ]
    table = recognised(tmp_path, rows)
    # Empty columns without a header are dropped; an unnamed column holding data is named by its letter.
    assert list(table.frame.columns) == ["When", "When (3)", "Country", "column_E", "When (2)"]
    assert table.frame["column_E"].tolist() == ["note", None]


def test_whitespace_in_headers_is_normalised(tmp_path: Path) -> None:
    rows = [["  Name of your\norganisation ", "Country\t"], ["City of Example", "Spain"]]
    assert list(recognised(tmp_path, rows).frame.columns) == ["Name of your organisation", "Country"]


def test_empty_and_title_only_sheets_hold_no_table(tmp_path: Path) -> None:
    assert recognise(read_sheet(tmp_path, [], "Empty"), "export.xlsx") is None
    title_only = [["Weekly report"], [], ["Prepared by the secretariat"], [None, "Page 1"]]
    assert recognise(read_sheet(tmp_path, title_only, "Report"), "export.xlsx") is None


def test_rows_without_header_keep_every_row_under_letter_names(tmp_path: Path) -> None:
    table = recognised(tmp_path, [[], [], ["a", 0], ["b", 1]])
    assert list(table.frame.columns) == ["column_A", "column_B"]
    assert table.source_rows == [3, 4]


def test_recognising_100k_rows_is_fast() -> None:
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Organisation", "Country", "Needs"]
    row = [
        1.0,
        WHEN,
        LATER,
        "ana@city.example",
        "Ana",
        "City of Example",
        "Spain",
        "Electric buses for the city",
    ]
    sheet = RawSheet("Sheet1", [header, *([*row] for _ in range(100_000))])
    started = time.perf_counter()
    table = recognise(sheet, "big.xlsx")
    elapsed = time.perf_counter() - started
    assert table is not None and len(table.frame) == 100_000 and table.source_rows[-1] == 100_001
    assert elapsed < 2.0, f"recognising 100k rows took {elapsed:.2f} s"


TOOL_WORDS = [
    "Alias",
    "Export Date",
    "Timestamp",
    "Respondent ID",
    "Collector ID",
    "Response",
    "StartDate",
    "EndDate",
    "ResponseId",
    '{"ImportId":"QID1","choiceId":"1"}',
    "_uuid",
    "_submission_time",
    "#tag",
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "Q1[SQ001]",
    "Start time",
    "Completion time",
    "Yes",
    "No",
    "1",
    "0",
    "a/b",
    "When",
    "# note",
]
CELLS = st.one_of(
    st.none(),
    st.sampled_from(TOOL_WORDS),
    st.text(max_size=12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-5, 5),
    st.just(WHEN),
    st.booleans(),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELLS, max_size=7), max_size=12), name=st.sampled_from(["Sheet1", "Content"]))
def test_any_sheet_gives_a_table_that_keeps_every_row_below_its_header(
    rows: list[list[object]], name: str
) -> None:
    table = recognise(RawSheet(name, rows), "random.xlsx")
    if table is None:
        return
    assert len(table.frame) == len(table.source_rows)
    assert table.source_rows == list(range(len(rows) - len(table.source_rows) + 1, len(rows) + 1))
    columns = list(table.frame.columns)
    assert len(set(columns)) == len(columns) and all(isinstance(column, str) and column for column in columns)
    grouped = [column for options in table.option_columns.values() for column in options]
    assert set(grouped) <= set(columns) and not set(table.option_columns) & set(columns)
