"""read_file turns an upload's bytes into raw sheets: workbooks of any kind, or text in any encoding."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.workbook.properties import CalcProperties

from analysis import reading
from analysis.errors import InputError
from analysis.models import RawSheet, Workbook
from sample_data.make_sample import write_benchmark_csv

SAMPLE_WORKBOOKS = sorted((Path(__file__).resolve().parents[1] / "sample_data").glob("*.xlsx"))
PEER_TEXT_FILES = sorted(
    path
    for path in (Path(__file__).resolve().parents[2] / "shared" / "peer_files").glob("*")
    if path.suffix.lower() in (".csv", ".tsv", ".txt")
)

HEADER = ["Organisation", "Country", "Main unmet need"]
ANSWERS = [["Malmö stad", "Sverige", "Fossil-free excavators"], ["Ville de Lyon", "France", "Repas bio"]]


def xlsx(build) -> bytes:
    """An .xlsx written by openpyxl after `build(workbook)` fills it."""
    workbook = openpyxl.Workbook()
    build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def answers_sheet(workbook: openpyxl.Workbook) -> None:
    """The first sheet holds a header and two answers."""
    sheet = workbook.active
    sheet.title = "Responses"
    for row in [HEADER, *ANSWERS]:
        sheet.append(row)


def read_text(text: str, encoding: str = "utf-8", name: str = "answers.csv") -> Workbook:
    """read_file on text encoded as given."""
    return reading.read_file(text.encode(encoding), name)


def only_rows(workbook: Workbook) -> list[list[object]]:
    """Rows of a workbook's single sheet."""
    assert len(workbook.sheets) == 1
    return workbook.sheets[0].rows


# --- workbooks ------------------------------------------------------------------------------------


def test_xlsx_sheet_is_read_row_by_row_with_none_for_empty_cells():
    def build(workbook):
        answers_sheet(workbook)
        workbook.active["B5"] = "late answer"  # row 4 stays empty; column C ends at row 3

    workbook = reading.read_file(xlsx(build), "answers.xlsx")
    assert workbook.sheets == [
        RawSheet("Responses", [HEADER, *ANSWERS, [None, None, None], [None, "late answer", None]], "visible")
    ]
    assert workbook.file_name == "answers.xlsx" and workbook.notes == []


def test_leading_empty_rows_and_columns_keep_spreadsheet_positions_and_trailing_ones_go():
    def build(workbook):
        sheet = workbook.active
        sheet["C3"], sheet["D3"], sheet["C4"] = "label", "value", "a"
        sheet["H20"] = None  # touched but empty: must not stretch the sheet

    rows = reading.read_file(xlsx(build), "offset.xlsx").sheets[0].rows
    assert rows == [[None] * 4, [None] * 4, [None, None, "label", "value"], [None, None, "a", None]]


def test_typed_cells_keep_their_types():
    when = dt.datetime(2024, 3, 1, 9, 30)

    def build(workbook):
        workbook.active.append(["text", 12, 2.5, True, when, dt.date(2024, 3, 2)])

    assert reading.read_file(xlsx(build), "types.xlsx").sheets[0].rows == [
        ["text", 12, 2.5, True, when, dt.date(2024, 3, 2)]
    ]


def test_excel_error_values_become_empty_cells():
    def build(workbook):
        workbook.active.append(["#N/A", "#DIV/0!", "kept", "#REF!"])

    assert reading.read_file(xlsx(build), "errors.xlsx").sheets[0].rows == [[None, None, "kept"]]


def test_dates_of_a_1904_workbook_are_the_same_dates():
    def build(workbook):
        workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        workbook.calculation = CalcProperties()
        workbook.active.append([dt.datetime(2021, 1, 1, 12, 0)])

    assert reading.read_file(xlsx(build), "mac.xlsx").sheets[0].rows == [[dt.datetime(2021, 1, 1, 12, 0)]]


def test_hidden_very_hidden_chart_and_empty_sheets_are_kept_and_reported():
    def build(workbook):
        answers_sheet(workbook)
        workbook.create_sheet("Lookup").sheet_state = "hidden"
        workbook["Lookup"]["A1"] = "code"
        workbook.create_sheet("Macros").sheet_state = "veryHidden"
        workbook.create_sheet("Notes")
        workbook.create_chartsheet("Chart")

    workbook = reading.read_file(xlsx(build), "answers.xlsx")
    assert [(sheet.name, sheet.state) for sheet in workbook.sheets] == [
        ("Responses", "visible"),
        ("Lookup", "hidden"),
        ("Macros", "very hidden"),
        ("Notes", "visible"),
        ("Chart", "chart"),
    ]
    assert workbook.sheets[1].rows == [["code"]]
    assert workbook.notes == [
        "Sheet 'Lookup' is hidden: not read as responses.",
        "Sheet 'Macros' is very hidden: not read as responses.",
        "Sheet 'Chart' is a chart or macro sheet: it holds no answers to read.",
        "Sheet 'Notes' is empty.",
    ]


def test_many_empty_sheets_share_one_note():
    def build(workbook):
        for number in range(12):
            workbook.create_sheet(f"Empty {number}")

    notes = reading.read_file(xlsx(build), "empty.xlsx").notes
    assert notes == ["Sheets 'Sheet', 'Empty 0', 'Empty 1', 'Empty 2', 'Empty 3' and 8 more are empty."]


def test_text_with_nul_characters_is_cleaned_and_reported():
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        workbook.add_worksheet().write_string(0, 0, "Mal\x00mö")
    workbook = reading.read_file(buffer.getvalue(), "nul.xlsx")
    assert workbook.sheets[0].rows == [["Malmö"]]
    assert workbook.notes == ["'nul.xlsx': 1 cells held NUL characters, which were removed."]


def test_text_longer_than_excel_allows_is_cut_with_a_note():
    workbook = read_text("id,need\n1," + "x" * 40_000 + "\n")
    assert only_rows(workbook) == [["id", "need"], ["1", "x" * reading.MAX_CELL_CHARS]]
    assert workbook.notes == [
        "'answers.csv': 1 cells held more than 32,767 characters (Excel's limit) and were cut to that length."
    ]


def test_ods_is_read_with_calamine():
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="Svar"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>Kommun</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="250000"><text:p>250000</text:p>'
        "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content)
    assert reading.read_file(buffer.getvalue(), "svar.ods").sheets == [
        RawSheet("Svar", [["Kommun", 250000.0]])
    ]


def test_container_is_recognised_by_content_not_by_name():
    workbook = reading.read_file(xlsx(answers_sheet), "export.csv")
    assert workbook.sheets[0].rows == [HEADER, *ANSWERS]


def test_damaged_package_relationships_fall_back_to_a_tolerant_reader():
    package = xlsx(answers_sheet)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.infolist():
            target.writestr(member, b"CORRUPTED" if member.filename == "_rels/.rels" else source.read(member))
    workbook = reading.read_file(broken.getvalue(), "damaged.xlsx")
    assert workbook.sheets[0].rows == [HEADER, *ANSWERS]
    assert workbook.notes[0].startswith("'damaged.xlsx' is partly damaged")


def test_package_no_reader_understands_is_refused_in_one_line():
    package = xlsx(answers_sheet)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.infolist():
            damaged = member.filename in ("_rels/.rels", "xl/workbook.xml")
            target.writestr(member, b"CORRUPTED" if damaged else source.read(member))
    with pytest.raises(
        InputError, match=r"^damaged\.xlsx: corrupt or not a spreadsheet: [^\n]*save it again"
    ):
        reading.read_file(broken.getvalue(), "damaged.xlsx")


def test_text_named_like_a_workbook_is_refused_unless_it_is_a_table():
    with pytest.raises(InputError, match=r"^report\.xls: corrupt or not a spreadsheet"):
        reading.read_file(b"Attachment f:\\summer.xls not found!", "report.xls")
    with pytest.raises(InputError, match=r"web page"):
        reading.read_file(b"<html><table><tr><td>1</td></tr></table></html>", "report.xls")
    assert only_rows(reading.read_file(b"id\tname\n1\tAna\n", "tool-export.xls")) == [
        ["id", "name"],
        ["1", "Ana"],
    ]


def test_hostile_upload_is_refused_before_parsing():
    with pytest.raises(InputError, match="empty"):
        reading.read_file(b"", "answers.xlsx")


# --- delimited text -------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(delimiter):
    lines = [delimiter.join(row) for row in [HEADER, *ANSWERS]]
    assert only_rows(read_text("\n".join(lines) + "\n")) == [HEADER, *ANSWERS]


def test_semicolon_file_with_decimal_commas_keeps_numbers_whole():
    text = "Organisation;Budget;Share\nMalmö;1,5;0,25\nLyon;2,75;0,5\n"
    assert only_rows(read_text(text)) == [
        ["Organisation", "Budget", "Share"],
        ["Malmö", "1,5", "0,25"],
        ["Lyon", "2,75", "0,5"],
    ]


@pytest.mark.parametrize(
    ("encoding", "prefix", "note"),
    [
        ("utf-8", b"", None),
        ("utf-8", b"\xef\xbb\xbf", None),
        ("utf-16-le", b"\xff\xfe", "'answers.csv' was read as UTF-16 text."),
        ("utf-16-be", b"\xfe\xff", "'answers.csv' was read as UTF-16 text."),
        ("utf-16-le", b"", "'answers.csv' was read as UTF-16 text."),
    ],
)
def test_unicode_encodings_are_read_by_bom_or_shape(encoding, prefix, note):
    text = "Organisation\tLand\nMalmö stad\tSverige\nΔήμος Αθηναίων\tΕλλάδα\n"
    workbook = reading.read_file(prefix + text.encode(encoding), "answers.csv")
    assert only_rows(workbook) == [
        ["Organisation", "Land"],
        ["Malmö stad", "Sverige"],
        ["Δήμος Αθηναίων", "Ελλάδα"],
    ]
    assert workbook.notes == ([note] if note else [])


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    [
        ("Kommun;Behov\nMalmö;Återbruk av möbler\nÅsa;Eldrivna fordon\n", "cp1252", "Windows-1252"),
        ("Comune;Bisogno\nMilano;Più veicoli elettrici, così\n", "cp1252", "Windows-1252"),
        ("Ville;Besoin\nLyon;Véhicules électriques à hydrogène\n", "latin-1", "Windows-1252"),
        ("Miasto;Potrzeba\nŁódź;Zrównoważone zamówienia na żywność\n", "cp1250", "Windows-1250"),
        ("Město;Potřeba\nBrno;Potřebujeme elektrické autobusy\n", "cp1250", "Windows-1250"),
        ("Δήμος;Ανάγκη\nΑθήνα;Ηλεκτρικά οχήματα\n", "cp1253", "Greek"),
        ("Δήμος;Ανάγκη\nΆργος;Ηλεκτρικά οχήματα\n", "iso-8859-7", "Greek"),
    ],
    ids=["swedish", "italian", "french-latin1", "polish", "czech", "greek-cp1253", "greek-iso"],
)
def test_european_code_pages_are_recognised_and_named_in_a_note(text, encoding, label):
    workbook = read_text(text, encoding)
    expected = [line.split(";") for line in text.splitlines()]
    assert only_rows(workbook) == expected
    assert len(workbook.notes) == 1 and label in workbook.notes[0] and "not UTF-8" in workbook.notes[0]


def test_quoted_newlines_and_classic_mac_line_ends_are_kept_inside_values():
    text = 'id,need\r1,"Buses\rand trams"\r2,"Line one\nline two"\r'
    assert only_rows(read_text(text)) == [
        ["id", "need"],
        ["1", "Buses\rand trams"],
        ["2", "Line one\nline two"],
    ]


def test_rows_longer_than_the_header_keep_their_values_and_are_named():
    workbook = read_text("a,b,c\n1,2,3,4,5\n6\n7,8,9\n")
    assert only_rows(workbook) == [
        ["a", "b", "c", None, None],
        ["1", "2", "3", "4", "5"],
        ["6", None, None, None, None],
        ["7", "8", "9", None, None],
    ]
    assert workbook.notes == [
        "Sheet 'answers': row 2 has 5 values but the header (row 1) has 3: the extra values are kept in "
        "unnamed columns 4 onwards."
    ]


def test_trailing_delimiters_and_blank_lines_are_trimmed():
    assert only_rows(read_text("id,name,,\n1,Ana,,\n,,,\n\n")) == [["id", "name"], ["1", "Ana"]]


def test_comment_lines_are_left_for_the_layout_stage():
    assert only_rows(read_text("# exported 2024-05-01\nid,name\n1,Ana\n"))[0] == [
        "# exported 2024-05-01",
        None,
    ]


def test_nul_bytes_and_error_values_in_text_are_dropped():
    assert only_rows(read_text("a,b\n\x00x,#N/A\n")) == [["a", "b"], ["x", None]]


def test_csv_sheet_is_named_after_the_file():
    assert reading.read_file(b"a,b\n1,2\n", "Form Responses 1.csv").sheets[0].name == "Form Responses 1"


def test_empty_table_is_reported():
    workbook = reading.read_file(b"\n\n", "blank.csv")
    assert workbook.sheets == [RawSheet("blank", [])]
    assert workbook.notes == ["Sheet 'blank' is empty."]


def test_binary_content_is_not_read_as_text():
    with pytest.raises(InputError, match=r"^photo\.csv: not a spreadsheet or text file"):
        reading.read_file(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "photo.csv")


def test_quote_that_never_closes_is_refused_with_advice():
    with pytest.raises(InputError, match=r"^broken\.csv: [^\n]*quote"):
        reading.read_file(b'id,need\n1,"never closed ' + b"word " * 40_000, "broken.csv")


def test_text_that_starts_like_a_bom_once_its_nuls_are_removed_keeps_that_character():
    assert only_rows(reading.read_file(b"\x00\xef\xbb\xbfa,b\n", "answers.csv")) == [["\ufeffa", "b"]]


def test_invalid_utf8_after_a_bom_is_replaced_not_refused():
    workbook = reading.read_file(b"\xef\xbb\xbfid,name\n1,Ana\xff\n", "answers.csv")
    assert only_rows(workbook) == [["id", "name"], ["1", "Ana\ufffd"]] and workbook.notes == []


def test_cell_budget_stops_reading_with_a_note(monkeypatch):
    monkeypatch.setattr(reading, "MAX_CELLS", 10)
    workbook = read_text("a,b\n" + "1,2\n" * 20)
    assert len(only_rows(workbook)) == 5
    assert "only its first 5 rows were read" in workbook.notes[-1]


# --- property: whatever the table, the text reader returns it as written ---------------------------------

cell_text = st.text(alphabet=st.sampled_from("abcxyzÅäöéñłΩ 0123,;\"'\n-"), max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    body=st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=8),
    delimiter=st.sampled_from(reading.DELIMITERS),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    # csv.writer quotes a value only for the characters of its own line end: a bare \r or \n needs QUOTE_ALL
    dialect=st.sampled_from(
        [("\r\n", csv.QUOTE_MINIMAL), ("\n", csv.QUOTE_ALL), ("\r", csv.QUOTE_ALL), ("\r\n", csv.QUOTE_ALL)]
    ),
)
def test_any_table_written_by_csv_module_reads_back_unchanged(body, delimiter, encoding, dialect):
    header = ["Organisation", "Land", "Need"]
    line_end, quoting = dialect
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=quoting).writerows(
        [header, *body]
    )
    rows = only_rows(reading.read_file(buffer.getvalue().encode(encoding), "property.csv"))
    expected = [[value or None for value in row] for row in [header, *body]]
    while expected and expected[-1] == [None, None, None]:
        expected.pop()
    assert [row + [None] * (3 - len(row)) for row in rows] == expected


# --- Arrow's fast reader gives exactly the rows of the tolerant one (the csv module) ---------------------


def read_tolerantly(data: bytes, file_name: str) -> Workbook:
    """read_file with the fast reader switched off, so that the csv module splits every row."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "_rows_by_arrow", lambda *args: None)
        return reading.read_file(data, file_name)


def read_fast(data: bytes, file_name: str) -> tuple[Workbook, bool]:
    """read_file, and whether the rows came from the fast reader."""
    fast_reader, used = reading._rows_by_arrow, []

    def spy(*args):
        rows = fast_reader(*args)
        used.append(rows is not None)
        return rows

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "_rows_by_arrow", spy)
        return reading.read_file(data, file_name), used == [True]


def as_csv(rows: list[list[object]], delimiter: str, line_end: str, encoding: str) -> bytes:
    """Rows written by the csv module (every value quoted when the line end is a bare \\r or \\n)."""
    quoting = csv.QUOTE_MINIMAL if line_end == "\r\n" else csv.QUOTE_ALL
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=quoting)
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue().encode(encoding, errors="replace")


@pytest.mark.parametrize("workbook_path", SAMPLE_WORKBOOKS, ids=lambda path: path.stem)
@pytest.mark.parametrize(
    ("delimiter", "line_end", "encoding"),
    [(",", "\r\n", "utf-8-sig"), (";", "\n", "cp1252"), ("\t", "\r", "utf-16"), ("|", "\r\n", "utf-8")],
)
def test_sample_exports_are_read_fast_into_the_rows_of_the_tolerant_reader(
    workbook_path, delimiter, line_end, encoding
):
    sheet = next(
        sheet for sheet in reading.read_file(workbook_path.read_bytes(), "s.xlsx").sheets if sheet.rows
    )
    data = as_csv(sheet.rows, delimiter, line_end, encoding)
    workbook, fast = read_fast(data, "export.csv")
    assert fast and workbook == read_tolerantly(data, "export.csv")


def test_benchmark_csv_spanning_several_arrow_blocks_is_read_fast_and_the_same(tmp_path):
    data = write_benchmark_csv(3_000, tmp_path / "responses.csv").read_bytes()  # 1.2 MB: Arrow splits at 1 MB
    workbook, fast = read_fast(data, "responses.csv")
    assert fast and len(only_rows(workbook)) == 3_001
    assert workbook == read_tolerantly(data, "responses.csv")


def assert_read_the_same_either_way(data: bytes, file_name: str) -> None:
    """read_file gives the same workbook, or the same refusal, with or without the fast reader."""
    try:
        expected = read_tolerantly(data, file_name)
    except InputError as error:
        with pytest.raises(InputError, match=re.escape(str(error))):
            reading.read_file(data, file_name)
        return
    assert reading.read_file(data, file_name) == expected


@pytest.mark.skipif(
    not PEER_TEXT_FILES, reason="shared/peer_files is missing (test_peer_files.py fails then)"
)
@pytest.mark.parametrize("path", PEER_TEXT_FILES, ids=lambda path: path.name)
def test_text_files_of_other_projects_read_the_same_either_way(path):
    assert_read_the_same_either_way(path.read_bytes(), path.name)


# single characters that make CSV hard, and a few longer pieces
messy_piece = st.sampled_from([*'aΩ ",;\t|\r\n\x00\ufeff\u2028', "Åé", '""', "\r\n", "#N/A"])


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(messy_piece, max_size=40).map("".join),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_any_text_reads_the_same_with_or_without_the_fast_reader(text, encoding):
    assert_read_the_same_either_way(text.encode(encoding, errors="replace"), "messy.csv")
