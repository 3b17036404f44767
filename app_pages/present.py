"""Presentation mode: a deck of saved views, one slide at a time, full screen, for a projector.

`/present?deck=race-2026&slide=3`: the deck and the slide (1-based) live in the URL, so every slide
is a link. A slide is its title, its key sentence (the deck's note) and the view's main figure with
its caption and source line: the real page in a same-origin frame with `?embed=true`, where
`components.slides` shows only that figure, sized to the frame. Every slide's frame is kept loaded
(stacked, hidden; around the current slide only in a long deck), so a step shows a drawn frame.
All controls sit in one bar under the slide; ← and → (or the buttons) move between slides.
"""

import streamlit as st

from components import present, share
from components.i18n import t
from components.layout import page_header
from components.registry import page_target
from components.url_state import changed_here, notice_slot, url_choice
from views.text import md_text

DEFAULT_DECK = "race-2026"

notice_slot()  # a bad link's notices, above the slide
decks, file_problems = share.shipped_decks()
shipped = {deck.id for deck in decks}

header = st.container()
stage = st.container(key="present_stage")
bar = st.container(
    key="present_bar", horizontal=True, wrap=False, vertical_alignment="center", gap="small"
)
st.html(present.STYLE)

# The upload sits in the bar, in a popover; it is read before the deck list is made.
present.upload_control(bar, shipped)
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
            t("present.file_problems", file=md_text(name), problems=present.problem_text(problems))
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
present.step_buttons(bar, number, total)
link = share.view_link(slide.page, slide.params)
bar.link_button(t("present.open_view"), link, icon=":material/open_in_full:")
with bar.container(width="content"):
    share.share_slot(
        t("present.heading", deck=deck.title),
        t("present.state", n=total, description=md_text(deck.description, limit=220)),
    )
bar.page_link(page_target("overview"), label=t("present.exit"), icon=":material/close:")

deck_problems = [p for name, ps in file_problems.items() if name == f"{deck_id}.json" for p in ps]
if deck_problems:
    problems = present.problem_text(deck_problems)
    header.warning(t("present.deck_problems", deck=md_text(deck.title), problems=problems))

# The page's title is for screen readers and the tab; on screen the slide's own title leads.
header.container(key="present_title").title(
    t("present.heading", deck=md_text(deck.title)), anchor=False
)
present.show_slide(stage, deck, number)
