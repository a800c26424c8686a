"""The one set of filters every page applies to the needs: the user's choices, as vectorised masks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

# Columns the free-text search looks in: what a need says and who said it.
SEARCH_COLUMNS: tuple[str, ...] = ("need_text", "organisation")
# Filter attribute -> the needs column it picks values of.
CHOICE_FILTERS: dict[str, str] = {
    "sectors": "sector",
    "clusters": "cluster",
    "countries": "country",
    "org_types": "org_type",
    "roles": "role",
}
# Filter attribute -> how a sentence names it.
FILTER_NAMES: dict[str, str] = {
    "sectors": "sector",
    "clusters": "cluster",
    "countries": "country",
    "org_types": "organisation type",
    "roles": "role",
}


@dataclass(frozen=True)
class Filters:
    """What the user keeps: an empty choice keeps all; horizon keeps purchases planned within N months."""

    sectors: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    horizon_months: int | None = None
    search: str = ""

    def is_empty(self) -> bool:
        """True when no filter is set, so every need is kept."""
        return self == Filters()


def filter_mask(needs: pd.DataFrame, filters: Filters) -> pd.Series:
    """Boolean mask of the needs that pass every filter (vectorised; one pass per filter set)."""
    keep = pd.Series(True, index=needs.index)
    for attribute, column in CHOICE_FILTERS.items():
        chosen = getattr(filters, attribute)
        if chosen:
            keep &= needs[column].isin(chosen).fillna(False).astype(bool)
    if filters.horizon_months is not None:
        horizon = pd.to_numeric(needs["procurement_horizon_months"], errors="coerce")
        keep &= horizon.le(filters.horizon_months).fillna(False).astype(bool)
    words = filters.search.strip()
    if words:
        found = pd.Series(False, index=needs.index)
        for column in SEARCH_COLUMNS:
            text = needs[column].astype("string")
            found |= text.str.contains(words, case=False, regex=False).fillna(False).astype(bool)
        keep &= found
    return keep


def apply_filters(needs: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The needs that pass every filter (the frame itself when no filter is set)."""
    if filters.is_empty():
        return needs
    return needs[filter_mask(needs, filters)]


def filter_options(needs: pd.DataFrame) -> dict[str, list[str]]:
    """Values each choice filter can take in these needs, sorted, without blanks."""
    return {
        attribute: sorted(needs[column].dropna().astype(str).loc[lambda s: s.str.strip() != ""].unique())
        for attribute, column in CHOICE_FILTERS.items()
    }


def describe_filters(filters: Filters, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """The filters in one plain sentence, for captions and the note of a download."""
    if filters.is_empty():
        return "No filter: every need is included."
    labels = labels or {}
    parts = [
        f"{name}: " + ", ".join(labels.get(attribute, {}).get(value, value) for value in chosen)
        for attribute, name in FILTER_NAMES.items()
        if (chosen := getattr(filters, attribute))
    ]
    if filters.horizon_months is not None:
        parts.append(f"plans to buy within {filters.horizon_months} months")
    if filters.search.strip():
        parts.append(f"text contains '{filters.search.strip()}'")
    return "Filtered on " + "; ".join(parts) + "."
