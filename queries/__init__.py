"""Named analyses, one per user question, returning DataFrames for the CLI and the dashboard."""
