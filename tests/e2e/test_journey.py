"""The main journey in a real browser: open, upload an export, filter, form groups, download, all offline."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from analysis import charts
from analysis.filters import Filters, apply_filters
from analysis.pipeline import analyse

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = (ROOT / "docs" / "screenshots", ROOT / "test-artifacts")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
OUTSIDE_IMAGE = "http://203.0.113.7/pixel.png"  # an address reserved for documentation: never reachable
RUN_TIMEOUT_MS = 120_000
WINDOW = {"width": 1440, "height": 1000}
SHOT_SIZE = {"width": 1440, "height": 1700}


def settle(page: Page) -> None:
    """Wait until the script run that the last action started has finished."""
    page.wait_for_timeout(400)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        timeout=RUN_TIMEOUT_MS
    )


def open_page(page: Page, title: str) -> None:
    """Open a page from the sidebar navigation (the session, its files and filters, stay)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    settle(page)
    expect(page.locator("h1").first).to_have_text(title)


def shoot(page: Page, name: str) -> None:
    """Save a screenshot of the page to docs/screenshots (README) and test-artifacts (CI)."""
    # Streamlit scrolls inside its own container, so a taller window is what shows more of a page.
    page.set_viewport_size(SHOT_SIZE)
    page.wait_for_timeout(1500)  # let plotly redraw at the new size
    for folder in SCREENSHOTS:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"))
    page.set_viewport_size(WINDOW)


def metric(page: Page, label: str) -> str:
    """The value shown in the metric tile with this label."""
    tile = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return tile.locator('[data-testid="stMetricValue"]').inner_text().strip()


def choose(page: Page, label: str, typed: str) -> None:
    """Pick the first option matching `typed` in the sidebar multiselect with this label."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text=label)
    box.locator("input").click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)


def click_mark(page: Page, mark: Locator) -> None:
    """Click a chart mark where a person would: plotly's drag layer lies on top of it."""
    box = mark.bounding_box()
    assert box is not None
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*centre)  # plotly picks the clicked point from what the pointer hovers
    page.wait_for_timeout(300)
    page.mouse.click(*centre)


@pytest.fixture(scope="module")
def upload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Microsoft Forms export written by the sample's own writer, its need texts carrying web links.

    Free text can hold anything: if a page rendered it as markdown, the browser would fetch the image.
    """
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "sample_data" / "make_sample.py")
    make_sample = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = make_sample  # its dataclasses look their module up while the file executes
    spec.loader.exec_module(make_sample)
    responses = make_sample.build_responses(150, seed=11)
    for row in responses:
        if row.get("need_text"):
            row["need_text"] += f" ![pixel]({OUTSIDE_IMAGE}) [more]({OUTSIDE_IMAGE})"
    target = tmp_path_factory.mktemp("upload") / "my-survey-export.xlsx"
    return make_sample.write_microsoft_forms(responses, target, "en")


def test_main_journey_stays_on_this_machine(
    dashboard_url: str, browser: Browser, upload: Path, tmp_path: Path
):
    expected = analyse([(upload.name, upload.read_bytes())])
    country = expected.needs["country"].value_counts().index[0]
    option = f"{charts.country_name(country)} ({country})"  # as the sidebar and the address bar name it
    in_country = apply_filters(expected.needs, Filters(countries=(country,)))
    requested: list[str] = []
    context = browser.new_context(viewport=WINDOW, accept_downloads=True)
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))

    # The app opens on the bundled sample, with charts at once; a tour of it gives the README screenshots.
    page.goto(dashboard_url)
    settle(page)
    expect(page.locator("h1").first).to_have_text("Overview")
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(5, timeout=RUN_TIMEOUT_MS)
    shoot(page, "overview")
    for title, name in (
        ("Unmet needs", "needs"),
        ("Working groups", "groups"),
        ("Explore and download", "explore"),
    ):
        open_page(page, title)
        shoot(page, name)
        if name == "groups":  # the proposal of the sample's groups, as a workbook for colleagues
            with page.expect_download() as proposal:
                page.get_by_role("button", name="Download the proposal as an Excel workbook").click()
            proposal.value.save_as(tmp_path / "proposal.xlsx")
            sheets = openpyxl.load_workbook(tmp_path / "proposal.xlsx").sheetnames
            assert sheets[:2] == ["About", "Summary"] and len(sheets) > 2

    # Upload an export through the file input.
    open_page(page, "Data")
    page.locator('input[type="file"]').set_input_files(str(upload))
    expect(page.get_by_text(f"Analysing your files: {upload.name}.")).to_be_visible(timeout=RUN_TIMEOUT_MS)
    settle(page)
    assert metric(page, "Rows kept") == f"{len(expected.load.frame):,}"
    shoot(page, "data")

    # See the charts of the upload. A click on a sector's bar filters every view to that sector.
    open_page(page, "Overview")
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(5)
    assert metric(page, "Responses") == f"{len(expected.needs):,}"
    largest = charts.organisations_by(expected.needs, ["sector"])["sector"].iloc[0]
    click_mark(page, page.locator('[data-testid="stPlotlyChart"]').first.locator("g.point").last)
    expect(page).to_have_url(re.compile(r"[?&]sector="), timeout=RUN_TIMEOUT_MS)
    settle(page)
    in_sector = apply_filters(expected.needs, Filters(sectors=(largest,)))
    assert metric(page, "Responses") == f"{len(in_sector):,}"

    # A click on a cluster's tile in the treemap filters to that cluster.
    open_page(page, "Unmet needs")
    page.get_by_role("button", name="Clear all filters").click()
    settle(page)
    treemap = page.locator('[data-testid="stPlotlyChart"]').first
    expect(treemap.locator("g.slice")).not_to_have_count(0)
    click_mark(page, treemap.locator("g.slice").nth(2))
    expect(page).to_have_url(re.compile(r"[?&]cluster="), timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(page.get_by_text(re.compile(r"Filtered on cluster: "))).to_be_visible()
    page.get_by_role("button", name="Clear all filters").click()
    settle(page)

    # Filter on one country: the tiles drop to that country's, and the address bar keeps the choice.
    open_page(page, "Overview")
    choose(page, "Country", option)
    assert metric(page, "Responses") == f"{len(in_country):,}"
    assert parse_qs(urlparse(page.url).query)["country"] == [option]

    open_page(page, "Unmet needs")
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(3)
    open_page(page, "Working groups")
    expect(page.get_by_text(f"Showing {len(in_country):,} of {len(expected.needs):,} needs")).to_be_visible()

    # Download exactly the filtered rows; contact details stay masked unless asked for.
    open_page(page, "Explore and download")
    with page.expect_download() as masked_download:
        page.get_by_role("button", name=re.compile(r"^Download [\d,]+ rows as CSV$")).click()
    assert masked_download.value.suggested_filename == "needs-filtered.csv"
    masked_path = tmp_path / "masked.csv"
    masked_download.value.save_as(masked_path)
    rows = pd.read_csv(masked_path, dtype=str)
    assert len(rows) == len(in_country)
    assert set(rows["country"]) == {country}
    emails = set(in_country["contact_email"].dropna())
    assert emails, "the upload should hold contact e-mails"
    assert not emails & set(rows["contact_email"].dropna())
    with page.expect_download() as excel_download:
        page.get_by_role("button", name=re.compile(r"^Download [\d,]+ rows as Excel$")).click()
    excel_download.value.save_as(tmp_path / "rows.xlsx")
    assert len(pd.read_excel(tmp_path / "rows.xlsx", sheet_name="Needs", engine="calamine")) == len(
        in_country
    )

    page.get_by_text("Include contact names, e-mails and phone numbers in downloads").click()
    settle(page)
    with page.expect_download() as full_download:
        page.get_by_role("button", name=re.compile(r"^Download [\d,]+ rows as CSV$")).click()
    assert "WITH-CONTACT-DATA" in full_download.value.suggested_filename
    full_path = tmp_path / "full.csv"
    full_download.value.save_as(full_path)
    assert emails <= set(pd.read_csv(full_path, dtype=str)["contact_email"].dropna())

    context.close()
    outside = [url for url in requested if urlparse(url).scheme in {"http", "https", "ws", "wss"}]
    outside = [url for url in outside if urlparse(url).hostname not in LOCAL_HOSTS]
    assert outside == []
