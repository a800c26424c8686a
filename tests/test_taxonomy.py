"""The sector taxonomy: names in 12 languages, CPV divisions covered once, ticked labels and codes mapped."""

import gzip
import json

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.classify import CPV_LABELS_PATH, _keyword_table
from analysis.taxonomy import (
    UNCLASSIFIED,
    excluded_divisions,
    fold_each,
    fold_text,
    load_taxonomy,
    sector_name,
    sector_of_division,
    sector_of_label,
    sectors_of_codes,
    taxonomy_records,
)

LANGUAGES = ("en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "no", "pt")
# The CPV divisions ../shared/DOMAIN.md names as the sectors procurement officers know.
DOMAIN_DIVISIONS = (  # noqa: SIM905 - one line of two-digit codes reads best
    "03 09 15 18 22 30 31 32 33 34 35 38 39 42 43 44 45 48 50 55 60 64 65 66 71 72 73 75 77 79 80 85 90 92"
).split()
TAXONOMY = load_taxonomy()
SECTOR_IDS = set(TAXONOMY["id"])


def cpv_divisions() -> set[str]:
    """Every division of the shipped CPV 2008 code list."""
    with gzip.open(CPV_LABELS_PATH, "rt", encoding="utf-8") as handle:
        return set(pd.read_csv(handle, sep="\t", dtype=str, usecols=["division"])["division"])


def test_there_are_15_to_20_sectors_with_unique_ids_and_english_names():
    assert 15 <= len(TAXONOMY) <= 20
    assert TAXONOMY["id"].is_unique and TAXONOMY["name"].is_unique
    assert UNCLASSIFIED not in SECTOR_IDS


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sector_has_a_name_in_each_survey_language(language):
    names = TAXONOMY["names"].map(lambda by_language: by_language.get(language, "").strip())
    assert names.ne("").all(), TAXONOMY.loc[names.eq(""), "id"].tolist()
    assert names.is_unique


def test_each_cpv_division_belongs_to_one_sector_at_most():
    owned = TAXONOMY["cpv_divisions"].explode().dropna()
    assert owned.str.fullmatch(r"\d{2}").all()
    assert owned.is_unique, owned[owned.duplicated()].tolist()


def test_every_cpv_division_is_in_a_sector_or_left_out_with_a_reason():
    owned = set(TAXONOMY["cpv_divisions"].explode().dropna())
    left_out = excluded_divisions()
    assert not owned & set(left_out)
    assert all(reason.strip() for reason in left_out.values())
    assert set(DOMAIN_DIVISIONS) <= owned | set(left_out)
    assert cpv_divisions() <= owned | set(left_out)


def test_finer_cpv_prefixes_are_unique_and_longer_than_a_division():
    prefixes = TAXONOMY["cpv_prefixes"].explode().dropna()
    assert prefixes.str.fullmatch(r"\d{3,7}").all()
    assert prefixes.is_unique


def test_every_sector_reaches_cpv_codes_by_division_or_prefix():
    reach = TAXONOMY["cpv_divisions"].map(len) + TAXONOMY["cpv_prefixes"].map(len)
    assert reach.gt(0).all()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_ticked_option_in_any_language_maps_to_its_sector(language):
    for sector_id, names in zip(TAXONOMY["id"], TAXONOMY["names"], strict=True):
        assert sector_of_label(names[language]) == sector_id, names[language]


@pytest.mark.parametrize(
    ("label", "sector"),
    [
        ("  HÄLSO- OCH SJUKVÅRD ", "healthcare"),  # case and spaces
        ("Halso- och sjukvard", "healthcare"),  # accents dropped
        ("Gezondheidzorg", "healthcare"),  # one letter missing
        ("Vehicles & mobility", "vehicles"),
        ("Construction", "construction"),  # a common shorter wording
        ("Abfall", "waste"),
        ("IT", "ict"),
        ("Catering", "food"),
        ("green_space", "green_space"),  # the id itself
        ("3. Energy", "energy"),  # a numbered option is not CPV division 03
        ("12) Lighting", "lighting"),
    ],
)
def test_ticked_options_match_despite_case_accents_and_small_variations(label, sector):
    assert sector_of_label(label) == sector


@pytest.mark.parametrize(
    ("label", "sector"),
    [
        ("45000000-7", "construction"),
        ("45000000", "construction"),
        ("33", "healthcare"),
        ("CPV 90911000-6", "cleaning"),  # cleaning services sit in division 90, owned by waste
        ("39800000-0", "cleaning"),  # cleaning products sit in division 39, owned by furniture
        ("39100000-3", "furniture"),
        ("31527200-8", "lighting"),
        ("90500000-2 Refuse and waste related services", "waste"),
        ("3", "food"),  # division 03 after a spreadsheet dropped its zero
        (45.0, "construction"),  # a code a spreadsheet stored as a number
    ],
)
def test_cpv_codes_map_to_the_sector_of_their_longest_prefix(label, sector):
    assert sector_of_label(label) == sector


@pytest.mark.parametrize("label", ["", "   ", "foo", "Something else entirely", "24", "99000000", None, 3.5])
def test_labels_that_name_no_sector_map_to_none(label):
    assert sector_of_label(label) is None


def test_divisions_map_to_their_owner_and_unowned_ones_to_none():
    assert sector_of_division("45") == "construction"
    assert sector_of_division("9") == "energy"
    assert sector_of_division("24") is None
    assert sector_of_division("99") is None
    assert sector_of_division("451") is None


def test_codes_are_placed_in_bulk_by_longest_prefix():
    codes = pd.Series(["90911000", "90511000", "90400000", "24100000", "45"], index=[5, 6, 7, 8, 9])
    placed = sectors_of_codes(codes)
    assert placed.index.tolist() == [5, 6, 7, 8, 9]
    assert placed.iloc[:3].tolist() == ["cleaning", "waste", "water"]
    assert placed.iloc[3] is pd.NA and placed.iloc[4] == "construction"


def test_sector_names_are_english_and_unknown_ids_fail_loudly():
    assert sector_name("ict") == "ICT"
    assert sector_name("healthcare") == "Healthcare"
    assert sector_name(UNCLASSIFIED) == "Unclassified"
    with pytest.raises(KeyError):
        sector_name("space_travel")


def test_records_for_the_command_line_are_plain_json():
    records = taxonomy_records()
    assert [record["id"] for record in records] == TAXONOMY["id"].tolist()
    decoded = json.loads(json.dumps(records))
    assert all({"id", "name", "cpv_divisions", "cpv_prefixes"} <= set(record) for record in decoded)


def test_load_taxonomy_hands_out_a_copy():
    changed = load_taxonomy()
    changed.loc[0, "name"] = "Changed"
    changed.loc[0, "cpv_divisions"].append("99")
    fresh = load_taxonomy()
    assert fresh.loc[0, "name"] != "Changed"
    assert "99" not in fresh.loc[0, "cpv_divisions"]
    assert "99" not in taxonomy_records()[0]["cpv_divisions"]


def test_names_and_aliases_never_point_to_two_sectors():
    labels = pd.concat(
        [
            TAXONOMY.set_index("id")["names"].map(lambda names: list(names.values())).explode(),
            TAXONOMY.set_index("id")["aliases"].explode(),
        ]
    )
    folded = pd.DataFrame({"label": fold_text(pd.Series(labels.to_numpy())), "id": labels.index})
    owners = folded.drop_duplicates().groupby("label")["id"].nunique()
    assert owners.le(1).all(), owners[owners.gt(1)].index.tolist()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sector_has_keywords_in_each_language(language):
    keywords = _keyword_table()
    with_keywords = set(
        keywords.loc[keywords["language"].eq(language) & keywords["weight"].eq(1.0), "sector"]
    )
    assert with_keywords == SECTOR_IDS


def test_no_keyword_stem_belongs_to_two_sectors():
    keywords = _keyword_table()
    owners = keywords.groupby(["stem", "whole", "inside", "phrase"])["sector"].nunique()
    assert owners.le(1).all(), owners[owners.gt(1)].index.tolist()


@given(st.text(max_size=60))
def test_any_label_maps_to_a_known_sector_or_none(label):
    assert sector_of_label(label) in SECTOR_IDS | {None}


# Whitespace of several kinds, and characters that fold to nothing, to a space or to two letters.
FOLD_TRICKY = st.sampled_from(" \t\n\u00a0\u2003\u3000-'.,/´¨\u0301ßØæİÅﬁ½Ⅻ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.none() | st.text(st.characters(codec="utf-8") | FOLD_TRICKY, max_size=30), max_size=6))
def test_folding_each_distinct_token_gives_what_folding_each_whole_text_gives(texts):
    series = pd.Series(texts, dtype="string")
    whole = fold_each(pa.array(series.fillna(""), type=pa.string())).to_pylist()
    assert fold_text(series).tolist() == whole
