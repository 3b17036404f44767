"""Sharing a view: the copy-link control under every page title, "add this view to a deck", and the
one-page HTML briefing of a candidacy.

`page_header` reserves the control's place (`share_slot`); the entry file fills it after the page
has run (`render_share`), when every filter has declared its URL parameter and unknown ones have
been dropped, so the link holds exactly the view's parameters.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from components.i18n import current_language, format_date_in, t, translate
from components.registry import page_file, url_paths
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
    "briefing_button",
    "briefing_html",
]

REPO = Path(__file__).resolve().parent.parent
DECKS_DIR = REPO / "data" / "decks"
DECKS_ENV = "TRACKER_DECKS_DIR"
PAGE = "_share_page"
SLOT = "_share_slot"
STATE = "_share_state"
OWN_DECK = "_own_deck"


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
    page = current_page()
    params = current_params()
    link = view_link(page, params)
    with slot.popover(t("share.button"), help=t("share.help"), icon=":material/link:"):
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
    """The read-only decks of the decks folder, and the problems per file."""
    return deck_view.load_decks(decks_dir(), known_pages())


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
            page_file("present"),
            label=t("share.deck_open"),
            icon=":material/slideshow:",
            query_params={"deck": mine.id, "slide": str(len(mine.slides))},
        )


# --- the one-page briefing of a candidacy ---------------------------------------------------------


def briefing_html(package, cycle: int, person_id: str, language: str = "en") -> str:
    """The self-contained HTML briefing of one candidacy in `language` (works without a session)."""
    from components.charts import ASSESSMENT_STYLE, STATUS_STYLE
    from components.radar import RadarText, radar_figure
    from views import briefing as view
    from views import candidate as candidate_view
    from views import compare as compare_view

    def tr(key: str, **values: object) -> str:
        return translate(language, key, **values)

    fmt = partial(format_date_in, language)
    tables = package.tables
    status = {s: tr(f"common.status_{s}") for s in STATUS_STYLE}
    cell = {s: f"{STATUS_STYLE[s]['symbol']} {word}" for s, word in status.items()}
    cell |= {"provisional": tr("common.provisional"), "reviewed": tr("common.reviewed")}
    radar_words = RadarText(
        status=status,
        cell=cell,
        provisional_key=tr("compare.radar_provisional"),
        reviewed_key=tr("compare.radar_reviewed"),
        gap_hover=tr("compare.radar_gap_hover"),
    )
    who = candidate_view.profile(tables, cycle, person_id)
    radar = compare_view.radar_data(tables, cycle, [person_id])
    words = {}
    for key in candidate_view.TIMELINE_WORDS:
        if key.startswith("level_"):
            words[key] = tr(f"common.status_{key.removeprefix('level_')}")
        elif key.startswith("assessment_"):
            words[key] = tr(f"common.{key}")
        else:
            words[key] = tr(f"candidate.{key}")
    venues = {v: tr(f"compare.venue_{v}") for v in compare_view.VENUES}
    timeline = candidate_view.timeline(tables, cycle, person_id)
    labelled = candidate_view.timeline_labels(timeline, words, fmt, as_of=who.as_of, venues=venues)
    timeline_fig = candidate_view.timeline_figure(
        labelled,
        words,
        priorities=tables["priorities"],
        assessment_style=ASSESSMENT_STYLE,
        name=who.name,
    )
    radar_fig = radar_figure(radar, radar_words, height=460)
    desc = package.descriptor
    licences = ", ".join(sorted({lic.get("name", "") for lic in desc.licenses if lic.get("name")}))
    data = view.briefing_data(tables, cycle, person_id, radar, cell)
    dash = tr("candidate.not_reached")
    facts = [
        (tr("candidate.nationality"), who.nationality or dash),
        (tr("candidate.nominated_by"), ", ".join(n for _, n in who.nominating_states) or dash),
        (tr("candidate.group"), who.group or dash),
        (tr("candidate.role"), who.role or dash),
        (tr("candidate.nominated"), fmt(who.nominated) if who.nominated else dash),
        (tr("candidate.dialogue"), fmt(who.dialogue) if who.dialogue else dash),
        (tr("candidate.withdrawn"), fmt(who.withdrawn) if who.withdrawn else dash),
        (tr("candidate.outcome"), tr(f"candidate.outcome_{who.outcome}")),
    ]
    as_of = fmt(who.as_of) if who.as_of else tr("common.as_of_unknown")
    text = view.BriefingText(
        lang=language,
        title=tr("share.brief_title", name=who.name, cycle=cycle),
        subtitle=tr("share.brief_subtitle", cycle=cycle, as_of=as_of),
        facts_heading=tr("candidate.who"),
        radar_heading=tr("candidate.radar_title"),
        radar_caption=tr("compare.radar_caption").replace("*", ""),
        levels_heading=tr("share.brief_levels"),
        col_priority=tr("compare.col_priority"),
        col_level=tr("candidate.col_level"),
        col_coverage=tr("compare.coverage_title"),
        timeline_heading=tr("candidate.timeline_title"),
        statements_heading=tr("candidate.statements_title"),
        no_statements=tr("compare.no_statements", name=who.name),
        earlier_heading=tr("candidate.earlier_title"),
        earlier_caption=tr("candidate.earlier_caption", name=who.name),
        earlier_none=tr("candidate.earlier_none", name=who.name),
        assessments={
            a: f"{style['symbol']} {tr('common.assessment_' + a)}"
            for a, style in ASSESSMENT_STYLE.items()
        },
        second_hand=tr("share.brief_second_hand"),
        source=tr("common.source"),
        archive=tr("share.brief_archive"),
        sources_heading=tr("candidate.sources"),
        footer=tr(
            "share.brief_footer",
            as_of=as_of,
            data_as_of=desc.as_of or "?",
            version=package.version,
            licences=licences,
            generated=fmt(today()),
        ),
    )
    venue_words = {v: venues[v] for v in venues}
    return view.briefing_html(
        data,
        text,
        facts=facts,
        profile_sources=who.sources,
        venues=venue_words,
        format_date=fmt,
        radar_fig=radar_fig,
        timeline_fig=timeline_fig,
    )


def briefing_button(package, cycle: int, person_id: str) -> None:
    """A download button for the candidacy's one-page HTML briefing (built only when clicked)."""
    language = current_language()
    st.download_button(
        t("share.brief_download"),
        data=lambda: briefing_html(package, cycle, person_id, language).encode("utf-8"),
        file_name=f"briefing-{cycle}-{person_id}-{language}.html",
        mime="text/html",
        key="briefing_download",
        on_click="ignore",
        icon=":material/description:",
        help=t("share.brief_help"),
    )
