"""The whole analysis of a set of files, as the CLI and every page see it: load -> classify -> cluster."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.classify import classify_texts
from analysis.loading import UploadedFile, load_files
from analysis.models import LoadResult
from analysis.taxonomy import UNCLASSIFIED
from analysis.topics import TopicResult, cluster_needs

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
# Sector chosen from the ticked boxes when the free text cannot be classified (one box ticked = clear answer).
TICKED_ONLY_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Analysis:
    """Everything the pages show, computed once per set of files."""

    load: LoadResult
    needs: pd.DataFrame  # one row per response with a need: canonical fields + sector, cluster, x, y, ...
    topics: TopicResult


def sample_files() -> list[UploadedFile]:
    """The bundled sample exports, as (file name, bytes)."""
    return [(path.name, path.read_bytes()) for path in sorted(SAMPLE_DIR.glob("*.xlsx"))]


def place_needs(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per response with a need, placed in a sector from its text and from the boxes it ticked."""
    has_text = frame["need_text"].fillna("").str.strip().ne("")
    has_ticks = frame["sectors"].map(len).gt(0)
    needs = frame[has_text | has_ticks].copy()
    classified = classify_texts(needs["need_text"].fillna(""))
    first_ticked = needs["sectors"].map(lambda ids: ids[0] if ids else UNCLASSIFIED)
    text_sector = classified["sector"]
    use_ticked = text_sector.eq(UNCLASSIFIED) & first_ticked.ne(UNCLASSIFIED)
    disagrees = text_sector.ne(UNCLASSIFIED) & needs["sectors"].map(len).gt(0)
    disagrees &= ~pd.Series(
        [sector in ids for sector, ids in zip(text_sector, needs["sectors"], strict=True)],
        index=needs.index,
        dtype=bool,
    )
    return needs.assign(
        sector_text=text_sector,
        sector=text_sector.where(~use_ticked, first_ticked),
        cpv_division=classified["cpv_division"],
        confidence=classified["confidence"].where(~use_ticked, TICKED_ONLY_CONFIDENCE),
        sector_source=pd.Series("text", index=needs.index)
        .where(~use_ticked, "ticked box")
        .where(~disagrees, "text (ticked boxes differ)"),
    ).reset_index(drop=True)


def analyse(files: list[UploadedFile], overrides: dict[str, str] | None = None, seed: int = 0) -> Analysis:
    """Load the files, place every need in a sector and cluster the needs of each sector."""
    load = load_files(files, overrides)
    needs = place_needs(load.frame)
    topics = cluster_needs(needs, seed=seed)
    needs = needs.join(topics.assignments)
    return Analysis(load=load, needs=needs, topics=topics)
