"""Placing need statements in sectors: accuracy on hand-labelled statements in 12 languages, and behaviour."""

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis.classify import (
    CONFIDENCE_THRESHOLD,
    MODEL_PATH,
    _blank_phrase,
    _model,
    classify_texts,
    model_arrays,
)
from analysis.taxonomy import UNCLASSIFIED, load_taxonomy

LABELLED = Path(__file__).resolve().parent / "data" / "labelled_needs.tsv"
# The accuracy README states: share of labelled statements whose sector is right, unclassified counting as
# wrong (except for the statements labelled unclassified). Measured 0.991 on the 536 statements.
CLAIMED_ACCURACY = 0.98
LANGUAGE_FLOOR = 0.93  # no language may fall below this (one or two misses in 44 statements)
SECTOR_IDS = set(load_taxonomy()["id"])


@pytest.fixture(scope="module")
def labelled() -> pd.DataFrame:
    """The hand-labelled statements with the sector the classifier gives each."""
    needs = pd.read_csv(LABELLED, sep="\t", dtype="string", keep_default_na=False)
    return needs.assign(predicted=classify_texts(needs["text"])["sector"])


def accuracy(needs: pd.DataFrame) -> float:
    """Share of statements whose predicted sector is their label."""
    return float(needs["predicted"].eq(needs["sector"]).mean())


def test_the_labelled_set_is_large_varied_and_uses_known_sectors(labelled):
    assert len(labelled) >= 360
    assert labelled["text"].is_unique
    assert labelled["language"].nunique() >= 6
    assert set(labelled["language"]) <= {
        "en",
        "sv",
        "de",
        "fr",
        "es",
        "it",
        "pl",
        "nl",
        "fi",
        "da",
        "no",
        "pt",
    }
    assert set(labelled["sector"]) <= SECTOR_IDS | {UNCLASSIFIED}
    assert labelled["sector"].isin(SECTOR_IDS).groupby(labelled["sector"]).any().sum() >= 12


def test_accuracy_on_the_labelled_set_is_at_least_what_readme_claims(labelled):
    assert accuracy(labelled) >= CLAIMED_ACCURACY


def test_accuracy_holds_in_every_language(labelled):
    by_language = labelled.groupby("language")[["predicted", "sector"]].apply(accuracy)
    assert by_language.ge(LANGUAGE_FLOOR).all(), by_language.round(3).to_dict()


def test_statements_that_name_no_sector_stay_unclassified(labelled):
    vague = labelled[labelled["sector"].eq(UNCLASSIFIED)]
    assert len(vague) >= 12
    assert vague["predicted"].eq(UNCLASSIFIED).mean() >= 0.9


@pytest.mark.parametrize(
    ("text", "sector", "division"),
    [
        ("Suministro de material sanitario", "healthcare", "33"),
        ("Rammeavtale om renhold", "cleaning", "90"),
        ("Zero-emission excavators", "construction_machinery", "43"),
        ("Elektriska sopbilar", "vehicles", "34"),
        ("Schulverpflegung bio", "food", "15"),
    ],
)
def test_short_real_procurement_wording_lands_in_its_sector(text, sector, division):
    result = classify_texts(pd.Series([text])).iloc[0]
    assert (result["sector"], result["cpv_division"]) == (sector, division)
    assert result["confidence"] >= CONFIDENCE_THRESHOLD


@pytest.mark.parametrize("text", ["asdkjh qwe zxcv", "lorem ipsum dolor sit amet", "N/A", "12345", "???"])
def test_gibberish_is_unclassified_with_low_confidence(text):
    result = classify_texts(pd.Series([text])).iloc[0]
    assert result["sector"] == UNCLASSIFIED
    assert pd.isna(result["cpv_division"])
    assert result["confidence"] < CONFIDENCE_THRESHOLD


def test_empty_and_missing_texts_have_zero_confidence():
    result = classify_texts(pd.Series(["", None, "   "], dtype="object"))
    assert result["sector"].eq(UNCLASSIFIED).all()
    assert result["confidence"].eq(0.0).all()


def test_placed_needs_have_a_two_digit_division_and_a_confidence_above_the_threshold(labelled):
    result = classify_texts(labelled["text"])
    placed = result[result["sector"].ne(UNCLASSIFIED)]
    assert placed["cpv_division"].str.fullmatch(r"\d{2}").all()
    assert placed["confidence"].ge(CONFIDENCE_THRESHOLD).all()
    assert result["confidence"].between(0, 1).all()


def test_result_keeps_the_input_index_and_repeated_texts_agree():
    texts = pd.Series(
        ["Ökostrom für Schulen", "LED-Straßenbeleuchtung", "Ökostrom für Schulen"], index=[7, 3, 9]
    )
    result = classify_texts(texts)
    assert result.index.tolist() == [7, 3, 9]
    assert list(result.columns) == ["sector", "cpv_division", "confidence"]
    assert result.loc[7].equals(result.loc[9])
    assert result.loc[3, "sector"] == "lighting"


def test_an_empty_series_gives_an_empty_frame():
    result = classify_texts(pd.Series([], dtype="string"))
    assert result.empty and list(result.columns) == ["sector", "cpv_division", "confidence"]


def test_the_same_texts_in_another_order_get_the_same_answers(labelled):
    texts = labelled["text"]
    first = classify_texts(texts)
    shuffled = classify_texts(texts.sample(frac=1.0, random_state=3))
    pd.testing.assert_frame_equal(first, shuffled.loc[first.index])


def test_a_keyword_of_one_sector_rules_out_the_sector_it_outranks():
    refuse_trucks = classify_texts(pd.Series(["Camiones eléctricos de recogida de residuos"])).iloc[0]
    waste_service = classify_texts(pd.Series(["Recogida de residuos orgánicos puerta a puerta"])).iloc[0]
    assert refuse_trucks["sector"] == "vehicles"
    assert waste_service["sector"] == "waste"


def test_a_hospital_as_the_place_served_does_not_make_a_food_need_a_healthcare_need():
    assert classify_texts(pd.Series(["Catering for the hospital"])).iloc[0]["sector"] == "food"
    assert classify_texts(pd.Series(["Medical devices for the hospital"])).iloc[0]["sector"] == "healthcare"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5))
def test_any_text_gets_a_known_sector_and_a_confidence_between_0_and_1(texts):
    result = classify_texts(pd.Series(texts, dtype="object"))
    assert len(result) == len(texts)
    assert result["sector"].isin(SECTOR_IDS | {UNCLASSIFIED}).all()
    assert result["confidence"].between(0, 1).all()
    assert result["cpv_division"].isna().eq(result["sector"].eq(UNCLASSIFIED)).all()


def test_the_shipped_model_is_a_fresh_count_of_the_reference_texts():
    fresh = model_arrays()
    with np.load(MODEL_PATH) as shipped:
        assert sorted(shipped.files) == sorted(fresh)
        stale = [
            name
            for name, values in fresh.items()
            if shipped[name].dtype != values.dtype or not np.array_equal(shipped[name], values)
        ]
    assert not stale, (
        f"{MODEL_PATH.name} is stale ({stale}): run python -m analysis.data.make_classifier_model"
    )


PHRASE_PIECES = st.sampled_from(sorted(_model().lexicon.phrases)) | st.text("ab ", max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(PHRASE_PIECES, min_size=1, max_size=6).map("".join))
def test_blanking_a_phrase_does_what_replacing_the_phrase_pattern_does(text):
    pattern = _model().lexicon.phrase_pattern
    match = pc.extract_regex(pa.array([text]), pattern)[0]
    assume(match.is_valid)
    replaced = pc.replace_substring_regex(pa.array([text]), pattern, " ", max_replacements=1)[0].as_py()
    assert _blank_phrase(text, match["phrase"].as_py()) == replaced
