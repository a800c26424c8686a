"""Working groups: which groups to form, around which need, with whom, and why."""

from dataclasses import fields, replace

import pandas as pd
import streamlit as st

from analysis import charts
from analysis.export import download_name, to_xlsx_bytes
from analysis.filters import describe_filters
from analysis.groups import DEFAULT_GROUPS, Rules, Weights, proposal_sheets
from ui import filters, state, views
from ui.text import plain

MAX_GROUPS = 8
COMPARED_K = range(1, 7)  # the K values the 'what changes' table compares
WEIGHT_LABELS = {
    "organisations": "Organisations sharing the need",
    "countries": "Countries they come from",
    "leaders": "Organisations willing to lead",
    "buyers": "Organisations planning to buy",
    "budget": "Combined stated budget",
    "soon": "Share buying within 12 months",
    "unmet": "Share saying the market has no solution",
}

st.title("Working groups")
analysis = state.analysis_or_stop()
needs = filters.filtered_needs(analysis)
views.context_caption(analysis, len(needs))
views.stop_if_empty(analysis, needs)

default_rules, default_weights = Rules(), Weights()
groups_box, organisations_box, countries_box, leaders_box = st.columns(4)
k = groups_box.slider(
    "Groups to form (K)", 1, MAX_GROUPS, DEFAULT_GROUPS, key="groups_k", persist_state="session"
)
rules = Rules(
    min_organisations=organisations_box.number_input(
        "At least organisations",
        1,
        100,
        default_rules.min_organisations,
        key="rule_organisations",
        persist_state="session",
    ),
    min_countries=countries_box.number_input(
        "At least countries",
        1,
        30,
        default_rules.min_countries,
        key="rule_countries",
        persist_state="session",
    ),
    min_leaders=leaders_box.number_input(
        "At least willing leaders",
        0,
        10,
        default_rules.min_leaders,
        key="rule_leaders",
        persist_state="session",
    ),
)
with st.expander("Weights of the score"):
    st.caption(
        "A candidate's score is a weighted sum of its measures, each divided by the largest candidate's "
        "(shares stay as they are). A weight of 0 leaves a measure out."
    )
    weight_columns = st.columns(4)
    weights = Weights(
        **{
            field.name: weight_columns[index % 4].slider(
                WEIGHT_LABELS.get(field.name, field.name),
                0.0,
                3.0,
                float(getattr(default_weights, field.name)),
                0.25,
                key=f"weight_{field.name}",
                persist_state="session",
            )
            for index, field in enumerate(fields(Weights))
        }
    )

chosen_filters = filters.current_filters()
recommendation = state.recommendation(needs, analysis, chosen_filters, k, rules, weights)
labels = [group.label for group in recommendation.groups]
if not recommendation.groups:
    st.warning(
        "No candidate group meets the rules. Lower the minimum organisations, countries or leaders above, "
        "or widen the filters in the sidebar."
    )
else:
    note = "Working-group proposal. " + describe_filters(chosen_filters, views.filter_labels(analysis))
    st.download_button(
        "Download the proposal as an Excel workbook",
        data=lambda: to_xlsx_bytes(proposal_sheets(recommendation), note),
        file_name=download_name("working-group-proposal", "xlsx", False),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key="download_proposal",
    )
st.header("Recommended groups")
for rank, group in enumerate(recommendation.groups, 1):
    with st.container(border=True):
        st.subheader(f"{rank}. {plain(group.label)}")
        st.caption(
            f"{charts.SECTOR_NAMES.get(group.sector, group.sector)} · score {group.score:.2f} · {len(group.members)} members · "
            f"{len(group.countries)} countries ({plain(', '.join(group.countries))}) · "
            f"€{group.budget_eur / 1e6:,.1f} M stated budget"
        )
        st.markdown(plain(group.rationale))
        st.markdown("**Proposed leaders, best first:** " + (plain(", ".join(group.leaders)) or "none yet"))
        for quote in group.quotes:
            st.markdown(f"> {plain(quote)}")
        with st.expander(f"Members and proposed roles ({len(group.members)})"):
            st.dataframe(group.members, hide_index=True)

if not recommendation.candidates.empty:
    views.chart(charts.score_chart(recommendation.candidates, labels), key="groups_scores")

st.header("What changes if you change K or a rule")
st.caption("Groups are picked one at a time, so a larger K keeps the groups of a smaller K and adds to them.")
longest = state.recommendation(needs, analysis, chosen_filters, max(COMPARED_K), rules, weights)
st.dataframe(
    pd.DataFrame(
        {
            "Groups to form (K)": list(COMPARED_K),
            "Groups recommended": [
                "; ".join(g.label for g in longest.groups[:size]) or "none" for size in COMPARED_K
            ],
        }
    ),
    hide_index=True,
)
# Each variant is a full recommendation, costly on large data, so the comparison is drawn on request.
if st.toggle("Compare what changing one rule would do", key="compare_rules", persist_state="session"):
    variants = {
        "As set above": rules,
        "One organisation fewer": replace(rules, min_organisations=max(1, rules.min_organisations - 1)),
        "One organisation more": replace(rules, min_organisations=rules.min_organisations + 1),
        "One country fewer": replace(rules, min_countries=max(1, rules.min_countries - 1)),
        "One country more": replace(rules, min_countries=rules.min_countries + 1),
        "No leader required": replace(rules, min_leaders=0),
    }
    by_rule = {
        name: state.recommendation(needs, analysis, chosen_filters, k, rule, weights)
        for name, rule in variants.items()
    }
    st.dataframe(
        pd.DataFrame(
            {
                "Rules": list(by_rule),
                "Feasible candidates": [int(rec.candidates["feasible"].sum()) for rec in by_rule.values()],
                "Groups recommended": [
                    "; ".join(g.label for g in rec.groups) or "none" for rec in by_rule.values()
                ],
            }
        ),
        hide_index=True,
    )

st.header("Candidates that are not feasible")
if recommendation.not_feasible.empty:
    st.caption("Every candidate meets the rules.")
else:
    st.caption("They stay visible with what they lack, so you can decide whether to recruit for them.")
    st.dataframe(
        recommendation.not_feasible.assign(sector=charts.name_sectors(recommendation.not_feasible["sector"])),
        hide_index=True,
        column_order=["label", "sector", "lacks"],
        column_config={"label": "Candidate", "sector": "Sector", "lacks": "What it lacks"},
    )
