"""Working-group candidates, their transparent scores, and the K groups to recommend, each explained.

A candidate is a cluster of needs (not a sector's 'other'), or a whole sector whose clusters all have
fewer organisations than the rules ask for. Every measure counts distinct organisations: an
organisation's role is the strongest it gave (lead > buyer > follow; no answer counts as follow),
its budget the largest it stated within the candidate (one budget repeated over several need rows is
counted once), its horizon the soonest, and it counts as unmet if any of its answers says no
suitable solution is on the market.

Score: a weighted sum of normalised measures, divided by the sum of the weights, so it lies in 0..1.
Counts (organisations, countries, leaders, buyers) are divided by the largest among all candidates;
the budget is normalised on a log scale (log(1 + budget) / log(1 + largest budget)) because budgets
span orders of magnitude; the shares buying soon and saying the need is unmet are already 0..1.
Each weighted part is kept as a column 'score_<measure>' and the parts add up to 'score'.

Choosing K groups: greedy. Each round takes the feasible candidate with the highest marginal score,
score x (share of its organisations not yet in a chosen group), so K groups reach as many buyers as
possible instead of repeating one need; a candidate adding no new organisation is never taken.
Ties go to more organisations, then the label alphabetically, then the candidate id.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from analysis.errors import InputError
from analysis.taxonomy import UNCLASSIFIED
from analysis.topics import OTHER, TopicResult, sorted_distinct

MIN_LEADERS = 1
MIN_ORGANISATIONS = 5
MIN_COUNTRIES = 3
DEFAULT_GROUPS = 4
SOON_MONTHS = 12
LATER_MONTHS = 24
ROLES = ("lead", "buyer", "follow")  # strongest first
SECTOR_SUFFIX = "all"  # a whole-sector candidate is '<sector>-all'
MEASURES = {  # weight name -> candidate column it weighs
    "organisations": "organisations",
    "countries": "countries",
    "leaders": "leaders",
    "buyers": "buyers",
    "budget": "budget_eur",
    "soon": "share_12m",
    "unmet": "unmet_share",
}
LEADERS_NAMED = 3  # a rationale names at most this many leaders
SHEET_NAME_LENGTH = 31  # Excel's limit
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Rules:
    """What a working group needs before it can start; the user can change each threshold."""

    min_leaders: int = MIN_LEADERS
    min_organisations: int = MIN_ORGANISATIONS
    min_countries: int = MIN_COUNTRIES

    def __post_init__(self) -> None:
        """Refuse thresholds that are not whole numbers of zero or more."""
        for name, value in asdict(self).items():
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
                raise InputError(
                    f"{name.replace('_', ' ')} must be a whole number of 0 or more, not {value!r}."
                )


@dataclass(frozen=True)
class Weights:
    """How much each normalised measure counts in the score; only the ratios between weights matter.

    Defaults follow what made topics win in the initiative: many buyers first, from several
    countries, with someone to lead; then active buyers, a sizeable combined budget, buying soon
    and a need the market does not meet.
    """

    organisations: float = 3.0  # organisations sharing the need
    countries: float = 2.0  # countries they come from
    leaders: float = 2.0  # organisations willing to lead
    buyers: float = 1.0  # organisations planning to buy (not leading)
    budget: float = 1.0  # combined stated budget, on a log scale
    soon: float = 1.0  # share planning to buy within 12 months
    unmet: float = 1.0  # share saying no suitable solution is on the market

    def __post_init__(self) -> None:
        """Refuse negative or missing weights, and all weights at zero."""
        values = asdict(self)
        for name, value in values.items():
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or value < 0
            ):
                raise InputError(f"The weight for {name} must be a number of 0 or more, not {value!r}.")
        if sum(values.values()) == 0:
            raise InputError("At least one weight must be above 0, otherwise every group scores the same.")


@dataclass(frozen=True)
class Group:
    """One recommended working group, with everything needed to propose it to colleagues."""

    label: str
    sector: str
    cluster: str  # the candidate id: a cluster id, or '<sector>-all' for a whole sector
    members: pd.DataFrame  # organisation, country, org_type, role, budget_eur
    leaders: list[str]  # willing to lead, best first: largest budget, then buying soonest, then name
    countries: list[str]
    budget_eur: float
    score: float
    rationale: str
    quotes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Recommendation:
    """The groups to form, in order, and every candidate with its measures and what it lacks."""

    groups: list[Group]
    not_feasible: pd.DataFrame  # candidate, label, sector, lacks
    candidates: pd.DataFrame  # all candidates; 'rank' says which were chosen (1 = first)


def candidates(
    needs: pd.DataFrame, topics: TopicResult, rules: Rules = Rules(), weights: Weights = Weights()
) -> pd.DataFrame:
    """One row per candidate group with its measures, feasibility, what it lacks and its scored parts."""
    return _evaluate(needs, topics, rules, weights)[0]


def recommend(
    needs: pd.DataFrame,
    topics: TopicResult,
    k: int = DEFAULT_GROUPS,
    rules: Rules = Rules(),
    weights: Weights = Weights(),
) -> Recommendation:
    """The k working groups to form (greedy on score, crediting organisations not yet served)."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise InputError(f"The number of groups must be a whole number of 1 or more, not {k!r}.")
    table, members = _evaluate(needs, topics, rules, weights)
    chosen = _choose(table, int(k))
    table["rank"] = pd.array([pd.NA] * len(table), dtype="Int64")
    table["marginal_score"] = np.nan
    for rank, (candidate, marginal) in enumerate(chosen, start=1):
        table.loc[table["candidate"] == candidate, ["rank", "marginal_score"]] = [rank, marginal]
    rows = table.set_index("candidate")
    groups = [_group(rows.loc[candidate], candidate, members) for candidate, _ in chosen]
    not_feasible = table.loc[~table["feasible"], ["candidate", "label", "sector", "lacks"]].reset_index(
        drop=True
    )
    return Recommendation(groups, not_feasible, table)


def recommendation_json(rec: Recommendation) -> dict:
    """The recommendation as plain JSON types: groups with members, leaders, rationale; what others lack."""
    return {
        "groups": [
            {
                "label": group.label,
                "sector": group.sector,
                "members": [
                    {"organisation": row.organisation, "country": _json_scalar(row.country), "role": row.role}
                    for row in group.members.itertuples(index=False)
                ],
                "leaders": list(group.leaders),
                "countries": list(group.countries),
                "budget_eur": float(group.budget_eur),
                "score": float(group.score),
                "rationale": group.rationale,
            }
            for group in rec.groups
        ],
        "not_feasible": [
            {"label": str(row.label), "sector": str(row.sector), "lacks": str(row.lacks)}
            for row in rec.not_feasible.itertuples(index=False)
        ],
    }


def proposal_sheets(rec: Recommendation) -> dict[str, pd.DataFrame]:
    """Sheets of a proposal workbook: 'Summary' (one row per group), then one sheet of members per group."""
    summary = pd.DataFrame(
        {
            "rank": range(1, len(rec.groups) + 1),
            "label": [group.label for group in rec.groups],
            "sector": [group.sector for group in rec.groups],
            "organisations": [len(group.members) for group in rec.groups],
            "countries": [", ".join(group.countries) for group in rec.groups],
            "leaders": [", ".join(group.leaders) for group in rec.groups],
            "budget_eur": [group.budget_eur for group in rec.groups],
            "score": [round(group.score, 3) for group in rec.groups],
            "rationale": [group.rationale for group in rec.groups],
        }
    )
    sheets = {"Summary": summary}
    for rank, group in enumerate(rec.groups, start=1):
        sheets[_sheet_name(f"{rank} {group.label}", sheets)] = group.members.reset_index(drop=True)
    return sheets


def _evaluate(
    needs: pd.DataFrame, topics: TopicResult, rules: Rules, weights: Weights
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Candidate table, and one row per (candidate, organisation) with the organisation's answers combined."""
    placed = _placed(needs, topics)
    in_clusters = placed[~placed["cluster"].str.endswith(f"-{OTHER}")].assign(
        candidate=lambda f: f["cluster"]
    )
    sized = in_clusters.groupby("candidate")["organisation"].nunique()
    sector_of = topics.clusters.set_index("cluster")["sector"]
    largest = sized.groupby(sector_of.reindex(sized.index)).max()
    sector_size = placed.groupby("sector")["organisation"].nunique()
    whole = [
        sector
        for sector, size in sector_size.items()
        if sector != UNCLASSIFIED
        and largest.get(sector, 0) < rules.min_organisations
        and size > largest.get(sector, 0)
    ]
    in_sectors = placed[placed["sector"].isin(whole)].assign(
        candidate=lambda f: f["sector"] + f"-{SECTOR_SUFFIX}"
    )
    members = _members(pd.concat([in_clusters, in_sectors], ignore_index=True))
    table = _measure(members)
    table = _describe(table, topics, rules)
    return _score(table, weights), members


def _placed(needs: pd.DataFrame, topics: TopicResult) -> pd.DataFrame:
    """The needs with their cluster and the fields the measures use, organisations named for counting."""
    if not needs.index.equals(topics.assignments.index):
        raise ValueError("topics.assignments must be indexed like needs: cluster the same needs frame")
    name = needs["organisation"].astype("string").str.strip()
    unnamed = "unnamed respondent " + needs["respondent_id"].astype("string").fillna("?")
    return pd.DataFrame(
        {
            "cluster": topics.assignments["cluster"].astype("string"),
            "sector": needs["sector"].astype("string").fillna(UNCLASSIFIED),
            "organisation": name.mask(name.isna() | (name == ""), unnamed),
            "country": needs["country"].astype("string"),
            "org_type": needs["org_type"].astype("string"),
            "role_rank": needs["role"].astype("string").map({role: i for i, role in enumerate(ROLES)}),
            "budget_eur": pd.to_numeric(needs["budget_eur"], errors="coerce").astype("Float64"),
            "horizon": pd.to_numeric(needs["procurement_horizon_months"], errors="coerce").astype("Float64"),
            "unmet": needs["market_solution"].astype("string").eq("none").fillna(False).astype(bool),
        }
    )


def _members(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate and organisation: its country, type, strongest role, largest budget, soonest horizon."""
    members = (
        rows.groupby(["candidate", "organisation"], sort=True)
        .agg(
            sector=("sector", "first"),
            country=("country", "first"),
            org_type=("org_type", "first"),
            role_rank=("role_rank", "min"),
            budget_eur=("budget_eur", "max"),
            horizon=("horizon", "min"),
            unmet=("unmet", "any"),
        )
        .reset_index()
    )
    rank = members["role_rank"].fillna(len(ROLES) - 1).astype(int)
    members["role"] = pd.Series(np.array(ROLES, dtype=object)[rank], index=members.index, dtype="string")
    return members.drop(columns="role_rank")


def _measure(members: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate: counts of organisations, countries and roles, budget, timing and unmet shares."""
    members = members.assign(
        is_lead=members["role"] == "lead",
        is_buyer=members["role"] == "buyer",
        is_follow=members["role"] == "follow",
        soon=members["horizon"].le(SOON_MONTHS).fillna(False).astype(bool),
        later=members["horizon"].le(LATER_MONTHS).fillna(False).astype(bool),
    )
    grouped = members.groupby("candidate", sort=True)
    table = grouped.agg(
        sector=("sector", "first"),
        organisations=("organisation", "size"),
        countries=("country", "nunique"),
        country_list=("country", sorted_distinct),
        org_types=("org_type", sorted_distinct),
        leaders=("is_lead", "sum"),
        buyers=("is_buyer", "sum"),
        followers=("is_follow", "sum"),
        budget_eur=("budget_eur", "sum"),
        budgets_stated=("budget_eur", "count"),
        share_12m=("soon", "mean"),
        share_24m=("later", "mean"),
        unmet_share=("unmet", "mean"),
        organisation_list=("organisation", list),
    ).reset_index()
    table["budget_eur"] = table["budget_eur"].astype(float)
    return table


def _describe(table: pd.DataFrame, topics: TopicResult, rules: Rules) -> pd.DataFrame:
    """Add kind, label and quotes from the clusters, then feasibility and what each candidate lacks."""
    clusters = topics.clusters.set_index("cluster")
    is_cluster = table["candidate"].isin(clusters.index)
    table["kind"] = np.where(is_cluster, "cluster", "sector")
    table["label"] = table["candidate"].map(clusters["label"]).fillna("whole sector: " + table["sector"])
    sector_quotes = clusters[~clusters["is_other"]].groupby("sector")["quotes"].agg(_first_quotes)
    table["quotes"] = [
        list(clusters.at[candidate, "quotes"]) if cluster else list(sector_quotes.get(sector, []))
        for candidate, sector, cluster in zip(table["candidate"], table["sector"], is_cluster, strict=True)
    ]
    missing = pd.DataFrame(
        {
            "leaders": (rules.min_leaders - table["leaders"]).clip(lower=0),
            "countries": (rules.min_countries - table["countries"]).clip(lower=0),
            "organisations": (rules.min_organisations - table["organisations"]).clip(lower=0),
        }
    )
    table["feasible"] = missing.sum(axis=1).eq(0)
    table["lacks"] = [
        _lacks(leaders, has_leader, countries, organisations)
        for leaders, has_leader, countries, organisations in zip(
            missing["leaders"],
            table["leaders"] > 0,
            missing["countries"],
            missing["organisations"],
            strict=True,
        )
    ]
    return table


def _score(table: pd.DataFrame, weights: Weights) -> pd.DataFrame:
    """Add score_<measure> parts (weight x normalised measure / sum of weights) and their sum 'score'."""
    total = sum(asdict(weights).values())
    for measure, column in MEASURES.items():
        values = table[column].astype(float)
        if measure == "budget":
            values = np.log1p(values.clip(lower=0))
        if measure in ("soon", "unmet"):
            normalised = values
        else:
            largest = values.max() if len(values) else 0.0
            normalised = values / largest if largest > 0 else values * 0.0
        table[f"score_{measure}"] = getattr(weights, measure) * normalised / total
    table["score"] = table[[f"score_{measure}" for measure in MEASURES]].sum(axis=1)
    order = table.sort_values(
        ["score", "organisations", "label", "candidate"], ascending=[False, False, True, True], kind="stable"
    )
    columns = [
        "candidate",
        "kind",
        "label",
        "sector",
        "organisations",
        "countries",
        "country_list",
        "org_types",
        "leaders",
        "buyers",
        "followers",
        "budget_eur",
        "budgets_stated",
        "share_12m",
        "share_24m",
        "unmet_share",
        "feasible",
        "lacks",
        "score",
        *[f"score_{measure}" for measure in MEASURES],
        "organisation_list",
        "quotes",
    ]
    return order[columns].reset_index(drop=True)


def _choose(table: pd.DataFrame, k: int) -> list[tuple[str, float]]:
    """Greedy choice of up to k feasible candidates by marginal score; returns (candidate, marginal score)."""
    pool = table[table["feasible"]]
    served: set[str] = set()
    chosen: list[tuple[str, float]] = []
    while len(chosen) < k:
        best_key, best = None, None
        taken = {candidate for candidate, _ in chosen}
        for row in pool.itertuples(index=False):
            if row.candidate in taken:
                continue
            organisations = set(row.organisation_list)
            marginal = row.score * len(organisations - served) / len(organisations)
            # Rounded so that float noise never decides a tie the stated rule should decide.
            key = (-round(marginal, 12), -row.organisations, row.label, row.candidate)
            if marginal > 0 and (best_key is None or key < best_key):
                best_key, best = key, (row.candidate, marginal, organisations)
        if best is None:
            break
        chosen.append(best[:2])
        served |= best[2]
    return chosen


def _group(row: pd.Series, candidate: str, members: pd.DataFrame) -> Group:
    """A chosen candidate as a Group: members ranked by role, leaders ranked, and its rationale."""
    people = members[members["candidate"] == candidate].assign(
        role_order=lambda f: f["role"].map({role: i for i, role in enumerate(ROLES)}),
        budget_order=lambda f: -f["budget_eur"].fillna(-np.inf),
        horizon_order=lambda f: f["horizon"].fillna(np.inf),
    )
    people = people.sort_values(
        ["role_order", "budget_order", "horizon_order", "organisation"], kind="stable"
    )
    leaders = people.loc[people["role"] == "lead", "organisation"].tolist()
    roster = people[["organisation", "country", "org_type", "role", "budget_eur"]].reset_index(drop=True)
    return Group(
        label=str(row["label"]),
        sector=str(row["sector"]),
        cluster=candidate,
        members=roster,
        leaders=leaders,
        countries=list(row["country_list"]),
        budget_eur=float(row["budget_eur"]),
        score=float(row["score"]),
        rationale=_rationale(row, leaders, people),
        quotes=list(row["quotes"]),
    )


def _rationale(row: pd.Series, leaders: list[str], people: pd.DataFrame) -> str:
    """One paragraph built from the group's numbers."""
    n = int(row["organisations"])
    soon = int(people["horizon"].le(SOON_MONTHS).fillna(False).sum())
    later = int(people["horizon"].le(LATER_MONTHS).fillna(False).sum())
    unmet = int(people["unmet"].sum())
    parts = [
        f"{_count(n, 'organisation')} from {_count(int(row['countries']), 'country', 'countries')} "
        f"share this need ({row['label']})",
        _leaders_clause(leaders),
    ]
    if later == 0:
        parts.append("none has a purchase planned within 24 months")
    elif later > soon:
        parts.append(f"{soon} plan to buy within 12 months and {later} within 24 months")
    else:
        parts.append(f"{soon} plan to buy within 12 months")
    budget = float(row["budget_eur"])
    stated = int(row["budgets_stated"])
    parts.append(
        f"combined stated budget {_euros(budget)} ({stated} of {n} stated one)"
        if stated
        else "no budget stated"
    )
    parts.append(f"{unmet} of {n} say no suitable solution is on the market")
    return "; ".join(parts) + "."


def _leaders_clause(leaders: list[str]) -> str:
    """'A and B are willing to lead', naming at most LEADERS_NAMED."""
    if not leaders:
        return "no organisation has offered to lead yet"
    named = leaders[:LEADERS_NAMED]
    if len(leaders) > LEADERS_NAMED:
        names = f"{', '.join(named)} and {len(leaders) - LEADERS_NAMED} more"
    elif len(named) > 1:
        names = f"{', '.join(named[:-1])} and {named[-1]}"
    else:
        names = named[0]
    return f"{names} {'is' if len(leaders) == 1 else 'are'} willing to lead"


def _lacks(leaders: int, has_leader: bool, countries: int, organisations: int) -> str:
    """What a candidate still needs, in words ('' when feasible)."""
    parts = []
    if leaders:
        parts.append(
            "needs a leader" if leaders == 1 and not has_leader else f"needs {_count(leaders, 'more leader')}"
        )
    if organisations:
        parts.append(_count(organisations, "more organisation"))
    if countries:
        parts.append(_count(countries, "more country", "more countries"))
    return ", ".join(parts)


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 organisation', '3 organisations'."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _euros(amount: float) -> str:
    """A budget as people say it: '€41.2 million', '€250,000'."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"€{amount / size:.1f} {word}"
    return f"€{amount:,.0f}"


def _first_quotes(quote_lists: pd.Series) -> list[str]:
    """The first quote of each cluster in turn, up to three: a whole sector's quotes."""
    firsts = [quotes[0] for quotes in quote_lists if len(quotes)]
    return firsts[:3]


def _json_scalar(value: object) -> object:
    """A JSON-safe scalar: None for missing values, Python numbers and strings otherwise."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _sheet_name(text: str, taken: dict[str, pd.DataFrame]) -> str:
    """An Excel sheet name: no []:*?/\\ characters, at most 31 characters, unique among those taken."""
    base = (
        SHEET_NAME_FORBIDDEN.sub(" ", text.replace(" · ", ", ")).strip(" '")[:SHEET_NAME_LENGTH].strip(" '")
    )
    name, copy = base, 2
    lowered = {existing.lower() for existing in taken}
    while name.lower() in lowered:  # Excel compares sheet names ignoring case
        suffix = f" ({copy})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip() + suffix
        copy += 1
    return name
