"""Sharing a view: the copy-link control under every page title and "add this view to a deck" (the
candidacy's one-page briefing is `components.briefing`).

`page_header` reserves the control's place (`share_slot`); the entry file fills it after the page
has run (`render_share`), when every filter has declared its URL parameter and unknown ones have
been dropped, so the link holds exactly the view's parameters.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from components.i18n import t, words
from components.registry import page_target, url_paths
from components.url_state import current_params
from loaders.clock import today
from views import decks as deck_view
from views.text import md_plain, md_text

__all__ = [
    "DECKS_DIR",
    "set_current_page",
    "current_page",
    "app_base",
    "view_link",
    "share_slot",
    "render_share",
    "decks_dir",
    "own_deck",
    "set_own_deck",
    "shipped_decks",
    "own_deck_download",
    "known_pages",
]

REPO = Path(__file__).resolve().parent.parent
DECKS_DIR = REPO / "data" / "decks"
DECKS_ENV = "TRACKER_DECKS_DIR"
PAGE = "_share_page"
SLOT = "_share_slot"
STATE = "_share_state"
OWN_DECK = "_own_deck"
SHARE_OPEN = "share_open"  # the copy-link popover's open state (a widget key)


def decks_dir() -> Path:
    """Where the shipped, read-only decks are (`$TRACKER_DECKS_DIR`, else `data/decks/`)."""
    return Path(os.environ.get(DECKS_ENV) or DECKS_DIR)


def known_pages() -> list[str]:
    """The url_path of every page the app registers."""
    return url_paths()


def set_current_page(url_path: str) -> None:
    """Remember which page this run shows (the entry file calls this before `page.run()`)."""
    st.session_state[PAGE] = url_path


def current_page() -> str:
    """The url_path of the page this run shows ('' if unknown)."""
    return st.session_state.get(PAGE, "")


def app_base() -> str:
    """The app's address without a page ('http://host:port' or with a base path); '' if unknown."""
    try:
        url = st.context.url
    except Exception:  # no browser session (tests, bare mode)
        url = None
    if not url:
        return ""
    url = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    # st.context.url ends with the page's path (if any): drop it, whichever page this is.
    head, _, last = url.rpartition("/")
    if "://" in head and last in {current_page(), *known_pages()} - {""}:
        url = head
    return url


def view_link(url_path: str, params: dict[str, list[str]], base: str | None = None) -> str:
    """The full link of a view: base + '/' + url_path + '?' + the parameters (repeated keys)."""
    base = app_base() if base is None else base
    query = urlencode([(k, v) for k, values in params.items() for v in values])
    path = "" if url_path == deck_view.DEFAULT_PAGE else url_path
    return f"{base}/{path}" + (f"?{query}" if query else "")


def share_slot(title: str, state_sentence: str) -> None:
    """Reserve the copy-link control's place under the title (called by `page_header`)."""
    st.session_state[SLOT] = st.container()
    st.session_state[STATE] = (title, state_sentence)


def is_embedded() -> bool:
    """True when the view is shown inside a frame with `?embed=true` (a presentation slide)."""
    try:
        return bool(st.context.is_embedded)
    except Exception:  # no browser context (AppTest, bare mode)
        return False


def render_share() -> None:
    """Fill the reserved place with the copy-link control (the entry file calls this last)."""
    slot = st.session_state.pop(SLOT, None)
    title, state = st.session_state.pop(STATE, ("", ""))
    if slot is None:
        return
    if is_embedded():  # a slide in presentation mode: no controls over the view
        return
    # Lazy: the contents (link, captions, the deck form) are built only while the popover is open,
    # not on every page load of every visitor.
    share = slot.popover(
        t("share.button"), help=t("share.help"), icon=":material/link:", key=SHARE_OPEN,
        on_change="rerun",
    )  # fmt: skip
    if not share.open:
        return
    page = current_page()
    params = current_params()
    link = view_link(page, params)
    with share:
        st.markdown(t("share.intro"))
        st.code(link, language=None, wrap_lines=True)
        if not link.startswith("http"):
            st.caption(t("share.relative_note"))
        st.caption(t("share.shows", state=state))
        if page != "present":  # a deck of decks would be confusing
            _add_to_deck_form(page or "overview", params, title)


def own_deck() -> deck_view.Deck | None:
    """The deck this visitor is building or has uploaded (kept in their session only)."""
    return st.session_state.get(OWN_DECK)


def set_own_deck(deck: deck_view.Deck | None) -> None:
    """Keep `deck` as this visitor's own deck (nothing is written on the server)."""
    st.session_state[OWN_DECK] = deck


def shipped_decks() -> tuple[list[deck_view.Deck], dict[str, list[deck_view.Problem]]]:
    """The read-only decks of the decks folder in the reader's language, and the problems per
    file."""
    decks, problems = deck_view.load_decks(decks_dir(), known_pages())
    return [deck_view.localized_deck(d, words()) for d in decks], problems


def own_deck_download(deck: deck_view.Deck, key: str) -> None:
    """A download button for the visitor's own deck as a JSON file."""
    st.download_button(
        t("share.deck_download", n=len(deck.slides)),
        data=deck_view.deck_json(deck),
        file_name=f"{deck.id}.json",
        mime="application/json",
        key=key,
        on_click="ignore",
        icon=":material/download:",
        help=t("share.deck_download_help"),
    )


def _add_to_deck_form(page: str, params: dict[str, list[str]], title: str) -> None:
    """'Add this view to my deck': a deck built in this session, downloaded as a file.

    Public visitors write nothing on the server: the deck lives in the session until downloaded.
    """
    st.markdown(f"**{t('share.deck_heading')}**")
    st.caption(t("share.deck_intro"))
    mine = own_deck()
    with st.form("share_deck_form", clear_on_submit=False, border=False):
        new_title = None
        if mine is None:
            new_title = st.text_input(
                t("share.deck_new_title"), max_chars=deck_view.MAX_TITLE, key="share_deck_new_title"
            )
        slide_title = st.text_input(
            t("share.slide_title"),
            value=md_plain(title)[: deck_view.MAX_TITLE],
            max_chars=deck_view.MAX_TITLE,
            key="share_slide_title",
        )
        note = st.text_input(
            t("share.slide_note"), max_chars=deck_view.MAX_NOTE, key="share_slide_note"
        )
        submitted = st.form_submit_button(t("share.deck_add"))
    problems: list[deck_view.Problem] = []
    if submitted:
        slide, problems = deck_view.check_slide(page, params, slide_title, note, known_pages())
        if slide is not None:
            taken = {d.id for d in shipped_decks()[0]}
            saved, problems = deck_view.add_slide(
                mine, slide, new_title=new_title, taken=taken, today=today()
            )
            if saved is not None:
                set_own_deck(saved)
                mine = saved
                st.success(t("share.deck_added", n=len(saved.slides), deck=md_text(saved.title)))
    for problem in problems:
        st.error(t(problem.key, **problem.values))
    if mine is not None:
        own_deck_download(mine, "share_deck_download")
        st.page_link(
            page_target("present"),
            label=t("share.deck_open"),
            icon=":material/slideshow:",
            query_params={"deck": mine.id, "slide": str(len(mine.slides))},
        )
