"""The sidebar filters: each keeps exactly the needs it names, together they intersect, and they read well."""

import time

import numpy as np
import pandas as pd
import pytest

from analysis.filters import Filters, apply_filters, describe_filters, filter_mask, filter_options


@pytest.fixture
def needs() -> pd.DataFrame:
    """Six needs from four organisations, with the blanks real exports have."""
    return pd.DataFrame(
        {
            "organisation": ["Oslo kommune", "Region Skåne", "Ville de Lyon", "Oslo kommune", "AP-HP", None],
            "country": ["NO", "SE", "FR", "NO", "FR", "DE"],
            "org_type": ["municipality", "region", "municipality", "municipality", "hospital", pd.NA],
            "role": ["lead", "buyer", pd.NA, "follow", "buyer", "lead"],
            "sector": ["construction", "healthcare", "vehicles", "vehicles", "healthcare", "unclassified"],
            "cluster": [
                "construction-1",
                "healthcare-1",
                "vehicles-1",
                "vehicles-other",
                "healthcare-1",
                "unclassified-1",
            ],
            "procurement_horizon_months": [6.0, 18.0, np.nan, 30.0, 12.0, 3.0],
            "need_text": [
                "Utslippsfrie anleggsplasser",
                "Digital patientövervakning",
                "Bennes à ordures électriques",
                "Electric refuse trucks",
                pd.NA,
                "Wasserstoff für Busse",
            ],
        }
    ).astype({"organisation": "string", "need_text": "string"})


def test_no_filter_keeps_every_need(needs):
    assert Filters().is_empty()
    assert apply_filters(needs, Filters()).equals(needs)


def test_a_country_filter_keeps_only_that_countrys_needs(needs):
    kept = apply_filters(needs, Filters(countries=("FR",)))
    assert kept["country"].tolist() == ["FR", "FR"]


def test_choices_within_a_filter_add_up_and_filters_intersect(needs):
    both_countries = apply_filters(needs, Filters(countries=("FR", "NO")))
    assert len(both_countries) == 4
    in_healthcare = apply_filters(needs, Filters(countries=("FR", "NO"), sectors=("healthcare",)))
    assert in_healthcare["organisation"].tolist() == ["AP-HP"]


def test_a_missing_value_never_matches_a_chosen_value(needs):
    assert apply_filters(needs, Filters(roles=("lead",)))["country"].tolist() == ["NO", "DE"]
    assert apply_filters(needs, Filters(org_types=("municipality",)))["country"].tolist() == [
        "NO",
        "FR",
        "NO",
    ]


def test_horizon_keeps_purchases_planned_within_the_months_and_drops_unknown_dates(needs):
    kept = apply_filters(needs, Filters(horizon_months=12))
    assert kept["procurement_horizon_months"].tolist() == [6.0, 12.0, 3.0]


def test_search_ignores_case_and_looks_in_need_text_and_organisation(needs):
    assert apply_filters(needs, Filters(search="ELECTRI"))["country"].tolist() == ["NO"]
    assert apply_filters(needs, Filters(search="électriques"))["country"].tolist() == ["FR"]
    assert apply_filters(needs, Filters(search="oslo"))["country"].tolist() == ["NO", "NO"]


def test_search_text_is_literal_not_a_pattern(needs):
    assert apply_filters(needs, Filters(search="AP-HP"))["country"].tolist() == ["FR"]
    assert apply_filters(needs, Filters(search=".*")).empty


def test_cluster_filter_picks_clusters_across_sectors(needs):
    kept = apply_filters(needs, Filters(clusters=("healthcare-1", "vehicles-other")))
    assert kept["organisation"].tolist() == ["Region Skåne", "Oslo kommune", "AP-HP"]


def test_options_are_the_distinct_values_present_without_blanks(needs):
    options = filter_options(needs)
    assert options["countries"] == ["DE", "FR", "NO", "SE"]
    assert options["org_types"] == ["hospital", "municipality", "region"]
    assert options["roles"] == ["buyer", "follow", "lead"]


def test_description_names_every_filter_in_plain_words():
    sentence = describe_filters(
        Filters(sectors=("healthcare",), countries=("SE", "FR"), horizon_months=12, search="bus"),
        {"sectors": {"healthcare": "Healthcare"}},
    )
    assert sentence == (
        "Filtered on sector: Healthcare; country: SE, FR; plans to buy within 12 months; text contains 'bus'."
    )
    assert describe_filters(Filters()) == "No filter: every need is included."


def test_filtering_100k_needs_is_fast():
    rng = np.random.default_rng(0)
    size = 100_000
    large = pd.DataFrame(
        {
            "organisation": pd.Series([f"Org {i % 20_000}" for i in range(size)], dtype="string"),
            "country": rng.choice(["SE", "DE", "FR", "NO", "ES"], size),
            "org_type": rng.choice(["municipality", "region"], size),
            "role": rng.choice(["lead", "buyer", "follow"], size),
            "sector": rng.choice(["healthcare", "vehicles", "construction"], size),
            "cluster": rng.choice(["healthcare-1", "vehicles-1", "construction-1"], size),
            "procurement_horizon_months": rng.integers(0, 48, size).astype(float),
            "need_text": pd.Series(
                rng.choice(["electric buses", "hospital beds", "timber"], size), dtype="string"
            ),
        }
    )
    chosen = Filters(countries=("SE", "DE"), roles=("lead", "buyer"), horizon_months=24, search="bus")
    started = time.perf_counter()
    mask = filter_mask(large, chosen)
    elapsed = time.perf_counter() - started
    expected = (
        large["country"].isin(["SE", "DE"])
        & large["role"].isin(["lead", "buyer"])
        & large["procurement_horizon_months"].le(24)
        & large["need_text"].str.contains("bus")
    )
    assert mask.equals(expected.astype(bool))
    assert elapsed < 0.5
