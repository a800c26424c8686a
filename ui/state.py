"""What a session analyses (the bundled sample or its own uploads) and the analysis of it, cached by content.

Caching sits only here, at the edge: the analysis is keyed by a digest of the files' bytes (computed
once when the files are chosen) and the user's mapping choices, so moving between pages, or two
sessions with the same files, never recompute it; different files never share a result.

The analysis is held with st.cache_resource, not st.cache_data: cache_data would unpickle a copy on
every rerun (about 0.3 s and 80 MB at 100k responses), which alone would break the 0.5 s rerun budget.
The pages only read it; pandas copy-on-write keeps every filtered frame from touching the cached one.
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple, replace

import pandas as pd
import streamlit as st

from analysis.errors import InputError
from analysis.filters import Filters
from analysis.groups import Recommendation, Rules, Weights, recommend
from analysis.loading import UploadedFile
from analysis.pipeline import Analysis, analyse, sample_files
from analysis.topics import TopicResult
from ui.text import plain

FILES_KEY = "analysed_files"  # list of (file name, bytes) the user uploaded; absent: the bundled sample
DIGEST_KEY = "analysed_digest"
OVERRIDES_KEY = "mapping_overrides"  # canonical field -> source column the user chose on the Data page
CACHED_ANALYSES = 4  # bounded: each holds a whole analysed data set in memory


def files_digest(files: list[UploadedFile]) -> str:
    """A digest of the files' names and bytes: the cache key of everything computed from them."""
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False)
def _sample() -> tuple[list[UploadedFile], str]:
    """The bundled sample files and their digest, read once per server."""
    files = sample_files()
    return files, files_digest(files)


@st.cache_resource(max_entries=CACHED_ANALYSES, show_spinner="Reading and analysing the files…")
def _analysis(
    digest: str, choices: tuple[tuple[str, str], ...], _files: list[UploadedFile]
) -> Analysis | str:
    """The analysis of the files with that digest, or the user-facing reason it failed."""
    try:
        return analyse(_files, overrides=dict(choices) or None)
    except InputError as error:
        return str(error)


def current_files() -> tuple[list[UploadedFile], str]:
    """The files this session analyses and their digest (the bundled sample until the user uploads)."""
    if FILES_KEY in st.session_state:
        return st.session_state[FILES_KEY], st.session_state[DIGEST_KEY]
    return _sample()


def using_sample() -> bool:
    """True while the session looks at the bundled sample."""
    return FILES_KEY not in st.session_state


def use_files(files: list[UploadedFile]) -> None:
    """Analyse these uploaded files from now on (the mapping choices made for other files are dropped)."""
    st.session_state[FILES_KEY] = files
    st.session_state[DIGEST_KEY] = files_digest(files)
    st.session_state.pop(OVERRIDES_KEY, None)


def use_sample() -> None:
    """Go back to the bundled sample."""
    for key in (FILES_KEY, DIGEST_KEY, OVERRIDES_KEY):
        st.session_state.pop(key, None)


def overrides() -> dict[str, str]:
    """The mapping choices the user made for the current files."""
    return dict(st.session_state.get(OVERRIDES_KEY, {}))


def set_overrides(chosen: dict[str, str]) -> None:
    """Remember the user's mapping choices; the next analysis uses them."""
    st.session_state[OVERRIDES_KEY] = dict(chosen)


def current_analysis() -> Analysis | str:
    """The (cached) analysis of the current files, or why they could not be analysed."""
    files, digest = current_files()
    return _analysis(digest, tuple(sorted(overrides().items())), files)


def analysis_or_stop() -> Analysis:
    """The current analysis; when the files cannot be analysed, say why and what to do, and stop the page."""
    outcome = current_analysis()
    if isinstance(outcome, str):
        st.error(plain(outcome))
        st.info("Open the **Data** page to upload other files, change the column mapping or use the sample.")
        st.stop()
    return outcome


@st.cache_data(max_entries=32, show_spinner="Scoring candidate working groups…")
def _recommendation(
    key: tuple[object, ...],
    k: int,
    _rules: Rules,
    _weights: Weights,
    _needs: pd.DataFrame,
    _topics: TopicResult,
) -> Recommendation:
    """Recommended groups for these needs; `key` stands for the needs, rules and weights."""
    # recommend() wants the topics of exactly these needs: keep the filtered needs' map positions only.
    topics = replace(_topics, assignments=_topics.assignments.loc[_needs.index])
    return recommend(_needs, topics, k=k, rules=_rules, weights=_weights)


def recommendation(
    needs: pd.DataFrame, analysis: Analysis, filters: Filters, k: int, rules: Rules, weights: Weights
) -> Recommendation:
    """The (cached) recommendation for the filtered needs of the current files."""
    _, digest = current_files()
    key = (digest, tuple(sorted(overrides().items())), astuple(filters), astuple(rules), astuple(weights))
    return _recommendation(key, k, rules, weights, needs, analysis.topics)
