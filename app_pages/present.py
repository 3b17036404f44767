"""Presentation mode: a deck of saved views, one slide at a time, full screen, for a projector.

`/present?deck=race-2026&slide=3`: the deck and the slide (1-based) live in the URL, so every slide
is a link. A slide is its title, its key sentence (the deck's note) and the view's main figure with
its caption and source line: the real page in a same-origin frame with `?embed=true`, where
`components.slides` shows only that figure, sized to the frame. The frames of the slides around the
current one are kept loaded (stacked, hidden), so stepping shows a frame that is already drawn.
All controls sit in one bar under the slide; ← and → (or the buttons) move between slides.
"""

import streamlit as st

from components import share
from components.i18n import t
from components.layout import page_header
from components.registry import page_file
from components.url_state import changed_here, notice_slot, url_choice
from views import decks as view
from views.text import md_text

DEFAULT_DECK = "race-2026"
PRELOAD_BEHIND, PRELOAD_AHEAD = 1, 2  # frames kept loaded around the current slide

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

notice_slot()  # a bad link's notices, above the slide
decks, file_problems = share.shipped_decks()
shipped = {deck.id for deck in decks}


def read_upload(upload) -> None:
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


def problem_text(problems: list[view.Problem]) -> str:
    return "; ".join(md_text(t(p.key, **p.values)) for p in problems)


header = st.container()
stage = st.container(key="present_stage")
bar = st.container(
    key="present_bar", horizontal=True, wrap=False, vertical_alignment="center", gap="small"
)
st.html(STYLE)

# The upload sits in the bar, in a popover; it is read before the deck list is made.
with bar.popover(t("present.upload"), icon=":material/upload_file:"):
    upload = st.file_uploader(
        t("present.upload"),
        type=["json"],
        key="present_upload",
        help=t("present.upload_help", max=view.MAX_UPLOAD_BYTES // 1024),
    )
    if upload is not None and st.session_state.get("_present_upload_id") != upload.file_id:
        st.session_state["_present_upload_id"] = upload.file_id
        read_upload(upload)
mine = share.own_deck()
if mine is not None:
    decks = [*decks, mine]
by_id = {deck.id: deck for deck in decks}


def deck_label(deck_id: str) -> str:
    deck = by_id.get(deck_id)
    if deck is None:
        return deck_id
    return deck.title if deck_id in shipped else t("present.own_option", title=deck.title)


if not decks:
    with header:
        page_header(t("present.title"), t("present.no_decks"))
    for name, problems in file_problems.items():
        header.warning(
            t("present.file_problems", file=md_text(name), problems=problem_text(problems))
        )
    st.stop()

deck_id = url_choice(
    "deck",
    list(by_id),
    default=DEFAULT_DECK if DEFAULT_DECK in by_id else decks[0].id,
    label=t("present.deck"),
    format_func=deck_label,
    container=bar.container(key="present_deck_box"),
    label_visibility="collapsed",
)
deck = by_id[deck_id]
slide_ids = [str(i) for i in range(1, len(deck.slides) + 1)]

# A slide number left over from the previous deck is dropped quietly when the deck changes.
if changed_here("present_deck", deck_id):
    if st.query_params.get("slide") not in (None, *slide_ids):
        del st.query_params["slide"]

number = int(
    url_choice(
        "slide",
        slide_ids,
        default="1",
        label=t("present.slide"),
        format_func=lambda s: t("present.slide_option", n=s, title=deck.slides[int(s) - 1].title),
        container=bar.container(key="present_slide_box"),
        label_visibility="collapsed",
    )
)
slide = deck.slides[number - 1]
total = len(deck.slides)


def go_to(n: int) -> None:
    """Button callback: show slide `n` (the default, 1, stays out of the URL)."""
    if n <= 1:
        if "slide" in st.query_params:
            del st.query_params["slide"]
    else:
        st.query_params["slide"] = str(n)


bar.button(
    t("present.previous"),
    key="present_prev",
    icon=":material/arrow_back:",
    shortcut="Left",
    disabled=number <= 1,
    on_click=go_to,
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
    on_click=go_to,
    args=(number + 1,),
)
link = share.view_link(slide.page, slide.params)
bar.link_button(t("present.open_view"), link, icon=":material/open_in_full:")
with bar.container(width="content"):
    share.share_slot(
        t("present.heading", deck=deck.title),
        t("present.state", n=total, description=md_text(deck.description, limit=220)),
    )
bar.page_link(page_file("overview"), label=t("present.exit"), icon=":material/close:")

deck_problems = [p for name, ps in file_problems.items() if name == f"{deck_id}.json" for p in ps]
if deck_problems:
    header.warning(
        t("present.deck_problems", deck=md_text(deck.title), problems=problem_text(deck_problems))
    )

# The page's title is for screen readers and the tab; on screen the slide's own title leads.
header.container(key="present_title").title(
    t("present.heading", deck=md_text(deck.title)), anchor=False
)
with stage:
    st.header(md_text(slide.title), anchor=False)
    if slide.note:
        st.container(key="present_note").markdown(md_text(slide.note))
    # One frame slot per slide, in deck order, so a loaded frame keeps its place (and its
    # session) from one step to the next; only the slides near the current one hold a frame.
    frames = st.container(key="present_frames")
    for i, each in enumerate(deck.slides, start=1):
        box = frames.container(key=f"slide_frame_{i}")
        if number - PRELOAD_BEHIND <= i <= number + PRELOAD_AHEAD:
            src = share.view_link(each.page, each.params)
            box.iframe(
                src + ("&" if "?" in src else "?") + "embed=true",
                alt=t("present.frame_title", n=i, title=each.title),
            )
    st.html(SHOW.format(n=number))
