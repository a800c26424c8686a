"""Downloads cannot attack the reader: formulas are neutralised on every path, numbers stay numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.export import (
    EXCEL_MAX_ROWS,
    WIDTH_MAX,
    download_name,
    neutralise_formulas,
    to_csv_bytes,
    to_xlsx_bytes,
)
from analysis.privacy import PERSONAL_DATA_NOTE, mask_contacts

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example","click")',
    "+46 70 123 45 67",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "＝1+1",
]
HARMLESS = ["plain text", "Malmö stad", "a=b", " =not first", "", "-12", "-12.5"]


def read_csv(data: bytes) -> list[list[str]]:
    """CSV bytes parsed back the way a spreadsheet would split them."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def open_xlsx(data: bytes) -> openpyxl.Workbook:
    """An xlsx download opened with openpyxl."""
    return openpyxl.load_workbook(io.BytesIO(data))


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet would take this text as the start of a formula."""
    return text.startswith((*TRIGGERS, "＝", "＋", "－", "＠")) and not _is_plain_negative(text)


def _is_plain_negative(text: str) -> bool:
    """'-12' and '-12.5' are numbers, never formulas."""
    return re.fullmatch(r"-[0-9]+(\.[0-9]+)?", text) is not None


@pytest.fixture
def needs() -> pd.DataFrame:
    """A small filtered table of needs with hostile text, numbers, dates and lists."""
    return pd.DataFrame(
        {
            "organisation": pd.Series([*HOSTILE, *HARMLESS[:2]], dtype=str),
            "budget_eur": [1_250_000.5, -3.0, 0.1, np.nan, 7.0, 1e20, 2.5, 4.0, 5.0, 6.0],
            "procurement_horizon_months": pd.array([12, None, 24, 6, 3, 1, 2, 3, 4, 5], dtype="Int64"),
            "submitted_at": pd.to_datetime(
                ["2024-01-02", "2024-01-03 10:30", None] + ["2024-02-01"] * 7, format="ISO8601"
            ),
            "sectors": [["ict", "=evil()"], ["energy"], [], None, ["water"], ["ict"], [], [], [], []],
            "Quoted title": pd.Series([*HARMLESS, "x", "y", "z"], dtype=str),
        }
    )


def test_neutralise_formulas_prefixes_an_apostrophe_to_each_hostile_text():
    frame = pd.DataFrame({"text": pd.Series(HOSTILE, dtype=str)})
    assert neutralise_formulas(frame)["text"].tolist() == ["'" + text for text in HOSTILE]


def test_neutralise_formulas_leaves_harmless_text_and_plain_negative_numbers_as_written():
    frame = pd.DataFrame({"text": pd.Series(HARMLESS, dtype=str)})
    assert neutralise_formulas(frame)["text"].tolist() == HARMLESS


def test_neutralise_formulas_keeps_numeric_columns_exactly():
    frame = pd.DataFrame({"budget": [-1.5, 2e-9, np.nan], "count": [-3, 0, 5]})
    result = neutralise_formulas(frame)
    pd.testing.assert_frame_equal(result, frame)


def test_neutralise_formulas_neutralises_hostile_column_names_and_text_in_mixed_columns():
    frame = pd.DataFrame({"=cmd()": [1, 2], "mixed": pd.Series(["=1", -4], dtype=object)})
    result = neutralise_formulas(frame)
    assert list(result.columns) == ["'=cmd()", "mixed"]
    assert result["mixed"].tolist() == ["'=1", -4]


def test_neutralise_formulas_does_not_change_its_input(needs):
    before = needs.copy()
    neutralise_formulas(needs)
    pd.testing.assert_frame_equal(needs, before)


def test_csv_starts_with_a_bom_and_keeps_accents(needs):
    data = to_csv_bytes(needs)
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Malmö stad" in data.decode("utf-8-sig")


def test_csv_cells_never_start_a_formula(needs):
    rows = read_csv(to_csv_bytes(needs))
    assert rows[0] == list(needs.columns)
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if is_dangerous(cell)]
    organisations = [row[0] for row in rows[1:]]
    assert organisations[: len(HOSTILE)] == ["'" + text for text in HOSTILE]


def test_csv_joins_lists_writes_iso_dates_and_keeps_numbers(needs):
    rows = read_csv(to_csv_bytes(needs))
    header = rows[0]
    first, second, third = (dict(zip(header, row, strict=True)) for row in rows[1:4])
    assert first["sectors"] == "ict; =evil()"
    assert first["submitted_at"] == "2024-01-02T00:00:00"
    assert second["submitted_at"] == "2024-01-03T10:30:00"
    assert third["submitted_at"] == ""
    assert float(first["budget_eur"]) == 1_250_000.5
    assert second["budget_eur"] == "-3.0"
    assert second["procurement_horizon_months"] == ""


def test_csv_neutralises_hostile_header_names():
    rows = read_csv(to_csv_bytes(pd.DataFrame({"@attack": ["x"], "=1+2": ["y"]})))
    assert rows[0] == ["'@attack", "'=1+2"]


def test_xlsx_has_no_formula_cells_and_hostile_text_starts_with_an_apostrophe(needs):
    sheet = open_xlsx(to_xlsx_bytes({"Needs": needs}))["Needs"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not [cell.value for cell in cells if isinstance(cell.value, str) and is_dangerous(cell.value)]
    organisations = [sheet.cell(row=row, column=1).value for row in range(2, 2 + len(HOSTILE) - 2)]
    assert organisations == ["'" + text for text in HOSTILE[: len(HOSTILE) - 2]]


def test_xlsx_neutralises_hostile_header_names():
    sheet = open_xlsx(to_xlsx_bytes({"Needs": pd.DataFrame({"=HYPERLINK(1)": [1], "-x": [2]})}))["Needs"]
    assert [cell.value for cell in sheet[1]] == ["'=HYPERLINK(1)", "'-x"]


def test_xlsx_writes_numbers_as_numeric_cells_with_their_exact_values(needs):
    sheet = open_xlsx(to_xlsx_bytes({"Needs": needs}))["Needs"]
    budgets = [sheet.cell(row=row, column=2) for row in range(2, 12)]
    assert [cell.data_type for cell in budgets if cell.value is not None] == ["n"] * 9
    assert [cell.value for cell in budgets[:3]] == [1_250_000.5, -3.0, 0.1]
    assert budgets[3].value is None
    assert budgets[5].value == 1e20
    horizons = [sheet.cell(row=row, column=3).value for row in range(2, 5)]
    assert horizons == [12, None, 24]


def test_xlsx_writes_dates_as_real_dates_with_a_date_format(needs):
    sheet = open_xlsx(to_xlsx_bytes({"Needs": needs}))["Needs"]
    day, moment, empty = (sheet.cell(row=row, column=4) for row in (2, 3, 4))
    assert day.is_date and day.value == dt.datetime(2024, 1, 2)
    assert moment.is_date and moment.value == dt.datetime(2024, 1, 3, 10, 30)
    assert "yyyy" in day.number_format and "hh:mm" in moment.number_format
    assert empty.value is None


def test_xlsx_joins_lists_and_leaves_missing_values_empty(needs):
    sheet = open_xlsx(to_xlsx_bytes({"Needs": needs}))["Needs"]
    sectors = [sheet.cell(row=row, column=5).value for row in range(2, 6)]
    assert sectors == ["ict; =evil()", "energy", None, None]


def test_xlsx_header_is_bold_frozen_and_filtered(needs):
    sheet = open_xlsx(to_xlsx_bytes({"Needs": needs}))["Needs"]
    assert [cell.value for cell in sheet[1]] == list(needs.columns)
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F11"


def test_xlsx_fits_column_widths_to_content_within_a_cap():
    frame = pd.DataFrame({"id": [1, 2], "need_text": ["Zero-emission excavators for city sites" * 3, "x"]})
    sheet = open_xlsx(to_xlsx_bytes({"Needs": frame}))["Needs"]
    narrow, wide = sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width
    assert wide > 13 > narrow - 1  # openpyxl's default width is 13
    assert wide == WIDTH_MAX


def test_xlsx_puts_the_about_sheet_first_with_the_note_lines(needs):
    note = "Rows: sector = ICT, country = SE\nContact data: masked"
    book = open_xlsx(to_xlsx_bytes({"Needs": needs, "Groups": needs.head(2)}, note=note))
    assert book.sheetnames == ["About", "Needs", "Groups"]
    assert [cell.value for cell in book["About"]["A"]] == note.splitlines()
    assert book["Groups"].auto_filter.ref == "A1:F3"


def test_xlsx_without_a_note_has_only_the_tables(needs):
    assert open_xlsx(to_xlsx_bytes({"Needs": needs})).sheetnames == ["Needs"]


def test_xlsx_sheet_names_are_made_acceptable_to_excel_and_unique():
    frame = pd.DataFrame({"a": [1]})
    long = "Working group: zero-emission construction sites"
    book = open_xlsx(to_xlsx_bytes({"Needs[1]": frame, "needs[1]": frame, long: frame, "History": frame}))
    names = book.sheetnames
    assert names[0] == "Needs_1_"
    assert names[1].casefold() != names[0].casefold()
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    assert len({name.casefold() for name in names}) == 4
    assert names[3] != "History"


def test_xlsx_keeps_each_cell_kind_in_a_column_of_mixed_values():
    mixed = pd.Series(["=x", 3, 2.5, True, dt.date(2024, 5, 6), ["a", "b"], None], dtype=object)
    sheet = open_xlsx(to_xlsx_bytes({"Cells": pd.DataFrame({"answer": mixed})}))["Cells"]
    values = [sheet.cell(row=row, column=1).value for row in range(2, 9)]
    assert values == ["'=x", 3, 2.5, True, dt.datetime(2024, 5, 6), "a; b", None]


def test_xlsx_keeps_xml_special_characters_and_edge_blanks():
    text = pd.Series(["<&>", " leading", "trailing ", "bell\x07", "Åsa Öberg"], dtype=str)
    sheet = open_xlsx(to_xlsx_bytes({"Text": pd.DataFrame({"t": text})}))["Text"]
    values = [sheet.cell(row=row, column=1).value for row in range(2, 7)]
    assert values[:3] == ["<&>", " leading", "trailing "]
    assert values[4] == "Åsa Öberg"


def test_xlsx_writes_an_empty_table_as_a_header_row():
    frame = pd.DataFrame({"organisation": pd.Series([], dtype=str), "budget_eur": pd.Series([], dtype=float)})
    sheet = open_xlsx(to_xlsx_bytes({"Needs": frame}))["Needs"]
    assert [cell.value for cell in sheet[1]] == ["organisation", "budget_eur"]
    assert sheet.max_row == 1


def test_xlsx_same_tables_give_the_same_bytes(needs):
    assert to_xlsx_bytes({"Needs": needs}, note="x") == to_xlsx_bytes({"Needs": needs}, note="x")


def test_xlsx_package_holds_no_formula_element(needs):
    with zipfile.ZipFile(io.BytesIO(to_xlsx_bytes({"Needs": needs}, note="=1+1"))) as package:
        xml = b"".join(package.read(name) for name in package.namelist())
    assert b"<f>" not in xml and b"<f " not in xml


def test_xlsx_refuses_a_table_larger_than_an_excel_sheet():
    frame = pd.DataFrame({"id": np.zeros(EXCEL_MAX_ROWS, dtype=np.int8)})
    with pytest.raises(InputError, match="download it as CSV"):
        to_xlsx_bytes({"Needs": frame})


@pytest.mark.parametrize(
    ("base", "extension", "includes", "expected"),
    [
        ("needs-filtered", "csv", False, "needs-filtered.csv"),
        ("needs-filtered", ".csv", True, "needs-filtered-WITH-CONTACT-DATA.csv"),
        ("working groups/2025", "xlsx", True, "working-groups-2025-WITH-CONTACT-DATA.xlsx"),
    ],
)
def test_download_name_states_when_contact_data_is_included(base, extension, includes, expected):
    assert download_name(base, extension, includes) == expected


hostile_text = st.tuples(st.sampled_from(["", *TRIGGERS, "＝"]), st.text(max_size=20)).map("".join)
exact_floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
whole_numbers = st.integers(min_value=-(10**15), max_value=10**15)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(hostile_text, min_size=1, max_size=8),
    header=hostile_text,
    floats=st.lists(exact_floats, min_size=8, max_size=8),
    ints=st.lists(whole_numbers, min_size=8, max_size=8),
)
def test_no_random_text_ever_comes_out_as_a_formula_and_numbers_stay_exact(texts, header, floats, ints):
    assume(header not in ("float column", "int column"))
    rows = len(texts)
    frame = pd.DataFrame(
        {
            header: pd.Series(texts, dtype=object),
            "float column": floats[:rows],
            "int column": np.array(ints[:rows], dtype=np.int64),
        }
    )
    sheet = open_xlsx(to_xlsx_bytes({"Random": frame}))["Random"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert not [cell.value for cell in cells if isinstance(cell.value, str) and is_dangerous(cell.value)]
    assert [sheet.cell(row=row, column=2).value for row in range(2, rows + 2)] == floats[:rows]
    assert [sheet.cell(row=row, column=3).value for row in range(2, rows + 2)] == ints[:rows]

    parsed = read_csv(to_csv_bytes(frame))
    assert not is_dangerous(parsed[0][0])
    expected = ["'" + text if is_dangerous(text) else text for text in texts]
    assert [row[0] for row in parsed[1:]] == expected
    assert [float(row[1]) for row in parsed[1:]] == floats[:rows]
    assert [int(row[2]) for row in parsed[1:]] == ints[:rows]


def test_rows_with_repeated_index_labels_keep_their_own_values():
    frame = pd.DataFrame({"text": ["=a", "b", "@c"], "n": [1, 2, 3]}, index=[4, 4, 9])
    assert neutralise_formulas(frame)["text"].tolist() == ["'=a", "b", "'@c"]
    assert [row[0] for row in read_csv(to_csv_bytes(frame))[1:]] == ["'=a", "b", "'@c"]


def test_a_masked_download_holds_no_contact_details():
    frame = pd.DataFrame(
        {
            "contact_name": ["Ana Ruiz"],
            "contact_email": ["ana.ruiz@city.example"],
            "contact_phone": ["+46 70 123 45 67"],
            "need_text": ["or call 070-765 43 21"],
        }
    )
    masked = mask_contacts(frame)
    sheet = open_xlsx(to_xlsx_bytes({"Needs": masked}, note=PERSONAL_DATA_NOTE))["Needs"]
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row]
    cells += [cell for row in read_csv(to_csv_bytes(masked)) for cell in row]
    for secret in ("Ana Ruiz", "ana.ruiz@", "70 123 45 67", "765 43 21"):
        assert not [cell for cell in cells if secret in cell]
