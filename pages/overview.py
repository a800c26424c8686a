"""Overview: who answered, where they are, which sectors they buy in and when."""

import streamlit as st

from analysis import charts
from ui import filters, state, views

st.title("Overview")
analysis = state.analysis_or_stop()
needs = filters.filtered_needs(analysis)
views.context_caption(analysis, len(needs))
views.stop_if_empty(analysis, needs)

tiles = charts.headline(needs)
responses, organisations, countries, sectors, budget = st.columns(5)
responses.metric("Responses", f"{tiles['responses']:,}", border=True)
organisations.metric("Organisations", f"{tiles['organisations']:,}", border=True)
countries.metric("Countries", f"{tiles['countries']:,}", border=True)
sectors.metric("Sectors", f"{tiles['sectors']:,}", border=True)
budget.metric(
    "Stated budget", f"€{tiles['budget_eur'] / 1e6:,.1f} M", border=True, help="Sum of the budgets stated"
)

left, right = st.columns(2)
with left:
    views.clickable_chart(charts.sector_bar(needs), key="overview_sectors")
with right:
    views.chart(charts.europe_map(needs), key="overview_map")
left, right = st.columns(2)
with left:
    views.chart(charts.org_type_bar(needs), key="overview_org_types")
with right:
    views.chart(charts.horizon_bar(needs), key="overview_horizon")
views.chart(charts.sector_country_heatmap(needs), key="overview_heatmap")
