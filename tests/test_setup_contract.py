"""The set-up contract: offline configuration, pinned requirements, no web-font icons."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_config_keeps_the_product_offline():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["maxUploadSize"] == 50


def test_every_requirement_is_pinned_to_one_version():
    lines = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines, "requirements.txt is empty"
    unpinned = [line for line in lines if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.\-+]+", line)]
    assert unpinned == []


def test_no_page_uses_material_icons_which_load_a_web_font():
    sources = [
        ROOT / "dashboard.py",
        *sorted((ROOT / "pages").glob("*.py")),
        *sorted((ROOT / "ui").glob("*.py")),
    ]
    offenders = [str(p) for p in sources if p.exists() and ":material/" in p.read_text()]
    assert offenders == []
