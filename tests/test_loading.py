"""The whole load on random workbooks and CSVs: it never crashes, and every row is kept or set aside."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.loading import load_files

# Text a spreadsheet can hold: no control characters (Excel refuses them in cells).
TEXT = st.characters(exclude_categories=("Cc", "Cs"))
HEADERS = st.one_of(
    st.sampled_from(
        [
            "Name of your organisation",
            "Organisationens namn",
            "Pays",
            "E-Mail",
            "Budget (EUR)",
            "Describe your unmet need",
            "Rolle",
            "Timestamp",
            "Respondent ID",
            "",
        ]
    ),
    st.text(TEXT, min_size=1, max_size=20),
)
CELLS = st.one_of(
    st.none(),
    st.text(TEXT, max_size=40),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2035, 1, 1)),
    st.sampled_from(["=1+1", "+46 70 123 45 67", "1,2 M€", "Sverige", "EL", "ana@city.example", "  "]),
)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[object]], int]:
    """A header, rows of random cells (some blank), and a number of title rows above the header."""
    header = draw(st.lists(HEADERS, min_size=1, max_size=8))
    blank_row = [None] * len(header)
    rows = draw(
        st.lists(
            st.one_of(st.just(blank_row), st.lists(CELLS, min_size=len(header), max_size=len(header))),
            max_size=25,
        )
    )
    return header, rows, draw(st.integers(0, 3))


def workbook_bytes(header: list[str], rows: list[list[object]], titles: int) -> bytes:
    """The table as an .xlsx, with merged title rows above the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    for number in range(titles):
        sheet.append([f"Needs assessment 2026, part {number + 1}"])
        if len(header) > 1:
            sheet.merge_cells(
                start_row=number + 1, start_column=1, end_row=number + 1, end_column=len(header)
            )
    sheet.append(header)
    for row in rows:
        sheet.append(["'" + c if isinstance(c, str) and c.startswith("=") else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def assert_loaded_or_refused(name: str, data: bytes) -> None:
    """Loading gives a clear refusal naming the file, or conserves every row."""
    try:
        result = load_files([(name, data)])
    except InputError as error:
        assert str(error).startswith(name) and "\n" not in str(error)
        return
    assert result.rows_read == len(result.frame) + len(result.set_aside)
    assert result.set_aside.empty or result.set_aside["reason"].notna().all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_random_workbooks_load_or_are_refused_and_rows_are_conserved(table):
    assert_loaded_or_refused("random.xlsx", workbook_bytes(*table))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_random_csvs_load_or_are_refused_and_rows_are_conserved(table, delimiter, encoding):
    header, rows, titles = table
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    for number in range(titles):
        writer.writerow([f"Needs assessment, part {number + 1}"])
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in rows])
    data = text.getvalue().encode(encoding, errors="replace")
    assert_loaded_or_refused("random.csv", data)
