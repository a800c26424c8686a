"""Every file in ../shared/peer_files loads, or is refused in one clear line, within 60 s and 2 GB.

The files were written by other projects (see MANIFEST.tsv: what is odd about each and what a tolerant
loader should do). Each is read in its own process under an address-space limit, so that a parser that
allocates without bound fails that one file instead of the test run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import multiprocessing
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PEER_FILES = (
    Path(__file__).resolve().parents[2] / "shared" / "peer_files"
)  # CI clones the repo beside shared/
MANIFEST = PEER_FILES / "MANIFEST.tsv"
MEMORY_LIMIT = 2 * 2**30
TIME_LIMIT_S = 60
QUICK_REFUSAL_S = 15  # hostile files are refused before parsing; the rest of this is interpreter start-up


def manifest_rows() -> list[dict[str, str]]:
    """The manifest's rows, or one placeholder row that makes every test fail when shared/ is missing."""
    if not MANIFEST.is_file():
        return [{"file": f"MISSING {MANIFEST}", "sha256": ""}]
    with MANIFEST.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = manifest_rows()


# --- the reader, run in its own process ------------------------------------------------------------------
# The reader, then the whole load (recognise, map, clean) on what it read; the command line's own
# exit status and one-line errors are proven in test_cli.py.

# Each file runs in a child forked from a server that has imported the loader once (start-up would
# otherwise dominate), under an address-space limit and a time limit.
FORKS = multiprocessing.get_context("forkserver")
FORKS.set_forkserver_preload(["analysis.loading", "analysis.reading"])


def read_and_load(path: str, reply: Connection) -> None:
    """In the child: read the file, then load what was read (recognise, map, clean); send the outcome."""
    from analysis.errors import InputError
    from analysis.loading import load_workbooks
    from analysis.reading import read_file

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    try:
        workbook = read_file(Path(path).read_bytes(), Path(path).name)
    except InputError as error:
        reply.send((None, str(error)))
        return
    sheets = [
        {"name": sheet.name, "state": sheet.state, "rows": sheet.rows[:12], "n_rows": len(sheet.rows)}
        for sheet in workbook.sheets
    ]
    try:
        result = load_workbooks([workbook])
        load = {
            "rows_read": result.rows_read,
            "rows_kept": len(result.frame),
            "rows_set_aside": len(result.set_aside),
        }
    except InputError as error:
        load = {"refusal": str(error)}
    reply.send(
        (json.loads(json.dumps({"sheets": sheets, "notes": workbook.notes, "load": load}, default=str)), None)
    )


@dataclass(frozen=True)
class Outcome:
    """What reading one peer file did: its sheets and notes, or its one-line refusal."""

    name: str
    loaded: dict | None  # {"sheets": [...], "notes": [...], "load": {...}} when the file was read
    refusal: str | None  # the user message when it was refused
    seconds: float

    def rows(self, sheet: int = 0) -> list[list[object]]:
        """The first rows of one sheet (dates and times as text)."""
        assert self.loaded is not None, self.refusal
        return self.loaded["sheets"][sheet]["rows"]


def load(name: str) -> Outcome:
    """Read and load one peer file in a memory-capped child process, within the time limit."""
    started = time.perf_counter()
    receive, send = FORKS.Pipe(duplex=False)
    child = FORKS.Process(target=read_and_load, args=(str(PEER_FILES / name), send))
    child.start()
    send.close()
    ready = receive.poll(TIME_LIMIT_S)
    loaded, refusal = receive.recv() if ready else (None, None)
    child.join(5)
    if child.is_alive():
        child.kill()
    seconds = time.perf_counter() - started
    assert ready, f"{name}: no answer within {TIME_LIMIT_S} s (exit code {child.exitcode})"
    assert refusal is None or "\n" not in refusal, refusal
    return Outcome(name, loaded, refusal, seconds)


# --- what MANIFEST.tsv says particular files must do ----------------------------------------------------

Check = Callable[[Outcome], None]


def refused_with(phrase: str, within: float = TIME_LIMIT_S) -> Check:
    """The file is refused, saying `phrase`, within `within` seconds."""

    def check(outcome: Outcome) -> None:
        assert outcome.refusal is not None and phrase in outcome.refusal, outcome.refusal or outcome.loaded
        assert outcome.seconds < within

    return check


def row_is(index: int, expected: list[object], sheet: int = 0) -> Check:
    """Row `index` (0-based) of a sheet reads as expected."""

    def check(outcome: Outcome) -> None:
        assert outcome.rows(sheet)[index] == expected

    return check


def rows_are(expected: list[list[object]], sheet: int = 0) -> Check:
    """The first rows of a sheet read as expected."""

    def check(outcome: Outcome) -> None:
        assert outcome.rows(sheet) == expected

    return check


def notes_say(*phrases: str) -> Check:
    """Each phrase appears in the workbook's notes."""

    def check(outcome: Outcome) -> None:
        notes = " ".join(outcome.loaded["notes"]) if outcome.loaded else outcome.refusal
        assert all(phrase in notes for phrase in phrases), notes

    return check


def shape_is(rows: int, columns: int) -> Check:
    """The first sheet has this many rows and columns."""

    def check(outcome: Outcome) -> None:
        sheet = outcome.loaded["sheets"][0]
        assert (sheet["n_rows"], len(sheet["rows"][0])) == (rows, columns)

    return check


PASSWORD = refused_with("password-protected: remove the password")
DATES = [
    ["2021-01-01", 15.0],
    ["2021-01-02", 16.0],
    ["10 days, 15:10:10", 17.0],
]  # the same in both date systems
EXPECTED: dict[str, tuple[Check, ...]] = {
    "poi__protected_passtika.xlsx": (PASSWORD,),
    "poi__extenxls_pwd123.xlsx": (PASSWORD,),
    "python-calamine__password.xlsx": (PASSWORD,),
    "python-calamine__password.xls": (PASSWORD,),
    "python-calamine__password.ods": (PASSWORD,),
    "poi__xor-encryption-abc.xls": (PASSWORD,),
    "poi__poc-xmlbomb.xlsx": (refused_with("declares XML entities", QUICK_REFUSAL_S),),
    "poi__poc-shared-strings.xlsx": (refused_with("would expand to", QUICK_REFUSAL_S),),
    "calamine__issue_594_dos.ods": (refused_with("cells from A1", QUICK_REFUSAL_S),),
    "poi__duplicate-filename.xlsx": (refused_with("two parts named", QUICK_REFUSAL_S),),
    "frictionless-py__empty.csv": (refused_with("the file is empty"),),
    "python-calamine__empty_file.xlsx": (refused_with("the file is empty"),),
    "poi__invalid.xlsx": (refused_with("holds no Excel or OpenDocument workbook"),),
    "openpyxl__null_archive.xlsx": (refused_with("holds no Excel or OpenDocument workbook"),),
    "poi__clusterfuzz-XLSX2CSVFuzzer-5636439151607808.xlsx": (refused_with("damaged"),),
    "calamine__too_small.xls": (refused_with("corrupt or not a spreadsheet"),),
    "python-calamine__base.xlsb": (refused_with("save it as .xlsx"),),
    "csvkit__test_latin1.csv": (row_is(2, ["4", "5", "©"]), notes_say("Windows-1252")),
    "frictionless-py__latin1.csv": (row_is(2, ["2", "©"]),),
    "csvkit__test_utf16_little.csv": (row_is(0, ["a", "b", "c"]),),
    "csvkit__test_utf16_big.csv": (row_is(0, ["a", "b", "c"]),),
    "csvkit__test_utf8_bom.csv": (row_is(0, ["foo", "bar", "baz"]),),
    "frictionless-py__table-infer-iso-8859-7.csv": (row_is(1, ["1", "39", "Λεωνιδας"]), notes_say("Greek")),
    "frictionless-py__issue-1009-semicolon.csv": (row_is(0, ["fieldNameA", "fieldNameB"]),),
    "frictionless-py__table.tsv": (row_is(0, ["id", "name"]),),
    "clevercsv__milk.csv": (shape_is(381, 23),),
    "clevercsv__imdb.csv": (notes_say("row 66 has 46 values but the header (row 1) has 44"),),
    "csvkit__mac_newlines.csv": (
        rows_are([["a", "b", "c"], ["1", "2", "3"], ["Once upon\ra time", "5", "6"]]),
    ),
    "calamine__date.xlsx": (rows_are(DATES),),
    "calamine__date_1904.xlsx": (rows_are(DATES),),
    "python-calamine__any_sheets.xlsx": (
        notes_say(
            "Sheet 'Hidden' is hidden", "Sheet 'VeryHidden' is very hidden", "Sheet 'Chart' is a chart"
        ),
    ),
    "poi__ooe_stat_download_bp10.xls": (notes_say("Sheet 'WAHLEN' is hidden", "Sheet 'WAHLDAT' is hidden"),),
    "calamine__OOM_alloc.xls": (notes_say("Sheet 'Data' is hidden"),),
    "tablib__errors.xls": (
        rows_are([["div by 0", "name unknown", "not available (formula)", "not available (static)"]]),
    ),
    "calamine__errors.xlsx": (rows_are([]),),  # seven error values and nothing else
    "poi__testEXCEL_4.xls": (
        row_is(
            0,
            [
                "Table 10 -- Examination Coverage:  Recommended and Average Recommended Additional Tax After",
                *[None] * 11,
            ],
        ),
    ),
    "poi__xlsx-corrupted.xlsx": (
        notes_say("partly damaged"),
        row_is(0, ["sheet ", 2, "test", "data"], sheet=1),
    ),
    "fastexcel__null-bytes-in-columns-names.xls": (
        row_is(
            4,
            [
                "Day",
                "Hour",
                "Day number in year",
                "E.ON",
                None,
                "PRE\n(grid 0031)",
                "ČEZ",
                None,
                None,
                None,
                None,
            ],
        ),
    ),
}


# --- tests ----------------------------------------------------------------------------------------


def test_peer_files_are_all_present_and_unchanged():
    assert MANIFEST.is_file(), f"{MANIFEST} is missing: clone the shared folder beside the repository"
    assert len(ROWS) == 118
    for row in ROWS:
        digest = hashlib.sha256((PEER_FILES / row["file"]).read_bytes()).hexdigest()
        assert digest == row["sha256"], row["file"]


def test_every_particular_expectation_names_a_listed_file():
    assert set(EXPECTED) <= {row["file"] for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_peer_file_loads_or_is_refused_in_one_clear_line(row):
    name = row["file"]
    assert (PEER_FILES / name).is_file(), f"{name}: not found in {PEER_FILES}"
    outcome = load(name)
    if outcome.refusal is not None:
        assert outcome.refusal.startswith(f"{name}: ") and "Traceback" not in outcome.refusal
    else:
        assert outcome.loaded["sheets"], f"{name}: read, but no sheets"
        loaded = outcome.loaded["load"]
        if "refusal" in loaded:  # read, but no table of responses: said in one line naming the file
            assert loaded["refusal"].startswith(name) and "\n" not in loaded["refusal"]
        else:  # every data row is kept or set aside with a reason
            assert loaded["rows_read"] == loaded["rows_kept"] + loaded["rows_set_aside"]
    for check in EXPECTED.get(name, ()):
        check(outcome)
