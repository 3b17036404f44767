"""Compare page, opened as shared links, driven by widget key, and with malformed links."""

from __future__ import annotations

import polars as pl

from tests.conftest import remove_evidence
from tests.pages.apptest import notices, open_page, plotly_specs, shown_tables, texts
from views.commitments import candidacy_options, priority_levels
from views.compare import axis_labels

EXAMPLE = ["antonio-guterres", "irina-bokova"]


def candidacy_traces(at) -> list[dict]:
    (spec,) = plotly_specs(at)
    return [tr for tr in spec["data"] if (tr.get("meta") or {}).get("kind") == "candidacy"]


def gap_traces(at) -> list[dict]:
    (spec,) = plotly_specs(at)
    return [tr for tr in spec["data"] if (tr.get("meta") or {}).get("kind") == "gap"]


def level_table(at):
    return shown_tables(at)[0]


def test_example_link_draws_two_candidacies_over_eight_axes(package):
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    assert at.selectbox(key="cycle").value == "2016"
    assert at.multiselect(key="candidate").value == EXAMPLE
    assert "2 candidacies of the 2016 cycle on eight priorities, as of 1 Jan 2017." in texts(at)
    data = candidacy_traces(at)
    assert [tr["meta"]["person_id"] for tr in data] == EXAMPLE
    axes = list(axis_labels(package["priorities"]).values())
    for tr in data:
        assert tr["meta"]["axes"] == axes
        assert len(tr["r"]) == len(tr["theta"]) == 8


def test_an_axis_without_evidence_is_none_in_the_radar_and_named_in_legend_and_table(package):
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    levels = priority_levels(package.tables, 2016, EXAMPLE)
    gap = levels.filter(pl.col("level").is_null()).row(0, named=True)
    axis = axis_labels(package["priorities"])[gap["priority_id"]]
    trace = next(tr for tr in candidacy_traces(at) if tr["meta"]["person_id"] == gap["person_id"])
    value = trace["r"][trace["meta"]["axes"].index(axis)]
    assert value is None and value != 0
    status_words = {
        "silent": "silent — searched, nothing found",
        "declined": "declined",
        "not-assessed": "not assessed yet",
    }
    legend = [tr for tr in gap_traces(at) if status_words[gap["status"]] in tr["name"]]
    assert legend, [tr["name"] for tr in gap_traces(at)]
    assert axis in legend[0]["meta"]["axes"]
    table = level_table(at)
    name = "António Guterres" if gap["person_id"] == "antonio-guterres" else "Irina Bokova"
    cell = table.loc[table["Priority"] == axis, name].iloc[0]
    assert status_words[gap["status"]] in cell


def test_a_not_assessed_axis_says_not_assessed_in_the_table(package, data_copy, monkeypatch):
    # SYNTHETIC: every real cell has evidence or a documented search, so remove the evidence of
    # one 2016 cell in a copy of the package.
    pid, priority = EXAMPLE[0], "p6"
    remove_evidence(data_copy, 2016, pid, priority)
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    at = open_page("compare", cycle="2016", candidate=[pid])
    axis = axis_labels(package["priorities"])[priority]
    (trace,) = candidacy_traces(at)
    assert trace["r"][trace["meta"]["axes"].index(axis)] is None
    assert any(tr["name"] == "not assessed yet" for tr in gap_traces(at))
    table = level_table(at)
    assert "not assessed" in table.loc[table["Priority"] == axis].iloc[0, 1]


def test_default_view_is_the_newest_cycle_and_its_first_two_candidacies(package):
    at = open_page("compare")
    assert at.selectbox(key="cycle").value == "2026"
    expected = [pid for pid, _ in candidacy_options(package.tables, 2026)[:2]]
    assert at.multiselect(key="candidate").value == expected
    assert len(candidacy_traces(at)) == 2
    assert not notices(at)


def test_each_name_links_to_its_profile_with_cycle_and_candidate():
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    links = [el.proto for el in at.get("page_link")]
    assert [link.query_string for link in links] == [
        f"cycle=2016&candidate={pid}" for pid in EXAMPLE
    ]
    assert {link.page for link in links} == {"candidate"}


def test_csv_download_is_offered_and_statements_are_listed():
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    assert at.get("download_button")
    body = texts(at)
    assert "The statements behind each point" in body
    assert "](http" in body  # source links


def test_choosing_candidates_in_the_widget_changes_the_view():
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    at.multiselect(key="candidate").set_value(["irina-bokova"]).run()
    assert not at.exception
    assert [tr["meta"]["person_id"] for tr in candidacy_traces(at)] == ["irina-bokova"]
    assert "1 candidacy of the 2016 cycle" in texts(at)
    assert at.query_params.get("candidate") in ("irina-bokova", ["irina-bokova"])


def test_changing_the_cycle_drops_the_old_cycles_candidates(package):
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    at.selectbox(key="cycle").set_value("2026").run()
    assert not at.exception
    expected = [pid for pid, _ in candidacy_options(package.tables, 2026)[:2]]
    assert at.multiselect(key="candidate").value == expected
    assert [tr["meta"]["person_id"] for tr in candidacy_traces(at)] == expected
    assert "2026 cycle" in texts(at)
    at.selectbox(key="cycle").set_value("2016").run()
    assert not at.exception
    expected_2016 = [pid for pid, _ in candidacy_options(package.tables, 2016)[:2]]
    assert at.multiselect(key="candidate").value == expected_2016


def test_clearing_the_selection_falls_back_to_the_default_not_a_crash(package):
    at = open_page("compare", cycle="2016", candidate=EXAMPLE)
    at.multiselect(key="candidate").set_value([]).run()
    assert not at.exception
    # url_multi treats "nothing chosen" as "the default" (defaults stay out of the URL)
    expected = [pid for pid, _ in candidacy_options(package.tables, 2016)[:2]]
    assert [tr["meta"]["person_id"] for tr in candidacy_traces(at)] == expected


def test_unknown_candidate_falls_back_with_a_notice(package):
    at = open_page("compare", cycle="2016", candidate=["nobody-at-all"])
    expected = [pid for pid, _ in candidacy_options(package.tables, 2016)[:2]]
    assert at.multiselect(key="candidate").value == expected
    assert "nobody-at-all" in notices(at)


def test_unknown_cycle_falls_back_to_the_newest_with_a_notice():
    at = open_page("compare", cycle="1800", candidate=EXAMPLE)
    assert at.selectbox(key="cycle").value == "2026"
    assert "1800" in notices(at)
    assert len(candidacy_traces(at)) == 2


def test_a_candidate_of_another_cycle_is_dropped_with_a_notice():
    at = open_page("compare", cycle="2026", candidate=["michelle-bachelet", "antonio-guterres"])
    assert at.multiselect(key="candidate").value == ["michelle-bachelet"]
    assert "antonio-guterres" in notices(at)


def test_more_than_four_candidates_keeps_four_with_a_notice(package):
    five = [pid for pid, _ in candidacy_options(package.tables, 2016)[:5]]
    at = open_page("compare", cycle="2016", candidate=five)
    assert at.multiselect(key="candidate").value == five[:4]
    assert len(candidacy_traces(at)) == 4
    assert "more than 4" in notices(at)


def test_a_2026_views_source_note_cites_what_it_shows_not_2016(package):
    at = open_page("compare", cycle="2026")
    captions = " ".join(str(c.value) for c in at.caption)
    assert "10 civil-society questions for all candidates (2016)" not in captions
    shown = package["statements"].filter(pl.col("cycle") == 2026)
    chosen = at.multiselect(key="candidate").value
    urls = shown.filter(pl.col("person_id").is_in(chosen))["source_url"].explode().to_list()
    assert urls and any(f"]({u})" in captions for u in urls)
    assert "sources these rows cite" in captions
