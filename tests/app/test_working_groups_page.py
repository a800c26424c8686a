"""The Working groups page on the sample: ranked cards, controls that change them, and what-if tables."""

from dataclasses import replace

from analysis.filters import Filters, apply_filters
from analysis.groups import recommend
from ui.text import plain


def recommended(sample, needs=None, k=4):
    """What analysis.groups recommends with the default rules for these needs of the sample."""
    needs = sample.needs if needs is None else needs
    topics = replace(sample.topics, assignments=sample.topics.assignments.loc[needs.index])
    return recommend(needs, topics, k=k)


def card_titles(app) -> list[str]:
    """The numbered group card headings."""
    return [heading.value for heading in app.subheader]


def test_groups_page_shows_the_recommended_groups_in_order(open_page, sample):
    app = open_page("groups")
    assert app.title[0].value == "Working groups"
    expected = recommended(sample)
    assert expected.groups, "the sample should yield groups"
    assert card_titles(app) == [
        f"{rank}. {plain(group.label)}" for rank, group in enumerate(expected.groups, 1)
    ]
    rationales = [plain(group.rationale) for group in expected.groups]
    assert [block.value for block in app.markdown if block.value in rationales] == rationales
    assert len(app.get("plotly_chart")) == 1
    assert app.download_button[0].label == "Download the proposal as an Excel workbook"


def test_k_and_rules_change_the_cards(open_page, sample):
    app = open_page("groups")
    app.slider(key="groups_k").set_value(2).run()
    assert len(card_titles(app)) == min(2, len(recommended(sample, k=2).groups))
    app.number_input(key="rule_countries").set_value(30).run()
    assert card_titles(app) == []
    assert "No candidate group meets the rules" in app.warning[0].value


def test_a_filter_changes_the_groups(open_page, sample):
    app = open_page("groups")
    sector = sample.needs["sector"].value_counts().index[0]
    app.multiselect(key="sector").set_value([sector]).run()
    chosen = apply_filters(sample.needs, Filters(sectors=(sector,)))
    expected = recommended(sample, chosen)
    assert card_titles(app) == [
        f"{rank}. {plain(group.label)}" for rank, group in enumerate(expected.groups, 1)
    ]
    assert {group.sector for group in expected.groups} <= {sector}


def test_the_k_table_matches_separate_recommendations(open_page, sample):
    app = open_page("groups")
    table = next(frame.value for frame in app.dataframe if "Groups to form (K)" in frame.value.columns)
    for size, shown in zip(table["Groups to form (K)"], table["Groups recommended"], strict=True):
        labels = [group.label for group in recommended(sample, k=int(size)).groups]
        assert shown == ("; ".join(labels) or "none")


def test_infeasible_candidates_say_what_they_lack(open_page, sample):
    app = open_page("groups")
    expected = recommended(sample).not_feasible
    table = app.dataframe[-1].value
    assert len(table) == len(expected)
    assert table["lacks"].str.len().gt(0).all()


def test_one_rule_changes_are_compared_on_request(open_page, sample):
    app = open_page("groups")
    assert not any("Rules" in frame.value.columns for frame in app.dataframe)
    app.toggle(key="compare_rules").set_value(True).run()
    table = next(frame.value for frame in app.dataframe if "Rules" in frame.value.columns)
    rows = table.set_index("Rules")
    assert (
        rows.loc["No leader required", "Feasible candidates"]
        >= rows.loc["As set above", "Feasible candidates"]
    )
    assert (
        rows.loc["One country more", "Feasible candidates"] <= rows.loc["As set above", "Feasible candidates"]
    )
    labels = [group.label for group in recommended(sample).groups]
    assert rows.loc["As set above", "Groups recommended"] == "; ".join(labels)
