"""Dashboard figures: a page rerun after a filter change (AppTest), and 20 browsers at once (load test)."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from playwright.async_api import Page, async_playwright
from streamlit.testing.v1 import AppTest

from bench.server import CHROMIUM, CHROMIUM_ARGS, ROOT, running_dashboard
from bench.table import Figures
from ui.filters import CHOICE_KEYS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The pages with the sidebar filters, by the script AppTest switches to; with Data (where a session
# uploads) they are every page.
FILTERED_PAGES = {
    "Overview": "pages/overview.py",
    "Unmet needs": "pages/needs.py",
    "Working groups": "pages/groups.py",
    "Explore and download": "pages/explore.py",
}
COUNTRY_KEY = CHOICE_KEYS["countries"]
RERUN_SIZES = (10_000, 100_000)
LOAD_TEST_SIZE = 10_000
SESSIONS = 20
REPEATS = 3
PAGE_TIMEOUT_MS = 300_000


def rerun_seconds(path: Path) -> tuple[float, dict[str, float]]:
    """Seconds for the first analysis of an upload, and per page the median rerun after a filter change."""
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    app.run()
    app.switch_page("pages/data.py").run()
    start = time.perf_counter()
    app.file_uploader[0].set_value((path.name, path.read_bytes(), XLSX)).run()
    first = time.perf_counter() - start
    reruns = {}
    for title, script in FILTERED_PAGES.items():
        app.switch_page(script).run()
        countries = app.multiselect(key=COUNTRY_KEY).options
        times = []
        for choice in countries[:REPEATS]:
            start = time.perf_counter()
            app.multiselect(key=COUNTRY_KEY).set_value([choice]).run()
            times.append(time.perf_counter() - start)
        app.multiselect(key=COUNTRY_KEY).set_value([]).run()
        reruns[title] = statistics.median(times)
    assert not app.exception, [error.message for error in app.exception]
    return first, reruns


async def settle(page: Page) -> None:
    """Wait until the script run started by the last action has finished."""
    await page.wait_for_timeout(300)
    ready = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')
    await ready.wait_for(timeout=PAGE_TIMEOUT_MS)


async def one_session(browser, url: str, upload: Path) -> list[float]:
    """One person: open the app, upload the export on Data, open every other page; seconds per step."""
    context = await browser.new_context(reduced_motion="reduce")  # fewer animations to draw, where honoured
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)  # 20 browsers share 2 cores: waits are long, never endless
    seconds = []
    start = time.perf_counter()
    await page.goto(url)
    await settle(page)
    seconds.append(time.perf_counter() - start)
    nav = page.locator('[data-testid="stSidebarNav"]')
    await nav.get_by_text("Data", exact=True).click()
    await settle(page)
    start = time.perf_counter()
    await page.locator('input[type="file"]').set_input_files(str(upload))
    await page.get_by_text(f"Analysing your files: {upload.name}.").wait_for(timeout=PAGE_TIMEOUT_MS)
    await settle(page)
    seconds.append(time.perf_counter() - start)
    for title in FILTERED_PAGES:
        start = time.perf_counter()
        await nav.get_by_text(title, exact=True).click()
        await settle(page)
        await page.locator("h1").first.wait_for(timeout=PAGE_TIMEOUT_MS)
        seconds.append(time.perf_counter() - start)
    await context.close()
    return seconds


async def load_test(upload: Path, log: Path) -> list[list[float]]:
    """SESSIONS browsers at once against one local dashboard."""
    with running_dashboard(log) as url:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return await asyncio.gather(*(one_session(browser, url, upload) for _ in range(SESSIONS)))
            finally:
                await browser.close()


def main(uploads: dict[int, Path], figures: Figures) -> None:
    """Add the dashboard figures: first analysis and page reruns per upload size, then the load test."""
    for n, path in uploads.items():
        first, reruns = rerun_seconds(path)
        figures.add(f"{n:,}", "page: first analysis of an upload (AppTest)", first)
        for title, seconds in reruns.items():
            figures.add(f"{n:,}", f"page rerun after a filter change: {title} (AppTest, median)", seconds)
        figures.add(f"{n:,}", "page rerun, slowest page", max(reruns.values()))
    with tempfile.TemporaryDirectory() as tmp:
        sessions = asyncio.run(load_test(uploads[LOAD_TEST_SIZE], Path(tmp) / "server.log"))
    pages = [seconds for session in sessions for seconds in session]
    label = f"load test: {SESSIONS} browsers at once"
    figures.add(f"{LOAD_TEST_SIZE:,}", f"{label}, median page", statistics.median(pages))
    figures.add(f"{LOAD_TEST_SIZE:,}", f"{label}, slowest page", max(pages))
