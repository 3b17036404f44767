"""The one-page HTML briefing of a candidacy, offered for download on the candidate page.

The document is `views.briefing.briefing`, written from the candidate page's own view model
(`views.candidate.candidate_model`): the page hands over the model it shows.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.i18n import current_language, t
from loaders import Package
from loaders.clock import today
from views import briefing as view
from views.candidate import CandidateModel, candidate_model
from views.words import Words

__all__ = ["briefing_html", "briefing_button", "record_as_of"]


def record_as_of(package: Package):
    """The day the record entries were checked up to (None if the package does not say)."""
    as_of = package.descriptor.resource("record_entries").as_of
    return date.fromisoformat(as_of) if as_of else None


def briefing_html(
    package: Package,
    cycle: int,
    person_id: str,
    language: str = "en",
    model: CandidateModel | None = None,
) -> str:
    """The self-contained HTML briefing of one candidacy in `language` (works without a session);
    `model` is the candidate page's model of it in that language, built here if not given."""
    words = Words(language)
    if model is None:
        model = candidate_model(
            package.tables, cycle, person_id, words, record_as_of=record_as_of(package)
        )
    desc = package.descriptor
    licences = ", ".join(sorted({lic.get("name", "") for lic in desc.licenses if lic.get("name")}))
    return view.briefing(
        model,
        words,
        data_as_of=desc.as_of,
        version=package.version,
        licences=licences,
        generated=today(),
    )


def briefing_button(package: Package, model: CandidateModel) -> None:
    """A download button for the candidacy's one-page HTML briefing (built only when clicked)."""
    language = current_language()
    cycle, person_id = model.cycle, model.person_id
    st.download_button(
        t("share.brief_download"),
        data=lambda: briefing_html(package, cycle, person_id, language, model).encode("utf-8"),
        file_name=f"briefing-{cycle}-{person_id}-{language}.html",
        mime="text/html",
        key="briefing_download",
        on_click="ignore",
        icon=":material/description:",
        help=t("share.brief_help"),
    )
