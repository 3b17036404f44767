"""The briefing, written from the candidate page's model on a SYNTHETIC race
(tests/views/synthetic.py): the not-assessed cell, the sources, the words of its language."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.views import synthetic_race as synthetic
from views import briefing as view
from views import candidate as candidate_view
from views.words import Words

WORDS = Words("en")


@pytest.fixture(scope="module")
def model(package):
    return candidate_view.candidate_model(synthetic.tables(package), 2030, "ann-test", WORDS)


def document(model, words=WORDS) -> str:
    return view.briefing(
        model, words, data_as_of="2030-07-01", version="v-synthetic", licences="CC-BY-4.0",
        generated=dt.date(2030, 8, 1),
    )  # fmt: skip


def test_levels_come_from_the_models_radar_with_the_gap_as_a_gap(model):
    data = view.briefing_data(model)
    assert [row["priority"] for row in data.levels] == model.radar["axis"].to_list()
    gap = data.levels[1]
    assert gap["level"] == model.radar_text.cell["not-assessed"]
    html = document(model)
    assert f"<td>{gap['priority']}</td><td>{gap['level']}</td>" in html
    assert data.statements is model.statements and data.earlier is model.earlier


def test_the_document_cites_the_models_sources_and_says_its_version(model):
    html = document(model)
    for url in model.who.sources + [s["source_url"][0] for s in model.statements]:
        assert f'href="{url}"' in html
    assert "v-synthetic" in html and WORDS.date(dt.date(2030, 8, 1)) in html
    assert "Atlantis, Borduria" in html  # the nominating states by name
    assert html.count("<li><strong>") == len(model.statements) + len(model.earlier)


def test_the_document_is_in_the_language_of_its_words(package):
    french = Words("fr")
    model = candidate_view.candidate_model(synthetic.tables(package), 2030, "ann-test", french)
    html = document(model, french)
    assert '<html lang="fr">' in html
    assert french("candidate.who") in html
