"""Candidate profile page: shared links, widget keys, malformed links."""

from __future__ import annotations

import polars as pl

from tests.pages.apptest import notices, open_page, plotly_specs, texts
from views.commitments import candidacy_options


def timeline_traces(at) -> list[dict]:
    return [tr for tr in plotly_specs(at)[0]["data"] if "lane" in (tr.get("meta") or {})]


def lane_points(at, lane: str) -> list[tuple[str, str]]:
    """(date, label) of every mark in a lane of the timeline."""
    out = []
    for tr in timeline_traces(at):
        if tr["meta"]["lane"] == lane:
            out += [(x, data[1]) for x, data in zip(tr["x"], tr["customdata"], strict=True)]
    return sorted(out)


def test_example_link_shows_the_profile(package):
    at = open_page("candidate", cycle="2026", candidate="michelle-bachelet")
    assert at.selectbox(key="cycle").value == "2026"
    assert at.selectbox(key="candidate").value == "michelle-bachelet"
    body = texts(at)
    assert "Candidate profile: Michelle Bachelet" in body
    assert "Michelle Bachelet, candidate in the 2026 cycle" in body
    for state in ("Chile", "Brazil", "Mexico"):
        assert state in body
    assert "not a score of the person" in body
    assert len(plotly_specs(at)) == 2  # timeline and radar
    assert not notices(at)


def test_guterres_timeline_tells_the_whole_story_in_date_order(package):
    at = open_page("candidate", cycle="2016", candidate="antonio-guterres")
    selection = lane_points(at, "selection")
    labels = " ".join(label for _, label in selection)
    assert "nominates António Guterres" in labels
    assert "informal dialogue" in labels
    assert "appoints António Guterres" in labels
    polls = lane_points(at, "straw-polls")
    n_polls = (
        package["straw_polls"]
        .filter((pl.col("cycle") == 2016) & (pl.col("person_id") == "antonio-guterres"))
        .height
    )
    assert len(polls) == n_polls > 0
    assert all("encourage" in label for _, label in polls)
    record = lane_points(at, "record")
    n_record = (
        package["record_entries"]
        .filter(
            (pl.col("person_id") == "antonio-guterres") & (pl.col("date") >= pl.date(2017, 1, 1))
        )
        .height
    )
    assert len(record) == n_record > 0
    assert min(date for date, _ in record) >= "2017-01-01"
    appointment = next(d for d, label in selection if "appoints António Guterres" in label)
    assert max(d for d, _ in polls) < appointment < min(d for d, _ in record)
    # the same timeline as a table, in date order
    table = at.dataframe[0].value
    assert len(table) == sum(len(tr["x"]) for tr in timeline_traces(at))


def test_a_candidate_who_did_not_take_office_has_no_record_lane():
    at = open_page("candidate", cycle="2016", candidate="irina-bokova")
    assert not lane_points(at, "record")
    assert "not reported" in " ".join(label for _, label in lane_points(at, "straw-polls"))


def test_links_carry_cycle_and_candidate():
    at = open_page("candidate", cycle="2016", candidate="antonio-guterres")
    links = {el.proto.label: el.proto for el in at.get("page_link")}
    compare = links["Compare with…"]
    assert compare.page == "compare"
    assert compare.query_string == "cycle=2016&candidate=antonio-guterres"
    assert links["Back to the overview"].query_string == "cycle=2016"


def test_default_view_is_the_first_candidacy_of_the_newest_cycle(package):
    at = open_page("candidate")
    first = candidacy_options(package.tables, 2026)[0]
    assert at.selectbox(key="cycle").value == "2026"
    assert at.selectbox(key="candidate").value == first[0]
    assert f"Candidate profile: {first[1]}" in texts(at)


def test_choosing_another_candidate_in_the_widget_changes_the_view():
    at = open_page("candidate", cycle="2016", candidate="antonio-guterres")
    at.selectbox(key="candidate").set_value("helen-clark").run()
    assert not at.exception
    assert "Candidate profile: Helen Clark" in texts(at)
    assert at.query_params.get("candidate") in ("helen-clark", ["helen-clark"])


def test_changing_the_cycle_falls_back_to_that_cycles_first_candidacy(package):
    at = open_page("candidate", cycle="2016", candidate="antonio-guterres")
    at.selectbox(key="cycle").set_value("2026").run()
    assert not at.exception
    first = candidacy_options(package.tables, 2026)[0]
    assert at.selectbox(key="candidate").value == first[0]
    assert f"Candidate profile: {first[1]}" in texts(at)


def test_unknown_candidate_falls_back_with_a_notice(package):
    at = open_page("candidate", cycle="2016", candidate="nobody-at-all")
    assert at.selectbox(key="candidate").value == candidacy_options(package.tables, 2016)[0][0]
    assert "nobody-at-all" in notices(at)


def test_a_candidate_of_another_cycle_falls_back_with_a_notice(package):
    at = open_page("candidate", cycle="2026", candidate="antonio-guterres")
    assert at.selectbox(key="cycle").value == "2026"
    assert at.selectbox(key="candidate").value == candidacy_options(package.tables, 2026)[0][0]
    assert "antonio-guterres" in notices(at)


def test_unknown_cycle_and_repeated_candidate_fall_back_with_notices():
    at = open_page("candidate", cycle="1800", candidate=["michelle-bachelet", "macky-sall"])
    assert at.selectbox(key="cycle").value == "2026"
    assert "1800" in notices(at) and "candidate" in notices(at)


def test_overview_cards_link_to_each_profile(package):
    at = open_page(None, cycle="2016")
    links = [el.proto for el in at.get("page_link") if el.proto.page == "candidate"]
    n_2016 = package["candidacies"].filter(pl.col("cycle") == 2016).height
    assert len(links) == n_2016
    assert "cycle=2016&candidate=antonio-guterres" in {link.query_string for link in links}


def test_a_2026_candidate_shows_her_record_in_earlier_roles_with_sources(package):
    person = "michelle-bachelet"
    entries = package["record_entries"].filter(pl.col("person_id") == person)
    at = open_page("candidate", cycle="2026", candidate=person)
    (section,) = [
        m.value
        for m in at.markdown
        if m.value.startswith("- ")
        and " · P" in m.value
        and "UN High Commissioner for Human Rights" in m.value
    ]
    assert section.count("\n- ") + 1 == entries.height  # one line per entry
    assert "](https://" in section  # every line carries its source link
    links = {el.proto.label: el.proto for el in at.get("page_link")}
    record = next(p for label, p in links.items() if label.startswith("Michelle Bachelet's record"))
    assert (record.page, record.query_string) == ("record", f"person={person}")
    said = open_page("record", person=person)
    assert "Said as a candidate (2026)" in texts(said)


def test_a_candidate_without_an_earlier_record_says_it_is_not_assessed(package):
    with_record = set(package["record_entries"]["person_id"])
    person, name = (
        package["candidacies"]
        .filter((pl.col("cycle") == 2016) & ~pl.col("person_id").is_in(with_record))
        .join(package["people"], on="person_id")
        .select("person_id", "name")
        .row(0)
    )
    at = open_page("candidate", cycle="2016", candidate=person)
    assert f"No record entries for {name}'s earlier roles are in the data yet" in texts(at)


def test_bachelet_timeline_shows_chiles_withdrawal_and_hers(package):
    """Chile withdrew its nomination (the candidacy keeps that it nominated); then she withdrew."""
    withdrawals = (
        package["nominations"]
        .filter(
            (pl.col("cycle") == 2026)
            & (pl.col("person_id") == "michelle-bachelet")
            & (pl.col("action") == "withdrew")
        )
        .select("state_iso3", "date")
        .rows()
    )
    assert [s for s, _ in withdrawals] == ["CHL"]
    chile_day = withdrawals[0][1].isoformat()
    own_day = (
        package["candidacies"]
        .filter((pl.col("cycle") == 2026) & (pl.col("person_id") == "michelle-bachelet"))[
            "withdrawal_date"
        ][0]
        .isoformat()
    )
    at = open_page("candidate", cycle="2026", candidate="michelle-bachelet")
    selection = lane_points(at, "selection")
    assert any(
        day == chile_day and "Chile" in label and "withdraw" in label for day, label in selection
    )
    assert any(
        day == own_day and "Bachelet" in label and "withdraw" in label for day, label in selection
    )
    body = texts(at).replace("\\", "")  # Markdown escapes removed, as read on screen
    assert "Chile (withdrew" in body  # still listed among the states that nominated her
    assert "Brazil" in body and "Mexico" in body
    assert "Nominating states over time" in [e.label for e in at.expander]
    assert "Chile: withdrew its nomination" in body  # the dated history under the facts
    assert not notices(at)
