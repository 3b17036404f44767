"""Presentation mode: a deck of saved views, one slide at a time, full screen, for a projector.

`/present?deck=race-2026&slide=3`: the deck and the slide (1-based) live in the URL, so every slide
is a link. The slide is the real page, shown in a same-origin frame with `?embed=true` (Streamlit's
chrome-less mode); ← and → (or the buttons) move between slides.
"""

import streamlit as st

from components import share
from components.i18n import t
from components.layout import page_header
from components.url_state import url_choice
from views import decks as view
from views.text import md_text

DEFAULT_DECK = "race-2026"

# Full screen: no sidebar, toolbar or header on this page only; large, high-contrast type. The
# style travels with the (visible) keyboard hint, first on the page, so it applies at once.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], header {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 1rem 2rem 1rem 2rem; max-width: 100%;}
[data-testid="stMainBlockContainer"] h1 {font-size: 1.5rem; padding: 0;}
[data-testid="stMainBlockContainer"] h2 {font-size: 2.4rem; color: #000; padding: 0.2rem 0;}
.st-key-present_counter p {font-size: 1.8rem; font-weight: 700; color: #000; text-align: center;}
.st-key-present_note p {font-size: 1.45rem; color: #000;}
.st-key-present_prev button, .st-key-present_next button {font-size: 1.3rem; min-height: 3rem;}
.st-key-present_frame iframe {height: calc(100vh - 16rem) !important; min-height: 480px;
  border: 2px solid #1a1f24;}
</style>"""
st.caption(STYLE + t("present.keys_help"), unsafe_allow_html=True)


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


header = st.container()
body = st.container()
upload_box = st.expander(t("present.upload"), icon=":material/upload_file:")
upload = upload_box.file_uploader(
    t("present.upload"),
    type=["json"],
    key="present_upload",
    help=t("present.upload_help", max=view.MAX_UPLOAD_BYTES // 1024),
    label_visibility="collapsed",
)
if upload is not None and st.session_state.get("_present_upload_id") != upload.file_id:
    st.session_state["_present_upload_id"] = upload.file_id
    with upload_box:
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


def problem_text(problems: list[view.Problem]) -> str:
    return "; ".join(md_text(t(p.key, **p.values)) for p in problems)


if not decks:
    with header:
        page_header(t("present.title"), t("present.no_decks"))
    for name, problems in file_problems.items():
        body.warning(
            t("present.file_problems", file=md_text(name), problems=problem_text(problems))
        )
else:
    slide_row = body.container()
    note_box = body.container(key="present_note")
    frame_box = body.container(key="present_frame")
    bottom = body.columns([3, 3, 2, 2], vertical_alignment="bottom")

    deck_id = url_choice(
        "deck",
        list(by_id),
        default=DEFAULT_DECK if DEFAULT_DECK in by_id else decks[0].id,
        label=t("present.deck"),
        format_func=deck_label,
        container=bottom[0],
    )
    deck = by_id[deck_id]
    slide_ids = [str(i) for i in range(1, len(deck.slides) + 1)]

    # A slide number left over from the previous deck is dropped quietly when the deck changes.
    last_deck = st.session_state.get("_present_deck")
    st.session_state["_present_deck"] = deck_id
    if last_deck is not None and last_deck != deck_id:
        if st.query_params.get("slide") not in (None, *slide_ids):
            del st.query_params["slide"]

    number = int(
        url_choice(
            "slide",
            slide_ids,
            default="1",
            label=t("present.slide"),
            format_func=lambda s: t(
                "present.slide_option", n=s, title=deck.slides[int(s) - 1].title
            ),
            container=bottom[1],
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

    with header:
        page_header(
            t("present.heading", deck=deck.title),
            t("present.state", n=total, description=md_text(deck.description, limit=220)),
        )
    deck_problems = [
        p for name, ps in file_problems.items() if name == f"{deck_id}.json" for p in ps
    ]
    if deck_problems:
        header.warning(
            t(
                "present.deck_problems",
                deck=md_text(deck.title),
                problems=problem_text(deck_problems),
            )
        )

    with slide_row:
        title_col, prev_col, count_col, next_col = st.columns(
            [6, 1.3, 1, 1.3], vertical_alignment="center"
        )
        title_col.header(md_text(slide.title), anchor=False)
        prev_col.button(
            t("present.previous"),
            key="present_prev",
            shortcut="Left",
            disabled=number <= 1,
            on_click=go_to,
            args=(number - 1,),
            width="stretch",
        )
        count_col.container(key="present_counter").markdown(
            t("present.counter", n=number, total=total)
        )
        next_col.button(
            t("present.next"),
            key="present_next",
            shortcut="Right",
            disabled=number >= total,
            on_click=go_to,
            args=(number + 1,),
            width="stretch",
        )
    if slide.note:
        note_box.markdown(t("present.note", note=md_text(slide.note)))

    link = share.view_link(slide.page, slide.params)
    frame_src = link + ("&" if "?" in link else "?") + "embed=true"
    frame_box.iframe(
        frame_src, height=720, alt=t("present.frame_title", n=number, title=slide.title)
    )

    bottom[2].markdown(f"[{t('present.open_view')}]({link})")
    bottom[3].page_link("app_pages/overview.py", label=t("present.exit"), icon="✖️")
