"""The byte-level guards refuse hostile, encrypted and broken uploads before any parser sees them."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from analysis import safety
from analysis.errors import InputError

NOSTREAM = 0xFFFFFFFF
END_OF_CHAIN = 0xFFFFFFFE
FAT_SECTOR = 0xFFFFFFFD


# --- builders of real containers -------------------------------------------------------------------


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal but valid OLE compound file (version 3, 512-byte sectors) holding the given streams."""
    # whole sectors, and at least 4096 bytes so that no stream goes to the mini stream
    padded = {
        name: data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0") for name, data in streams.items()
    }
    data_sectors = sum(-(-len(data) // 512) for data in padded.values())
    directory_sectors = -(-(len(padded) + 1) // 4)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + directory_sectors + data_sectors:
        fat_sectors += 1
    fat = [FAT_SECTOR] * fat_sectors
    first_directory = len(fat)
    fat += [*range(first_directory + 1, first_directory + directory_sectors), END_OF_CHAIN]
    entries, body = [], b""
    for index, (name, data) in enumerate(padded.items(), start=1):
        start, count = len(fat), len(data) // 512
        fat += [*range(start + 1, start + count), END_OF_CHAIN]
        right = index + 1 if index < len(padded) else NOSTREAM
        entries.append(_directory_entry(name, 2, NOSTREAM, right, NOSTREAM, start, len(data)))
        body += data
    root = _directory_entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END_OF_CHAIN, 0)
    directory = b"".join([root, *entries]).ljust(directory_sectors * 512, b"\0")
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(fat_sectors * 512, b"\xff")
    difat = list(range(fat_sectors)) + [NOSTREAM] * (109 - fat_sectors)
    header = safety.CFB_MAGIC + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack(
        "<IIIIIIIII", 0, fat_sectors, first_directory, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0
    )
    header += struct.pack("<109I", *difat)
    return header + fat_bytes + directory + body


def _directory_entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    """One 128-byte OLE directory entry."""
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


def record(kind: int, body: bytes = b"") -> bytes:
    """One BIFF record."""
    return struct.pack("<HH", kind, len(body)) + body


BOF_GLOBALS = record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
BOF_SHEET = record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
EOF = record(0x000A)


def number_cell(row: int, col: int) -> bytes:
    """A BIFF NUMBER record at (row, col), zero-based."""
    return record(0x0203, struct.pack("<HHHd", row, col, 0, 1.0))


def shared_text_cell(row: int, col: int, index: int) -> bytes:
    """A BIFF LABELSST record pointing at shared string `index`."""
    return record(0x00FD, struct.pack("<HHHI", row, col, 0, index))


def shared_strings(text: str, split_at: int | None = None) -> bytes:
    """An SST record with one 8-bit string; optionally its characters continue in a CONTINUE record."""
    chars = text.encode("latin-1")
    head = struct.pack("<IIHB", 1, 1, len(chars), 0)
    if split_at is None:
        return record(0x00FC, head + chars)
    return record(0x00FC, head + chars[:split_at]) + record(0x003C, b"\x00" + chars[split_at:])


def xls(globals_records: bytes, sheet_records: bytes) -> bytes:
    """A legacy .xls: an OLE file whose Workbook stream holds the globals and one sheet."""
    return ole_file({"Workbook": BOF_GLOBALS + globals_records + EOF + BOF_SHEET + sheet_records + EOF})


def xlsx_bytes(fill=None) -> bytes:
    """A real .xlsx written by openpyxl; `fill` may add cells to its first sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Organisation", "Need"])
    sheet.append(["Malmö stad", "Electric buses"])
    if fill:
        fill(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite(package: bytes, changes: dict[str, bytes]) -> bytes:
    """The package with some members replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member.filename, changes.pop(member.filename, source.read(member)))
        for name, data in changes.items():
            target.writestr(name, data)
    return out.getvalue()


def sheet_xml(package: bytes) -> str:
    """The first worksheet's XML of a package."""
    return zipfile.ZipFile(io.BytesIO(package)).read("xl/worksheets/sheet1.xml").decode()


def with_sheet_data(package: bytes, rows: str) -> bytes:
    """The package with the first sheet's <sheetData> replaced by hand-written rows."""
    xml = sheet_xml(package)
    start, end = xml.index("<sheetData>") + len("<sheetData>"), xml.index("</sheetData>")
    return rewrite(package, {"xl/worksheets/sheet1.xml": (xml[:start] + rows + xml[end:]).encode()})


def ods_bytes(table_body: str, manifest_extra: str = "", mimetype: bytes = safety.ODS_MIMETYPE) -> bytes:
    """An OpenDocument spreadsheet whose single table holds `table_body`."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        f'<table:table table:name="Answers">{table_body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        f'<manifest:file-entry manifest:full-path="content.xml">{manifest_extra}</manifest:file-entry>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content)
    return out.getvalue()


def ods_cell(text: str, columns: int = 1) -> str:
    """An ODS text cell, optionally repeated across columns."""
    repeat = f' table:number-columns-repeated="{columns}"' if columns > 1 else ""
    return f'<table:table-cell office:value-type="string"{repeat}><text:p>{text}</text:p></table:table-cell>'


def refused(data: bytes, name: str = "answers.xlsx", **limits: int) -> str:
    """The one-line message check_upload refuses the bytes with (fails the test if it accepts them)."""
    with pytest.raises(InputError) as caught:
        safety.check_upload(data, name, **limits)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    return message


# --- size and container --------------------------------------------------------------------------


def test_empty_upload_is_refused_with_what_to_do():
    assert "empty" in refused(b"", "answers.csv")


def test_upload_over_the_size_limit_is_refused():
    assert "more than the 1 MB limit" in refused(b"x" * (2**20 + 1), "answers.csv", max_bytes=2**20)


def test_size_limit_matches_streamlit_upload_limit():
    config = (Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {safety.MAX_UPLOAD_MB}" in config


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"PK\x05\x06" + bytes(18), "zip"),
        (safety.CFB_MAGIC + bytes(8), "cfb"),
        (b"\x09\x04\x06\x00\x00\x00\x10\x00", "biff"),
        (b"id;name\n1;Ana\n", "text"),
    ],
)
def test_container_is_recognised_by_magic_bytes(data, kind):
    assert safety.container_kind(data) == kind


def test_genuine_workbooks_pass():
    safety.check_upload(xlsx_bytes(), "answers.xlsx")
    safety.check_upload(ods_bytes("<table:table-row>" + ods_cell("Malmö") + "</table:table-row>"), "a.ods")
    safety.check_upload(xls(shared_strings("Malmö stad"), shared_text_cell(0, 0, 0)), "answers.xls")
    safety.check_upload(b"id,name\n1,Ana\n", "answers.csv")


# --- encryption -----------------------------------------------------------------------------------


def test_encrypted_xlsx_is_reported_as_password_protected():
    data = ole_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x00" * 64})
    assert "password-protected: remove the password in Excel" in refused(data)


def test_xls_with_filepass_record_is_reported_as_password_protected():
    xor_obfuscation = record(0x002F, struct.pack("<HHH", 0, 0x1234, 0x5678))
    data = ole_file({"Workbook": BOF_GLOBALS + xor_obfuscation + EOF})
    assert "password-protected" in refused(data, "answers.xls")


def test_ods_with_encrypted_parts_is_reported_as_password_protected():
    data = ods_bytes("", '<manifest:encryption-data manifest:checksum="abc"/>')
    assert "password-protected: remove the password in LibreOffice" in refused(data, "answers.ods")


def test_zip_level_encryption_is_reported_as_password_protected():
    data = bytearray(xlsx_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            data[at + flag_offset] |= 0x01
            at = data.find(signature, at + 4)
    assert "password-protected" in refused(bytes(data))


# --- not a workbook / broken ------------------------------------------------------------------------


def test_ole_file_without_workbook_is_not_a_spreadsheet():
    assert "not a spreadsheet" in refused(ole_file({"WordDocument": b"\xec\xa5" * 100}), "answers.xls")


def test_truncated_zip_is_reported_as_damaged():
    assert "damaged" in refused(xlsx_bytes()[:3000])


def test_empty_zip_archive_holds_no_workbook():
    assert "holds no Excel or OpenDocument workbook" in refused(b"PK\x05\x06" + bytes(18))


def test_zip_of_other_documents_is_not_a_spreadsheet():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    assert "not a spreadsheet" in refused(out.getvalue())


def test_opendocument_text_is_not_a_spreadsheet():
    data = ods_bytes("", mimetype=b"application/vnd.oasis.opendocument.text")
    assert "not a spreadsheet" in refused(data, "answers.ods")


def test_xlsb_is_refused_with_advice_to_save_as_xlsx():
    data = rewrite(xlsx_bytes(), {"xl/workbook.bin": b"\x83\x01\x00"})
    assert "save it as .xlsx" in refused(data, "answers.xlsb")


def test_duplicate_member_names_are_refused_as_ambiguous():
    out = io.BytesIO()
    with pytest.warns(UserWarning), zipfile.ZipFile(out, "w") as package:
        package.writestr("xl/worksheets/sheet1.xml", "<worksheet>v1</worksheet>")
        package.writestr("xl/worksheets/sheet1.xml", "<worksheet>v2</worksheet>")
    assert "two parts named 'xl/worksheets/sheet1.xml'" in refused(out.getvalue())


# --- zip bombs ------------------------------------------------------------------------------------


def test_member_declaring_a_gigabyte_is_refused_quickly():
    data = bytearray(xlsx_bytes())
    directory = data.find(b"PK\x01\x02")
    while directory != -1:
        struct.pack_into("<I", data, directory + 24, 2**30)  # declared uncompressed size
        directory = data.find(b"PK\x01\x02", directory + 4)
    started = time.perf_counter()
    message = refused(bytes(data))
    assert "would expand to" in message and time.perf_counter() - started < 1


def test_highly_compressed_member_is_refused_as_zip_bomb():
    data = rewrite(xlsx_bytes(), {"xl/media/image1.bin": b"\0" * (12 * 2**20)})
    assert "zip-bomb pattern" in refused(data)


def test_member_larger_than_it_declares_is_refused_as_damaged():
    data = bytearray(rewrite(xlsx_bytes(), {"xl/media/padding.bin": b"a" * 5000}))
    name = b"xl/media/padding.bin"
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46 : central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, 100)  # claim 100 bytes, hold 5000
        central = data.find(b"PK\x01\x02", central + 4)
    assert "damaged" in refused(bytes(data))


# --- hostile XML ----------------------------------------------------------------------------------


def test_xml_entity_declarations_are_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>'
    )
    data = rewrite(xlsx_bytes(), {"xl/sharedStrings.xml": bomb.encode()})
    assert "declares XML entities" in refused(data)


def test_xml_part_in_utf16_is_refused():
    xml = sheet_xml(xlsx_bytes()).replace("utf-8", "utf-16").replace("UTF-8", "UTF-16")
    data = rewrite(xlsx_bytes(), {"xl/worksheets/sheet1.xml": xml.encode("utf-16")})
    assert "UTF-16" in refused(data)


# --- grids a parser would have to allocate -------------------------------------------------------------


def test_two_cells_at_opposite_corners_are_refused_before_parsing():
    def corners(sheet):
        sheet["XFD1048576"] = "far away"

    started = time.perf_counter()
    message = refused(xlsx_bytes(corners))
    assert "17,179,869,184 cells" in message and time.perf_counter() - started < 2


def test_far_but_reasonable_cell_is_accepted():
    def far(sheet):
        sheet["Z200000"] = "last answer"

    safety.check_upload(xlsx_bytes(far), "answers.xlsx")


@pytest.mark.parametrize(
    "far_cell",
    [
        '<c r = "XFD1048576" t="inlineStr"><is><t>x</t></is></c>',
        "<c r='XFD1048576' t=\"inlineStr\"><is><t>x</t></is></c>",
        '<c\tr="XFD1048576" t="inlineStr"><is><t>x</t></is></c>',
        '<c r="xfd1048576" t="inlineStr"><is><t>x</t></is></c>',
        '<x:c xmlns:x="urn:x" r="XFD1048576" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c>',
    ],
    ids=["spaces", "single-quotes", "tab", "lower-case", "prefix"],
)
def test_far_cell_written_in_unusual_xml_is_still_measured(far_cell):
    rows = f'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576">{far_cell}</row>'
    assert "cells from A1" in refused(with_sheet_data(xlsx_bytes(), rows))


def test_cells_without_reference_sit_on_their_row():
    rows = (
        '<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="1048576"><c t="inlineStr"><is><t>y</t></is></c></row>'
    )
    assert "cells from A1" in refused(with_sheet_data(xlsx_bytes(), rows))


def test_empty_formatted_rows_far_below_do_not_count():
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'
        '<c r="AD1" t="inlineStr"><is><t>y</t></is></c>'
        '</row><row r="1048575" ht="12.8"></row><row r="1048576" ht="12.8"/>'
    )
    safety.check_upload(with_sheet_data(xlsx_bytes(), rows), "answers.xlsx")


def test_xls_cell_beyond_column_limits_is_refused():
    data = xls(b"", number_cell(0, 0) + number_cell(65534, 65534))
    assert "cells from A1" in refused(data, "answers.xls")


def test_xls_dimensions_record_asking_for_a_huge_grid_is_refused():
    dimensions = record(0x0200, struct.pack("<IIHHH", 0, 65536, 0, 65535, 0))
    assert "cells from A1" in refused(xls(b"", dimensions + number_cell(0, 0)), "answers.xls")


def test_raw_excel4_stream_is_checked_too():
    bof4 = record(0x0409, struct.pack("<HHH", 0, 0x0010, 0))
    assert "cells from A1" in refused(bof4 + number_cell(0, 0) + number_cell(65534, 65534) + EOF, "a.xls")


def test_ods_repeat_counts_are_measured_without_expanding():
    cell = ods_cell("X", 999_999_999)
    huge = f'<table:table-row table:number-rows-repeated="999999999">{cell}</table:table-row>'
    started = time.perf_counter()
    message = refused(ods_bytes(huge), "answers.ods")
    assert "cells from A1" in message and time.perf_counter() - started < 1


def test_ods_value_after_a_long_empty_stretch_is_measured():
    body = (
        f"<table:table-row>{ods_cell('A')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
        f"{ods_cell('far')}</table:table-row>"
    )
    assert "cells from A1" in refused(ods_bytes(body), "answers.ods")


def test_ods_trailing_empty_repeated_rows_are_accepted():
    body = (
        f"<table:table-row>{ods_cell('A')}{ods_cell('B')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    safety.check_upload(ods_bytes(body), "answers.ods")


# --- text copied into many cells ------------------------------------------------------------------------


def xlsx_sharing_text(text: str, cells: int) -> bytes:
    """An .xlsx (xlsxwriter, shared strings) whose first `cells` rows all refer to one shared entry `text`."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    for row in range(cells):
        sheet.write_string(row, 0, "PLACEHOLDER")
    workbook.close()
    package = buffer.getvalue()
    strings = zipfile.ZipFile(io.BytesIO(package)).read("xl/sharedStrings.xml")
    return rewrite(package, {"xl/sharedStrings.xml": strings.replace(b"PLACEHOLDER", text.encode())})


def test_huge_shared_string_referenced_by_many_cells_is_refused():
    text = "unmet need " * 30_000  # 330 KB, ten times Excel's own cell limit
    started = time.perf_counter()
    assert "would expand to" in refused(xlsx_sharing_text(text, 2000))
    assert time.perf_counter() - started < 2


def test_long_shared_string_used_a_few_times_is_accepted():
    safety.check_upload(xlsx_sharing_text("unmet need " * 30_000, 5), "answers.xlsx")


def test_shared_strings_of_ordinary_length_are_accepted_in_any_number():
    safety.check_upload(xlsx_sharing_text("Electric buses for the city " * 100, 20_000), "answers.xlsx")


def test_xls_shared_string_copied_into_many_cells_is_refused():
    cells = b"".join(shared_text_cell(row, 0, 0) for row in range(60_000))
    long_text = "n" * 8000 + "m" * 1000  # characters continue in a CONTINUE record
    assert "would expand to" in refused(xls(shared_strings(long_text, split_at=8000), cells), "a.xls")


def test_xls_short_shared_string_in_many_cells_is_accepted():
    cells = b"".join(shared_text_cell(row, 0, 0) for row in range(60_000))
    safety.check_upload(xls(shared_strings("Sverige"), cells), "answers.xls")


def test_ods_text_repeated_across_many_columns_is_refused():
    cell = ods_cell("x" * 1_000_000, 1000)
    row = f'<table:table-row table:number-rows-repeated="600">{cell}</table:table-row>'
    assert "would expand to" in refused(ods_bytes(row), "answers.ods")


def test_the_upload_limit_is_read_from_the_streamlit_config(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[server]\nmaxUploadSize = 7\n")
    assert safety.configured_upload_mb(config) == 7
    assert safety.configured_upload_mb(tmp_path / "missing.toml") == safety.DEFAULT_UPLOAD_MB
