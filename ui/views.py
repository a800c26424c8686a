"""Pieces every page draws the same way: what is being looked at, empty states and charts."""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.charts import SECTOR_NAMES, clicked_choices, name_sector_lists, name_sectors
from analysis.filters import describe_filters
from analysis.pipeline import Analysis
from analysis.schema import FIELD_LABELS
from ui import filters, state
from ui.text import plain

# Plotly's own toolbar stays, minus its logo link; nothing in it reaches outside the server.
CHART_CONFIG = {"displaylogo": False}


def filter_labels(analysis: Analysis) -> dict[str, dict[str, str]]:
    """Readable names of filter values (sector and cluster ids), for sentences about the filters."""
    return {
        "sectors": SECTOR_NAMES,
        "clusters": filters.cluster_names(analysis),
        "roles": filters.ROLE_NAMES,
    }


def context_caption(analysis: Analysis, shown: int) -> None:
    """One line under the title: which files, how many needs are shown, and which filters hold."""
    files, _ = state.current_files()
    source = "the bundled sample" if state.using_sample() else ", ".join(name for name, _ in files)
    sentence = describe_filters(filters.current_filters(), filter_labels(analysis))
    st.caption(
        f"Data: {plain(source)}. Showing {shown:,} of {len(analysis.needs):,} needs. {plain(sentence)}"
    )


def stop_if_empty(analysis: Analysis, needs: pd.DataFrame) -> None:
    """When there is nothing to show, say why and what to do, and stop the page."""
    if analysis.needs.empty:
        st.info(
            "These files hold no need: no response has a free-text need or a ticked sector. Open the "
            "**Data** page to check which columns feed 'Unmet needs' and 'Sectors ticked'."
        )
        st.stop()
    if needs.empty:
        st.info(
            "No need matches these filters. Remove a filter in the sidebar, or press **Clear all filters**."
        )
        st.stop()


def chart(figure: go.Figure, key: str) -> None:
    """Draw a plotly figure the same way on every page."""
    st.plotly_chart(figure, config=CHART_CONFIG, key=key)


def _apply_click(key: str) -> None:
    """Turn the marks clicked in chart `key` into sidebar filters (a callback: runs before the widgets)."""
    event = st.session_state.get(key)
    points = event["selection"]["points"] if event else []
    for attribute, values in clicked_choices(points).items():
        filters.pick(attribute, values)


def clickable_chart(figure: go.Figure, key: str) -> None:
    """Draw a chart whose sectors or clusters become filters when clicked."""
    st.plotly_chart(
        figure, config=CHART_CONFIG, key=key, on_select=partial(_apply_click, key), selection_mode="points"
    )


# Columns of the rows table (Explore page and downloads), in reading order.
TABLE_COLUMNS: tuple[str, ...] = (
    "organisation",
    "country",
    "org_type",
    "sector_name",
    "cluster_label",
    "need_text",
    "role",
    "budget_eur",
    "procurement_horizon_months",
    "market_solution",
    "sectors_ticked",
    "language",
    "contact_name",
    "contact_email",
    "contact_phone",
    "issues",
    "sector_source",
    "confidence",
    "cpv_division",
    "respondent_id",
    "submitted_at",
    "source_file",
    "source_sheet",
    "source_row",
)


# How the table's columns are headed on screen (downloads keep the field names, as the command line does).
TABLE_LABELS: dict[str, str] = {
    **FIELD_LABELS,
    "sector_name": "Sector",
    "cluster_label": "Cluster of needs",
    "sectors_ticked": "Sectors ticked",
    "issues": "Values not understood",
    "sector_source": "Sector placed by",
    "confidence": "Sector confidence",
    "cpv_division": "CPV division",
    "source_file": "File",
    "source_sheet": "Sheet",
    "source_row": "Row in file",
}


def needs_table(analysis: Analysis, needs: pd.DataFrame) -> pd.DataFrame:
    """The filtered needs as a readable table: sector and cluster named, ticked sectors spelled out."""
    labels = analysis.topics.clusters.set_index("cluster")["label"]
    named = needs.assign(
        sector_name=name_sectors(needs["sector"]),
        cluster_label=needs["cluster"].map(labels),
        sectors_ticked=name_sector_lists(needs["sectors"]),
    )
    return named[[column for column in TABLE_COLUMNS if column in named]].reset_index(drop=True)
