"""The dashboard's figures, built from aggregates (never one mark per response) with one colour per sector.

Every builder takes the (already filtered) needs, aggregates them with vectorised groupbys, then draws:
titles say what a chart shows, axes are labelled in words, hovers give names and counts. Clickable
charts carry `customdata` whose first two items are the kind ('sector' or 'cluster') and the id (the
treemap says the same in its tile ids, 'sector:<id>'), so a page can turn a click into a filter. The Europe map is a tile grid drawn from a bundled table: plotly's
geo maps fetch their base map from a CDN, and the product runs offline.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pycountry

from analysis.taxonomy import UNCLASSIFIED, load_taxonomy, sector_name

TILES_PATH = Path(__file__).resolve().parent / "data" / "europe_tiles.csv"
# Distinct, colour-blind-tolerant hues in taxonomy order; grey is kept for needs in no sector.
PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#1b9e77",
    "#d37295",
    "#a0cbe8",
    "#8cd17d",
    "#b6992d",
    "#499894",
    "#d4a6c8",
    "#5d3a9b",
    "#2f4b7c",
    "#bcbd22",
    "#17becf",
)
NO_SECTOR_COLOUR = "#b0b0b0"
OTHER_CANDIDATE_COLOUR = "#d9d9d9"
NOT_STATED = "not stated"
# When people plan to buy: upper bound in months (inclusive) -> band label, in time order.
HORIZON_BANDS: tuple[tuple[float, str], ...] = (
    (6, "within 6 months"),
    (12, "in 7-12 months"),
    (24, "in 13-24 months"),
    (36, "in 25-36 months"),
    (np.inf, "later than 3 years"),
)
MAP_POINTS = 2000  # the cluster map draws at most this many needs (a fixed sample): fast to draw for 20 users at once
QUOTE_CHARACTERS = 160
SCORE_CANDIDATES = 25  # the score chart shows this many best candidates
BLUES = [[0.0, "#f1f4f8"], [0.15, "#c6dbef"], [0.5, "#4292c6"], [1.0, "#08306b"]]


def _sector_colours() -> dict[str, str]:
    """One fixed colour per sector id of the taxonomy, in taxonomy order; grey for unclassified."""
    ids = [sector for sector in load_taxonomy()["id"] if sector != UNCLASSIFIED]
    colours = {sector: PALETTE[index % len(PALETTE)] for index, sector in enumerate(ids)}
    return {**colours, UNCLASSIFIED: NO_SECTOR_COLOUR}


SECTOR_COLOURS: dict[str, str] = _sector_colours()
SECTOR_NAMES: dict[str, str] = {sector: sector_name(sector) for sector in SECTOR_COLOURS}


def name_sectors(ids: pd.Series) -> pd.Series:
    """Sector names for a column of sector ids (a dictionary lookup, not a call per row)."""
    return ids.map(SECTOR_NAMES).fillna(ids)


def name_sector_lists(lists: pd.Series) -> pd.Series:
    """Sector names for a column of lists of sector ids (the boxes a response ticked)."""
    return pd.Series(
        [[SECTOR_NAMES.get(i, i) for i in ids] for ids in lists], index=lists.index, dtype=object
    )


def sector_colour(sector: str) -> str:
    """The colour of a sector in every chart (grey for an id outside the taxonomy)."""
    return SECTOR_COLOURS.get(sector, NO_SECTOR_COLOUR)


def _title(text: str) -> dict[str, object]:
    """A chart title placed the same way everywhere."""
    return {"text": text, "x": 0, "xanchor": "left"}


def _organisation_bars_layout(figure: go.Figure, title: str, bars: int) -> go.Figure:
    """The layout of a horizontal bar chart of organisations: one bar height per row, titled axes."""
    return figure.update_layout(
        title=_title(title),
        xaxis_title="Organisations (distinct)",
        yaxis_title=None,
        height=max(260, 28 * bars + 90),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )


def organisations_by(needs: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Distinct organisations and responses per value of `columns`, most organisations first."""
    # Two plain reductions: about twice as fast as one named .agg() with both at 100k rows.
    grouped = needs.groupby(columns, observed=True, dropna=True)["organisation"]
    return (
        pd.DataFrame({"organisations": grouped.nunique(), "responses": grouped.size()})
        .reset_index()
        .sort_values(
            ["organisations", "responses", *columns], ascending=[False, False, *[True] * len(columns)]
        )
        .reset_index(drop=True)
    )


def headline(needs: pd.DataFrame) -> dict[str, float]:
    """The overview tiles: responses, organisations, countries, sectors and combined stated budget."""
    return {
        "responses": len(needs),
        "organisations": int(needs["organisation"].nunique()),
        "countries": int(needs["country"].nunique()),
        "sectors": int(needs.loc[needs["sector"].ne(UNCLASSIFIED), "sector"].nunique()),
        "budget_eur": float(pd.to_numeric(needs["budget_eur"], errors="coerce").sum()),
    }


def sector_bar(needs: pd.DataFrame) -> go.Figure:
    """Bars of distinct organisations per sector, each in its sector colour; a click picks a sector."""
    counts = organisations_by(needs, ["sector"]).iloc[::-1]
    names = counts["sector"].map(sector_name)
    figure = go.Figure(
        go.Bar(
            x=counts["organisations"],
            y=names,
            orientation="h",
            marker_color=counts["sector"].map(sector_colour).tolist(),
            customdata=np.column_stack(
                [np.full(len(counts), "sector"), counts["sector"], counts["responses"]]
            ),
            hovertemplate="<b>%{y}</b><br>%{x} organisations<br>%{customdata[2]} responses<extra></extra>",
        )
    )
    return _organisation_bars_layout(figure, "Organisations per sector", len(counts))


@cache
def europe_tiles() -> pd.DataFrame:
    """The tile grid of Europe: iso2, name, col, row (one square per country, placed roughly as on a map)."""
    return pd.read_csv(TILES_PATH, keep_default_na=False)


@cache
def _country_names() -> dict[str, str]:
    """ISO alpha-2 code -> English short name, the map's names first."""
    names = {entry.alpha_2: getattr(entry, "common_name", entry.name) for entry in pycountry.countries}
    tiles = europe_tiles()
    return {**names, **dict(zip(tiles["iso2"], tiles["name"], strict=True))}


def country_name(code: str) -> str:
    """The English name of a country code (the code itself when unknown)."""
    return _country_names().get(code, code)


def europe_map(needs: pd.DataFrame) -> go.Figure:
    """Tile-grid map of Europe, each country a square coloured by its responding organisations."""
    tiles = europe_tiles()
    counts = organisations_by(needs, ["country"])
    placed = tiles.merge(counts, how="left", left_on="iso2", right_on="country")
    placed[["organisations", "responses"]] = placed[["organisations", "responses"]].fillna(0).astype(int)
    shape = (int(tiles["row"].max()) + 1, int(tiles["col"].max()) + 1)
    z = np.full(shape, np.nan)
    text = np.full(shape, "", dtype=object)
    custom = np.full((*shape, 3), "", dtype=object)
    rows, cols = placed["row"].to_numpy(), placed["col"].to_numpy()
    z[rows, cols] = placed["organisations"]
    text[rows, cols] = placed["iso2"]
    custom[rows, cols] = placed[["name", "organisations", "responses"]].astype(str).to_numpy()
    figure = go.Figure(
        go.Heatmap(
            z=z,
            text=text,
            texttemplate="%{text}",
            customdata=custom,
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} organisations<br>"
            "%{customdata[2]} responses<extra></extra>",
            hoverongaps=False,
            colorscale=BLUES,
            zmin=0,
            xgap=3,
            ygap=3,
            colorbar={"title": {"text": "Organisations"}},
        )
    )
    elsewhere = counts[~counts["country"].isin(tiles["iso2"])]
    if not elsewhere.empty:
        listed = ", ".join(
            f"{c} ({n})" for c, n in zip(elsewhere["country"], elsewhere["organisations"], strict=True)
        )
        figure.add_annotation(
            text=f"Not on this map: {listed}", showarrow=False, xref="paper", yref="paper", x=0, y=-0.08
        )
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    return figure.update_layout(
        title=_title("Where respondents are: organisations per country"),
        xaxis={**axis, "constrain": "domain"},
        yaxis={**axis, "autorange": "reversed", "scaleanchor": "x"},
        plot_bgcolor="white",
        height=460,
        margin={"l": 10, "r": 10, "t": 50, "b": 30},
    )


def org_type_bar(needs: pd.DataFrame) -> go.Figure:
    """Bars: distinct organisations per type of organisation ('not stated' where the answer is missing)."""
    typed = needs.assign(org_type=needs["org_type"].astype("string").fillna(NOT_STATED))
    counts = organisations_by(typed, ["org_type"]).iloc[::-1]
    figure = go.Figure(
        go.Bar(
            x=counts["organisations"],
            y=counts["org_type"],
            orientation="h",
            marker_color="#4e79a7",
            customdata=counts[["responses"]].to_numpy(),
            hovertemplate="<b>%{y}</b><br>%{x} organisations<br>%{customdata[0]} responses<extra></extra>",
        )
    )
    return _organisation_bars_layout(figure, "Types of organisation", len(counts))


def horizon_bands(months: pd.Series) -> pd.Series:
    """The band of each planned-purchase horizon in months ('not stated' where missing)."""
    bounds = [-np.inf, *[bound for bound, _ in HORIZON_BANDS]]
    labels = [label for _, label in HORIZON_BANDS]
    bands = pd.cut(pd.to_numeric(months, errors="coerce"), bins=bounds, labels=labels, right=True)
    return bands.cat.add_categories([NOT_STATED]).fillna(NOT_STATED)


def horizon_bar(needs: pd.DataFrame) -> go.Figure:
    """Stacked bars: organisations by when they plan to buy, split by sector colour."""
    banded = needs.assign(band=horizon_bands(needs["procurement_horizon_months"]))
    counts = organisations_by(banded, ["band", "sector"])
    order = [*[label for _, label in HORIZON_BANDS], NOT_STATED]
    figure = go.Figure(
        [
            go.Bar(
                x=rows["band"].astype(str),
                y=rows["organisations"],
                name=sector_name(sector),
                marker_color=sector_colour(sector),
                hovertemplate=f"<b>{sector_name(sector)}</b><br>%{{x}}: %{{y}} organisations<extra></extra>",
            )
            for sector, rows in counts.groupby("sector", sort=True)
        ]
    )
    return figure.update_layout(
        barmode="stack",
        title=_title("When buyers plan to buy"),
        xaxis={"title": "Planned purchase", "categoryorder": "array", "categoryarray": order},
        yaxis_title="Organisations",
        legend_title_text="Sector",
        height=420,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )


def sector_country_heatmap(needs: pd.DataFrame) -> go.Figure:
    """Heatmap: organisations per sector (rows) and country (columns, most respondents first)."""
    counts = organisations_by(needs, ["sector", "country"])
    grid = counts.pivot_table(index="sector", columns="country", values="organisations", fill_value=0)
    grid = grid.loc[grid.sum(axis=1).sort_values().index, grid.sum(axis=0).sort_values(ascending=False).index]
    figure = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=list(grid.columns),
            y=[sector_name(sector) for sector in grid.index],
            colorscale=BLUES,
            zmin=0,
            hovertemplate="<b>%{y}</b> in %{x}<br>%{z} organisations<extra></extra>",
            colorbar={"title": {"text": "Organisations"}},
            xgap=1,
            ygap=1,
        )
    )
    return figure.update_layout(
        title=_title("Organisations per sector and country"),
        xaxis_title="Country",
        yaxis_title=None,
        height=max(300, 26 * len(grid) + 120),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )


def needs_treemap(needs: pd.DataFrame, clusters: pd.DataFrame) -> go.Figure:
    """Treemap of sectors and their clusters, sized by organisations; a click picks a sector or a cluster."""
    per_cluster = organisations_by(needs, ["sector", "cluster"])
    per_sector = organisations_by(needs, ["sector"])
    labels = clusters.set_index("cluster")["label"]
    sector_names = per_sector["sector"].map(sector_name)
    cluster_names = per_cluster["cluster"].map(labels).fillna(per_cluster["cluster"])
    kinds = ["sector"] * len(per_sector) + ["cluster"] * len(per_cluster)
    figure = go.Figure(
        go.Treemap(
            ids=[*("sector:" + per_sector["sector"]), *("cluster:" + per_cluster["cluster"])],
            parents=[*[""] * len(per_sector), *("sector:" + per_cluster["sector"])],
            labels=[*sector_names, *cluster_names],
            values=[0] * len(per_sector) + per_cluster["organisations"].tolist(),
            branchvalues="remainder",
            marker_colors=[
                *per_sector["sector"].map(sector_colour),
                *per_cluster["sector"].map(sector_colour),
            ],
            customdata=np.column_stack(
                [
                    kinds,
                    [*per_sector["sector"], *per_cluster["cluster"]],
                    [*per_sector["organisations"], *per_cluster["organisations"]],
                    [*per_sector["responses"], *per_cluster["responses"]],
                ]
            ),
            hovertemplate="<b>%{label}</b><br>%{customdata[2]} organisations<br>"
            "%{customdata[3]} responses<extra></extra>",
            textinfo="label",
            maxdepth=2,
        )
    )
    return figure.update_layout(
        title=_title("Unmet needs by sector and cluster (size: organisations)"),
        height=520,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )


def _shorten(text: pd.Series, limit: int = QUOTE_CHARACTERS) -> pd.Series:
    """Quotes cut to a readable hover length, with an ellipsis where cut."""
    text = text.astype("string").fillna("").str.strip()
    cut = text.str.len().gt(limit)
    return text.where(~cut, text.str.slice(0, limit - 1) + "…")


def cluster_map(needs: pd.DataFrame, clusters: pd.DataFrame, max_points: int = MAP_POINTS) -> go.Figure:
    """Needs on the 2-D cluster map (a fixed sample when large), coloured by sector; hover shows the quote."""
    shown = needs if len(needs) <= max_points else needs.sample(max_points, random_state=0)
    labels = clusters.set_index("cluster")["label"]
    shown = shown.assign(
        cluster_label=shown["cluster"].map(labels).fillna(shown["cluster"]),
        quote=_shorten(shown["need_text"]),
    )
    figure = go.Figure(
        [
            go.Scatter(
                x=rows["x"],
                y=rows["y"],
                mode="markers",
                name=sector_name(sector),
                marker={"color": sector_colour(sector), "size": 7, "opacity": 0.75},
                customdata=np.column_stack(
                    [
                        np.full(len(rows), "cluster"),
                        rows["cluster"],
                        rows["cluster_label"],
                        rows["organisation"].astype("string").fillna(""),
                        rows["country"].astype("string").fillna(""),
                        rows["quote"],
                    ]
                ),
                hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[3]} (%{customdata[4]})<br>"
                "<i>%{customdata[5]}</i><extra></extra>",
            )
            for sector, rows in shown.groupby("sector", sort=True)
        ]
    )
    sampled = f" (a sample of {len(shown):,} of {len(needs):,} needs)" if len(shown) < len(needs) else ""
    return figure.update_layout(
        title=_title(f"Map of needs: similar needs sit close together{sampled}"),
        xaxis={"title": "Similarity map, horizontal", "showticklabels": False, "zeroline": False},
        yaxis={"title": "Similarity map, vertical", "showticklabels": False, "zeroline": False},
        legend_title_text="Sector",
        hoverlabel={"align": "left"},
        height=560,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )


def score_chart(candidates: pd.DataFrame, chosen: list[str]) -> go.Figure:
    """Bars of candidate scores (best first): recommended groups in their sector colour, the others grey."""
    best = candidates.sort_values("score", ascending=False).head(SCORE_CANDIDATES).iloc[::-1]
    picked = best["label"].isin(chosen)
    figure = go.Figure(
        go.Bar(
            x=best["score"],
            y=best["label"],
            orientation="h",
            marker_color=best["sector"].map(sector_colour).where(picked, OTHER_CANDIDATE_COLOUR).tolist(),
            customdata=np.column_stack(
                [best["sector"].map(sector_name), np.where(picked, "recommended", "not chosen")]
            ),
            hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>score %{x:.2f}<br>%{customdata[1]}"
            "<extra></extra>",
        )
    )
    shown = f"the {len(best)} best of {len(candidates)} candidates" if len(candidates) > len(best) else "all"
    return figure.update_layout(
        title=_title(f"How candidate groups score ({shown}; recommended in colour)"),
        xaxis_title="Score (weighted sum of normalised measures)",
        yaxis={"title": None, "type": "category"},
        height=max(300, 24 * len(best) + 100),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )


def _is_blank(value: object) -> bool:
    """True for a missing value, blank text or an empty list (a cell of an object column)."""
    if isinstance(value, list | tuple | str):
        return not (value.strip() if isinstance(value, str) else value)
    return bool(pd.isna(value)) if np.ndim(value) == 0 else False


def field_completeness(frame: pd.DataFrame, fields: list[str]) -> pd.DataFrame:
    """Per field: rows that leave it empty and the share filled (blank text and empty lists are empty)."""
    empty = {}
    for field in fields:
        if field not in frame:
            empty[field] = len(frame)
            continue
        values = frame[field]
        if values.dtype == object:  # lists of ticked options, mixed cells: one look per cell
            missing = values.map(_is_blank).astype(bool)
        elif pd.api.types.is_string_dtype(values):
            missing = values.isna() | values.str.strip().eq("").fillna(False).astype(bool)
        else:
            missing = values.isna()
        empty[field] = int(missing.sum())
    total = len(frame)
    result = pd.DataFrame({"field": list(empty), "empty": list(empty.values())})
    return result.assign(filled_share=(1 - result["empty"] / total) if total else 0.0)


CLICK_KINDS = {"sector": "sectors", "cluster": "clusters"}  # customdata kind -> the filter it sets


def clicked_choices(points: list[dict[str, object]]) -> dict[str, list[str]]:
    """Filter choices picked by clicking marks: kind and id from customdata, or from a treemap tile's id."""
    picked: dict[str, list[str]] = {}
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, list | tuple) and len(custom) >= 2:
            kind, value = str(custom[0]), str(custom[1])
        else:  # a treemap click reports its tile's id, 'sector:<id>' or 'cluster:<id>', not its customdata
            kind, _, value = str(point.get("id", "")).partition(":")
        if kind in CLICK_KINDS and value:
            values = picked.setdefault(CLICK_KINDS[kind], [])
            if value not in values:
                values.append(value)
    return picked


def cluster_summary(needs: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster present in these needs: counts, countries, quotes, and needs whose ticks disagree.

    Quotes are the cluster's representative quotes that are among these needs (all of them when the
    filters keep none), so a filtered page quotes the buyers it shows.
    """
    present = needs.assign(disagrees=ticks_disagree(needs))
    counts = present.groupby("cluster", observed=True).agg(
        organisations=("organisation", "nunique"),
        responses=("organisation", "size"),
        disagreeing=("disagrees", "sum"),
    )
    pairs = present[["cluster", "country"]].dropna().drop_duplicates().sort_values(["cluster", "country"])
    counts["countries"] = pairs.groupby("cluster")["country"].agg(list).reindex(counts.index)
    counts["countries"] = counts["countries"].map(lambda found: found if isinstance(found, list) else [])
    described = clusters.set_index("cluster")[["sector", "label", "quotes", "is_other"]]
    summary = counts.join(described, how="left").reset_index()
    quotes = summary["quotes"].map(lambda found: found if isinstance(found, list) else [])
    every_quote = {quote for found in quotes for quote in found}
    texts = present["need_text"].astype("string").str.strip()
    shown = set(texts[texts.isin(every_quote)].unique())
    summary["quotes"] = [[quote for quote in found if quote in shown] or list(found) for found in quotes]
    return summary.sort_values(
        ["is_other", "organisations", "responses", "cluster"], ascending=[True, False, False, True]
    ).reset_index(drop=True)


def ticks_disagree(needs: pd.DataFrame) -> pd.Series:
    """True for needs whose text points to another sector than the boxes they ticked."""
    return (
        needs["sector_source"].astype("string").str.contains("differ", regex=False).fillna(False).astype(bool)
    )


def disagreeing_needs(needs: pd.DataFrame) -> pd.DataFrame:
    """The needs whose text and ticked boxes disagree, with both sectors named side by side."""
    rows = needs[ticks_disagree(needs)]
    return pd.DataFrame(
        {
            "organisation": rows["organisation"],
            "country": rows["country"],
            "need_text": rows["need_text"],
            "text_sector": name_sectors(rows["sector_text"]),
            "ticked": name_sector_lists(rows["sectors"]).str.join(", "),
        }
    )
