"""Two browsers at once: one person's upload, filters and results never reach the other."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from test_journey import RUN_TIMEOUT_MS, WINDOW, metric, open_page, settle

from analysis.pipeline import analyse, sample_files

pytestmark = pytest.mark.e2e


def test_two_browser_sessions_stay_apart(dashboard_url: str, browser: Browser, tmp_path):
    data = next(d for n, d in sample_files() if "surveymonkey" in n)
    upload = tmp_path / "alice-upload.xlsx"
    upload.write_bytes(data)
    alices = analyse([(upload.name, data)])
    everyone = analyse(sample_files())
    alice = browser.new_context(viewport=WINDOW).new_page()
    bob = browser.new_context(viewport=WINDOW).new_page()
    for page in (alice, bob):
        page.goto(dashboard_url)
        settle(page)

    open_page(alice, "Data")
    alice.locator('input[type="file"]').set_input_files(str(upload))
    expect(alice.get_by_text(f"Analysing your files: {upload.name}.")).to_be_visible(timeout=RUN_TIMEOUT_MS)
    open_page(alice, "Overview")
    assert metric(alice, "Responses") == f"{len(alices.needs):,}"

    bob.reload()
    settle(bob)
    expect(bob.locator("h1").first).to_have_text("Overview")
    assert metric(bob, "Responses") == f"{len(everyone.needs):,}"
    assert bob.get_by_text(upload.name).count() == 0
    assert "country=" not in bob.url
