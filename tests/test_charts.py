"""The dashboard's figures: aggregated, one colour per sector everywhere, labelled in words, and offline."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import charts
from analysis.taxonomy import UNCLASSIFIED, load_taxonomy

SECTORS = [sector for sector in load_taxonomy()["id"] if sector != UNCLASSIFIED][:3]
# Trace types that fetch a base map from the internet.
ONLINE_MAP_TRACES = {
    "choropleth",
    "scattergeo",
    "choroplethmap",
    "scattermap",
    "densitymap",
    "choroplethmapbox",
    "scattermapbox",
    "densitymapbox",
}


def make_needs(size: int, seed: int = 0) -> pd.DataFrame:
    """`size` needs over three sectors (two clusters each), five countries, 40% as many organisations."""
    rng = np.random.default_rng(seed)
    sector = rng.choice(SECTORS, size)
    number = rng.integers(1, 3, size)
    return pd.DataFrame(
        {
            "organisation": pd.Series([f"Org {i}" for i in rng.integers(0, max(1, size * 2 // 5), size)]),
            "country": rng.choice(["SE", "DE", "FR", "NO", "XX"], size),
            "org_type": rng.choice(["municipality", "region", "hospital"], size),
            "role": rng.choice(["lead", "buyer", "follow"], size),
            "sector": sector,
            "sector_text": sector,
            "sectors": [[s] for s in sector],
            "sector_source": "text",
            "cluster": [f"{s}-{n}" for s, n in zip(sector, number, strict=True)],
            "x": rng.normal(size=size),
            "y": rng.normal(size=size),
            "need_text": [f"Need number {i} about {s}" for i, s in enumerate(sector)],
            "budget_eur": rng.integers(10_000, 1_000_000, size).astype(float),
            "procurement_horizon_months": rng.choice([3.0, 9.0, 18.0, 30.0, 60.0, np.nan], size),
        }
    )


def make_clusters(needs: pd.DataFrame) -> pd.DataFrame:
    """The topics' cluster table for these needs: a label and the first texts as quotes."""
    grouped = needs.groupby("cluster")
    return pd.DataFrame(
        {
            "cluster": list(grouped.groups),
            "sector": grouped["sector"].first().to_numpy(),
            "label": [f"label of {name}" for name in grouped.groups],
            "quotes": grouped["need_text"].agg(lambda texts: list(texts[:3])).to_numpy(),
            "is_other": False,
        }
    )


@pytest.fixture
def needs() -> pd.DataFrame:
    return make_needs(300)


def all_figures(needs: pd.DataFrame) -> dict[str, go.Figure]:
    """Every chart the pages draw from needs."""
    clusters = make_clusters(needs)
    candidates = pd.DataFrame({"label": ["A", "B", "C"], "sector": SECTORS, "score": [0.9, 0.5, 0.7]})
    return {
        "sector_bar": charts.sector_bar(needs),
        "europe_map": charts.europe_map(needs),
        "org_type_bar": charts.org_type_bar(needs),
        "horizon_bar": charts.horizon_bar(needs),
        "heatmap": charts.sector_country_heatmap(needs),
        "treemap": charts.needs_treemap(needs, clusters),
        "cluster_map": charts.cluster_map(needs, clusters),
        "scores": charts.score_chart(candidates, ["A", "C"]),
    }


def test_every_sector_has_its_own_colour():
    colours = [charts.SECTOR_COLOURS[sector] for sector in load_taxonomy()["id"]]
    assert len(set(colours)) == len(colours)


def test_a_sector_has_the_same_colour_in_every_chart(needs):
    figures = all_figures(needs)
    bar = figures["sector_bar"].data[0]
    bar_colours = dict(zip(bar.customdata[:, 1], bar.marker.color, strict=True))
    stacked = {trace.name: trace.marker.color for trace in figures["horizon_bar"].data}
    points = {trace.name: trace.marker.color for trace in figures["cluster_map"].data}
    treemap = figures["treemap"].data[0]
    tiles = dict(zip(treemap.ids, treemap.marker.colors, strict=True))
    for sector in SECTORS:
        colour = charts.SECTOR_COLOURS[sector]
        name = charts.sector_name(sector)
        assert bar_colours[sector] == stacked[name] == points[name] == tiles[f"sector:{sector}"] == colour


def test_every_chart_has_a_title_and_words_on_its_axes(needs):
    for name, figure in all_figures(needs).items():
        assert figure.layout.title.text, name
        if name in {"sector_bar", "org_type_bar", "horizon_bar", "heatmap", "cluster_map", "scores"}:
            assert figure.layout.xaxis.title.text, name


def test_hover_names_the_thing_and_gives_counts(needs):
    for name in ("sector_bar", "europe_map", "org_type_bar", "horizon_bar", "heatmap", "treemap"):
        template = all_figures(needs)[name].data[0].hovertemplate
        assert "organisations" in template, name


def test_no_chart_needs_a_map_from_the_internet(needs):
    for name, figure in all_figures(needs).items():
        assert not {trace.type for trace in figure.data} & ONLINE_MAP_TRACES, name
        assert "geo" not in figure.layout.to_plotly_json(), name


def test_organisations_are_counted_once_per_group():
    frame = pd.DataFrame(
        {"organisation": ["A", "A", "B", "C"], "sector": ["s1", "s1", "s1", "s2"], "country": ["SE"] * 4}
    )
    counts = charts.organisations_by(frame, ["sector"])
    assert counts.to_dict("list") == {"sector": ["s1", "s2"], "organisations": [2, 1], "responses": [3, 1]}


def test_headline_counts_responses_organisations_countries_sectors_and_budget():
    frame = pd.DataFrame(
        {
            "organisation": ["A", "A", "B"],
            "country": ["SE", "SE", "DE"],
            "sector": [SECTORS[0], UNCLASSIFIED, SECTORS[1]],
            "budget_eur": [1_000.0, np.nan, 2_500.0],
        }
    )
    assert charts.headline(frame) == {
        "responses": 3,
        "organisations": 2,
        "countries": 2,
        "sectors": 2,
        "budget_eur": 3_500.0,
    }


def test_the_europe_map_colours_each_country_by_its_organisations(needs):
    figure = charts.europe_map(needs)
    heat = figure.data[0]
    tiles = charts.europe_tiles().set_index("iso2")
    swedes = needs.loc[needs["country"] == "SE", "organisation"].nunique()
    assert heat.z[tiles.loc["SE", "row"]][tiles.loc["SE", "col"]] == swedes
    assert heat.z[tiles.loc["PT", "row"]][tiles.loc["PT", "col"]] == 0
    assert heat.text[tiles.loc["SE", "row"]][tiles.loc["SE", "col"]] == "SE"
    assert "XX" in figure.layout.annotations[0].text  # a country off the map is still named


def test_every_tile_has_its_own_square():
    tiles = charts.europe_tiles()
    assert not tiles.duplicated(["col", "row"]).any()
    assert not tiles["iso2"].duplicated().any()
    eu = [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
    assert set(eu) <= set(tiles["iso2"])


def test_horizons_fall_into_readable_bands():
    bands = charts.horizon_bands(pd.Series([0, 6, 7, 12, 13, 36, 37, np.nan]))
    assert bands.astype(str).tolist() == [
        "within 6 months",
        "within 6 months",
        "in 7-12 months",
        "in 7-12 months",
        "in 13-24 months",
        "in 25-36 months",
        "later than 3 years",
        "not stated",
    ]


def test_charts_of_large_data_draw_aggregates_not_rows():
    large = make_needs(20_000, seed=1)
    clusters = make_clusters(large)
    assert len(charts.sector_bar(large).data[0].x) == len(SECTORS)
    assert len(charts.needs_treemap(large, clusters).data[0].ids) == len(SECTORS) + len(clusters)
    drawn = sum(len(trace.x) for trace in charts.cluster_map(large, clusters).data)
    assert drawn == charts.MAP_POINTS
    assert "sample" in charts.cluster_map(large, clusters).layout.title.text


def test_clicked_sectors_and_clusters_become_filter_choices():
    points = [
        {"customdata": ["sector", SECTORS[0], 3]},
        {"customdata": ["cluster", f"{SECTORS[1]}-2", "label"]},
        {"customdata": ["sector", SECTORS[0], 3]},
        {"x": 1, "y": 2},
        {"customdata": [3, "not a kind"]},
    ]
    assert charts.clicked_choices(points) == {"sectors": [SECTORS[0]], "clusters": [f"{SECTORS[1]}-2"]}
    assert charts.clicked_choices([]) == {}


def test_a_click_on_a_treemap_tile_picks_its_sector_or_cluster(needs):
    treemap = charts.needs_treemap(needs, make_clusters(needs)).data[0]
    sector_tile, cluster_tile = treemap.ids[0], treemap.ids[-1]
    # Streamlit reports a treemap click with the tile's id, label and parent, without customdata.
    picked = charts.clicked_choices([{"id": sector_tile, "parent": "", "label": "x"}])
    assert picked == {"sectors": [sector_tile.removeprefix("sector:")]}
    picked = charts.clicked_choices([{"id": cluster_tile, "parent": treemap.parents[-1]}])
    assert picked == {"clusters": [cluster_tile.removeprefix("cluster:")]}


def test_the_score_chart_colours_only_the_recommended_groups():
    candidates = pd.DataFrame({"label": ["A", "B", "C"], "sector": SECTORS, "score": [0.9, 0.5, 0.7]})
    bars = charts.score_chart(candidates, ["A"]).data[0]
    colours = dict(zip(bars.y, bars.marker.color, strict=True))
    assert colours["A"] == charts.SECTOR_COLOURS[SECTORS[0]]
    assert colours["B"] == colours["C"] == charts.OTHER_CANDIDATE_COLOUR
    assert list(bars.y) == ["B", "C", "A"]  # best at the top


def test_cluster_summary_quotes_the_buyers_shown_and_counts_disagreements(needs):
    clusters = make_clusters(needs)
    shown = needs[needs["country"] == "SE"].copy()
    shown.loc[shown.index[0], "sector_source"] = "text (ticked boxes differ)"
    summary = charts.cluster_summary(shown, clusters).set_index("cluster")
    swedish_texts = set(shown["need_text"])
    for quotes in summary["quotes"]:
        assert quotes
        assert set(quotes) <= swedish_texts or set(quotes) <= set(needs["need_text"])
    assert summary["disagreeing"].sum() == 1
    assert summary["organisations"].sum() >= shown["organisation"].nunique()


def test_field_completeness_counts_blank_text_and_empty_lists_as_empty():
    frame = pd.DataFrame(
        {"organisation": ["A", " ", None, "B"], "sectors": [["x"], [], ["y"], []], "budget_eur": [1.0] * 4}
    )
    result = charts.field_completeness(frame, ["organisation", "sectors", "budget_eur", "country"])
    assert result.set_index("field")["empty"].to_dict() == {
        "organisation": 2,
        "sectors": 2,
        "budget_eur": 0,
        "country": 4,
    }
    assert result.set_index("field").loc["budget_eur", "filled_share"] == 1.0
