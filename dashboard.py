"""Entry file: page config, language, navigation with stable URLs, shared sidebar. No data code."""

import streamlit as st

from components.data import get_package
from components.i18n import LANGUAGES, t
from components.layout import problems_page, sidebar_footer
from components.share import render_share, set_current_page
from components.url_state import render_notices, start_run, url_choice

st.set_page_config(page_title="UN SG Human Rights Tracker", page_icon="🕊️", layout="wide")
start_run()

# Language is a session preference: carry it to pages reached through the navigation.
if "lang" not in st.query_params and st.session_state.get("lang", "en") != "en":
    st.query_params["lang"] = st.session_state["lang"]
url_choice("lang", list(LANGUAGES), default="en", label="🌐", format_func=LANGUAGES.get)

package = get_package()
if not package.ok:
    problems_page(package)
    st.stop()

# (file, url_path, title key, emoji icon). Emoji, not material icons: those fetch a font online.
PAGES = [
    ("app_pages/overview.py", "overview", "nav.overview", "🏠"),
    ("app_pages/compare.py", "compare", "nav.compare", "⚖️"),
    ("app_pages/candidate.py", "candidate", "nav.candidate", "👤"),
    ("app_pages/priorities.py", "priorities", "nav.priorities", "🎯"),
    ("app_pages/record.py", "record", "nav.record", "📜"),
    ("app_pages/straw-polls.py", "straw-polls", "nav.straw_polls", "🗳️"),
    ("app_pages/map.py", "map", "nav.map", "🗺️"),
    ("app_pages/data.py", "data", "nav.data", "📚"),
    ("app_pages/present.py", "present", "nav.present", "🎬"),
    ("app_pages/curate.py", "curate", "nav.curate", "✍️"),
]
pages = [
    st.Page(path, url_path=url, title=t(title), icon=icon, default=(url == "overview"))
    for path, url, title, icon in PAGES
]
page = st.navigation(pages)
set_current_page(page.url_path or "overview")  # the default page's url_path is ""
page.run()
render_notices()
render_share()
sidebar_footer(package)
