"""The dashboard's entry point: page navigation, the shared sidebar filters, then the chosen page."""

import streamlit as st

from ui import filters, state

st.set_page_config(page_title="Joint procurement needs", page_icon="🧭", layout="wide")

# URL paths differ from the file names on purpose: Streamlit treats a folder named pages/ as an old-style
# multipage app until st.navigation runs, and would run pages/<name>.py directly (without this script,
# so without the sidebar filters) for a first request to /<name>.
page = st.navigation(
    [
        st.Page("pages/data.py", title="Data", icon="📂", url_path="files"),
        st.Page("pages/overview.py", title="Overview", icon="📊", url_path="home", default=True),
        st.Page("pages/needs.py", title="Unmet needs", icon="🧩", url_path="unmet-needs"),
        st.Page("pages/groups.py", title="Working groups", icon="🤝", url_path="working-groups"),
        st.Page("pages/explore.py", title="Explore and download", icon="🔎", url_path="explore-and-download"),
    ]
)
analysis = state.current_analysis()
if not isinstance(analysis, str):
    filters.sidebar(analysis)
page.run()
