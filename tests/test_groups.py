"""Working-group candidates and recommendations, on hand-built scenarios whose right answer is known."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.errors import InputError
from analysis.groups import (
    Recommendation,
    Rules,
    Weights,
    candidates,
    proposal_sheets,
    recommend,
    recommendation_json,
)
from analysis.topics import TopicResult, cluster_needs

COUNTRIES = ["SE", "NO", "FI", "DK", "DE", "NL", "FR", "ES", "IT", "PL", "PT", "IE"]


def member(
    organisation: str,
    cluster: str,
    country: str = "SE",
    role: str | None = "buyer",
    budget: float | None = None,
    horizon: float | None = None,
    market: str | None = None,
    org_type: str = "municipality",
) -> dict:
    """One need row, already placed in a cluster ('<sector>-<n>' or '<sector>-other')."""
    return {
        "organisation": organisation,
        "cluster": cluster,
        "country": country,
        "role": role,
        "budget_eur": budget,
        "procurement_horizon_months": horizon,
        "market_solution": market,
        "org_type": org_type,
    }


def scenario(rows: list[dict], labels: dict[str, str] | None = None) -> tuple[pd.DataFrame, TopicResult]:
    """A needs frame and a TopicResult built by hand from member rows (no clustering involved)."""
    frame = pd.DataFrame(rows, index=pd.RangeIndex(10, 10 + len(rows)))  # an index not starting at 0
    sector = frame["cluster"].str.rsplit("-", n=1).str[0]
    needs = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(len(frame))],
            "organisation": frame["organisation"],
            "org_type": frame["org_type"],
            "country": frame["country"],
            "need_text": "a need",
            "language": pd.array(["en"] * len(frame), dtype="string"),
            "sector": sector,
            "cpv_division": "34",
            "confidence": 1.0,
            "role": pd.array(frame["role"], dtype="string"),
            "budget_eur": pd.array(frame["budget_eur"], dtype="Float64"),
            "procurement_horizon_months": pd.array(frame["procurement_horizon_months"], dtype="Float64"),
            "market_solution": pd.array(frame["market_solution"], dtype="string"),
            "source_file": "survey.xlsx",
            "source_row": range(2, len(frame) + 2),
        },
        index=frame.index,
    )
    assignments = pd.DataFrame(
        {"cluster": frame["cluster"].to_numpy(), "x": 0.0, "y": 0.0}, index=needs.index
    )
    labels = labels or {}
    clusters = pd.DataFrame(
        [
            {
                "cluster": name,
                "sector": name.rsplit("-", 1)[0],
                "label": "other" if name.endswith("-other") else labels.get(name, name),
                "size": int((frame["cluster"] == name).sum()),
                "organisations": frame.loc[frame["cluster"] == name, "organisation"].nunique(),
                "countries": sorted(frame.loc[frame["cluster"] == name, "country"].dropna().unique()),
                "languages": ["en"],
                "quotes": [f"quote of {name}"],
                "is_other": name.endswith("-other"),
            }
            for name in sorted(frame["cluster"].unique())
        ]
    )
    return needs, TopicResult(assignments, clusters)


def team(
    prefix: str, cluster: str, size: int, leaders: int = 1, countries: int = 5, **answers: object
) -> list[dict]:
    """size organisations named prefix 1..size in one cluster, the first `leaders` willing to lead."""
    return [
        member(
            f"{prefix} {i + 1}",
            cluster,
            country=COUNTRIES[i % countries],
            role="lead" if i < leaders else "buyer",
            **answers,
        )
        for i in range(size)
    ]


def chosen(rec: Recommendation) -> list[str]:
    return [group.cluster for group in rec.groups]


def test_a_cluster_without_a_willing_leader_is_never_recommended():
    rows = team("Big", "vehicles-1", 20, leaders=0, countries=10, budget=5e6, horizon=6, market="none")
    rows += team("Small", "energy-1", 6, leaders=1, countries=3)
    needs, topics = scenario(rows)
    rec = recommend(needs, topics, k=4)
    assert chosen(rec) == ["energy-1"]
    lacking = rec.not_feasible.set_index("candidate")
    assert lacking.at["vehicles-1", "lacks"] == "needs a leader"
    table = rec.candidates.set_index("candidate")
    assert table.at["vehicles-1", "score"] > table.at["energy-1", "score"]  # best score, still not chosen


def test_coverage_beats_a_near_duplicate_of_a_chosen_group():
    rows = team("Shared", "vehicles-1", 10, budget=2e6, horizon=6)
    rows += team("Shared", "vehicles-2", 10, budget=1e6, horizon=6)  # the same 10 organisations again
    rows += team("Other", "energy-1", 6, countries=3)
    needs, topics = scenario(rows)
    rec = recommend(needs, topics, k=2)
    table = rec.candidates.set_index("candidate")
    assert (
        table.at["vehicles-2", "score"] > table.at["energy-1", "score"]
    )  # by score alone it would come second
    assert chosen(rec) == ["vehicles-1", "energy-1"]
    assert table.at["energy-1", "rank"] == 2 and pd.isna(table.at["vehicles-2", "rank"])


def test_a_group_adding_no_new_organisation_is_not_taken_even_with_room_left():
    rows = team("Shared", "vehicles-1", 10, budget=2e6) + team("Shared", "vehicles-2", 10)
    needs, topics = scenario(rows)
    assert chosen(recommend(needs, topics, k=4)) == ["vehicles-1"]


def test_changing_a_weight_changes_the_order_as_expected():
    rows = team("Many", "vehicles-1", 12, budget=1e5)  # many organisations, small budgets
    rows += team("Rich", "energy-1", 6, budget=5e7)  # fewer organisations, large budgets
    needs, topics = scenario(rows)
    assert chosen(recommend(needs, topics, k=2)) == ["vehicles-1", "energy-1"]
    budget_first = Weights(organisations=1, countries=0, leaders=0, buyers=0, budget=5, soon=0, unmet=0)
    assert chosen(recommend(needs, topics, k=2, weights=budget_first)) == ["energy-1", "vehicles-1"]


def test_the_same_input_gives_the_same_answer():
    rows = team("A", "vehicles-1", 8, budget=1e6, horizon=10) + team("B", "vehicles-2", 7, leaders=2)
    rows += team("C", "energy-1", 9, countries=4, market="none") + team("D", "energy-2", 3)
    needs, topics = scenario(rows)
    first, second = recommend(needs, topics, k=3), recommend(needs, topics, k=3)
    assert recommendation_json(first) == recommendation_json(second)
    pd.testing.assert_frame_equal(first.candidates, second.candidates)


def test_ties_go_to_more_organisations_then_label_then_candidate():
    rows = team("X", "vehicles-1", 6) + team("Y", "vehicles-2", 6)  # identical measures, different labels
    needs, topics = scenario(rows, labels={"vehicles-1": "zebra crossings", "vehicles-2": "amber lights"})
    assert chosen(recommend(needs, topics, k=2)) == ["vehicles-2", "vehicles-1"]


@pytest.mark.parametrize(
    ("organisations", "countries", "leaders", "lacks"),
    [
        (5, 3, 1, ""),
        (4, 3, 1, "1 more organisation"),
        (3, 2, 1, "2 more organisations, 1 more country"),
        (6, 1, 0, "needs a leader, 2 more countries"),
    ],
)
def test_default_rules_say_what_a_candidate_lacks(organisations, countries, leaders, lacks):
    needs, topics = scenario(team("Org", "vehicles-1", organisations, leaders=leaders, countries=countries))
    row = candidates(needs, topics).set_index("candidate").loc["vehicles-1"]
    assert row["lacks"] == lacks
    assert bool(row["feasible"]) is (lacks == "")


def test_changed_rules_make_a_candidate_feasible_or_not():
    needs, topics = scenario(team("Org", "vehicles-1", 4, leaders=1, countries=2))
    loose = Rules(min_leaders=1, min_organisations=4, min_countries=2)
    assert candidates(needs, topics, loose)["feasible"].tolist() == [True]
    strict = Rules(min_leaders=3, min_organisations=4, min_countries=2)
    assert candidates(needs, topics, strict)["lacks"].tolist() == ["needs 2 more leaders"]


def test_a_whole_sector_is_a_candidate_when_all_its_clusters_are_too_small():
    rows = team("A", "healthcare-1", 3, leaders=1, countries=3)
    rows += team("B", "healthcare-2", 3, leaders=0, countries=3)
    rows += [member("Lone clinic", "healthcare-other", country="IT")]
    needs, topics = scenario(rows)
    table = candidates(needs, topics).set_index("candidate")
    whole = table.loc["healthcare-all"]
    assert whole["kind"] == "sector" and whole["organisations"] == 7 and bool(whole["feasible"])
    assert not table.loc[["healthcare-1", "healthcare-2"], "feasible"].any()
    assert "healthcare" in whole["label"]
    rec = recommend(needs, topics)
    assert chosen(rec) == ["healthcare-all"]
    assert rec.groups[0].quotes == ["quote of healthcare-1", "quote of healthcare-2"]


def test_no_whole_sector_candidate_when_a_cluster_is_big_enough():
    rows = team("A", "healthcare-1", 6) + team("B", "healthcare-2", 2)
    needs, topics = scenario(rows)
    assert "healthcare-all" not in set(candidates(needs, topics)["candidate"])


def test_measures_count_each_organisation_once():
    rows = [
        member("Oslo kommune", "vehicles-1", "NO", role="follow", budget=2e6, horizon=30),
        member("Oslo kommune", "vehicles-1", "NO", role="lead", budget=2e6, horizon=8, market="none"),
        member("Helsingin kaupunki", "vehicles-1", "FI", role=None, budget=None, horizon=20),
        member("Københavns Kommune", "vehicles-1", "DK", role="buyer", budget=1e6, market="partial"),
    ]
    needs, topics = scenario(rows)
    row = candidates(needs, topics).set_index("candidate").loc["vehicles-1"]
    assert (row["organisations"], row["countries"], row["leaders"], row["buyers"], row["followers"]) == (
        3,
        3,
        1,
        1,
        1,
    )
    assert row["budget_eur"] == 3e6
    assert row["share_12m"] == pytest.approx(1 / 3) and row["share_24m"] == pytest.approx(2 / 3)
    assert row["unmet_share"] == pytest.approx(1 / 3)
    assert row["country_list"] == ["DK", "FI", "NO"]


def test_score_is_the_sum_of_its_parts_between_0_and_1():
    rows = team("A", "vehicles-1", 8, budget=1e6, horizon=10) + team("B", "energy-1", 5, market="none")
    needs, topics = scenario(rows)
    table = candidates(needs, topics)
    parts = table[[column for column in table.columns if column.startswith("score_")]].sum(axis=1)
    np.testing.assert_allclose(parts, table["score"])
    assert table["score"].between(0, 1).all()
    assert table["score"].is_monotonic_decreasing


def test_group_names_ranked_leaders_members_and_a_rationale_from_its_numbers():
    rows = [
        member("Helsingin kaupunki", "vehicles-1", "FI", role="lead", budget=5e6, horizon=12, market="none"),
        member("Oslo kommune", "vehicles-1", "NO", role="lead", budget=2e7, horizon=6, market="none"),
        member("Aarhus Kommune", "vehicles-1", "DK", role="lead", budget=None, horizon=3, market="none"),
        member("Berlin", "vehicles-1", "DE", role="buyer", budget=1.62e7, horizon=9, market="none"),
        member("Rotterdam", "vehicles-1", "NL", role="buyer", horizon=18, market="partial"),
        member("Lyon", "vehicles-1", "FR", role=None, horizon=36, market="none"),
        member("Madrid", "vehicles-1", "ES", role="follow", horizon=None, market="available"),
    ]
    needs, topics = scenario(rows, labels={"vehicles-1": "electric · waste · trucks"})
    group = recommend(needs, topics).groups[0]
    assert group.leaders == ["Oslo kommune", "Helsingin kaupunki", "Aarhus Kommune"]
    assert group.members["role"].tolist() == ["lead"] * 3 + ["buyer"] * 2 + ["follow"] * 2
    assert group.members.columns.tolist() == ["organisation", "country", "org_type", "role", "budget_eur"]
    assert group.countries == ["DE", "DK", "ES", "FI", "FR", "NL", "NO"]
    assert group.budget_eur == pytest.approx(4.12e7)
    assert group.rationale == (
        "7 organisations from 7 countries share this need (electric · waste · trucks); "
        "Oslo kommune, Helsingin kaupunki and Aarhus Kommune are willing to lead; "
        "4 plan to buy within 12 months and 5 within 24 months; "
        "combined stated budget €41.2 million (3 of 7 stated one); "
        "5 of 7 say no suitable solution is on the market."
    )
    assert group.quotes == ["quote of vehicles-1"]


def test_recommendation_json_holds_plain_types_only():
    rows = team("A", "vehicles-1", 6, budget=1e6) + team("C", "energy-1", 2, leaders=0)
    rows.append(member("B", "vehicles-1", country=None, role=None))
    needs, topics = scenario(rows)
    payload = recommendation_json(recommend(needs, topics))
    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
    group = payload["groups"][0]
    assert set(group) == {
        "label",
        "sector",
        "members",
        "leaders",
        "countries",
        "budget_eur",
        "score",
        "rationale",
    }
    assert {"organisation": "B", "country": None, "role": "follow"} in group["members"]
    assert payload["not_feasible"] == [
        {
            "label": "energy-1",
            "sector": "energy",
            "lacks": "needs a leader, 3 more organisations, 1 more country",
        }
    ]


def test_proposal_sheets_have_safe_unique_names_and_open_in_excel(tmp_path):
    long_label = "recycled: plastics / [concrete] * steel? \\ timber · insulation · glass"
    rows = team("A", "construction-1", 6) + team("B", "construction-2", 6) + team("C", "energy-1", 5)
    labels = {"construction-1": long_label, "construction-2": long_label, "energy-1": "heat · pumps"}
    needs, topics = scenario(rows, labels)
    sheets = proposal_sheets(recommend(needs, topics, k=3))
    names = list(sheets)
    assert names[0] == "Summary" and len(names) == 4
    assert len({name.lower() for name in names}) == len(names)
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    summary = sheets["Summary"]
    expected = [
        "rank",
        "label",
        "sector",
        "organisations",
        "countries",
        "leaders",
        "budget_eur",
        "score",
        "rationale",
    ]
    assert summary.columns.tolist() == expected
    assert summary["rank"].tolist() == [1, 2, 3]
    path = tmp_path / "proposal.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    workbook = load_workbook(path)
    assert workbook.sheetnames == names
    header = [cell.value for cell in workbook[names[1]][1]]
    assert header == ["organisation", "country", "org_type", "role", "budget_eur"]


@pytest.mark.parametrize(
    "make",
    [
        lambda: Rules(min_countries=-1),
        lambda: Rules(min_organisations=2.5),
        lambda: Weights(organisations=-1),
        lambda: Weights(0, 0, 0, 0, 0, 0, 0),
        lambda: Weights(budget=float("nan")),
    ],
)
def test_settings_a_user_gets_wrong_raise_input_error(make):
    with pytest.raises(InputError):
        make()


def test_asking_for_no_groups_raises_input_error():
    needs, topics = scenario(team("A", "vehicles-1", 6))
    with pytest.raises(InputError, match="number of groups"):
        recommend(needs, topics, k=0)


def test_needs_already_joined_with_their_clusters_are_accepted():
    needs, topics = scenario(team("A", "vehicles-1", 6))
    joined = needs.join(topics.assignments)
    assert recommendation_json(recommend(joined, topics)) == recommendation_json(recommend(needs, topics))


def test_recommends_groups_from_clusters_of_multilingual_needs():
    trucks = [
        ("en", "Electric refuse trucks for household waste collection"),
        ("en", "Battery-electric waste collection vehicles with enough range for a shift"),
        ("en", "Zero-emission waste trucks for narrow streets"),
        ("en", "Heavy-duty electric trucks for waste and recycling rounds"),
        ("de", "Elektrische Müllfahrzeuge für die Abfallsammlung"),
        ("de", "Batterieelektrische Abfallsammelfahrzeuge für die Müllabfuhr"),
        ("de", "Emissionsfreie Müllfahrzeuge für die Innenstadt"),
        ("de", "Elektro-Müllwagen für die Wertstoffabfuhr"),
        ("sv", "Eldrivna sopbilar för insamling av hushållsavfall"),
        ("sv", "Elektriska avfallsfordon för sophämtning"),
        ("sv", "Utsläppsfria sopbilar för innerstaden"),
        ("sv", "Elektriska sopbilar med räckvidd för ett helt arbetspass"),
    ]
    bikes = [
        ("en", "E-bikes and cargo bikes for municipal staff"),
        ("en", "Electric cargo bikes for park maintenance crews"),
        ("en", "A pool of electric bicycles for home care workers"),
        ("en", "Shared e-bikes for employees instead of pool cars"),
        ("de", "E-Bikes und Lastenräder für Dienstfahrten"),
        ("de", "Elektrische Lastenfahrräder für die Grünflächenpflege"),
        ("de", "Pedelecs und E-Lastenräder für den Pflegedienst"),
        ("de", "Dienstfahrräder mit Elektroantrieb für Mitarbeitende"),
        ("sv", "Elcyklar och lastcyklar för hemtjänstens personal"),
        ("sv", "Ellastcyklar för parkförvaltningens arbetslag"),
        ("sv", "Elcyklar som tjänstecyklar för kommunens anställda"),
        ("sv", "Lånecyklar med elassistans för personalens tjänsteresor"),
    ]
    texts = trucks + bikes
    country = {"en": "IE", "de": "DE", "sv": "SE"}
    rows = [
        member(f"Org {i}", "vehicles-1", country[language], role="lead" if i in (0, 12) else "buyer")
        for i, (language, _) in enumerate(texts)
    ]
    needs, _ = scenario(rows)
    needs["need_text"] = [text for _, text in texts]
    needs["language"] = pd.array([language for language, _ in texts], dtype="string")
    rec = recommend(needs, cluster_needs(needs), k=2)
    members = sorted(
        sorted(group.members["organisation"], key=lambda name: int(name.split()[1])) for group in rec.groups
    )
    assert members == [[f"Org {i}" for i in range(12)], [f"Org {i}" for i in range(12, 24)]]
