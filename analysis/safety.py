"""Checks on an upload's raw bytes before any parser sees them: size, encryption, zip bombs, hostile XML.

The fast reader (calamine) allocates a dense grid for every sheet, from A1 to the farthest cell, and
copies shared text into every cell that refers to it; a tiny crafted file can therefore ask for
terabytes and abort the whole server process. These checks bound what a parser will build, using the
file's own bytes: zip directory and members streamed in chunks, BIFF records walked, nothing expanded.
"""

from __future__ import annotations

import collections
import io
import itertools
import re
import struct
import tomllib
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import olefile

from analysis.errors import InputError

STREAMLIT_CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
DEFAULT_UPLOAD_MB = 50


def configured_upload_mb(config: Path = STREAMLIT_CONFIG) -> int:
    """The upload limit set once for the dashboard and the loader: server.maxUploadSize, in MB."""
    if not config.is_file():
        return DEFAULT_UPLOAD_MB
    return int(tomllib.loads(config.read_text()).get("server", {}).get("maxUploadSize", DEFAULT_UPLOAD_MB))


MAX_UPLOAD_MB = configured_upload_mb()
MAX_UNCOMPRESSED_BYTES = 2**30  # a genuine 50 MB workbook holds well under 1 GB of XML
MAX_COMPRESSION_RATIO = 200  # workbook parts compress 5-50 times; deflate bombs reach 1,000
RATIO_CHECK_MIN_BYTES = 10 * 2**20  # small parts may compress extremely well without danger
MAX_CELLS = 20_000_000  # grid cells (A1 to the farthest value) over all sheets: 100k answers x 200 columns
EXCEL_MAX_ENTRY_BYTES = 200_000  # Excel's longest cell (32,767 characters) fits in this much escaped UTF-8
MAX_EXPANDED_TEXT_BYTES = 512 * 2**20  # text a parser may build by copying one shared entry into many cells

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # the second opens an archive with no members
BIFF_BOF_MAGICS = (b"\x09\x00", b"\x09\x02", b"\x09\x04")  # raw Excel 2.x-4.0 sheets, outside any container
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
CHUNK_BYTES = 4 * 2**20

_PASSWORD_EXCEL = (
    "password-protected: remove the password in Excel (File > Info > Protect Workbook) and upload again"
)
_PASSWORD_ODS = (
    "password-protected: remove the password in LibreOffice (File > Save As, untick 'Save with password') "
    "and upload again"
)
_REEXPORT = "export the file again from the survey tool or re-save it in Excel"

# BIFF record types (Microsoft [MS-XLS] and the Excel 2-4 specifications).
_FILEPASS = 0x002F
_SST = 0x00FC
_CONTINUE = 0x003C
_LABELSST = 0x00FD
_DIMENSIONS = (0x0000, 0x0200)  # BIFF2 and BIFF3-8; calamine sizes its grid from the latter
_BOF = (0x0009, 0x0209, 0x0409, 0x0809)
_CELL_RECORDS = frozenset(
    {0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x007E, 0x00D6, 0x00FD}
    | {0x0201, 0x0203, 0x0204, 0x0205, 0x0206, 0x027E, 0x0406}
)
_MULTI_CELL_RECORDS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: last column in the final two bytes

_SHARED_STRING_TAG = re.compile(rb"</?(?:[\w.-]+:)?si[\s/>]")
_LOOSE_CELL_REF = re.compile(rb"\sr\s*=\s*[\"']\s*([A-Za-z]*)(\d*)")
_ODS_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>")
_ODS_ROWS_REPEATED = re.compile(rb"number-rows-repeated\s*=\s*[\"']\s*(\d+)")
_ODS_COLUMNS_REPEATED = re.compile(rb"number-columns-repeated\s*=\s*[\"']\s*(\d+)")
_ODS_VALUE_TYPE = re.compile(rb"value-type\s*=")
_HUGE = 2**40  # stands for any coordinate too long to parse
# How zipfile and zlib report a damaged package (NotImplementedError: unknown compression or zip version).
_DAMAGED_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    ValueError,
    OSError,
    struct.error,
)


def container_kind(data: bytes) -> str:
    """Name the container by magic bytes: 'zip', 'cfb' (OLE, old .xls), 'biff' (raw Excel 2-4) or 'text'."""
    if data.startswith(ZIP_MAGICS):
        return "zip"
    if data.startswith(CFB_MAGIC):
        return "cfb"
    if (
        data.startswith(BIFF_BOF_MAGICS)
        and len(data) >= 8
        and struct.unpack_from("<H", data, 2)[0] in (4, 6, 8)
    ):
        return "biff"
    return "text"


def check_upload(data: bytes, file_name: str, max_bytes: int = MAX_UPLOAD_MB * 2**20) -> None:
    """Raise InputError if the upload is empty, too large, encrypted, corrupt or crafted to exhaust memory."""
    if not data:
        raise InputError(
            f"{file_name}: the file is empty (0 bytes): export it again from the survey tool and upload "
            "the new file"
        )
    if len(data) > max_bytes:
        raise InputError(
            f"{file_name}: the file is {len(data) / 2**20:.1f} MB, more than the {max_bytes / 2**20:.0f} MB "
            "limit: remove unneeded sheets or split the responses into several files"
        )
    kind = container_kind(data)
    if kind == "zip":
        _check_zip(data, file_name)
    elif kind == "cfb":
        _check_cfb(data, file_name)
    elif kind == "biff":
        _check_biff(data, file_name)


# --- legacy Excel (.xls): OLE compound file holding BIFF records ---------------------------------


def _check_cfb(data: bytes, file_name: str) -> None:
    """Refuse encrypted or oversized legacy workbooks and OLE files holding no workbook."""
    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as error:  # olefile's ways to fail
        raise InputError(
            f"{file_name}: corrupt or not a spreadsheet: the Excel container is damaged ({error}): "
            f"{_REEXPORT}"
        ) from None
    with ole:
        if ole.exists("EncryptedPackage"):  # an encrypted .xlsx is wrapped in an OLE file
            raise InputError(f"{file_name}: {_PASSWORD_EXCEL}")
        streams = [
            entry for entry in ole.listdir() if len(entry) == 1 and entry[0].lower() in ("workbook", "book")
        ]
        if not streams:
            raise InputError(
                f"{file_name}: not a spreadsheet: it is an Office file without an Excel workbook inside "
                "(perhaps a Word document): upload an .xlsx, .xls, .ods or .csv file"
            )
        for entry in streams:
            _check_biff(ole.openstream(entry).read(), file_name)


@dataclass
class _BiffTally:
    """What a walk over BIFF records learns: grid cells per sheet and text copied into cells."""

    cells: int = 0
    sheet_rows: int = 0
    sheet_cols: int = 0
    text_bytes: int = 0

    def close_sheet(self) -> None:
        """Add the current sheet's grid (A1 to its farthest cell) to the total."""
        self.cells += self.sheet_rows * self.sheet_cols
        self.sheet_rows = self.sheet_cols = 0

    def reach(self, row: int, col: int) -> None:
        """Extend the current sheet's grid to hold (row, col), both counted from 1."""
        self.sheet_rows = max(self.sheet_rows, row)
        self.sheet_cols = max(self.sheet_cols, col)


def _check_biff(stream: bytes, file_name: str) -> None:
    """Walk BIFF records: refuse FILEPASS (RC4 or XOR encryption), huge grids and shared-text blow-ups."""
    tally = _BiffTally()
    sst_lengths: list[int] = []
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = pos + 4
        if body + size > end:
            break  # a truncated last record; the readers will say the file is damaged
        if kind == _FILEPASS:
            raise InputError(f"{file_name}: {_PASSWORD_EXCEL}")
        if kind in _BOF:
            tally.close_sheet()
        elif kind in _CELL_RECORDS and size >= 4:
            row, col = struct.unpack_from("<HH", stream, body)
            tally.reach(row + 1, col + 1)
            if kind == _LABELSST and size >= 10:
                index = struct.unpack_from("<I", stream, body + 6)[0]
                tally.text_bytes += 2 * sst_lengths[index] if index < len(sst_lengths) else 0
        elif kind in _MULTI_CELL_RECORDS and size >= 6:
            row, _ = struct.unpack_from("<HH", stream, body)
            tally.reach(row + 1, struct.unpack_from("<H", stream, body + size - 2)[0] + 1)
        elif kind in _DIMENSIONS and size >= 8:
            layout = "<IIHH" if size >= 14 else "<HHHH"  # BIFF8 widened the row fields to 32 bits
            _, last_row, _, last_col = struct.unpack_from(layout, stream, body)
            tally.reach(last_row, last_col)
        elif kind == _SST:
            sst_lengths = _sst_lengths(stream, pos)
        pos = body + size
    tally.close_sheet()
    _refuse_big_grid(tally.cells, file_name)
    _refuse_text_explosion(tally.text_bytes, file_name)


def _record_bodies(stream: bytes, pos: int) -> list[bytes]:
    """The body of the record at pos followed by the bodies of its CONTINUE records."""
    size = struct.unpack_from("<H", stream, pos + 2)[0]
    bodies = [stream[pos + 4 : pos + 4 + size]]
    pos += 4 + size
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        if kind != _CONTINUE:
            break
        bodies.append(stream[pos + 4 : pos + 4 + size])
        pos += 4 + size
    return bodies


def _sst_lengths(stream: bytes, pos: int) -> list[int]:
    """Character count of each entry of the BIFF8 shared-string table (SST) at pos, without decoding text."""
    segments = _record_bodies(stream, pos)
    lengths: list[int] = []
    seg, at = 0, 8  # skip the total and unique counts
    try:
        while seg < len(segments):
            if at >= len(segments[seg]):
                seg, at = seg + 1, 0
                continue
            count, flags = struct.unpack_from("<HB", segments[seg], at)
            at += 3
            runs = struct.unpack_from("<H", segments[seg], at)[0] if flags & 0x08 else 0
            at += 2 if flags & 0x08 else 0
            extra = struct.unpack_from("<I", segments[seg], at)[0] if flags & 0x04 else 0
            at += 4 if flags & 0x04 else 0
            lengths.append(count)
            wide, left = flags & 0x01, count
            while left:  # characters may continue in the next record, behind a fresh flags byte
                room = (len(segments[seg]) - at) >> wide
                if room == 0:
                    seg += 1
                    wide, at = segments[seg][0] & 0x01, 1
                    continue
                taken = min(left, room)
                at, left = at + (taken << wide), left - taken
            skip = 4 * runs + extra  # formatting runs and phonetic data continue without a flags byte
            while skip:
                room = len(segments[seg]) - at
                if room == 0:
                    seg, at = seg + 1, 0
                    continue
                taken = min(skip, room)
                at, skip = at + taken, skip - taken
    except (IndexError, struct.error):
        pass  # a truncated table ends the list; cells pointing past it carry no text
    return lengths


# --- zip packages: .xlsx / .xlsm / .ods ------------------------------------------------------------


@dataclass
class _ZipTally:
    """What streaming a package's members learns: grid cells, shared-text entries, possible references."""

    cells: int = 0
    long_shared_entry: int = 0  # upper bound in bytes of a shared-string entry longer than Excel allows
    shared_references: int = 0  # upper bound of cells that may refer to a shared string
    ods_text_bytes: int = 0  # text an ODS parser copies into repeated cells


def _check_zip(data: bytes, file_name: str) -> None:
    """Refuse broken, ambiguous, encrypted, bomb-like or crafted zip packages."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except _DAMAGED_ZIP as error:
        raise InputError(
            f"{file_name}: corrupt or not a spreadsheet: the zip package is damaged ({error}): {_REEXPORT}"
        ) from None
    names = [member.filename for member in members]
    duplicates = sorted(name for name, count in collections.Counter(names).items() if count > 1)
    if duplicates:
        raise InputError(
            f"{file_name}: corrupt package: it holds two parts named '{duplicates[0]}', so its content is "
            f"ambiguous: {_REEXPORT}"
        )
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError(
            f"{file_name}: password-protected: the zip package is encrypted: save the workbook again "
            "without a password and upload it"
        )
    _refuse_zip_bomb(members, file_name)
    tally = _ZipTally()
    try:
        flavour = _package_flavour(package, names, file_name)
        for member in members:
            _scan_member(package, member, flavour, tally, file_name)
    except _DAMAGED_ZIP as error:
        raise InputError(
            f"{file_name}: corrupt or not a spreadsheet: the zip package is damaged ({error}): {_REEXPORT}"
        ) from None
    _refuse_big_grid(tally.cells, file_name)
    if tally.long_shared_entry:
        _refuse_text_explosion(tally.long_shared_entry * tally.shared_references, file_name)
    _refuse_text_explosion(tally.ods_text_bytes, file_name)


def _package_flavour(package: zipfile.ZipFile, names: list[str], file_name: str) -> str:
    """'xlsx' or 'ods'; refuse encrypted ODS, .xlsb and zips that hold no workbook."""
    if "mimetype" in names or "content.xml" in names:
        mimetype = _head(package, "mimetype").strip() if "mimetype" in names else ODS_MIMETYPE
        if not mimetype.startswith(ODS_MIMETYPE):
            raise InputError(
                f"{file_name}: not a spreadsheet: it is an OpenDocument file of type "
                f"{mimetype.decode('ascii', 'replace')}: upload an .ods, .xlsx, .xls or .csv file"
            )
        if "META-INF/manifest.xml" in names and b"encryption-data" in _head(package, "META-INF/manifest.xml"):
            raise InputError(f"{file_name}: {_PASSWORD_ODS}")
        return "ods"
    if any(name.lower().endswith("workbook.bin") for name in names):
        raise InputError(
            f"{file_name}: Excel binary workbooks (.xlsb) are not supported: open it in Excel and save it "
            "as .xlsx"
        )
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    raise InputError(
        f"{file_name}: not a spreadsheet: the zip package holds no Excel or OpenDocument workbook: "
        "upload an .xlsx, .xls, .ods or .csv file"
    )


def _head(package: zipfile.ZipFile, name: str) -> bytes:
    """The first few megabytes of a member (a manifest or mimetype is a few kilobytes)."""
    with package.open(name) as stream:
        return stream.read(CHUNK_BYTES)


def _refuse_zip_bomb(members: list[zipfile.ZipInfo], file_name: str) -> None:
    """Refuse packages whose declared content is too large or too compressed (zipfile enforces it later)."""
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(
            f"{file_name}: refused as unsafe: it would expand to {total / 2**30:.1f} GB (the limit is "
            f"{MAX_UNCOMPRESSED_BYTES / 2**30:.0f} GB): split the responses into smaller files"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InputError(
                f"{file_name}: refused as unsafe: part '{member.filename}' is compressed {ratio:.0f} times "
                f"(a zip-bomb pattern): {_REEXPORT}"
            )


def _tag_aligned_chunks(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """Stream a member in chunks ending after a '>' so no tag is split; zipfile caps and CRC-checks sizes."""
    carry = b""
    with package.open(member) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            buffer = carry + chunk
            cut = buffer.rfind(b">") + 1
            if cut == 0 and len(buffer) > 2 * CHUNK_BYTES:
                cut = len(buffer) - 64  # no tag end for megabytes: keep a short tail so keywords stay whole
            carry = buffer[cut:]
            if cut:
                yield buffer[:cut]
    if carry:
        yield carry


def _scan_member(
    package: zipfile.ZipFile, member: zipfile.ZipInfo, flavour: str, tally: _ZipTally, file_name: str
) -> None:
    """Stream one member: refuse entity declarations and UTF-16 XML; measure grids and shared text."""
    name = member.filename
    chunks = _tag_aligned_chunks(package, member)
    first = next(chunks, b"")
    if name.lower().endswith((".xml", ".rels")) and (
        first[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in first[:4]
    ):
        raise InputError(
            f"{file_name}: refused as unsafe: part '{name}' is XML in UTF-16, which spreadsheet programs "
            f"never write: {_REEXPORT}"
        )
    scanner = _member_scanner(flavour, name.rsplit("/", 1)[-1].lower(), member.file_size)
    offset = 0
    for chunk in itertools.chain([first], chunks):
        if b"<!ENTITY" in chunk:
            raise InputError(
                f"{file_name}: refused as unsafe: part '{name}' declares XML entities, which spreadsheets "
                f"never need: {_REEXPORT}"
            )
        if scanner is not None:
            scanner.feed(chunk, offset)
        offset += len(chunk)
    if scanner is not None:
        scanner.add_to(tally)


def _member_scanner(flavour: str, base_name: str, size: int) -> _XlsxGrid | _SharedStrings | _OdsGrid | None:
    """The scanner that measures what a parser will build from this member, if any."""
    if flavour == "ods":
        return _OdsGrid() if base_name == "content.xml" else None
    if base_name.startswith("sharedstrings"):
        return _SharedStrings(size)
    return _XlsxGrid()  # any part may be a worksheet (the package names its targets), binary ones too


class _XlsxGrid:
    """Farthest row and column an OOXML part names, so the grid A1..farthest cell can be bounded."""

    def __init__(self) -> None:
        self.rows = 0
        self.cols = 0
        self.tags = 0

    def feed(self, chunk: bytes, offset: int) -> None:
        """Measure one tag-aligned chunk."""
        rows, cols = _xlsx_extent(chunk)
        self.rows, self.cols = max(self.rows, rows), max(self.cols, cols)
        self.tags += chunk.count(b"<")

    def add_to(self, tally: _ZipTally) -> None:
        """Add this part's grid, and the cells that may refer to shared text, to the package tally."""
        tally.cells += self.rows * self.cols
        tally.shared_references += self.tags // 4  # a shared-text cell takes four tags: <c><v></v></c>


def _xlsx_extent(chunk: bytes) -> tuple[int, int]:
    """Farthest row and column named by r="B7" attributes of cells (and of rows holding cells) in a chunk."""
    size = len(chunk)
    if size < 2:
        return 0, 0
    a = np.frombuffer(chunk + b"\0" * 32, np.uint8)
    hits = np.flatnonzero((a[1:size] == 0x72) & (a[: size - 1] <= 0x20)) + 1  # an 'r' after whitespace
    after, second = a[hits + 1], a[hits + 2]
    plain = (after == 0x3D) & (second == 0x22) & (a[hits - 1] == 0x20)
    if np.any(~plain & ((after <= 0x20) | (after == 0x3D))):
        return _loose_extent(chunk)  # unusual spacing or quotes around r=: read every form with a regex
    at = hits[plain] + 3
    letters = np.zeros(at.size, np.int64)
    cols = np.zeros(at.size, np.int64)
    for _ in range(4):  # XFD, the last Excel column, has three letters; calamine reads any number
        value = (a[at] | 0x20).astype(np.int64) - 0x60  # 'A'/'a' -> 1 ... 'Z'/'z' -> 26
        is_letter = (value >= 1) & (value <= 26)
        cols = np.where(is_letter, cols * 26 + value, cols)
        letters += is_letter
        at = at + is_letter
    rows = np.zeros(at.size, np.int64)
    for _ in range(8):
        value = a[at].astype(np.int64) - 0x30
        is_digit = (value >= 0) & (value <= 9) & (rows < _HUGE)
        rows = np.where(is_digit, rows * 10 + value, rows)
        at = at + is_digit
    overflow = (((a[at] | 0x20) >= 0x61) & ((a[at] | 0x20) <= 0x7A)) | ((a[at] >= 0x30) & (a[at] <= 0x39))
    rows = np.where(overflow, _HUGE, rows)
    is_cell = letters > 0
    farthest_row = int(rows[is_cell].max(initial=0))
    beyond = ~is_cell & (rows > farthest_row)  # row elements below the last cell with an r= of its own
    for row, tag in sorted(zip(rows[beyond].tolist(), at[beyond].tolist(), strict=True), reverse=True):
        if not _row_is_empty(chunk, chunk.find(b">", tag)):
            farthest_row = row  # its cells have no r= and sit on this row
            break
    return farthest_row, int(cols[is_cell].max(initial=0))


def _loose_extent(chunk: bytes) -> tuple[int, int]:
    """Slow but complete version of _xlsx_extent for r = 'B7' written with odd spacing or quotes."""
    rows = cols = 0
    for match in _LOOSE_CELL_REF.finditer(chunk):
        letters, digits = match.groups()
        row = int(digits) if 0 < len(digits) <= 9 else (_HUGE if digits else 0)
        if letters:
            col = _HUGE if len(letters) > 4 else _column_number(letters)
            rows, cols = max(rows, row), max(cols, col)
        elif not _row_is_empty(chunk, chunk.find(b">", match.end())):
            rows = max(rows, row)
    return rows, cols


def _row_is_empty(chunk: bytes, tag_end: int) -> bool:
    """Whether the row element whose start tag ends at tag_end is self-closing or closed at once."""
    following = chunk.find(b"<", tag_end)
    return chunk[tag_end - 1 : tag_end] == b"/" or chunk[following + 1 : following + 2] == b"/"


def _column_number(letters: bytes) -> int:
    """Spreadsheet column number of letters such as b'AB' (28), case-insensitive."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 0x40
    return number


class _SharedStrings:
    """Longest shared-string entry, which a parser copies into every cell that refers to it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.last_tag = 0  # where the latest <si> or </si> tag started
        self.longest = 0

    def feed(self, chunk: bytes, offset: int) -> None:
        """Measure the gaps between entry tags; CDATA, comments or instructions could hide tags in text."""
        declaration = 1 if offset == 0 and chunk.lstrip(b"\xef\xbb\xbf").startswith(b"<?") else 0
        if b"<!" in chunk or chunk.count(b"<?") > declaration:
            self.longest = self.size
        starts = [offset + match.start() for match in _SHARED_STRING_TAG.finditer(chunk)]
        if starts:
            self.longest = max(self.longest, starts[0] - self.last_tag, *np.diff(starts).tolist())
            self.last_tag = starts[-1]

    def add_to(self, tally: _ZipTally) -> None:
        """Record the longest entry when it is longer than Excel allows in a cell."""
        longest = max(self.longest, self.size - self.last_tag)
        if longest > EXCEL_MAX_ENTRY_BYTES:
            tally.long_shared_entry = max(tally.long_shared_entry, longest)


class _OdsGrid:
    """Cells an OpenDocument content.xml spans once repeat counts are applied, counted without expanding."""

    def __init__(self) -> None:
        self.cells = 0
        self.text_bytes = 0
        self.row = 0
        self.rows_repeated = 1
        self.col = 0
        self.max_row = 0
        self.max_col = 0
        self.cell_start: int | None = None
        self.cell_copies = 1

    def feed(self, chunk: bytes, offset: int) -> None:
        """Follow table, row and cell tags; only cells holding a value stretch the grid."""
        for match in _ODS_TAG.finditer(chunk):
            closing, name, attributes = match.groups()
            self_closing = attributes.rstrip().endswith(b"/")
            if name == b"table":
                if not closing:
                    self._close_table()
            elif name == b"table-row":
                if closing:
                    self.row += self.rows_repeated
                else:
                    self.rows_repeated, self.col = _repeat(_ODS_ROWS_REPEATED, attributes), 0
                    self.row += self.rows_repeated if self_closing else 0
            elif closing:
                if self.cell_start is not None and self.cell_copies > 1:
                    self.text_bytes += (offset + match.start() - self.cell_start) * self.cell_copies
                self.cell_start = None
            else:
                cols = _repeat(_ODS_COLUMNS_REPEATED, attributes)
                if not self_closing or _ODS_VALUE_TYPE.search(attributes):
                    self.max_row = max(self.max_row, self.row + self.rows_repeated)
                    self.max_col = max(self.max_col, self.col + cols)
                if not self_closing:
                    self.cell_start, self.cell_copies = offset + match.end(), self.rows_repeated * cols
                self.col += cols

    def _close_table(self) -> None:
        """Add the finished table's grid to the count and start a new one."""
        self.cells += self.max_row * self.max_col
        self.row = self.max_row = self.max_col = 0

    def add_to(self, tally: _ZipTally) -> None:
        """Add every table's grid and the text copied into repeated cells to the package tally."""
        self._close_table()
        tally.cells += self.cells
        tally.ods_text_bytes += self.text_bytes


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    """The repeat count an ODS row or cell declares (1 when absent)."""
    match = pattern.search(attributes)
    return max(int(match.group(1)), 1) if match else 1


# --- limits shared by all containers --------------------------------------------------------------


def _refuse_big_grid(cells: int, file_name: str) -> None:
    """Refuse workbooks whose sheets span more grid cells than a reader may build."""
    if cells > MAX_CELLS:
        raise InputError(
            f"{file_name}: refused: its sheets span {cells:,} cells from A1 to the last value (the limit is "
            f"{MAX_CELLS:,}): delete stray cells far below or right of the answers, or split the file"
        )


def _refuse_text_explosion(text_bytes: int, file_name: str) -> None:
    """Refuse workbooks whose shared or repeated text would be copied into cells beyond a safe size."""
    if text_bytes > MAX_EXPANDED_TEXT_BYTES:
        raise InputError(
            f"{file_name}: refused as unsafe: text repeated across cells would expand to "
            f"{text_bytes / 2**30:.1f} GB (the limit is {MAX_EXPANDED_TEXT_BYTES / 2**20:.0f} MB): "
            f"{_REEXPORT}"
        )
