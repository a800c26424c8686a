"""Read an uploaded file's bytes into a Workbook of raw sheets: spreadsheets of any kind, or delimited text.

The container is recognised by its bytes, not its name. Spreadsheets go through calamine (fast, never
runs macros), with openpyxl (damaged .xlsx packages) and xlrd (Excel 2-4 and damaged .xls) as fallbacks.
Text is decoded by BOM, then UTF-8, then the most plausible European code page, and split on the
delimiter that gives the most consistent rows: by Arrow's C++ reader when every row has as many values,
else by Python's more tolerant csv module. Every cell comes back as text, number, bool, date/time
or None; nothing is dropped without a note.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gc
import io
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath

import charset_normalizer
import numpy as np
import pyarrow as pa
import python_calamine
import xlrd
from pyarrow import csv as pa_csv

from analysis import safety
from analysis.errors import InputError
from analysis.models import RawSheet, Workbook

MAX_CELL_CHARS = 32_767  # Excel's own limit per cell; longer text is cut, with a note
MAX_CELLS = safety.MAX_CELLS  # cells read over all sheets; the rest is left out, with a note
SPREADSHEET_SUFFIXES = frozenset(
    {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".xlsb", ".ods", ".ots"}
)
DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024  # text sample used to choose the encoding and the delimiter
# Excel's error values: a formula that failed says nothing about the respondent.
EXCEL_ERRORS = frozenset(
    {"#N/A", "#N/A N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
    | {"#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!"}
)

_EMPTY_OR_ERROR: dict[object, None] = dict.fromkeys(EXCEL_ERRORS | {""})
_is_text = str.__instancecheck__
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", None),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
# Code pages Excel uses when it saves "CSV" in an EU language, in order of preference on a tie, each with
# the non-ASCII letters of the languages written in it (lower case).
_CODE_PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cp1252": (
        "Windows-1252 (Western European)",
        (
            "åäöé",
            "æøåé",
            "äöüß",
            "àâæçéèêëîïôœùûüÿ",
            "áéíñóúü",
            "àèéìíîòóùú",
            "áâãàçéêíóôõú",
            "éëïóöü",
            "äöõüšž",
        ),
    ),
    "cp1250": (
        "Windows-1250 (Central European)",
        ("ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "čšž", "čćđšž", "ăâîșțşţ"),
    ),
    "cp1253": ("Windows-1253 (Greek)", ("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",)),
    "iso8859_7": ("ISO-8859-7 (Greek)", ("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",)),
    "cp1251": ("Windows-1251 (Cyrillic)", ("абвгдежзийклмнопрстуфхцчшщъьюя",)),
    "cp1257": ("Windows-1257 (Baltic)", ("ąčęėįšųūž", "āčēģīķļņšūž", "äöõüšž")),
}
_CONTROL_BYTES = [bytes([code]) for code in (*range(9), 11, 12, *range(14, 32), 127)]  # not in any text
_NON_LATIN_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_MARKUP_START = re.compile(r"\s*<(?:\?xml|!doctype|html|table|workbook)", re.IGNORECASE)
_EXCEL_VERSIONS = {0x00: "Excel 2.x", 0x02: "Excel 3.0", 0x04: "Excel 4.0"}
_XLRD_STATES = {0: "visible", 1: "hidden", 2: "very hidden"}
_OPENPYXL_STATES = {"visible": "visible", "hidden": "hidden", "veryHidden": "very hidden"}


def read_file(data: bytes, file_name: str) -> Workbook:
    """Read one upload (xlsx, xlsm, xls, ods, csv, tsv, txt) into raw sheets, with notes for the user."""
    safety.check_upload(data, file_name)
    kind = safety.container_kind(data)
    if kind in ("zip", "cfb"):
        return _read_spreadsheet(data, file_name, kind)
    if kind == "biff":
        return _read_old_excel(data, file_name)
    return _read_text(data, file_name)


# --- spreadsheets ---------------------------------------------------------------------------------


class _Cells:
    """Turns cell values as a reader gives them into RawSheet values, counting what had to change."""

    def __init__(self) -> None:
        self.budget = MAX_CELLS
        self.cut_texts = 0
        self.nul_texts = 0

    def text(self, value: str) -> str | None:
        """Text without NULs and within Excel's length (None if nothing is left)."""
        if "\x00" in value:
            self.nul_texts += 1
            value = _without_nul(value)
        if len(value) > MAX_CELL_CHARS:
            self.cut_texts += 1
            value = value[:MAX_CELL_CHARS]
        return value or None

    def rows(self, raw_rows: Iterable[Iterable[object]]) -> tuple[list[list[object]], bool]:
        """Clean rows until the cell budget runs out; trim trailing empty rows and columns; pad to a grid."""
        rows: list[list[object]] = []
        complete = True
        for raw in raw_rows:
            row = list(map(_EMPTY_OR_ERROR.get, raw, raw))  # C-level: '' and error values become None
            joined = "".join(filter(_is_text, row))  # one check per row instead of one per cell
            if "\x00" in joined or len(joined) > MAX_CELL_CHARS:
                row = [self.text(value) if _is_text(value) else value for value in row]
            self.budget -= len(row)
            if self.budget < 0:
                complete = False
                break
            rows.append(row)
        return _rectangle(rows), complete

    def notes(self, file_name: str) -> list[str]:
        """What was changed in cells, said once per file."""
        notes = []
        if self.nul_texts:
            notes.append(f"'{file_name}': {self.nul_texts} cells held NUL characters, which were removed.")
        if self.cut_texts:
            notes.append(
                f"'{file_name}': {self.cut_texts} cells held more than {MAX_CELL_CHARS:,} characters "
                "(Excel's limit) and were cut to that length."
            )
        return notes


def _without_nul(text: str) -> str:
    """Remove NULs; text that is UTF-16 stored as 8-bit characters (every other one NUL) is decoded."""
    if len(text) % 2 == 0 and text[1::2].count("\x00") * 4 >= len(text) and max(text) < "\u0100":
        try:
            return text.encode("latin-1").decode("utf-16-le").replace("\x00", "")
        except UnicodeError:
            pass
    return text.replace("\x00", "")


def _rectangle(rows: list[list[object]]) -> list[list[object]]:
    """Drop trailing empty rows and columns, and pad every row with None to the same width."""
    while rows and rows[-1].count(None) == len(rows[-1]):
        rows.pop()
    width = max(map(len, rows), default=0)
    if len(set(map(len, rows))) > 1:
        rows = [row + [None] * (width - len(row)) for row in rows]
    full_width = width
    while width and all(row[width - 1] is None for row in rows):
        width -= 1
    return [row[:width] for row in rows] if width < full_width else rows


def _read_spreadsheet(data: bytes, file_name: str, kind: str) -> Workbook:
    """Read a zip or OLE workbook with calamine, falling back to openpyxl or xlrd where calamine fails."""
    cells = _Cells()
    try:
        with _collector_paused():  # calamine hands over millions of new cell objects
            sheets, notes = _sheets_by_calamine(data, cells)
    except BaseException as error:  # a Rust panic in calamine arrives as PanicException, not an Exception
        if not isinstance(error, python_calamine.CalamineError) and type(error).__name__ != "PanicException":
            raise
        reason = _first_line(error)
        if kind == "zip" and b"opendocument" in data[:100]:  # ODS names its type in its first, stored member
            raise InputError(
                f"{file_name}: corrupt or not a spreadsheet: {reason}: open it in LibreOffice and save it again"
            ) from None
        cells = _Cells()  # start the count again: the fallback reads every cell once more
        fallback = _sheets_by_xlrd if kind == "cfb" else _sheets_by_openpyxl
        sheets, notes = _fall_back(fallback, data, file_name, cells, reason)
    return _workbook(file_name, sheets, notes, cells)


def _read_old_excel(data: bytes, file_name: str) -> Workbook:
    """Read an Excel 2.x-4.0 sheet (a bare BIFF stream, which calamine does not handle) with xlrd."""
    cells = _Cells()
    try:
        sheets, notes = _sheets_by_xlrd(data, cells)
    except Exception as error:  # xlrd fails in many ways on a damaged file; say why, once
        version = _EXCEL_VERSIONS.get(data[1], "this old Excel")
        raise InputError(
            f"{file_name}: {version} format not supported ({_first_line(error)}): open it in Excel and save "
            "it as .xlsx"
        ) from None
    return _workbook(file_name, sheets, notes, cells)


def _fall_back(
    reader: Callable[[bytes, _Cells], tuple[list[RawSheet], list[str]]],
    data: bytes,
    file_name: str,
    cells: _Cells,
    reason: str,
) -> tuple[list[RawSheet], list[str]]:
    """Read with the slower, more tolerant reader after calamine failed; refuse clearly if it fails too."""
    try:
        sheets, notes = reader(data, cells)
    except Exception as error:  # a damaged file makes these readers fail in many ways; say why, once
        raise InputError(
            f"{file_name}: corrupt or not a spreadsheet: {reason} ({_first_line(error)}): open it in Excel "
            "or LibreOffice and save it again as .xlsx"
        ) from None
    notes.insert(
        0, f"'{file_name}' is partly damaged ({reason}); it was read by a more tolerant reader: check it."
    )
    return sheets, notes


def _first_line(error: BaseException) -> str:
    """The first line of an error message, short enough for a one-line explanation."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:160]


def _sheets_by_calamine(data: bytes, cells: _Cells) -> tuple[list[RawSheet], list[str]]:
    """Every sheet through calamine, with its visibility and kind from the workbook's metadata."""
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets, notes = [], []
    for meta in workbook.sheets_metadata:
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
            sheets.append(RawSheet(meta.name, [], "chart"))
            continue
        raw = workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
        rows, complete = cells.rows(raw)
        sheets.append(RawSheet(meta.name, rows, _calamine_state(meta.visible)))
        if not complete:
            notes.append(_budget_note(meta.name, len(rows)))
            break
    return sheets, notes


def _calamine_state(visible: python_calamine.SheetVisibleEnum) -> str:
    """RawSheet.state for calamine's visibility (its enum values cannot be dictionary keys)."""
    if visible == python_calamine.SheetVisibleEnum.VeryHidden:
        return "very hidden"
    return "hidden" if visible == python_calamine.SheetVisibleEnum.Hidden else "visible"


def _sheets_by_openpyxl(data: bytes, cells: _Cells) -> tuple[list[RawSheet], list[str]]:
    """Every sheet through openpyxl in read-only mode (tolerates broken package relationships)."""
    import openpyxl  # only damaged packages need it; importing it lazily keeps start-up 0.3 s faster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it ignores
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        sheets, notes = [], []
        for name in workbook.sheetnames:
            sheet = workbook[name]
            if not hasattr(sheet, "iter_rows"):
                sheets.append(RawSheet(name, [], "chart"))
                continue
            sheet.reset_dimensions()  # read the cells that exist, whatever the declared dimension says
            rows, complete = cells.rows(sheet.iter_rows(values_only=True))
            sheets.append(RawSheet(name, rows, _OPENPYXL_STATES.get(sheet.sheet_state, "visible")))
            if not complete:
                notes.append(_budget_note(name, len(rows)))
                break
        workbook.close()
    return sheets, notes


def _sheets_by_xlrd(data: bytes, cells: _Cells) -> tuple[list[RawSheet], list[str]]:
    """Every sheet through xlrd (Excel 2.x to 2003 .xls), typed cells converted like calamine's."""
    book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    sheets, notes = [], []
    for index, name in enumerate(book.sheet_names()):
        sheet = book.sheet_by_index(index)
        raw = (_xlrd_row(sheet, row, book.datemode) for row in range(sheet.nrows))
        rows, complete = cells.rows(raw)
        sheets.append(RawSheet(name, rows, _XLRD_STATES.get(sheet.visibility, "visible")))
        if not complete:
            notes.append(_budget_note(name, len(rows)))
            break
    return sheets, notes


def _xlrd_row(sheet: xlrd.sheet.Sheet, row: int, datemode: int) -> list[object]:
    """One xlrd row as Python values: dates as datetime, booleans as bool, errors and blanks as None."""
    values: list[object] = []
    for kind, value in zip(sheet.row_types(row), sheet.row_values(row), strict=True):
        if kind == xlrd.XL_CELL_DATE:
            with contextlib.suppress(xlrd.xldate.XLDateError, OverflowError, ValueError):
                value = xlrd.xldate_as_datetime(value, datemode)  # an impossible date stays a number
        elif kind == xlrd.XL_CELL_BOOLEAN:
            value = bool(value)
        elif kind in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            value = None
        values.append(value)
    return values


def _budget_note(sheet_name: str, rows_read: int) -> str:
    """Say that reading stopped at the cell budget."""
    return (
        f"Sheet '{sheet_name}': only its first {rows_read:,} rows were read (the reader stops at "
        f"{MAX_CELLS:,} cells); later rows and sheets were left out: split the file to read them."
    )


def _workbook(file_name: str, sheets: list[RawSheet], notes: list[str], cells: _Cells) -> Workbook:
    """Assemble the Workbook with a note for every sheet that will not yield responses."""
    for sheet in sheets:
        if sheet.state == "chart":
            notes.append(f"Sheet '{sheet.name}' is a chart or macro sheet: it holds no answers to read.")
        elif sheet.state != "visible":
            notes.append(f"Sheet '{sheet.name}' is {sheet.state}: not read as responses.")
    empty = [sheet.name for sheet in sheets if sheet.state == "visible" and not sheet.rows]
    if empty:
        notes.append(_empty_sheets_note(empty))
    return Workbook(file_name=file_name, sheets=sheets, notes=notes + cells.notes(file_name))


def _empty_sheets_note(names: list[str]) -> str:
    """One note naming the empty sheets (the first few of them when there are many)."""
    if len(names) == 1:
        return f"Sheet '{names[0]}' is empty."
    quoted = [f"'{name}'" for name in names[:5]]
    rest = f" and {len(names) - 5} more" if len(names) > 5 else f" and {quoted.pop()}"
    return f"Sheets {', '.join(quoted)}{rest} are empty."


# --- delimited text -------------------------------------------------------------------------------


def _read_text(data: bytes, file_name: str) -> Workbook:
    """Read delimited text (csv, tsv, txt) into one sheet named after the file."""
    utf8, encoding_note = _decode(data, file_name)
    head = _head(utf8)
    delimiter, consistency = _sniff_delimiter(head)
    if PurePath(file_name).suffix.lower() in SPREADSHEET_SUFFIXES:
        _refuse_disguised_text(utf8.decode("utf-8-sig"), file_name, consistency)
    cells = _Cells()
    with _collector_paused():
        parsed = _rows_by_arrow(utf8, delimiter, head)
        if parsed is None:
            pa.default_memory_pool().release_unused()  # Arrow keeps what its attempt took: the csv module needs it
            parsed = _rows_by_csv_module(utf8.decode("utf-8-sig"), delimiter, cells, file_name)
    rows, complete = parsed
    name = PurePath(file_name).stem or file_name
    notes = [encoding_note] if encoding_note else []
    notes += _ragged_row_notes(rows, name)
    if not complete:
        notes.append(_budget_note(name, len(rows)))
    if not rows:
        notes.append(_empty_sheets_note([name]))
    return Workbook(file_name=file_name, sheets=[RawSheet(name, rows)], notes=notes + cells.notes(file_name))


def _head(utf8: bytes) -> str:
    """The first SNIFF_CHARS characters of the text, decoded from no more bytes than they can take."""
    longest = 4 * SNIFF_CHARS + len(codecs.BOM_UTF8)  # a character takes at most 4 bytes in UTF-8
    text = utf8[:longest].decode("utf-8-sig", "ignore")  # "ignore" drops the character cut at the end
    return text[:SNIFF_CHARS]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: it rescans every list built so far (1M CSV rows: 2x slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rows_by_arrow(utf8: bytes, delimiter: str, head: str) -> tuple[list[list[object]], bool] | None:
    """The rows the csv module would give, parsed by Arrow's C++ reader (1M rows: 4x faster, 1/3 the memory).

    None when Arrow's rows could differ: rows of different lengths (Arrow refuses them), a cell longer than
    Excel allows, or more cells than the budget; the csv module then reads the text as before.
    """
    table = _arrow_table(utf8, delimiter, head)
    if table is None or table.num_rows * table.num_columns > MAX_CELLS:
        return None
    columns = table.columns
    del table  # each column's memory goes as soon as the column is converted
    grid = np.empty((len(columns), len(columns[0])), dtype=object)  # column by column, then transposed
    for column_cells in grid:
        # One Python string per distinct value: answers repeat (countries, options), so memory is a fraction
        encoded = columns.pop(0).dictionary_encode().combine_chunks()
        distinct = encoded.dictionary.to_pylist()
        if max(map(len, distinct), default=0) > MAX_CELL_CHARS:
            return None
        values = np.array(list(map(_EMPTY_OR_ERROR.get, distinct, distinct)), dtype=object)
        np.take(values, encoded.indices.to_numpy(), out=column_cells)
    return _rectangle(grid.T.tolist()), True


def _arrow_table(utf8: bytes, delimiter: str, head: str) -> pa.Table | None:
    """Every cell as a string column, or None if Arrow finds rows of different lengths (or no row at all)."""
    first_row = next(
        (row for row in csv.reader(io.StringIO(head, newline=""), delimiter=delimiter) if row), []
    )
    if not first_row:
        return None
    names = [str(number) for number in range(len(first_row))]  # Arrow checks that every row has this many
    try:
        return pa_csv.read_csv(
            pa.py_buffer(utf8),  # Arrow skips a UTF-8 BOM itself
            read_options=pa_csv.ReadOptions(column_names=names),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=False,  # _decode made sure
            ),
        )
    except pa.ArrowInvalid:
        return None


def _rows_by_csv_module(
    text: str, delimiter: str, cells: _Cells, file_name: str
) -> tuple[list[list[object]], bool]:
    """The rows as Python's csv module splits them, which tolerates rows of any length."""
    try:
        return cells.rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(
            f'{file_name}: the text cannot be split into values ({error}); a quote (") is probably never '
            "closed: fix that line or export the file again"
        ) from None


def _refuse_disguised_text(text: str, file_name: str, consistency: float) -> None:
    """A file named like a workbook whose bytes are text: read it only if it is clearly a delimited table."""
    if _MARKUP_START.match(text[:200]):
        raise InputError(
            f"{file_name}: not a real Excel file: it is a web page or XML export saved under a spreadsheet "
            "name: open it in Excel and save it as .xlsx"
        )
    if consistency < 1 or len(text.splitlines()) < 2:
        raise InputError(
            f"{file_name}: corrupt or not a spreadsheet: the file is neither an Excel nor an OpenDocument "
            "workbook: open it in Excel and save it as .xlsx"
        )


def _decode(data: bytes, file_name: str) -> tuple[bytes, str | None]:
    """The text as UTF-8 without NULs (a BOM may lead), and which encoding it was read in if not UTF-8.

    Decoded by BOM, then strict UTF-8, then the likeliest European code page.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _recoded(data, len(bom), codec), (
                f"'{file_name}' was read as {label} text." if label else None
            )
    wide = _utf16_without_bom(data[:4096])
    if wide:
        return _recoded(data, 0, wide), f"'{file_name}' was read as UTF-16 text."
    sample = data[:SNIFF_CHARS]
    if sum(map(sample.count, _CONTROL_BYTES)) > max(8, len(sample) // 100):
        raise InputError(
            f"{file_name}: not a spreadsheet or text file (its content is binary): upload an .xlsx, .xls, "
            ".ods or .csv export"
        )
    codec, note = ("utf-8", None) if _is_utf8(data) else _code_page(data, file_name)
    return _recoded(data, 0, codec), note


def _recoded(data: bytes, start: int, codec: str) -> bytes:
    """data[start:] in UTF-8 with a BOM and without NULs, bytes the codec cannot decode replaced.

    Valid UTF-8 without NULs comes back as it is, BOM and all: a large file is not copied.
    """
    if codec == "utf-8" and b"\x00" not in data and _is_utf8(data):
        return data
    text = str(memoryview(data)[start:], codec, "replace")
    return text.replace("\x00", "").encode("utf-8-sig", "replace")  # a lone surrogate cannot be encoded


def _is_utf8(data: bytes) -> bool:
    """Whether the bytes are valid UTF-8, checked by Arrow without a copy (10x faster than decoding them)."""
    offsets = pa.array([0, len(data)], pa.int64()).buffers()[1]
    blob = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        blob.cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of mostly-ASCII text is NUL, else None."""
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.4 * len(head) / 2 and even < 0.05 * len(head) / 2:
        return "utf-16-le"
    if even > 0.4 * len(head) / 2 and odd < 0.05 * len(head) / 2:
        return "utf-16-be"
    return None


def _code_page(data: bytes, file_name: str) -> tuple[str, str]:
    """The code page whose letters best fit one European language (charset-normalizer last), with a note."""
    sample = data[:SNIFF_CHARS]
    best, best_score = None, -1.0
    for codec, (_, alphabets) in _CODE_PAGES.items():
        try:
            score = _plausibility(sample.decode(codec), alphabets)
        except UnicodeDecodeError:
            continue  # a byte this code page leaves undefined, or a multi-byte character cut by the sample
        if score > best_score:
            best, best_score = codec, score
    if best is None:
        match = charset_normalizer.from_bytes(data).best()
        codec = match.encoding if match else "cp1252"
        return codec, (
            f"'{file_name}' is not UTF-8 and its encoding is uncertain: read as {codec}; check accented "
            "letters."
        )
    label = _CODE_PAGES[best][0]
    return best, f"'{file_name}' is not UTF-8: read as {label} text; check that accented letters look right."


def _plausibility(text: str, alphabets: tuple[str, ...]) -> float:
    """How well a decoding reads as one language: accented letters of one alphabet, less oddities."""
    letters = {char for char in text.lower() if char > "\x7f" and char.isalpha()}
    explained = max(len(letters & set(alphabet)) for alphabet in alphabets) / len(letters) if letters else 1.0
    odd = 0
    non_ascii = 0
    for match in re.finditer(r"[^\x00-\x7f]", text):
        non_ascii += 1
        char, at = match.group(), match.start()
        neighbours = text[max(at - 1, 0) : at] + text[at + 1 : at + 2]
        symbol_in_word = not unicodedata.category(char).startswith("L") and any(
            n.isalpha() for n in neighbours
        )
        script_in_latin_word = _NON_LATIN_SCRIPTS.match(char) and any(
            n.isascii() and n.isalpha() for n in neighbours
        )
        if symbol_in_word or script_in_latin_word:
            odd += 1  # '£ódŸ', '¶ργος' or 'Malmφ': a symbol or another script glued to a word
    return explained - odd / max(non_ascii, 1)


def _sniff_delimiter(sample: str) -> tuple[str, float]:
    """The delimiter giving the most rows with the same number (at least two) of values, and that share."""
    cut = max(sample.rfind("\n"), sample.rfind("\r"))
    sample = sample[:cut] if cut > 0 else sample
    best, best_key = DELIMITERS[0], (0.0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [
                len(row)
                for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if any(row) and not row[0].startswith("#")
            ]
        except csv.Error:
            continue
        if not counts:
            continue
        width, frequency = Counter(counts).most_common(1)[0]
        key = (frequency / len(counts) if width > 1 else 0.0, width)
        if key > best_key:
            best, best_key = delimiter, key
    return best, best_key[0]


def _ragged_row_notes(rows: list[list[object]], sheet_name: str) -> list[str]:
    """Name the rows holding more values than the header row, whose extra values sit in unnamed columns."""
    header_at = next(
        (i for i, row in enumerate(rows) if _filled(row) > 1 and not str(row[0]).startswith("#")), None
    )
    if header_at is None:
        return []
    header_width = _last_filled(rows[header_at])
    if header_width == len(rows[header_at]):  # rows are padded to one width: none can be longer
        return []
    longer = [(i + 1, _last_filled(row)) for i, row in enumerate(rows) if _last_filled(row) > header_width]
    if not longer:
        return []
    shown = ", ".join(f"row {number} has {width}" for number, width in longer[:3])
    more = f" and {len(longer) - 3} more rows" if len(longer) > 3 else ""
    return [
        f"Sheet '{sheet_name}': {shown}{more} values but the header (row {header_at + 1}) has "
        f"{header_width}: the extra values are kept in unnamed columns {header_width + 1} onwards."
    ]


def _filled(row: list[object]) -> int:
    """Number of non-empty cells in a row."""
    return sum(value is not None for value in row)


def _last_filled(row: list[object]) -> int:
    """1-based position of the last non-empty cell of a row (0 when the row is empty)."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return end
