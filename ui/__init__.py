"""Small Streamlit helpers the pages share: session state, the cached analysis and the sidebar filters."""
