"""The one-page briefing: produced for a 2026 and a 2016 candidacy, self-contained (no script or
stylesheet from the internet), with the name, the eight priorities, sources and the as-of date."""

from __future__ import annotations

import re

import pytest

from components.briefing import briefing_html

EXTERNAL = re.compile(
    r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", re.IGNORECASE
)
CSS_IMPORT = re.compile(r"""@import|url\(\s*["']?(https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module", params=[(2026, "michelle-bachelet"), (2016, "antonio-guterres")])
def briefing(request, package):
    cycle, person_id = request.param
    return package, cycle, person_id, briefing_html(package, cycle, person_id, "en")


def test_briefing_names_the_candidacy_and_the_eight_priorities(briefing):
    package, cycle, person_id, html = briefing
    name = package["people"].filter(package["people"]["person_id"] == person_id)["name"][0]
    assert f"<title>{name} — {cycle} candidacy</title>" in html
    for row in package["priorities"].iter_rows(named=True):
        code = row["priority_id"].upper()
        assert f"<td>{code} {row['title']}</td>" in html.replace("&#x27;", "'")
        assert f"{code} · {code}" not in html  # the code once, then the title
    assert html.count("<tr><td>P") == package["priorities"].height


def test_briefing_cites_sources_and_says_as_of(briefing):
    package, cycle, person_id, html = briefing
    assert "as of" in html and package.version in html
    statements = package["statements"].filter(
        (package["statements"]["cycle"] == cycle)
        & (package["statements"]["person_id"] == person_id)
    )
    assert statements.height > 0
    first_url = statements["source_url"][0][0]
    assert f'href="{first_url.replace("&", "&amp;")}"' in html
    assert "CC-BY-4.0" in html or "licences" in html


def test_briefing_is_self_contained(briefing):
    *_, html = briefing
    assert EXTERNAL.search(html) is None
    assert CSS_IMPORT.search(html.split("</style>")[0]) is None
    assert html.count("<script") >= 2  # plotly.js inline, then the two figures
    assert 1_000_000 < len(html.encode()) < 8_000_000  # plotly.js embedded once, not twice
    assert html.count("plotly.js v") <= 2


def test_briefing_in_french_uses_the_french_catalogue(package):
    html = briefing_html(package, 2026, "michelle-bachelet", "fr")
    assert '<html lang="fr">' in html
    assert "Michelle Bachelet" in html


def test_briefing_lists_the_record_in_earlier_roles_or_says_there_is_none(briefing):
    package, cycle, person_id, html = briefing
    section = html.split("Record in earlier roles</h2>", 1)[1].split("</main>", 1)[0]
    entries = package["record_entries"].filter(package["record_entries"]["person_id"] == person_id)
    earlier = entries.filter(entries["date"].dt.year() < cycle + 1)
    if earlier.height:
        assert section.count("<li>") == earlier.height
        first_url = earlier["source_url"][0][0]
        assert f'href="{first_url.replace("&", "&amp;")}"' in section
    else:
        assert "No record entries for" in section
