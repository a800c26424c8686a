"""Clusters of needs inside sectors: multilingual topics, determinism, quotes, 'other', labels, silhouette."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from analysis.topics import OTHER, TopicResult, _silhouette, cluster_needs

# Needs in a vehicles sector, written in English, German and Swedish: electric refuse trucks vs e-bikes.
TRUCKS = [
    ("en", "IE", "Electric waste collection trucks for household refuse rounds"),
    ("en", "IE", "Battery-electric refuse trucks with enough range for a full waste collection shift"),
    ("en", "MT", "Zero-emission waste trucks and the charging depots they require"),
    ("en", "MT", "Electric refuse collection vehicles for narrow streets in the old town"),
    ("en", "IE", "Heavy-duty electric trucks for waste and recycling collection"),
    ("de", "DE", "Elektrische Müllfahrzeuge für die Abfallsammlung in der Innenstadt"),
    ("de", "AT", "Batterieelektrische Abfallsammelfahrzeuge mit ausreichender Reichweite"),
    ("de", "DE", "Emissionsfreie Müllfahrzeuge und Ladeinfrastruktur im Betriebshof"),
    ("de", "AT", "Elektro-Müllwagen für die Wertstoff- und Restmüllabfuhr"),
    ("sv", "SE", "Eldrivna sopbilar för insamling av hushållsavfall"),
    ("sv", "SE", "Elektriska sopbilar med tillräcklig räckvidd för ett helt arbetspass"),
    ("sv", "SE", "Utsläppsfria avfallsfordon och laddinfrastruktur i depån"),
    ("sv", "FI", "Elektriska avfallsfordon för tömning av sopkärl i innerstaden"),
]
BIKES = [
    ("en", "IE", "E-bikes and cargo bikes for municipal staff travelling between sites"),
    ("en", "MT", "A pool of electric bicycles for home care workers"),
    ("en", "IE", "Electric cargo bikes for park maintenance crews"),
    ("en", "MT", "Shared e-bikes for employees instead of pool cars"),
    ("de", "DE", "E-Bikes und Lastenräder für Dienstfahrten der Verwaltung"),
    ("de", "AT", "Elektrische Lastenfahrräder für die Grünflächenpflege"),
    ("de", "DE", "Pedelecs und E-Lastenräder für den Pflegedienst"),
    ("de", "AT", "Dienstfahrräder mit Elektroantrieb für Mitarbeitende"),
    ("sv", "SE", "Elcyklar och lastcyklar för hemtjänstens personal"),
    ("sv", "SE", "Elcyklar som tjänstecyklar för kommunens anställda"),
    ("sv", "FI", "Ellastcyklar för parkförvaltningens arbetslag"),
    ("sv", "SE", "Lånecyklar med elassistans för personalens tjänsteresor"),
]
OUTLIER = ("en", "IE", "Legal advice on framework agreements and joint tendering procedures")
HEALTHCARE = [
    ("fr", "FR", "Télésurveillance des patients atteints de maladies chroniques"),
    ("fr", "BE", "Plateforme numérique de suivi des patients à domicile"),
    ("it", "IT", "Monitoraggio remoto dei pazienti cronici a domicilio"),
    ("es", "ES", "Guantes de nitrilo reciclables para los hospitales"),
]


def needs_frame(rows: list[tuple[str, str, str, str]], start: int = 0) -> pd.DataFrame:
    """A needs frame from (sector, language, country, text) rows, one organisation per row."""
    return pd.DataFrame(
        {
            "respondent_id": [f"r{start + i}" for i in range(len(rows))],
            "organisation": [f"Organisation {start + i}" for i in range(len(rows))],
            "org_type": "municipality",
            "country": [country for _, _, country, _ in rows],
            "need_text": pd.array([text for *_, text in rows], dtype="string"),
            "language": pd.array([language for _, language, _, _ in rows], dtype="string"),
            "sector": [sector for sector, *_ in rows],
        },
        index=pd.RangeIndex(start, start + len(rows)),
    )


@pytest.fixture(scope="module")
def vehicles() -> pd.DataFrame:
    """Trucks, then bikes, then one need unlike any other, all in the vehicles sector."""
    rows = [("vehicles", *row) for row in [*TRUCKS, *BIKES, OUTLIER]]
    return needs_frame(rows, start=100)  # an index not starting at 0: assignments must follow it


@pytest.fixture(scope="module")
def vehicles_topics(vehicles: pd.DataFrame) -> TopicResult:
    return cluster_needs(vehicles, seed=0)


def test_separates_topics_written_in_three_languages(vehicles, vehicles_topics):
    cluster = vehicles_topics.assignments["cluster"]
    trucks = cluster.iloc[: len(TRUCKS)]
    bikes = cluster.iloc[len(TRUCKS) : len(TRUCKS) + len(BIKES)]
    assert trucks.nunique() == 1 and bikes.nunique() == 1
    assert trucks.iloc[0] != bikes.iloc[0]
    assert not trucks.iloc[0].endswith(OTHER) and not bikes.iloc[0].endswith(OTHER)
    clusters = vehicles_topics.clusters.set_index("cluster")
    for name in (trucks.iloc[0], bikes.iloc[0]):
        assert clusters.at[name, "languages"] == ["de", "en", "sv"]


def test_labels_name_the_topic_in_words_of_its_main_language(vehicles, vehicles_topics):
    clusters = vehicles_topics.clusters.set_index("cluster")
    cluster = vehicles_topics.assignments["cluster"]
    labels = {
        name: clusters.at[name, "label"].split(" · ") for name in cluster.unique() if not name.endswith(OTHER)
    }
    assert any("trucks" in words or "waste" in words for words in labels.values())
    assert any("bikes" in words for words in labels.values())
    for name, words in labels.items():
        english = vehicles.loc[(cluster == name) & (vehicles["language"] == "en"), "need_text"].str.lower()
        assert 1 <= len(words) <= 3
        assert all(english.str.contains(word, regex=False).any() for word in words)


def test_a_need_unlike_the_others_stays_visible_as_other(vehicles, vehicles_topics):
    cluster = vehicles_topics.assignments["cluster"]
    assert cluster.iloc[-1] == f"vehicles-{OTHER}"
    other = vehicles_topics.clusters.set_index("cluster").loc[f"vehicles-{OTHER}"]
    assert bool(other["is_other"]) and other["size"] == (cluster == f"vehicles-{OTHER}").sum()
    assert OUTLIER[2] in other["quotes"]


def test_quotes_are_real_texts_of_their_cluster(vehicles, vehicles_topics):
    cluster = vehicles_topics.assignments["cluster"]
    for row in vehicles_topics.clusters.itertuples():
        texts = set(vehicles.loc[cluster == row.cluster, "need_text"])
        assert 1 <= len(row.quotes) <= 3
        assert len(set(row.quotes)) == len(row.quotes)
        assert set(row.quotes) <= texts


def test_same_seed_gives_the_same_clusters(vehicles, vehicles_topics):
    again = cluster_needs(vehicles, seed=0)
    pd.testing.assert_frame_equal(again.assignments, vehicles_topics.assignments)
    pd.testing.assert_frame_equal(again.clusters, vehicles_topics.clusters)


def test_assignments_follow_the_needs_index_and_give_a_map_position(vehicles, vehicles_topics):
    assignments = vehicles_topics.assignments
    assert assignments.index.equals(vehicles.index)
    assert list(assignments.columns) == ["cluster", "x", "y"]
    assert np.isfinite(assignments[["x", "y"]].to_numpy()).all()
    assert assignments[["x", "y"]].drop_duplicates().shape[0] > 1


def test_clusters_count_organisations_countries_and_languages(vehicles, vehicles_topics):
    clusters = vehicles_topics.clusters
    assert clusters["size"].sum() == len(vehicles)
    assert set(clusters["cluster"]) == set(vehicles_topics.assignments["cluster"])
    bikes = clusters.set_index("cluster").loc[vehicles_topics.assignments["cluster"].iloc[len(TRUCKS)]]
    assert bikes["organisations"] == len(BIKES)
    assert bikes["countries"] == ["AT", "DE", "FI", "IE", "MT", "SE"]


def test_organisations_are_counted_once_per_cluster():
    rows = [("vehicles", *row) for row in BIKES]
    needs = needs_frame(rows)
    needs.loc[needs.index[:4], "organisation"] = "Oslo kommune"  # one organisation, four needs
    topics = cluster_needs(needs)
    distinct = needs.groupby(topics.assignments["cluster"])["organisation"].nunique()
    counted = topics.clusters.set_index("cluster")["organisations"]
    assert counted.sort_index().tolist() == distinct.sort_index().tolist()
    assert counted.sum() < len(BIKES)


def test_a_small_sector_is_one_cluster():
    topics = cluster_needs(needs_frame([("healthcare", *row) for row in HEALTHCARE]))
    assert topics.assignments["cluster"].eq("healthcare-1").all()
    assert topics.clusters["cluster"].tolist() == ["healthcare-1"]
    assert not topics.clusters["is_other"].any()


def test_sectors_are_clustered_apart_and_placed_apart_on_the_map():
    rows = [("vehicles", *row) for row in [*TRUCKS, *BIKES]] + [("healthcare", *row) for row in HEALTHCARE]
    needs = needs_frame(rows)
    topics = cluster_needs(needs)
    sector_of = topics.clusters.set_index("cluster")["sector"]
    assert (topics.assignments["cluster"].map(sector_of) == needs["sector"]).all()
    centres = topics.assignments.groupby(needs["sector"])[["x", "y"]].mean()
    assert np.linalg.norm(centres.loc["vehicles"] - centres.loc["healthcare"]) >= 2


def test_needs_without_words_go_to_other_and_nothing_breaks():
    needs = needs_frame([("energy", "en", "SE", text) for text in ["", "   ", "2025", "-", "the and of"]])
    needs.loc[needs.index[0], "need_text"] = pd.NA
    topics = cluster_needs(needs)
    assert topics.assignments["cluster"].eq(f"energy-{OTHER}").all()
    assert topics.clusters["is_other"].tolist() == [True]


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["vehicles", "energy", "unclassified"]),
            st.sampled_from(["en", "de", "sv", None]),
            st.text(alphabet="abcdeéöß -,.0123", max_size=40),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_every_need_lands_in_a_cluster_of_its_own_sector(rows):
    needs = needs_frame([(sector, language, "DE", text) for sector, language, text in rows])
    topics = cluster_needs(needs)
    clusters = topics.clusters.set_index("cluster")
    assert topics.assignments["cluster"].isin(clusters.index).all()
    assert (topics.assignments["cluster"].map(clusters["sector"]) == needs["sector"]).all()
    assert clusters["size"].sum() == len(needs)


def test_the_silhouette_that_chooses_k_is_sklearns_for_the_cosine_distance():
    rng = np.random.default_rng(0)
    vectors = normalize(rng.normal(size=(61, 6)) + 3 * np.repeat(np.eye(6)[:4], [20, 20, 20, 1], axis=0))
    labels = np.repeat([0, 1, 2, 3], [20, 20, 20, 1])  # cluster 3 holds one need: its silhouette is 0
    labels[:4] = 1  # a few needs in the wrong cluster
    expected = silhouette_score(vectors, labels, metric="cosine")
    assert _silhouette(vectors, labels) == pytest.approx(expected, abs=1e-9)
