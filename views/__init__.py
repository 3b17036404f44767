"""View models: pure functions from the package's frames and the filters to chart-ready data.

Nothing here imports Streamlit, so every function is testable with plain Polars frames.
"""
