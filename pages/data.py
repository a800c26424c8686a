"""Data: choose the files, see how they were read and mapped, and what was set aside and why."""

import pandas as pd
import streamlit as st

from analysis import charts
from analysis.models import CANONICAL_FIELDS
from analysis.privacy import mask_contacts
from analysis.schema import FIELD_LABELS
from ui import state
from ui.text import plain

FILE_TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"]
NO_COLUMN = "(no column)"
VERSION_KEY = "mapping_version"  # bumped when choices are applied or undone, so the editor starts afresh
UPLOADER_VERSION_KEY = "uploader_version"  # bumped to empty the upload box
SHOWN_ROWS = 5_000  # set-aside rows sent to the browser


def take_upload(key: str) -> None:
    """Analyse what the user just uploaded; removing every file goes back to the sample."""
    uploaded = st.session_state[key] or []
    if uploaded:
        state.use_files([(file.name, file.getvalue()) for file in uploaded])
    else:
        state.use_sample()


def back_to_sample() -> None:
    """Analyse the bundled sample again and empty the upload box."""
    state.use_sample()
    st.session_state[UPLOADER_VERSION_KEY] = st.session_state.get(UPLOADER_VERSION_KEY, 0) + 1


def apply_choices(choices: dict[str, str]) -> None:
    """Remember the user's column choices and start the editor afresh."""
    state.set_overrides(choices)
    st.session_state[VERSION_KEY] = st.session_state.get(VERSION_KEY, 0) + 1


st.title("Data")
st.caption(
    "The files behind every page, how they were read, what was set aside. Sidebar filters do not apply here."
)
uploader_key = f"uploader_{st.session_state.get(UPLOADER_VERSION_KEY, 0)}"
st.file_uploader(
    "Upload survey exports (several files are merged into one table)",
    type=FILE_TYPES,
    accept_multiple_files=True,
    key=uploader_key,
    on_change=take_upload,
    args=(uploader_key,),
    help="Exports of Microsoft Forms, Google Forms, SurveyMonkey, Qualtrics, KoboToolbox, LimeSurvey, "
    "EUSurvey or your own spreadsheet; any EU language.",
)
files, _ = state.current_files()
names = plain(", ".join(name for name, _ in files))
if state.using_sample():
    st.info(f"Showing the bundled sample ({names}). Upload your own exports above to analyse them instead.")
else:
    st.success(f"Analysing your files: {names}.")
    st.button("Go back to the bundled sample", key="back_to_sample", on_click=back_to_sample)

outcome = state.current_analysis()
if isinstance(outcome, str):
    st.error(plain(outcome))
    if state.overrides():
        st.button("Undo my column choices", key="undo_mapping", on_click=apply_choices, args=({},))
    st.stop()
load = outcome.load

st.header("Quality summary")
read, kept, aside, organisations, countries, languages = st.columns(6)
read.metric("Rows read", f"{load.rows_read:,}")
kept.metric("Rows kept", f"{len(load.frame):,}")
aside.metric("Rows set aside", f"{len(load.set_aside):,}")
organisations.metric("Organisations", f"{load.frame['organisation'].nunique():,}")
countries.metric("Countries", f"{load.frame['country'].nunique():,}")
languages.metric("Languages", f"{load.frame['language'].nunique():,}")
unread = int(load.frame["issues"].notna().sum()) if "issues" in load.frame else 0
if unread:
    st.caption(
        f"{unread:,} kept rows hold a value the dashboard could not read (a budget, date or country); "
        "the Explore page shows which, under 'Values not understood'."
    )
completeness = charts.field_completeness(load.frame, list(CANONICAL_FIELDS))
st.dataframe(
    completeness.assign(field=completeness["field"].map(FIELD_LABELS)),
    hide_index=True,
    height="content",
    column_config={
        "field": "Field",
        "empty": st.column_config.NumberColumn("Rows leaving it empty"),
        "filled_share": st.column_config.ProgressColumn("Filled", format="percent", min_value=0, max_value=1),
    },
)

st.header("What was read")
st.dataframe(
    pd.DataFrame(
        {
            "File": [table.file_name for table in load.tables],
            "Sheet": [table.sheet_name for table in load.tables],
            "Layout recognised": [table.layout for table in load.tables],
            "Rows": [len(table.frame) for table in load.tables],
        }
    ),
    hide_index=True,
)
for note in load.notes:
    st.caption(f"ℹ️ {plain(note)}")

st.header("Which column feeds which field")
labels = [f"{table.file_name} · {table.sheet_name}" for table in load.tables]
shown = st.selectbox("Table", range(len(labels)), format_func=labels.__getitem__) if len(labels) > 1 else 0
table, mapping = load.tables[shown], load.mappings[shown]
# A choice applies to every file, so with several tables only the columns they all share can be chosen.
shared = set.intersection(*({*t.frame.columns, *t.option_columns} for t in load.tables))
choices = [NO_COLUMN, *[c for c in [*table.frame.columns, *table.option_columns] if c in shared]]
current = {field: match.column for field, match in mapping.matches.items()}
mapping_rows = pd.DataFrame(
    {
        "field": list(CANONICAL_FIELDS),
        "label": [FIELD_LABELS[field] for field in CANONICAL_FIELDS],
        "column": [current.get(field, NO_COLUMN) for field in CANONICAL_FIELDS],
        "confidence": [
            mapping.matches[f].confidence if f in mapping.matches else None for f in CANONICAL_FIELDS
        ],
        "reason": [mapping.matches[f].reason if f in mapping.matches else "" for f in CANONICAL_FIELDS],
    }
)
st.caption(
    "Change a source column where the guess is wrong, then apply. Columns the dashboard did not use: "
    + (plain(", ".join(map(str, mapping.unmapped_columns))) or "none")
    + "."
    + (
        " With several files, a choice applies to all of them, so only columns every file has are offered."
        if len(labels) > 1
        else ""
    )
)
with st.form("mapping_form", border=False):
    edited = st.data_editor(
        mapping_rows,
        key=f"mapping_editor_{shown}_{st.session_state.get(VERSION_KEY, 0)}",
        hide_index=True,
        height="content",
        disabled=["field", "label", "confidence", "reason"],
        column_order=["label", "column", "confidence", "reason"],
        column_config={
            "label": "Field",
            "column": st.column_config.SelectboxColumn("Source column", options=choices, required=True),
            "confidence": st.column_config.ProgressColumn(
                "Confidence", min_value=0, max_value=1, format="percent"
            ),
            "reason": "Matched by",
        },
    )
    applied = st.form_submit_button("Apply these columns", key="apply_mapping")
if applied:
    changed = {
        field: "" if column == NO_COLUMN else column
        for field, column in zip(edited["field"], edited["column"], strict=True)
        if column != current.get(field, NO_COLUMN)
    }
    apply_choices({**state.overrides(), **changed})
    st.rerun()
if state.overrides():
    st.button("Undo my column choices", key="undo_mapping", on_click=apply_choices, args=({},))

st.header("Rows set aside")
if load.set_aside.empty:
    st.caption("No row was set aside: every row read is in the analysis.")
else:
    st.caption(
        "Every row read is either analysed or listed here with the reason. Contact details are masked."
        + (
            f" The first {SHOWN_ROWS:,} of {len(load.set_aside):,} are listed."
            if len(load.set_aside) > SHOWN_ROWS
            else ""
        )
    )
    st.dataframe(mask_contacts(load.set_aside.head(SHOWN_ROWS)), hide_index=True)
