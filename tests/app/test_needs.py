"""The Unmet needs page on the sample: treemap, cluster map, heatmap and cluster cards, all filtered."""

from analysis import charts
from analysis.filters import Filters, apply_filters
from ui.text import plain


def card_titles(app) -> set[str]:
    """The bold cluster labels heading the cards (drawn in two columns, so their order is the layout's)."""
    return {block.value for block in app.markdown if block.value.startswith("**")}


def test_needs_page_draws_the_charts_and_a_card_per_cluster(open_page, sample):
    app = open_page("needs")
    assert app.title[0].value == "Unmet needs"
    assert len(app.get("plotly_chart")) == 3
    summary = charts.cluster_summary(sample.needs, sample.topics.clusters)
    assert card_titles(app) == {f"**{plain(label)}**" for label in summary["label"].head(12)}
    quotes = [block.value for block in app.markdown if block.value.startswith("> ")]
    texts = {plain(text) for text in sample.needs["need_text"].dropna()}
    assert quotes and all(quote[2:] in texts for quote in quotes)


def test_choosing_a_sector_keeps_only_its_clusters(open_page, sample):
    sector = sample.needs["sector"].value_counts().index[0]
    app = open_page("needs")
    app.multiselect(key="sector").set_value([sector]).run()
    chosen = apply_filters(sample.needs, Filters(sectors=(sector,)))
    summary = charts.cluster_summary(chosen, sample.topics.clusters)
    assert set(summary["sector"]) == {sector}
    assert card_titles(app) == {f"**{plain(label)}**" for label in summary["label"].head(12)}
    assert f"Showing {len(chosen):,} of {len(sample.needs):,} needs" in app.caption[0].value
    cluster_options = app.multiselect(key="cluster").options
    assert cluster_options and all(
        option.startswith(charts.sector_name(sector)) for option in cluster_options
    )
