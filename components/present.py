"""The presentation page's pieces: its full-screen style, the deck upload, the step buttons and the
slide itself (title, key sentence and the stacked frames of the slides around the current one).

`app_pages/present.py` reads the deck and the slide from the URL and lays these out;
`components.slides` is the other side: what a view shows inside a slide's frame.
"""

from __future__ import annotations

import streamlit as st

from components import share
from components.i18n import t
from views import decks as view
from views.text import md_text

__all__ = [
    "MAX_FRAMES",
    "PRELOAD_BEHIND",
    "PRELOAD_AHEAD",
    "STYLE",
    "problem_text",
    "upload_control",
    "step_buttons",
    "loaded_frames",
    "show_slide",
]

# Every slide of a deck of up to MAX_FRAMES slides keeps its frame loaded from the first view on,
# so a step only shows another frame: loading a frame boots a whole app on the browser's main
# thread (the frames are same-origin) and slowed every step it happened in to several seconds.
# A longer deck keeps frames loaded around the current slide only.
MAX_FRAMES = 16
PRELOAD_BEHIND, PRELOAD_AHEAD = 2, 4  # frames kept loaded around the current slide (long decks)

# Full screen: no sidebar, toolbar or header on this page; the page is one 100vh column: the slide
# (title, sentence, frame) takes what the control bar under it leaves. Sizes follow the screen.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], header {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 0.5rem 1.5rem 0.4rem 1.5rem !important;
  max-width: 100%; height: 100vh; box-sizing: border-box; display: flex; flex-direction: column;}
:is([data-testid="stVerticalBlock"], [data-testid="stLayoutWrapper"]):has(.st-key-present_stage) {
  flex: 1 1 0; min-height: 0; display: flex; flex-direction: column; gap: 0.35rem;}
.st-key-present_stage {flex: 1 1 0; min-height: 0; display: flex; flex-direction: column;
  gap: 0.2rem;}
.st-key-present_stage h2 {font-size: clamp(1.35rem, 2.3vw, 2.6rem); color: #000; padding: 0;
  margin: 0; line-height: 1.25;}
.st-key-present_stage [data-testid="stHeading"],
.st-key-present_stage [data-testid="stMarkdownContainer"],
.st-key-present_stage [data-testid="stMarkdownContainer"] > * {margin: 0 !important;}
.st-key-present_note p {font-size: clamp(1rem, 1.45vw, 1.7rem); color: #1a1f24; margin: 0;}
.st-key-present_stage > * {flex: 0 0 auto;}
.st-key-present_stage > :has(.st-key-present_frames),
.st-key-present_frames {flex: 1 1 0 !important;
  min-height: 0; position: relative;}
.st-key-present_frames [class*="st-key-slide_frame_"] {position: absolute; inset: 0;
  visibility: hidden;}
[class*="st-key-slide_frame_"] > [data-testid="stElementContainer"] {flex: 1 1 0 !important;}
.st-key-present_frames iframe {width: 100%; height: 100% !important; border: 0;}
.st-key-present_bar {flex: 0 0 auto; border-top: 1px solid #c5ccd3; padding-top: 0.35rem;}
.st-key-present_bar .st-key-present_counter p {font-size: 1.15rem; font-weight: 700;
  margin: 0; white-space: nowrap;}
.st-key-present_deck_box, .st-key-present_slide_box {min-width: 9rem; max-width: 20rem;}
.st-key-present_bar [data-testid="stElementContainer"] {flex-shrink: 1; min-width: 0;}
.st-key-present_title {position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;}
</style>"""
SHOW = "<style>.st-key-slide_frame_{n} {{visibility: visible !important;}}</style>"


def problem_text(problems: list[view.Problem]) -> str:
    return "; ".join(md_text(t(p.key, **p.values)) for p in problems)


def _read_upload(upload, shipped: set[str]) -> None:
    """A deck file the visitor chose: checked, kept in their session (never written), opened."""
    deck, problems = view.read_upload(upload.getvalue(), share.known_pages(), shipped)
    for problem in problems:
        st.warning(t(problem.key, **problem.values))
    if deck is not None:
        share.set_own_deck(deck)
        st.query_params["deck"] = deck.id
        if "slide" in st.query_params:
            del st.query_params["slide"]
        st.success(t("present.uploaded", deck=md_text(deck.title), n=len(deck.slides)))


def upload_control(bar, shipped: set[str]) -> None:
    """The deck upload, in a popover in the bar; a new file is read once."""
    with bar.popover(t("present.upload"), icon=":material/upload_file:"):
        upload = st.file_uploader(
            t("present.upload"),
            type=["json"],
            key="present_upload",
            help=t("present.upload_help", max=view.MAX_UPLOAD_BYTES // 1024),
        )
        if upload is not None and st.session_state.get("_present_upload_id") != upload.file_id:
            st.session_state["_present_upload_id"] = upload.file_id
            _read_upload(upload, shipped)


def _go_to(n: int) -> None:
    """Button callback: show slide `n` (the default, 1, stays out of the URL)."""
    if n <= 1:
        if "slide" in st.query_params:
            del st.query_params["slide"]
    else:
        st.query_params["slide"] = str(n)


def step_buttons(bar, number: int, total: int) -> None:
    """← previous, "n / total", next → (also the Left and Right keys)."""
    bar.button(
        t("present.previous"),
        key="present_prev",
        icon=":material/arrow_back:",
        shortcut="Left",
        disabled=number <= 1,
        on_click=_go_to,
        args=(number - 1,),
    )
    bar.container(key="present_counter", width="content").markdown(
        t("present.counter", n=number, total=total)
    )
    bar.button(
        t("present.next"),
        key="present_next",
        icon=":material/arrow_forward:",
        shortcut="Right",
        disabled=number >= total,
        on_click=_go_to,
        args=(number + 1,),
    )


def loaded_frames(total: int, number: int) -> range:
    """The slide numbers (1-based) that hold a loaded frame while slide `number` is shown."""
    if total <= MAX_FRAMES:
        return range(1, total + 1)
    return range(max(1, number - PRELOAD_BEHIND), min(total, number + PRELOAD_AHEAD) + 1)


def show_slide(stage, deck: view.Deck, number: int) -> None:
    """The slide's title and note, and one frame slot per slide in deck order, so a loaded frame
    keeps its place (and its session) from one step to the next; the slides of
    `loaded_frames` hold a frame, and only the current one is visible."""
    slide = deck.slides[number - 1]
    loaded = loaded_frames(len(deck.slides), number)
    with stage:
        # First, so the browser shows the new slide as soon as the run starts to arrive.
        st.html(SHOW.format(n=number))
        st.header(md_text(slide.title), anchor=False)
        if slide.note:
            st.container(key="present_note").markdown(md_text(slide.note))
        frames = st.container(key="present_frames")
        for i, each in enumerate(deck.slides, start=1):
            box = frames.container(key=f"slide_frame_{i}")
            if i in loaded:
                # Relative: the app's own address is not always known in a session's first run,
                # and a frame whose address changes from one run to the next reloads.
                src = share.view_link(each.page, each.params, base="")
                box.iframe(
                    src + ("&" if "?" in src else "?") + "embed=true",
                    alt=t("present.frame_title", n=i, title=each.title),
                    tab_index=-1,  # Tab moves between the controls, not into the slide's page
                )
