"""Compare view and radar: eight axes in fixed order, gaps stay gaps, the table says what the radar
draws."""

from __future__ import annotations

import polars as pl
import pytest

from tests.conftest import without_evidence
from tests.views.synthetic import CYCLE, PEOPLE, synthetic_tables
from views import compare as view
from views.commitments import GAP_STATUSES, candidacy_options, priority_levels
from views.radar import RING_OFFSET, radar_figure, radar_text
from views.text import md_text
from views.words import Words

EXAMPLE = ["antonio-guterres", "irina-bokova"]


@pytest.fixture(scope="module")
def text():
    return radar_text(Words("en"))


def axis_order(package) -> list[str]:
    return list(view.axis_labels(package["priorities"]).values())


def traces(fig, kind: str) -> list[dict]:
    return [tr for tr in fig.to_dict()["data"] if (tr.get("meta") or {}).get("kind") == kind]


def test_axis_labels_follow_priority_order(package):
    labels = view.axis_labels(package["priorities"])
    assert list(labels) == [f"p{i}" for i in range(1, 9)]
    title = package["priorities"].filter(pl.col("priority_id") == "p1")["title"][0]
    assert labels["p1"] == f"P1 {title}"


def test_default_candidates_are_the_first_two_of_the_cycle(package):
    for cycle in (2016, 2026):
        expected = [pid for pid, _ in candidacy_options(package.tables, cycle)[:2]]
        assert view.default_candidates(package.tables, cycle) == expected


def test_radar_data_is_candidacy_by_priority_in_order(package):
    radar = view.radar_data(package.tables, 2016, EXAMPLE)
    assert radar.height == 2 * 8
    assert list(dict.fromkeys(radar["person_id"])) == EXAMPLE
    for pid in EXAMPLE:
        rows = radar.filter(pl.col("person_id") == pid)
        assert rows["axis"].to_list() == axis_order(package)


def test_gaps_stay_null_and_levels_carry_their_review(package):
    radar = view.radar_data(package.tables, 2016, EXAMPLE)
    gaps = radar.filter(pl.col("status").is_in(GAP_STATUSES))
    assert gaps.height > 0, "the example has axes without evidence"
    assert gaps["level"].null_count() == gaps.height
    assert gaps["review"].null_count() == gaps.height
    levels = radar.filter(pl.col("level").is_not_null())
    assert set(levels["review"]) <= {"provisional", "reviewed"}


def test_a_candidacy_from_another_cycle_is_left_out(package):
    radar = view.radar_data(package.tables, 2016, ["antonio-guterres", "michelle-bachelet"])
    assert set(radar["person_id"]) == {"antonio-guterres"}
    assert view.radar_data(package.tables, 2016, []).height == 0


def test_radar_has_one_trace_per_candidacy_over_eight_axes(package, text):
    radar = view.radar_data(package.tables, 2016, EXAMPLE)
    fig = radar_figure(radar, text)
    data = traces(fig, "candidacy")
    assert len(data) == 2
    for tr, pid in zip(data, EXAMPLE, strict=True):
        assert tr["meta"]["person_id"] == pid
        assert tr["meta"]["axes"] == axis_order(package)
        expected = radar.filter(pl.col("person_id") == pid)["level"].to_list()
        assert tr["meta"]["levels"] == expected
        # Drawn on ring level + 1; None where there is no level (never 0).
        assert list(tr["r"]) == [None if v is None else v + RING_OFFSET for v in expected]
        assert tr["connectgaps"] is False


def test_an_axis_without_evidence_is_a_named_gap_not_zero(package, text):
    radar = view.radar_data(package.tables, 2016, EXAMPLE)
    gap = radar.filter(pl.col("status").is_in(GAP_STATUSES)).row(0, named=True)
    fig = radar_figure(radar, text)
    person = next(
        tr for tr in traces(fig, "candidacy") if tr["meta"]["person_id"] == gap["person_id"]
    )
    index = person["meta"]["axes"].index(gap["axis"])
    assert person["r"][index] is None
    named = [tr for tr in traces(fig, "gap") if tr["name"] == text.status[gap["status"]]]
    assert len(named) == 1
    points = list(zip(named[0]["meta"]["person_ids"], named[0]["meta"]["axes"], strict=True))
    assert (gap["person_id"], gap["axis"]) in points
    specific_ring = 3 + RING_OFFSET
    assert all(r > specific_ring for r in named[0]["r"]), "gap marks sit outside 'specific'"


def test_not_assessed_is_a_gap_in_the_radar_and_says_so_in_the_table(package, text):
    # Every real cell is assessed or searched, so make one not assessed: drop the evidence of a
    # 2016 cell (a SYNTHETIC change to a copy of the tables).
    pid, priority = EXAMPLE[0], "p6"
    tables = without_evidence(package.tables, 2016, pid, priority)
    radar = view.radar_data(tables, 2016, [pid])
    axis = view.axis_labels(package["priorities"])[priority]
    fig = radar_figure(radar, text)
    (trace,) = traces(fig, "candidacy")
    assert trace["r"][trace["meta"]["axes"].index(axis)] is None
    assert any(tr["name"] == text.status["not-assessed"] for tr in traces(fig, "gap"))
    table = view.level_table(radar, text.cell)
    name = radar["name"][0]
    shown = table.filter(pl.col("priority") == axis)[name][0]
    assert "not assessed" in shown and "provisional" not in shown


def test_contradicts_is_a_real_zero(package, text):
    # SYNTHETIC: one 2016 cell whose only evidence is a statement that contradicts the ask (the
    # real data may hold no contradicting statement).
    pid, priority = EXAMPLE[0], "p6"
    cell = (
        (pl.col("cycle") == 2016)
        & (pl.col("person_id") == pid)
        & (pl.col("priority_id") == priority)
    )
    statement = package["statements"].filter(cell).head(1)
    statement = statement.with_columns(pl.col("commitment_level") * 0)  # level 0, same dtype
    tables = without_evidence(package.tables, 2016, pid, priority)
    tables["statements"] = pl.concat([tables["statements"], statement])
    levels = priority_levels(tables, 2016).filter(pl.col("status") == "contradicts")
    assert (pid, priority) in levels.select("person_id", "priority_id").rows()
    radar = view.radar_data(tables, 2016, [pid])
    (trace,) = traces(radar_figure(radar, text), "candidacy")
    axis = view.axis_labels(package["priorities"])[priority]
    index = trace["meta"]["axes"].index(axis)
    assert trace["meta"]["levels"][index] == 0
    assert trace["r"][index] == RING_OFFSET  # the innermost, labelled ring


def test_provisional_points_are_dashed_and_open_and_the_legend_says_so(package, text):
    radar = view.radar_data(package.tables, 2016, EXAMPLE)
    fig = radar_figure(radar, text)
    for tr in traces(fig, "candidacy"):
        rows = radar.filter(pl.col("person_id") == tr["meta"]["person_id"])
        for review, symbol in zip(rows["review"], tr["marker"]["symbol"], strict=True):
            if review == "provisional":
                assert symbol.endswith("-open")
        if "provisional" in rows["review"].to_list():
            assert tr["line"]["dash"] == "dash"
    keys = {tr["meta"]["review"]: tr["name"] for tr in traces(fig, "key")}
    assert keys.get("provisional") == text.provisional_key


def test_table_and_coverage_match_the_radar(package, text):
    radar = view.radar_data(package.tables, 2016, EXAMPLE)
    table = view.level_table(radar, text.cell)
    coverage = view.coverage_table(radar)
    names = list(dict.fromkeys(radar["name"]))
    assert table.columns == ["priority", *names] == coverage.columns
    assert table["priority"].to_list() == axis_order(package)
    for row in radar.iter_rows(named=True):
        cell = table.filter(pl.col("priority") == row["axis"])[row["name"]][0]
        assert text.status[row["status"]] in cell
        if row["review"]:
            assert cell.endswith(text.cell[row["review"]])
        cov = coverage.filter(pl.col("priority") == row["axis"])[row["name"]][0]
        assert cov == f"{row['asks_covered']} / {row['asks_total']}"


def test_statement_rows_are_the_chosen_candidacies_with_http_sources(package):
    rows = view.statement_rows(package.tables, 2016, EXAMPLE)
    expected = package["statements"].filter(
        (pl.col("cycle") == 2016) & pl.col("person_id").is_in(EXAMPLE)
    )
    assert rows.height == expected.height
    assert list(dict.fromkeys(rows["person_id"])) == EXAMPLE
    for pid in EXAMPLE:
        dates = rows.filter(pl.col("person_id") == pid)["date"].to_list()
        assert dates == sorted(dates)
    for urls in rows["source_url"].to_list() + rows["archive_url"].to_list():
        assert all(u.startswith(("http://", "https://")) for u in urls)
    assert all(len(urls) >= 1 for urls in rows["source_url"].to_list())


def test_empty_selection_gives_empty_frames(package, text):
    radar = view.radar_data(package.tables, 2016, [])
    assert radar.height == 0
    assert view.level_table(radar, text.cell).height == 0
    assert view.statement_rows(package.tables, 2016, []).height == 0
    assert radar_figure(radar, text).to_dict()["data"] == []


def marker_positions(fig) -> list[tuple[str, float, float]]:
    """(trace name, r, theta) of every drawn marker of the radar (candidacies and gap marks)."""
    points = []
    for tr in traces(fig, "candidacy") + traces(fig, "gap"):
        points += [(tr["name"], r, th) for r, th in zip(tr["r"], tr["theta"], strict=True) if r]
    return points


def test_four_candidacies_at_the_same_level_never_hide_each_other(package, text):
    # The 2016 cycle's first four candidacies: several share a level on the same priority.
    four = [pid for pid, _ in candidacy_options(package.tables, 2016)[:4]]
    radar = view.radar_data(package.tables, 2016, four)
    shared = radar.group_by("priority_id", "status").len().filter(pl.col("len") > 1)
    assert shared.height, "the example has candidacies at the same level on one priority"
    points = marker_positions(radar_figure(radar, text))
    places = [(round(r, 6), round(th % 360, 6)) for _, r, th in points]
    assert len(places) == radar.height  # one marker per candidacy × priority, gaps included
    assert len(set(places)) == len(places), "two markers at the same position"


def test_dodged_markers_stay_beside_their_own_spoke_and_clear_of_the_ring_labels(package, text):
    four = [pid for pid, _ in candidacy_options(package.tables, 2016)[:4]]
    fig = radar_figure(view.radar_data(package.tables, 2016, four), text)
    polar = fig.to_dict()["layout"]["polar"]
    spokes = polar["angularaxis"]["tickvals"]
    assert spokes == [i * 45 for i in range(8)]
    for tr in traces(fig, "candidacy"):
        for axis, r, th in zip(tr["meta"]["axes"], tr["r"], tr["theta"], strict=True):
            spoke = spokes[axis_order(package).index(axis)]
            if r is not None:
                # Within a third of the way to the next spoke: the ring labels sit half-way.
                assert abs(th - spoke) < 45 / 3, (tr["name"], axis, th)
    # Ring labels: contradicts, general, clear, specific on rings 1..4.
    assert polar["radialaxis"]["tickvals"] == [1, 2, 3, 4]


# --- the page's view model, on the SYNTHETIC package (tests/views/synthetic.py) ---

EN = Words("en")


@pytest.fixture(scope="module")
def syn():
    return synthetic_tables()


def _cell(table, axis: str, name: str) -> str:
    return table.filter(pl.col(EN("compare.col_priority")) == axis)[name][0]


def test_compare_choices_are_the_cycle_in_nomination_order(syn):
    choices = view.compare_choices(syn, CYCLE)
    assert choices.options == tuple(PEOPLE.items())
    assert choices.default == tuple(list(PEOPLE)[: view.DEFAULT_CANDIDATES])


def test_compare_model_names_every_gap_and_never_draws_it_as_zero(syn):
    model = view.compare_model(syn, CYCLE, tuple(PEOPLE), EN)
    axes = view.axis_labels(syn["priorities"])
    as_of = EN.date(syn["cycles"]["as_of"][0])
    assert model.state == EN("compare.state", n=len(PEOPLE), cycle=CYCLE, as_of=as_of)
    assert model.notice is None and not model.side_by_side  # three candidacies: full width
    assert model.people == tuple(PEOPLE)
    assert model.profiles == tuple((pid, md_text(name)) for pid, name in PEOPLE.items())
    assert model.radar.height == len(PEOPLE) * syn["priorities"].height
    levels = model.levels
    assert levels.columns == [EN("compare.col_priority"), *PEOPLE.values()]
    text = radar_text(EN)
    # Ada: p1 from statements (specific, provisional); p2 has nothing at all: not assessed.
    assert _cell(levels, axes["p1"], "Ada Alpha") == f"{text.cell['specific']} · provisional"
    assert _cell(levels, axes["p2"], "Ada Alpha") == text.cell["not-assessed"]
    assert _cell(levels, axes["p1"], "Bo Beta") == text.cell["silent"]
    assert _cell(levels, axes["p1"], "Cy Gamma") == text.cell["declined"]
    asks = syn["asks"].filter(pl.col("priority_id") == "p1").height
    assert _cell(model.coverage, axes["p1"], "Ada Alpha") == f"1 / {asks}"  # p1.a only
    # the radar: gaps are None on the candidacy's line and named in their own legend entries
    candidacy = [tr for tr in model.figure.data if tr.meta["kind"] == "candidacy"]
    ada = candidacy[0]
    assert ada.meta["levels"] == [3, None]
    assert ada.r[1] is None
    gaps = {tr.meta["status"]: tr for tr in model.figure.data if tr.meta["kind"] == "gap"}
    assert set(gaps) == {"silent", "declined", "not-assessed"}
    assert gaps["not-assessed"].name == text.status["not-assessed"]
    assert gaps["not-assessed"].meta["person_ids"] == ["ada-alpha", "cy-gamma"]
    assert model.csv_name == f"compare-{CYCLE}"


def test_compare_model_lists_each_candidacys_statements_or_says_none(syn):
    model = view.compare_model(syn, CYCLE, tuple(PEOPLE), EN)
    ada, bo, cy = model.statements
    assert ada.heading == "#### Ada Alpha"
    stmts = syn["statements"].filter(pl.col("person_id") == "ada-alpha").sort("date")
    lines = ada.lines.splitlines()
    assert len(lines) == stmts.height
    assert all(line.startswith("- **") for line in lines)
    assert all(EN.date(d) in line for d, line in zip(stmts["date"], lines, strict=True))
    assert EN("compare.second_hand") in bo.lines
    assert cy.lines is None and cy.none == EN("compare.no_statements", name="Cy Gamma")
    cited = model.shown["statements"]["source_url"].explode().to_list()
    expected = [
        u
        for pid in PEOPLE
        for urls in syn["statements"].filter(pl.col("person_id") == pid).sort("date")["source_url"]
        for u in urls
    ]
    assert cited == expected  # candidacies in the order chosen, then by date
    assert set(model.shown["searches"]["search_id"]) == set(syn["searches"]["search_id"])


def test_compare_model_of_one_none_and_an_empty_cycle(syn):
    as_of = EN.date(syn["cycles"]["as_of"][0])
    one = view.compare_model(syn, CYCLE, ("bo-beta", "nobody"), EN)  # unknown ids are left out
    assert one.people == ("bo-beta",) and one.side_by_side
    assert one.state == EN("compare.state_one", n=1, cycle=CYCLE, as_of=as_of)
    none = view.compare_model(syn, CYCLE, (), EN)
    assert none.notice == EN("compare.empty") and none.figure is None and none.levels is None
    assert none.state == EN("compare.state_none", cycle=CYCLE, as_of=as_of)
    empty = syn | {"candidacies": syn["candidacies"].clear()}
    assert view.compare_model(empty, CYCLE, (), EN).notice == EN(
        "compare.no_candidacies", cycle=CYCLE
    )
