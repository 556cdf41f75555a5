"""The Streamlit dashboard (a later issue); pages only call ``queries``."""
