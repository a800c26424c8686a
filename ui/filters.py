"""The sidebar filters: one set for every page, kept in session state and bound to the URL for bookmarks.

Each widget's key is also its URL query parameter (`bind="query-params"`), so `?country=SE&within=12+months`
opens the dashboard with those filters, and every change is written back to the address bar.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.charts import SECTOR_NAMES, country_name
from analysis.filters import Filters, apply_filters, filter_options
from analysis.pipeline import Analysis

# Filters attribute -> widget key, which is also the URL query parameter.
CHOICE_KEYS: dict[str, str] = {
    "sectors": "sector",
    "clusters": "cluster",
    "countries": "country",
    "org_types": "org_type",
    "roles": "role",
}
HORIZON_KEY = "within"
SEARCH_KEY = "q"
HORIZON_CHOICES: tuple[int | None, ...] = (None, 3, 6, 12, 24, 36)
ROLE_NAMES = {"lead": "Willing to lead", "buyer": "Plans to buy", "follow": "Wants to follow"}


def horizon_label(months: int | None) -> str:
    """How the horizon choice reads in the sidebar and the URL."""
    return "any time" if months is None else f"{months} months"


def cluster_names(analysis: Analysis) -> dict[str, str]:
    """Cluster id -> 'Sector: label', as the filters and cards name a cluster."""
    clusters = analysis.topics.clusters
    return {
        cluster: f"{SECTOR_NAMES.get(sector, sector)}: {label}"
        for cluster, sector, label in clusters[["cluster", "sector", "label"]].itertuples(index=False)
    }


def current_filters() -> Filters:
    """The filters as the sidebar holds them now."""
    state = st.session_state
    return Filters(
        **{attribute: tuple(state.get(key) or ()) for attribute, key in CHOICE_KEYS.items()},
        horizon_months=state.get(HORIZON_KEY),
        search=state.get(SEARCH_KEY) or "",
    )


def clear_filters() -> None:
    """Drop every filter (a button callback, so it runs before the widgets are drawn)."""
    for key in CHOICE_KEYS.values():
        st.session_state[key] = []
    st.session_state[HORIZON_KEY] = None
    st.session_state[SEARCH_KEY] = ""


def pick(attribute: str, values: list[str]) -> None:
    """Set one choice filter to these values (used by chart clicks, from a callback)."""
    st.session_state[CHOICE_KEYS[attribute]] = list(values)


def sidebar(analysis: Analysis) -> None:
    """Draw the filters in the sidebar; their state survives page changes and lives in the URL."""
    options = filter_options(analysis.needs)
    names = cluster_names(analysis)
    sector_of = analysis.topics.clusters.set_index("cluster")["sector"]
    with st.sidebar:
        st.header("Filters")
        st.caption("They apply to every page. The address bar keeps them: bookmark or share the view.")
        chosen_sectors = st.multiselect(
            "Sector",
            options["sectors"],
            key=CHOICE_KEYS["sectors"],
            bind="query-params",
            format_func=lambda sector: SECTOR_NAMES.get(sector, sector),
            placeholder="All sectors",
        )
        # Only the clusters of the chosen sectors are offered, so the list stays short.
        wanted = set(chosen_sectors) or set(sector_of)
        clusters = [cluster for cluster in options["clusters"] if sector_of.get(cluster) in wanted]
        st.multiselect(
            "Cluster of needs",
            clusters,
            key=CHOICE_KEYS["clusters"],
            bind="query-params",
            format_func=lambda cluster: names.get(cluster, cluster),
            placeholder="All clusters",
        )
        st.multiselect(
            "Country",
            options["countries"],
            key=CHOICE_KEYS["countries"],
            bind="query-params",
            format_func=lambda code: f"{country_name(code)} ({code})",
            placeholder="All countries",
        )
        st.multiselect(
            "Type of organisation",
            options["org_types"],
            key=CHOICE_KEYS["org_types"],
            bind="query-params",
            placeholder="All types",
        )
        st.multiselect(
            "Role they offer",
            options["roles"],
            key=CHOICE_KEYS["roles"],
            bind="query-params",
            format_func=lambda role: ROLE_NAMES.get(role, role),
            placeholder="Any role",
        )
        st.selectbox(
            "Plans to buy within",
            HORIZON_CHOICES,
            key=HORIZON_KEY,
            bind="query-params",
            format_func=horizon_label,
        )
        st.text_input(
            "Search needs and organisations",
            key=SEARCH_KEY,
            bind="query-params",
            placeholder="e.g. electric, hospital, Lyon",
        )
        st.button(
            "Clear all filters",
            key="clear_filters",
            on_click=clear_filters,
            disabled=current_filters().is_empty(),
        )


def filtered_needs(analysis: Analysis) -> pd.DataFrame:
    """The needs that pass the sidebar filters."""
    return apply_filters(analysis.needs, current_filters())
