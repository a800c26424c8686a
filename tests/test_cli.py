"""The command line as a user runs it: real files in, JSON out, one-line errors with exit status 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = sorted((ROOT / "sample_data").glob("*.xlsx"))


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run python -m analysis with the given arguments."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_load_json_reports_layout_rows_and_mapping_of_the_sample():
    done = cli("load", *map(str, SAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert {"layout", "sheets", "rows_read", "rows_kept", "rows_set_aside", "mapping", "confidence"} <= set(
        summary
    )
    assert summary["rows_read"] == summary["rows_kept"] + summary["rows_set_aside"]
    assert summary["rows_kept"] >= 300
    for field in ("organisation", "country", "need_text", "budget_eur", "role", "contact_email"):
        assert field in summary["mapping"], field
        assert 0 < summary["confidence"][field] <= 1
    assert "unmapped_columns" in summary


def test_load_out_masks_contacts_unless_asked(tmp_path):
    masked, full = tmp_path / "clean.csv", tmp_path / "full.csv"
    assert cli("load", *map(str, SAMPLE), "--out", str(masked)).returncode == 0
    assert cli("load", *map(str, SAMPLE), "--out", str(full), "--include-contacts").returncode == 0
    written = list(tmp_path.glob("full*WITH-CONTACT-DATA*.csv"))
    assert masked.exists() and len(written) == 1
    import pandas as pd

    masked_emails = pd.read_csv(masked, encoding="utf-8-sig")["contact_email"].dropna()
    full_emails = pd.read_csv(written[0], encoding="utf-8-sig")["contact_email"].dropna()
    assert len(full_emails) == len(masked_emails) > 0
    assert not set(masked_emails) & set(full_emails)
    assert full_emails.str.contains("@").all()


def test_load_set_aside_rows_carry_reasons(tmp_path):
    aside = tmp_path / "aside.csv"
    done = cli("load", *map(str, SAMPLE), "--set-aside", str(aside), "--json")
    assert done.returncode == 0, done.stderr
    import pandas as pd

    rows = pd.read_csv(aside, encoding="utf-8-sig")
    assert len(rows) == json.loads(done.stdout)["rows_set_aside"] > 0
    assert rows["reason"].notna().all()


def test_unreadable_file_exits_2_with_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "answers.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a workbook")
    done = cli("load", str(bad))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "answers.xlsx" in lines[0] and "Traceback" not in done.stderr


def test_missing_file_exits_2():
    done = cli("load", "no-such-file.xlsx")
    assert done.returncode == 2 and "no-such-file.xlsx" in done.stderr


def test_sectors_json_lists_the_taxonomy():
    records = json.loads(cli("sectors", "--json").stdout)
    assert 15 <= len(records) <= 20
    assert all({"id", "name", "cpv_divisions"} <= set(r) for r in records)


@pytest.mark.parametrize(
    ("text", "sector"),
    [("Suministro de material sanitario", "healthcare"), ("Rammeavtale om renhold", "cleaning")],
)
def test_classify_reads_lines_and_prints_json_lines(text, sector):
    done = cli("classify", stdin=f"{text}\n")
    [line] = done.stdout.splitlines()
    result = json.loads(line)
    assert result["sector"] == sector
    assert set(result) == {"sector", "cpv_division", "confidence"}


def test_topics_and_recommend_json_on_the_sample():
    topics = json.loads(cli("topics", *map(str, SAMPLE), "--json").stdout)
    assert topics and all(sector["clusters"] for sector in topics)
    done = cli("recommend", *map(str, SAMPLE), "--groups", "3", "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert 1 <= len(payload["groups"]) <= 3
    for group in payload["groups"]:
        assert {
            "label",
            "sector",
            "members",
            "leaders",
            "countries",
            "budget_eur",
            "score",
            "rationale",
        } <= set(group)
        assert group["leaders"], "a recommended group always has a willing leader"
        assert len(group["countries"]) >= 3
    assert "not_feasible" in payload
