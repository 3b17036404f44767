"""Overview page, opened as links and driven by widget key."""

from tests.pages.apptest import open_page, texts
from views import overview


def test_default_view_is_the_newest_cycle(package):
    at = open_page()
    assert at.selectbox(key="cycle").value == "2026"
    body = texts(at)
    n_2026 = package["candidacies"].filter(package["candidacies"]["cycle"] == 2026).height
    assert f"{n_2026} candidacies in the 2026 selection cycle" in body
    assert "Michelle Bachelet" in body
    assert "The eight priorities" in body


def test_link_with_cycle_shows_that_cycle():
    at = open_page(cycle="2016")
    assert at.selectbox(key="cycle").value == "2016"
    body = texts(at)
    assert "13 candidacies in the 2016 selection cycle" in body
    assert "António Guterres" in body and "Michelle Bachelet" not in body


def test_changing_the_widget_changes_the_view():
    at = open_page()
    at.selectbox(key="cycle").set_value("2016").run()
    assert "13 candidacies in the 2016 selection cycle" in texts(at)
    assert at.query_params.get("cycle") in ("2016", ["2016"])


def test_malformed_link_shows_default_with_notice():
    at = open_page(cycle="1800", foo="<script>alert(1)</script>")
    assert at.selectbox(key="cycle").value == "2026"
    notices = " ".join(str(i.value) for i in at.info)
    assert "cycle" in notices and "1800" in notices.replace("\\", "")
    assert "foo" in notices


def test_an_open_cycle_with_old_data_warns_that_the_race_may_have_moved_on(package):
    at = open_page(cycle="2026")  # data checked in April 2026; every later run is > 60 days on
    (warning,) = [w.value for w in at.warning]
    assert "this selection is still under way" in warning
    as_of = overview.cycle_summary(package.tables, 2026).as_of
    assert f"{as_of.day} {as_of:%b %Y}" in warning


def test_a_finished_cycle_has_no_staleness_warning():
    assert not [w.value for w in open_page(cycle="2016").warning]
