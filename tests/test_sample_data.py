"""The bundled sample keeps its promises, read back from the cells, and is exactly what its script makes."""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from lingua import Language, LanguageDetectorBuilder
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "sample_data"
SCRIPT = SAMPLE_DIR / "make_sample.py"
COMMITTED = sorted(SAMPLE_DIR.glob("*.xlsx"))

# The question headers the survey versions use (what the schema mapping must recognise).
ORGANISATION_HEADERS = {
    "Name of your organisation",
    "Organisationens namn",
    "Name Ihrer Organisation",
    "Nom de votre organisation",
    "Nombre de su organización",
}
COUNTRY_HEADERS = {"Country", "Land", "Pays", "País"}
NEED_HEADERS = {
    "Describe your main unmet procurement need or challenge",
    "Beskriv ert viktigaste ouppfyllda upphandlingsbehov eller er största utmaning",
    "Beschreiben Sie Ihren wichtigsten ungedeckten Beschaffungsbedarf oder Ihre größte Herausforderung",
    "Décrivez votre principal besoin d'achat non satisfait ou votre principal défi",
    "Describa su principal necesidad de compra no cubierta o su principal reto",
}
METADATA_HEADERS = {
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Contribution ID",
    "User name",
    "Creation date",
    "Last update",
    "Languages",
    "Kennnummer des Beitrags",
    "Nutzername",
    "Erstellungsdatum",
    "Letzte Aktualisierung",
    "Sprachen",
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
}

# How respondents write countries, and the names survey dropdowns show -> ISO 3166-1 alpha-2.
COUNTRY_SPELLINGS = {
    "GR": "greece ελλάδα hellas el gr greece_(el)",
    "SE": "sweden sverige se",
    "FI": "finland suomi fi",
    "DK": "denmark danmark dk",
    "NO": "norway norge noreg no",
    "DE": "germany deutschland brd de",
    "AT": "austria österreich oesterreich osterreich at",
    "NL": "netherlands the_netherlands nederland holland nl",
    "BE": "belgium belgique belgië belgie belgique_/_belgië be",
    "FR": "france fr",
    "ES": "spain españa espana es",
    "IT": "italy italia it",
    "PT": "portugal pt",
    "PL": "poland polska pl",
    "IE": "ireland éire republic_of_ireland irl. ie",
    "CZ": "czechia czech_republic česko česká_republika czech_rep. cz",
    "EE": "estonia eesti ee",
    "LV": "latvia latvija lv",
    "LT": "lithuania lietuva lt",
    "HU": "hungary magyarország hu",
    "RO": "romania românia roumanie ro",
    "HR": "croatia hrvatska hr",
    "SI": "slovenia slovenija si",
}
COUNTRY_CODES = {
    spelling.replace("_", " "): code
    for code, spellings in COUNTRY_SPELLINGS.items()
    for spelling in spellings.split()
}
SURVEY_LANGUAGES = (
    Language.ENGLISH,
    Language.SWEDISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.POLISH,
    Language.DUTCH,
    Language.FINNISH,
    Language.DANISH,
    Language.BOKMAL,
    Language.PORTUGUESE,
)
RESERVED_EMAIL_DOMAIN = re.compile(r"@([a-z0-9-]+\.)*example(\.(org|net|com))?$")


def _load_generator() -> ModuleType:
    """Import sample_data/make_sample.py by path (sample_data is a folder, not an installed package)."""
    spec = importlib.util.spec_from_file_location("make_sample", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def detector():
    """A detector for the survey languages (low-accuracy mode loads in seconds, not half a minute)."""
    return LanguageDetectorBuilder.from_languages(*SURVEY_LANGUAGES).with_low_accuracy_mode().build()


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    """The sample generator as a module."""
    return _load_generator()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two fresh runs of the script as `make sample` runs it, side by side, with different hash seeds."""
    folders = (tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second"))
    runs = [
        subprocess.Popen(
            [sys.executable, str(SCRIPT), "--out", str(folder)],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            stdout=subprocess.DEVNULL,
        )
        for folder, hash_seed in zip(folders, ("1", "2"), strict=True)
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    return folders


def _files(folder: Path) -> dict[str, bytes]:
    """Name -> bytes of every workbook in a folder."""
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.xlsx"))}


def _layout(rows: list[tuple]) -> str:
    """Which survey tool laid the sheet out, from its first rows."""
    if rows[0][0] == "Alias" and rows[1][0] == "Export Date" and not any(rows[2]):
        return "EUSurvey"
    if rows[0][:2] == ("Respondent ID", "Collector ID") and "Open-Ended Response" in rows[1]:
        return "SurveyMonkey"
    if {"Start time", "Completion time"} <= set(rows[0][:8]):
        return "Microsoft Forms"
    return "unknown"


def _table(rows: list[tuple], layout: str) -> tuple[list[str], list[tuple]]:
    """Column titles and data rows of a sheet laid out by `layout`."""
    if layout == "EUSurvey":
        return list(rows[3]), rows[4:]
    if layout == "SurveyMonkey":
        titles, current = [], None
        for question, sub_label in zip(rows[0], rows[1], strict=True):
            current = question or current
            titles.append(question or f"{current} - {sub_label}")
        return titles, rows[2:]
    return list(rows[0]), rows[1:]


@pytest.fixture(scope="module")
def committed_sheets() -> dict[str, Worksheet]:
    """File name -> the first sheet of every committed sample workbook."""
    return {path.name: openpyxl.load_workbook(path).worksheets[0] for path in COMMITTED}


@pytest.fixture(scope="module")
def committed_tables(committed_sheets) -> dict[str, tuple[str, list[str], list[tuple]]]:
    """File name -> (layout, column titles, data rows) of every committed sample workbook."""
    tables = {}
    for name, sheet in committed_sheets.items():
        rows = list(sheet.iter_rows(values_only=True))
        layout = _layout(rows)
        tables[name] = (layout, *_table(rows, layout))
    return tables


def _column(titles: list[str], rows: list[tuple], wanted: set[str]) -> list[object]:
    """The cells of the one column whose title is in `wanted`."""
    (index,) = [i for i, title in enumerate(titles) if title in wanted]
    return [row[index] for row in rows]


def _text(value: object) -> str:
    """A cell as stripped text ('' for an empty cell)."""
    return "" if value is None else str(value).strip()


def test_running_the_script_twice_gives_byte_identical_files(two_runs):
    first, second = two_runs
    assert len(_files(first)) >= 3
    assert _files(first) == _files(second)


def test_committed_sample_equals_a_fresh_run(two_runs):
    assert _files(SAMPLE_DIR) == _files(two_runs[0]), "sample_data/*.xlsx differ: rerun `make sample`"


def test_committed_files_are_small():
    assert COMMITTED
    assert all(path.stat().st_size < 200_000 for path in COMMITTED)


def test_sample_holds_at_least_300_responses(committed_tables):
    answered = 0
    for _, titles, rows in committed_tables.values():
        organisations = _column(titles, rows, ORGANISATION_HEADERS)
        needs = _column(titles, rows, NEED_HEADERS)
        answered += sum(
            1 for org, need in zip(organisations, needs, strict=True) if _text(org) or _text(need)
        )
    assert answered >= 300


def test_sample_comes_from_at_least_15_countries(committed_tables):
    written = [
        _text(cell).lower()
        for _, titles, rows in committed_tables.values()
        for cell in _column(titles, rows, COUNTRY_HEADERS)
        if _text(cell)
    ]
    recognised = [COUNTRY_CODES[spelling] for spelling in written if spelling in COUNTRY_CODES]
    assert len(recognised) >= 0.95 * len(written), set(written) - set(COUNTRY_CODES)
    assert len(set(recognised)) >= 15
    assert "el" in written, "Greece written with the EU's code EL"


def test_question_headers_come_in_at_least_5_languages(committed_tables, detector):
    languages = set()
    for _, titles, _ in committed_tables.values():
        questions = " ".join(title for title in titles if title and title not in METADATA_HEADERS)
        languages.add(detector.detect_language_of(questions))
    assert len(languages) >= 5, languages


def test_free_text_answers_come_in_at_least_8_languages(committed_tables, detector):
    needs = [
        _text(cell)
        for _, titles, rows in committed_tables.values()
        for cell in _column(titles, rows, NEED_HEADERS)
        if len(_text(cell)) > 40
    ]
    counts = Counter(detector.detect_languages_in_parallel_of(needs))
    assert len([language for language, count in counts.items() if count >= 3]) >= 8, counts


def test_sample_uses_at_least_two_tool_layouts(committed_tables):
    layouts = {layout for layout, _, _ in committed_tables.values()}
    assert "unknown" not in layouts
    assert len(layouts) >= 2
    assert layouts == {"Microsoft Forms", "EUSurvey", "SurveyMonkey"}


def test_sample_is_as_messy_as_real_exports(committed_tables):
    rows = [row for _, _, table_rows in committed_tables.values() for row in table_rows]
    assert sum(1 for row in rows if not any(_text(cell) for cell in row)) >= 5, "blank rows"
    organisations = Counter(
        _text(cell).lower()
        for _, titles, table_rows in committed_tables.values()
        for cell in _column(titles, table_rows, ORGANISATION_HEADERS)
        if _text(cell)
    )
    assert sum(1 for count in organisations.values() if count > 1) >= 3, "organisations answering twice"
    needs = [
        _text(cell)
        for _, titles, table_rows in committed_tables.values()
        for cell in _column(titles, table_rows, NEED_HEADERS)
    ]
    assert sum(1 for need in needs if need[:1] in ("=", "+", "-")) >= 2, "formula-like free text"


def test_formula_like_answers_are_stored_as_text_not_formulas(committed_sheets):
    for name, sheet in committed_sheets.items():
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), name


def test_every_email_uses_a_reserved_example_domain(committed_tables):
    emails = [
        _text(cell)
        for _, _, rows in committed_tables.values()
        for row in rows
        for cell in row
        if isinstance(cell, str) and "@" in cell
    ]
    assert len(emails) >= 300
    assert all(RESERVED_EMAIL_DOMAIN.search(email.lower()) for email in emails), emails[:5]


def test_demand_is_concentrated_and_one_popular_need_has_no_willing_leader(generator):
    answers = [
        row for row in generator.build_responses(generator.SAMPLE_SIZE) if row["row_kind"] == "response"
    ]
    by_topic = Counter(row["topic"] for row in answers)
    leaders = Counter(row["topic"] for row in answers if row["role"] == "lead")
    countries = {
        topic: {row["country_code"] for row in answers if row["topic"] == topic} for topic in by_topic
    }
    popular = [topic for topic, count in by_topic.items() if count >= 20 and len(countries[topic]) >= 5]
    assert len([topic for topic in popular if leaders[topic]]) >= 3
    assert "remote_patient_monitoring" in popular
    assert leaders["remote_patient_monitoring"] == 0
    assert len([topic for topic, count in by_topic.items() if count <= 3]) >= 8, (
        "a long tail of one-off needs"
    )


def test_second_answers_come_later_and_differ(generator):
    rows = generator.build_responses(generator.SAMPLE_SIZE)
    by_uid = {row["uid"]: row for row in rows}
    seconds = [row for row in rows if row["revises"]]
    assert seconds
    for row in seconds:
        earlier = by_uid[row["revises"]]
        assert row["organisation"].strip() == earlier["organisation"].strip()
        assert row["submitted_at"] > earlier["submitted_at"]
        assert row["need_text"] != earlier["need_text"]


def test_benchmark_workbook_is_a_microsoft_forms_export_with_varied_text(generator, tmp_path):
    path = generator.write_benchmark_file(200, tmp_path / "bench.xlsx")
    rows = list(openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert _layout(rows) == "Microsoft Forms"
    assert len(rows) == 201
    needs = [_text(need) for need in _column(list(rows[0]), rows[1:], NEED_HEADERS) if _text(need)]
    assert len(set(needs)) >= 0.9 * len(needs)


def test_benchmark_csv_has_one_line_per_row_and_a_bom(generator, tmp_path):
    path = generator.write_benchmark_csv(200, tmp_path / "bench.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 201
    assert rows[0][:3] == ["ID", "Start time", "Completion time"]
