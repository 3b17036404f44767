"""Record in office page, opened as links and driven by widget key."""

import polars as pl

from tests.pages.apptest import notices, open_page, plotly_specs, texts

PERSON = "antonio-guterres"


def timeline_ids(at):
    spec = plotly_specs(at)[0]
    return [c[0] for tr in spec["data"] for c in tr["customdata"]], spec


def in_office(package):
    """The Secretary-General's entries from the start of the term (the default period)."""
    term = package["cycles"].filter(pl.col("appointee_person_id") == PERSON)["term_start"][0]
    entries = package["record_entries"].filter(pl.col("person_id") == PERSON)
    return entries.filter(pl.col("date").dt.year() >= term.year)


def test_example_link_shows_only_p3_and_all_of_them_in_office(package):
    at = open_page("record", person=PERSON, priority="p3")
    assert at.selectbox(key="person").value == PERSON
    assert at.multiselect(key="priority").value == ["p3"]
    ids, spec = timeline_ids(at)
    p3 = in_office(package).filter(pl.col("priority_id") == "p3")
    assert sorted(ids) == sorted(p3["entry_id"])
    assert {c[1] for tr in spec["data"] for c in tr["customdata"]} == {"p3"}
    assert {tr["name"] for tr in spec["data"]} <= {
        "advances",
        "mixed",
        "falls short",
    }
    body = texts(at)
    assert f"{p3.height} record entries" in body
    assert "Said as a candidate (2016)" in body


def test_default_view_shows_every_entry_of_the_term(package):
    at = open_page("record")
    assert at.selectbox(key="person").value == PERSON
    ids, spec = timeline_ids(at)
    entries = in_office(package)
    assert len(ids) == entries.height
    years = entries["date"].dt.year()
    assert at.select_slider(key="from").value == str(years.min())
    assert at.select_slider(key="to").value == str(years.max())
    # month-precision dates are shown to the month
    month = entries.filter(pl.col("date_precision") == "month").sort("date").row(0, named=True)
    shown = at.dataframe[1].value.iloc[:, 0].tolist()
    assert month["date"].strftime("%b %Y") in shown
    # said vs did: every priority gets a "said" side, never blank
    assert texts(at).count("Said as a candidate (2016)") == 8
    assert "No statement found" in texts(at)


def test_period_and_assessment_filters():
    at = open_page("record", assessment=["mixed"], **{"from": "2019", "to": "2020"})
    spec = plotly_specs(at)[0]
    assert [tr["name"] for tr in spec["data"]] == ["mixed"]
    assert all("2019" <= x[:4] <= "2020" for tr in spec["data"] for x in tr["x"])


def test_changing_the_widgets_changes_the_view(package):
    at = open_page("record")
    at.multiselect(key="priority").set_value(["p8"]).run()
    ids, _ = timeline_ids(at)
    p8 = package["record_entries"].filter(
        (pl.col("person_id") == PERSON) & (pl.col("priority_id") == "p8")
    )
    assert sorted(ids) == sorted(p8["entry_id"])
    assert at.query_params.get("priority") in ("p8", ["p8"])


def test_filters_without_rows_say_what_to_do(package):
    entries = package["record_entries"].filter(pl.col("person_id") == PERSON)
    years = entries["date"].dt.year()
    used = set(entries.select("priority_id", pl.col("date").dt.year()).iter_rows())
    empty = next(
        (p, y)
        for p in package["priorities"]["priority_id"]
        for y in range(years.min(), years.max() + 1)
        if (p, y) not in used
    )
    at = open_page("record", priority=empty[0], **{"from": str(empty[1]), "to": str(empty[1])})
    assert plotly_specs(at) == []
    body = texts(at)
    assert "No record entry matches these filters" in body
    assert "No record entry on this priority in the filters above" in body


def test_clearing_a_filter_goes_back_to_all():
    at = open_page("record", priority="p3")
    at.multiselect(key="priority").set_value([]).run()
    assert not at.exception
    assert plotly_specs(at)
    assert at.query_params.get("priority") in (None, [], "")


def test_malformed_links_show_default_with_notice():
    at = open_page("record", person="nobody", priority="p9", assessment="bogus")
    assert at.selectbox(key="person").value == PERSON
    assert at.multiselect(key="priority").value == [f"p{i}" for i in range(1, 9)]
    text = notices(at)
    assert "nobody" in text and "p9" in text and "bogus" in text


def test_period_that_ends_before_it_starts_falls_back(package):
    at = open_page("record", **{"from": "2024", "to": "2019"})
    years = in_office(package)["date"].dt.year()
    assert at.select_slider(key="from").value == str(years.min())
    assert at.select_slider(key="to").value == str(years.max())
    text = notices(at)
    assert "2024" in text and "2019" in text


def test_the_secretary_generals_earlier_roles_are_one_link_away(package):
    entries = package["record_entries"].filter(pl.col("person_id") == PERSON)
    earlier = entries.filter(pl.col("role") != "Secretary-General")
    assert earlier.height > 0  # e.g. UN High Commissioner for Refugees
    first = str(entries["date"].dt.year().min())
    at = open_page("record", person=PERSON, **{"from": first})
    ids, _ = timeline_ids(at)
    assert len(ids) == entries.height
    assert "UN High Commissioner for Refugees" in texts(at)


def test_record_legend_names_each_assessment_once_without_doubling_its_symbol():
    at = open_page("record")
    (spec, *_) = plotly_specs(at)
    names = [tr.get("name") or "" for tr in spec["data"] if tr.get("showlegend", True)]
    assert names, "the record chart has a legend"
    for name in names:
        assert not name.startswith(("▲", "◆", "▼")), name  # the marker is drawn by the legend
