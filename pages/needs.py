"""Unmet needs: which needs many buyers share, in which sector, in their own words."""

import streamlit as st

from analysis import charts
from ui import filters, state, views
from ui.text import plain

CARDS = 12  # cluster cards drawn in full; the rest are listed in a table below them
SHOWN_ROWS = 1_000  # rows of the disagreement table sent to the browser

st.title("Unmet needs")
analysis = state.analysis_or_stop()
needs = filters.filtered_needs(analysis)
views.context_caption(analysis, len(needs))
views.stop_if_empty(analysis, needs)
clusters = analysis.topics.clusters

st.caption("Click a sector or a cluster in the treemap, or a need on the map, to filter every page to it.")
views.clickable_chart(charts.needs_treemap(needs, clusters), key="needs_treemap")
views.clickable_chart(charts.cluster_map(needs, clusters), key="needs_map")
views.chart(charts.sector_country_heatmap(needs), key="needs_heatmap")

st.header("Clusters of needs")
summary = charts.cluster_summary(needs, clusters)
st.caption(
    f"{len(summary)} clusters, most organisations first. 'Other' holds a sector's needs that fit no cluster."
)
columns = st.columns(2)
for position, card in enumerate(summary.head(CARDS).itertuples(index=False)):
    with columns[position % 2].container(border=True):
        st.markdown(f"**{plain(card.label)}**")
        st.caption(
            f"{charts.SECTOR_NAMES.get(card.sector, card.sector)} · {card.organisations} organisations · "
            f"{card.responses} needs · "
            f"{len(card.countries)} countries: {plain(', '.join(card.countries))}"
        )
        for quote in card.quotes:
            st.markdown(f"> {plain(quote)}")
        if card.disagreeing:
            st.caption(f"⚠️ {card.disagreeing} of these needs ticked a different sector than their text says.")
if len(summary) > CARDS:
    with st.expander(f"The other {len(summary) - CARDS} clusters"):
        rest = summary.iloc[CARDS:].assign(sector=lambda frame: charts.name_sectors(frame["sector"]))
        st.dataframe(
            rest[["label", "sector", "organisations", "responses", "countries"]],
            hide_index=True,
            column_config={"label": "Cluster", "sector": "Sector", "countries": "Countries"},
        )

disagree = charts.ticks_disagree(needs)
if disagree.any():
    with st.expander(f"Needs whose text and ticked boxes point to different sectors ({disagree.sum():,})"):
        st.caption(
            "The dashboard places these by their text; the sectors they ticked are shown beside it."
            + (f" The first {SHOWN_ROWS:,} are listed." if disagree.sum() > SHOWN_ROWS else "")
        )
        st.dataframe(
            charts.disagreeing_needs(needs[disagree].head(SHOWN_ROWS)),
            hide_index=True,
            column_config={
                "organisation": "Organisation",
                "country": "Country",
                "need_text": "Need (their words)",
                "text_sector": "Sector from the text",
                "ticked": "Sectors ticked",
            },
        )
