"""Entry file: page config, language, navigation with stable URLs, shared sidebar. No data code."""

import streamlit as st

from components.admission import page_build_turn
from components.data import get_package
from components.i18n import LANGUAGES, fix_language, translate
from components.layout import (
    PAGE_ICON,
    hide_navigation_when_embedded,
    problems_page,
    sidebar_footer,
)
from components.registry import DEFAULT_URL_PATH, navigation_pages
from components.session_guard import discard_forged_widget_state
from components.share import render_share, set_current_page
from components.slides import slide_style
from components.style import apply_style
from components.url_state import render_notices, start_run, url_choice

# The whole run, in turn with the other sessions' runs (components/admission.py).
with page_build_turn():
    st.set_page_config(page_title="UN SG Human Rights Tracker", page_icon=PAGE_ICON, layout="wide")
    apply_style()  # first: the same element at the same place every run (see components.style)
    start_run()
    discard_forged_widget_state()  # before any widget: forged widget state must not break the run
    hide_navigation_when_embedded()

    # Language is a session preference: carry it to pages reached through the navigation.
    if "lang" not in st.query_params and st.session_state.get("lang", "en") != "en":
        st.query_params["lang"] = st.session_state["lang"]
    # The picker is labelled in every language at once: a reader finds it whatever is shown now.
    language_label = " · ".join(translate(code, "nav.language") for code in LANGUAGES)
    language = url_choice(
        "lang", list(LANGUAGES), default="en", label=language_label, format_func=LANGUAGES.get
    )
    fix_language(language)

    package = get_package()
    if not package.ok:
        problems_page(package)
        st.stop()

    page = st.navigation(navigation_pages(language))
    set_current_page(page.url_path or DEFAULT_URL_PATH)  # the default page's url_path is ""
    slide_style(page.url_path or DEFAULT_URL_PATH)
    page.run()
    render_notices()
    render_share()
    sidebar_footer(package)
