"""AppTest fixtures: the dashboard run headless on the bundled sample, and the analysis it should show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.pipeline import Analysis, analyse, sample_files

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT = 60  # seconds; the first run analyses the sample, later runs hit the cache


@pytest.fixture(scope="session")
def sample() -> Analysis:
    """The analysis of the bundled sample, computed without the dashboard."""
    return analyse(sample_files())


def _open_page(page: str | None = None, **query: str | list[str]) -> AppTest:
    """Run the dashboard (optionally opened with URL query parameters) and switch to pages/<page>.py."""
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=RUN_TIMEOUT)
    app.query_params.update(query)
    app.run()
    if page is not None:
        app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [error.message for error in app.exception]
    return app


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """Open the dashboard on a page: open_page('needs', country='Sweden (SE)')."""
    return _open_page


def shown_metrics(app: AppTest) -> dict[str, str]:
    """Metric label -> value shown."""
    return {tile.label: tile.value for tile in app.metric}


@pytest.fixture
def metrics() -> Callable[[AppTest], dict[str, str]]:
    """Read the metric tiles of a run: metrics(app)['Responses']."""
    return shown_metrics
