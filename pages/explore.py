"""Explore and download: the rows behind every chart, filtered, and exactly those rows as CSV or Excel."""

import streamlit as st

from analysis.export import download_name, to_csv_bytes, to_xlsx_bytes
from analysis.filters import describe_filters
from analysis.privacy import PERSONAL_DATA_NOTE, mask_contacts
from ui import filters, state, views

SHOWN_ROWS = 5_000  # the table on screen; downloads always hold every filtered row
TABLE_HEIGHT = 560  # pixels: about fifteen rows

st.title("Explore and download")
analysis = state.analysis_or_stop()
needs = filters.filtered_needs(analysis)
views.context_caption(analysis, len(needs))
views.stop_if_empty(analysis, needs)

if len(needs) > SHOWN_ROWS:
    st.caption(
        f"The table shows the first {SHOWN_ROWS:,} of {len(needs):,} rows; the downloads hold all of them."
    )
shown = views.needs_table(analysis, needs.head(SHOWN_ROWS))
st.dataframe(mask_contacts(shown), hide_index=True, height=TABLE_HEIGHT, column_config=views.TABLE_LABELS)

st.header("Download these rows")
include_contacts = st.checkbox(
    "Include contact names, e-mails and phone numbers in downloads", value=False, key="include_contacts"
)
if include_contacts:
    st.warning(PERSONAL_DATA_NOTE)
note = describe_filters(filters.current_filters(), views.filter_labels(analysis))
if include_contacts:
    note = f"{note}\n{PERSONAL_DATA_NOTE}"


def download_rows():
    """Exactly the filtered rows, masked unless the user asked for contact details (built on click)."""
    rows = views.needs_table(analysis, needs)
    return rows if include_contacts else mask_contacts(rows)


csv, xlsx = st.columns(2)
# The files are built only when a button is pressed, so filtering stays fast on large data.
csv.download_button(
    f"Download {len(needs):,} rows as CSV",
    data=lambda: to_csv_bytes(download_rows()),
    file_name=download_name("needs-filtered", "csv", include_contacts),
    mime="text/csv",
    on_click="ignore",
    key="download_csv",
)
xlsx.download_button(
    f"Download {len(needs):,} rows as Excel",
    data=lambda: to_xlsx_bytes({"Needs": download_rows()}, note),
    file_name=download_name("needs-filtered", "xlsx", include_contacts),
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    key="download_xlsx",
)
