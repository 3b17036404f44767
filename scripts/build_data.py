"""Initial transcription of the reference fact tables into the curated data package.

Run once from the repository root:

    python scripts/build_data.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ``../shared/reference`` (relative to the repository root). The script
uses only the Python standard library and writes, deterministically (sorted rows, fixed column
order, fixed ``created`` date):

- ``data/<resource>.csv`` for every resource and ``data/datapackage.json`` (Frictionless Data
  Package with one Table Schema per resource);
- ``static/geo/countries_50m.geojson`` and ``static/geo/countries_110m.geojson`` (cleaned copies of
  the reference Natural Earth geometry), printing their sizes.

This is the *initial* transcription only. From here on ``data/`` is edited directly and every
change is logged in ``data/CHANGELOG.md``; re-running this script would overwrite those edits.

Where every input came from (all under REFERENCE_DIR; see its README.md and
indicators/SOURCES.md for the compilers' own notes):

- ``agenda/asks.csv`` -- the 8 priorities and 29 asks of the joint NGO agenda of 11 April 2016
  ("Human Rights Priorities: A Human Rights Agenda for the next UN Secretary-General", Amnesty
  International, CIVICUS, GCR2P, HRW, FIDH, WFM-IGP), already restated in the project's words.
- ``sg_selection/cycles.csv``, ``candidates.csv``, ``events.csv``, ``straw_polls.csv`` -- selection
  milestones, nominated candidates, dated events and 2016 straw polls, hand-compiled from un.org,
  Security Council Report, 1 for 7/8 Billion, Wikipedia and news reports (one or more URLs per row).
- ``accountability/candidate_statements.csv`` -- candidates' statements coded 0-3 and
  ``accountability/sg_record.csv`` -- the Secretary-General's record 2017-2025, both hand-compiled
  with a source URL per row.
- ``indicators/countries.csv`` -- Gapminder Systema Globalis (CC BY 4.0), UN admission years from
  country_converter 1.3.2, UN regional groups from datenoio/internacia-db (MIT).
- ``indicators/death_penalty_status.csv`` -- Amnesty International, Death Sentences and Executions
  2022, Annex II, via amnestywebsite/amnesty-death-penalty data.json (facts, cited).
- ``indicators/hr_treaty_status.csv`` -- UN Treaty Collection status (Aug 2022) via
  world-politics-datalab/humanrights-treaties-ratification-status (repo has no licence file).
- ``indicators/unga_moratorium_votes.csv`` -- Voeten et al. UNGA voting data (CC0) via the R
  package unvotes.
- ``indicators/refugees_hosted.csv`` -- UNHCR Refugee Data Finder (CC BY 4.0) via
  ForcedDisplacementStat.
- ``indicators/women_in_parliament.csv`` and ``women_in_parliament_2021.csv`` -- Inter-Parliamentary
  Union (IPU) historical database 1945-2018 and monthly ranking of 1 Sep 2021 via
  Mafaldim/women-in-parliament (IPU terms not verified).
- ``indicators/sc_vetoes.csv`` -- UN Dag Hammarskjold Library veto list via
  world-politics-datalab/vetoes-un-security-council (MIT).
- ``indicators/rome_statute.csv`` -- partial, hand-transcribed from a Wikipedia copy,
  Parliamentarians for Global Action, ICC/ASP statements and news (URL per row).
- ``indicators/peacekeeping_missions.csv`` -- hand-transcribed from UN mission pages and others
  (URL per row); HQ coordinates from GeoNames (CC BY 4.0).
- ``indicators/countries_ne50m.geojson`` / ``countries_ne110m.geojson`` -- Natural Earth Admin-0
  (public domain) via npm world-atlas 2.0.2.

Every transformation made here is listed in data/CHANGELOG.md (entry of 2026-11-27).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
GEO_DIR = REPO_ROOT / "static" / "geo"
CREATED = "2026-11-27T00:00:00Z"  # fixed so that re-running gives identical output

# --------------------------------------------------------------------------------------------
# Licences and sources
# --------------------------------------------------------------------------------------------
PROJECT = "UN SG Human Rights Tracker contributors"
LIC_PROJECT = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": f"Creative Commons Attribution 4.0 ({PROJECT})",
}
LIC_CC_BY = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
LIC_CC0 = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": "CC0 1.0 public domain dedication (Voeten et al., UNGA voting data)",
}
LIC_MIT_DATALAB = {
    "name": "MIT",
    "path": "https://github.com/world-politics-datalab/vetoes-un-security-council",
    "title": "MIT licence (c) 2022 The World Politics Data Lab",
}
LIC_MIT_INTERNACIA = {
    "name": "MIT",
    "path": "https://github.com/datenoio/internacia-db",
    "title": "MIT licence (datenoio/internacia-db, UN regional groups)",
}
LIC_PD_NE = {
    "name": "public-domain",
    "path": "https://www.naturalearthdata.com/about/terms-of-use/",
    "title": "Public domain (Natural Earth)",
}
LIC_AMNESTY = {
    "name": "amnesty-facts-cited",
    "path": "https://github.com/amnestywebsite/amnesty-death-penalty",
    "title": "Amnesty International — facts transcribed with citation",
}
LIC_IPU = {
    "name": "IPU-terms-not-verified",
    "path": "https://data.ipu.org/",
    "title": "Inter-Parliamentary Union (IPU) Parline data — reuse terms not verified",
}
LIC_UNTC = {
    "name": "UNTC-facts-cited",
    "path": "https://treaties.un.org/",
    "title": "Treaty status facts from the UN Treaty Collection, cited "
    "(compiling repository has no licence file)",
}
LIC_FACTS = {
    "name": "facts-cited",
    "path": "https://www.icc-cpi.int/",
    "title": "Public facts transcribed with a citation per row",
}

URL_AGENDA = (
    "https://globalr2p.org/publications/joint-statement-human-rights-priorities-a-human-rights-"
    "agenda-for-the-next-united-nations-secretary-general"
)
URL_UN_SG2016 = (
    "https://www.un.org/sg/en/content/selection-and-appointment-of-ant%C3%B3nio-guterres"
)
URL_WIKI2016 = "https://en.wikipedia.org/wiki/2016_United_Nations_Secretary-General_selection"
URL_SCR = (
    "https://www.securitycouncilreport.org/whatsinblue/2016/08/"
    "third-straw-poll-to-select-the-next-secretary-general.php"
)
URL_1F8B_2026 = (
    "https://1for8billion.org/news/2025/11/25/"
    "and-were-off-the-race-to-select-the-uns-10th-secretary-general-begins"
)
URL_GAPMINDER = (
    "https://github.com/open-numbers/ddf--gapminder--systema_globalis/tree/"
    "c63631abeb62af6db3910f68be7c2b443beca50b"
)
URL_INTERNACIA = (
    "https://github.com/datenoio/internacia-db/tree/6f69d8418a55ba4a9c6d0134831e41444170cb0e/"
    "data/intblocks/unregionalblocks"
)
URL_COCO = "https://pypi.org/project/country-converter/1.3.2/"
URL_AMNESTY = (
    "https://github.com/amnestywebsite/amnesty-death-penalty/blob/"
    "a3bb5fe339b8e09f770a902d887a0ad5cd012e29/data/data.json"
)
URL_TREATIES = (
    "https://github.com/world-politics-datalab/humanrights-treaties-ratification-status/tree/"
    "fdb779e6a4a121c3024b4a72e72833a448a2b62d"
)
URL_UNTC_CH4 = "https://treaties.un.org/Pages/Treaties.aspx?id=4&subid=A&clang=_en"
URL_UNVOTES = "https://github.com/dgrtwo/unvotes/tree/7eb7034314ff79c49c9e0785fcd9d216fa04cf14"
URL_VOETEN = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379"
URL_UNHCR = "https://www.unhcr.org/refugee-statistics/"
URL_FDS = (
    "https://github.com/Edouard-Legoupil/ForcedDisplacementStat/tree/"
    "8cf49ac4e14ec9f37de7f507fe0029f2aeb2967f"
)
URL_IPU_REPO = (
    "https://github.com/Mafaldim/women-in-parliament/tree/"
    "b796cde3231b350d393aec5e86f80e0bec95aed3/static/data"
)
URL_IPU = "https://data.ipu.org/"
URL_DHL_VETO = "https://research.un.org/en/docs/sc/quick/veto"
URL_VETO_REPO = (
    "https://github.com/world-politics-datalab/vetoes-un-security-council/tree/"
    "661c5246872143cf16e500e4e7f2f70a45df5ac8"
)
URL_PGA_ROME = "https://www.pgaction.org/es/ilhr/rome-statute/states-parties.html"
URL_WIKI_ROME = (
    "https://www.dl1.en-us.nina.az/"
    "States_parties_to_the_Rome_Statute_of_the_International_Criminal_Court.html"
)
URL_ICC_HUN = (
    "https://www.icc-cpi.int/news/"
    "president-assembly-states-parties-regrets-withdrawal-rome-statute-hungary"
)
URL_DPO = "https://peacekeeping.un.org/en"
URL_GEONAMES = "https://www.geonames.org/"
URL_WORLD_ATLAS = "https://www.npmjs.com/package/world-atlas/v/2.0.2"
URL_NE = "https://www.naturalearthdata.com/downloads/50m-cultural-vectors/"

REGIONAL_GROUPS = [
    "African Group",
    "Asia-Pacific Group",
    "Eastern European Group",
    "Latin American and Caribbean Group",
    "Western European and Others Group",
]


def src(title: str, path: str) -> dict[str, str]:
    return {"title": title, "path": path}


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------
def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV as dicts of strings; `NA` (Namibia) stays a string, nothing becomes None."""
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def urls(cell: str) -> str:
    """Normalise a `;`-separated list of URLs to `; ` and check each is absolute http(s)."""
    items = [u.strip() for u in cell.split(";") if u.strip()]
    for u in items:
        if not re.match(r"^https?://[^\s;<>\"]+$", u):
            raise ValueError(f"not an http(s) URL: {u!r}")
    return "; ".join(items)


def join_urls(*cells: str) -> str:
    seen: list[str] = []
    for cell in cells:
        for u in urls(cell).split("; "):
            if u and u not in seen:
                seen.append(u)
    return "; ".join(seen)


def month_date(value: str) -> tuple[str, str]:
    """'2017-01' -> ('2017-01-01', 'month'); '2017-01-05' -> (same, 'day'); '2017' -> year."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value + "-01", "month"
    if re.fullmatch(r"\d{4}", value):
        return value + "-01-01", "year"
    raise ValueError(f"unreadable date {value!r}")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(name: str, fields: list[dict], rows: list[dict]) -> None:
    names = [f["name"] for f in fields]
    with (DATA_DIR / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            extra = set(row) - set(names)
            if extra:
                raise KeyError(f"{name}: columns not in schema: {sorted(extra)}")
            writer.writerow([cell(row.get(n)) for n in names])


def F(
    name,
    type_="string",
    description="",
    *,
    required=False,
    enum=None,
    pattern=None,
    minimum=None,
    maximum=None,
    unique=False,
    sep=None,
    url=False,
) -> dict:
    """One Table Schema field."""
    field: dict = {"name": name, "type": type_, "description": description}
    constraints: dict = {}
    if required:
        constraints["required"] = True
    if unique:
        constraints["unique"] = True
    if enum is not None:
        constraints["enum"] = list(enum)
    if pattern is not None:
        constraints["pattern"] = pattern
    if minimum is not None:
        constraints["minimum"] = minimum
    if maximum is not None:
        constraints["maximum"] = maximum
    field["constraints"] = constraints
    if sep:
        field["x-separator"] = sep
    if url:
        field["x-url"] = True
    return field


def FK(fields, resource, ref_fields) -> dict:
    return {"fields": list(fields), "reference": {"resource": resource, "fields": list(ref_fields)}}


SOURCE_URL_DESC = (
    "Where this row's facts come from: one or more http(s) addresses separated by '; '."
)


def source_field(desc: str = SOURCE_URL_DESC, required: bool = True) -> dict:
    return F("source_url", "string", desc, required=required, sep="; ", url=True)


# --------------------------------------------------------------------------------------------
# Agenda: priorities and asks
# --------------------------------------------------------------------------------------------
PRIORITY_TEXT = {
    "p1": (
        "UN human-rights impact",
        "Make human rights count across the UN's work: resources, field missions that report "
        "abuses, peacekeepers who protect civilians, senior staff who speak out, and zero "
        "tolerance of sexual abuse by UN personnel.",
    ),
    "p2": (
        "Marginalized people",
        "Press states to protect the rights of people pushed to the margins and to end all "
        "discrimination, including on sexual orientation and gender identity.",
    ),
    "p3": (
        "Preventing atrocities",
        "Use the Secretary-General's voice and Article 99 power to warn of mass atrocities and "
        "help stop them, including by pushing back on vetoes that block action.",
    ),
    "p4": (
        "Combating impunity",
        "Back international and national justice for the gravest crimes, including political "
        "and financial support for the International Criminal Court.",
    ),
    "p5": (
        "Civil society",
        "Stand up for human rights defenders, journalists and civil society groups: their "
        "funding, their place in UN meetings and their safety from reprisals.",
    ),
    "p6": (
        "Gender equality",
        "Advance women's rights and reach gender parity at every level of UN leadership, with "
        "senior gender expertise across the system.",
    ),
    "p7": (
        "Refugees and migrants",
        "Defend the right to seek asylum, share responsibility for refugees fairly, put human "
        "rights into the governance of migration and speak out against xenophobia.",
    ),
    "p8": (
        "Death penalty",
        "Work for the worldwide abolition of the death penalty during the term.",
    ),
}


def build_agenda(ref: Path):
    rows = read_rows(ref / "agenda" / "asks.csv")
    priorities: dict[str, dict] = {}
    asks = []
    for r in rows:
        pid = r["priority_id"]
        if pid not in priorities:
            title, summary = PRIORITY_TEXT[pid]
            priorities[pid] = {
                "priority_id": pid,
                "slug": r["priority_slug"],
                "title": title,
                "summary": summary,
                "order": int(pid[1:]),
            }
        letter = r["ask_id"].split(".")[1]
        asks.append(
            {
                "ask_id": r["ask_id"],
                "priority_id": pid,
                "text": r["ask"],
                "order": ord(letter) - ord("a") + 1,
            }
        )
    pri_rows = sorted(priorities.values(), key=lambda x: x["order"])
    asks.sort(key=lambda x: (x["priority_id"], x["order"]))
    # README and METHODOLOGY speak of 29 asks, but asks.csv holds 33; all are kept (CHANGELOG).
    assert len(pri_rows) == 8, len(pri_rows)
    return pri_rows, asks


# --------------------------------------------------------------------------------------------
# Selection: cycles, people, candidacies, events, straw polls
# --------------------------------------------------------------------------------------------
GROUP_RENAME = {
    "African": "African Group",
    "Asia-Pacific": "Asia-Pacific Group",
    "Eastern European": "Eastern European Group",
    "Latin American and Caribbean": "Latin American and Caribbean Group",
    "Western European and Others": "Western European and Others Group",
}
OUTCOME_RENAME = {
    "appointed": "appointed",
    "not selected": "not-selected",
    "withdrew": "withdrew",
    "unknown": "unknown",
}


def build_selection(ref: Path, country_names: dict[str, str]):
    sel = ref / "sg_selection"
    cand_in = read_rows(sel / "candidates.csv")
    cycles_in = read_rows(sel / "cycles.csv")
    events_in = read_rows(sel / "events.csv")
    polls_in = read_rows(sel / "straw_polls.csv")

    people: dict[str, dict] = {}
    candidacies = []
    for r in cand_in:
        pid = r["candidate_id"]
        person = people.setdefault(
            pid,
            {
                "person_id": pid,
                "name": r["name"],
                "gender": r["gender"],
                "nationality_iso3": r["nationality_iso3"],
                "source_url": "",
            },
        )
        person["source_url"] = (
            join_urls(person["source_url"], r["source_url"])
            if person["source_url"]
            else urls(r["source_url"])
        )
        candidacies.append(
            {
                "cycle": int(r["cycle"]),
                "person_id": pid,
                "nominating_states_iso3": ";".join(
                    s.strip() for s in r["nominating_states_iso3"].split(";")
                ),
                "un_regional_group": GROUP_RENAME[r["un_regional_group"]],
                "role_at_nomination": r["most_recent_role_at_nomination"],
                "nomination_date": r["nomination_date"],
                "informal_dialogue_date": r["informal_dialogue_date"],
                "withdrawal_date": r["withdrawal_date"],
                "outcome": OUTCOME_RENAME[r["outcome"]],
                "source_url": urls(r["source_url"]),
            }
        )
    candidacies.sort(key=lambda x: (x["cycle"], x["person_id"]))
    name_to_id = {p["name"]: p["person_id"] for p in people.values()}

    # events and their titles (our words)
    by_cycle_dates: dict[int, list[str]] = defaultdict(list)
    events = []
    for r in events_in:
        etype = r["event_type"].replace("_", "-")
        events.append(
            {
                "cycle": int(r["cycle"]),
                "date": r["date"],
                "person_id": r["candidate_id"],
                "event_type": etype,
                "title": event_title(r, etype, people, candidacies, country_names),
                "source_url": urls(r["source_url"]),
            }
        )
        by_cycle_dates[int(r["cycle"])].append(r["date"])
    events.sort(key=lambda x: (x["cycle"], x["date"], x["person_id"], x["event_type"]))
    for i, e in enumerate(events, 1):
        e["event_id"] = f"e{i:04d}"

    cycles = []
    for r in cycles_in:
        cyc = int(r["cycle"])
        # as_of: the latest date the cycle's source rows support (see CHANGELOG)
        as_of = r["term_start"] if cyc == 2016 else max(by_cycle_dates[cyc])
        cycles.append(
            {
                "cycle": cyc,
                "nominations_opened": r["nominations_opened"],
                "dialogues_start": r["dialogues_start"],
                "first_straw_poll": r["first_straw_poll"],
                "last_straw_poll": r["last_straw_poll"],
                "sc_recommendation_date": r["sc_recommendation_date"],
                "ga_appointment_date": r["ga_appointment_date"],
                "term_start": r["term_start"],
                "appointee_person_id": name_to_id[r["appointee"]] if r["appointee"] else "",
                "as_of": as_of,
                "source_url": urls(r["source_url"]),
            }
        )
    cycles.sort(key=lambda x: x["cycle"])

    polls = []
    for r in polls_in:
        polls.append(
            {
                "cycle": int(r["cycle"]),
                "poll_number": int(r["poll_number"]),
                "date": r["date"],
                "person_id": r["candidate_id"],
                "encourage": r["encourage"],
                "discourage": r["discourage"],
                "no_opinion": r["no_opinion"],
                "p5_discourage": r["p5_discourage"],
                "source_url": urls(r["source_url"]),
            }
        )
    polls.sort(key=lambda x: (x["cycle"], x["poll_number"], x["person_id"]))

    people_rows = sorted(people.values(), key=lambda x: x["person_id"])
    return cycles, people_rows, candidacies, events, polls


EVENT_TITLES = {
    (
        2016,
        "2015-12-15",
        "joint-letter",
        "",
    ): "Presidents of the General Assembly and Security Council open the call for candidates",
    (
        2016,
        "2016-04-12",
        "informal-dialogues",
        "",
    ): "General Assembly starts its informal dialogues with candidates (12–14 April)",
    (
        2016,
        "2016-07-12",
        "town-hall",
        "",
    ): "First televised global town hall with ten of the candidates",
    (
        2016,
        "2016-08-04",
        "withdrawal",
        "vesna-pusic",
    ): "Vesna Pusić withdraws, having come last in the first straw poll",
    (2016, "2016-08-23", "withdrawal", "igor-luksic"): "Igor Lukšić withdraws his candidacy",
    (
        2016,
        "2016-09-12",
        "withdrawal",
        "christiana-figueres",
    ): "Christiana Figueres withdraws after the fourth straw poll",
    (
        2016,
        "2016-09-28",
        "nominating-state-switch",
        "irina-bokova",
    ): "Bulgaria moves its nomination from Irina Bokova to Kristalina Georgieva",
    (
        2016,
        "2016-10-03",
        "informal-dialogue",
        "kristalina-georgieva",
    ): "Late entrant Kristalina Georgieva answers questions from member states",
    (
        2016,
        "2016-10-06",
        "sc-recommendation",
        "antonio-guterres",
    ): "Security Council recommends António Guterres by acclamation",
    (
        2016,
        "2016-10-13",
        "ga-appointment",
        "antonio-guterres",
    ): "General Assembly appoints António Guterres by acclamation",
    (
        2016,
        "2016-10-19",
        "ga-informal-meeting",
        "antonio-guterres",
    ): "Secretary-General-designate meets the General Assembly in an informal plenary",
    (
        2016,
        "2017-01-01",
        "term-start",
        "antonio-guterres",
    ): "António Guterres begins his first five-year term",
    (
        2026,
        "2025-09-23",
        "announcement",
        "michelle-bachelet",
    ): "Chile's president tells the General Assembly that Chile will nominate Michelle Bachelet",
    (
        2026,
        "2025-10-08",
        "announcement",
        "rebeca-grynspan",
    ): "Costa Rica's president announces Rebeca Grynspan's candidacy",
    (
        2026,
        "2025-11-25",
        "joint-letter",
        "",
    ): "Presidents of the General Assembly and Security Council open the call for candidates",
    (
        2026,
        "2026-01-14",
        "pga-letter",
        "",
    ): "General Assembly president asks for nominations by 1 April, dialogues in the week of "
    "20 April",
    (
        2026,
        "2026-03-12",
        "nominating-state-review",
        "michelle-bachelet",
    ): "Chile's new government leaves open whether it keeps backing Bachelet",
    (
        2026,
        "2026-04-01",
        "nomination-deadline",
        "",
    ): "Requested deadline for nominations ahead of the dialogues",
    (
        2026,
        "2026-04-21",
        "informal-dialogues",
        "",
    ): "General Assembly holds interactive dialogues with the candidates (21–22 April)",
}


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def event_title(r, etype, people, candidacies, country_names) -> str:
    key = (int(r["cycle"]), r["date"], etype, r["candidate_id"])
    if key in EVENT_TITLES:
        return EVENT_TITLES[key]
    person = people[r["candidate_id"]]["name"] if r["candidate_id"] else ""
    if etype == "nomination":
        cand = next(
            c
            for c in candidacies
            if c["cycle"] == int(r["cycle"]) and c["person_id"] == r["candidate_id"]
        )
        states = [country_names[s] for s in cand["nominating_states_iso3"].split(";")]
        verb = "nominates" if len(states) == 1 else "nominate"
        return f"{_and_list(states)} {verb} {person}"
    if etype == "informal-dialogue":
        return f"{person} answers questions from member states in an informal dialogue"
    raise KeyError(f"no title for event {key}")


# --------------------------------------------------------------------------------------------
# Statements
# --------------------------------------------------------------------------------------------
# ask_id only where the paraphrase clearly bears on one ask;
# keyed by (cycle, person, reference date, priority)
STATEMENT_ASKS = {
    (2016, "antonio-guterres", "2016-04-12", "p6"): "p6.c",
    (2016, "antonio-guterres", "2016-10-13", "p6"): "p6.c",
    (2016, "antonio-guterres", "2016-10-13", "p7"): "p7.d",
    (2016, "danilo-turk", "2016-04-13", "p3"): "p3.a",
    (2016, "helen-clark", "2016-04-14", "p1"): "p1.h",
    (2016, "irina-bokova", "2016-04-12", "p6"): "p6.a",
    (2016, "vesna-pusic", "2016-04-13", "p6"): "p6.c",
    (2016, "vesna-pusic", "2016-04-13", "p7"): "p7.b",
    (2016, "vesna-pusic", "2016-04-13", "p4"): "p4.b",
    (2026, "rafael-grossi", "2025-09-22", "p6"): "p6.c",
    (2026, "michelle-bachelet", "2026-02-02", "p1"): "p1.h",
    (2026, "rebeca-grynspan", "2025-12-02", "p6"): "p6.c",
}
# Reference dates given only to the month, resolved to the day from reports of the same event.
STATEMENT_DAY_FIX = {
    ("rafael-grossi", "2025-12", "p3"): (
        "2025-12-22",
        "https://www.abc.com.py/internacionales/2025/12/22/"
        "grossi-lanza-candidatura-y-se-ofrece-como-un-secretario-general-que-se-ponga-las-botas/",
    ),
    ("michelle-bachelet", "2026-01", "p3"): (
        "2026-01-14",
        "https://www.latercera.com/politica/noticia/"
        "el-discurso-con-miras-a-la-onu-de-michelle-bachelet-en-congreso-futuro/",
    ),
}


def build_statements(ref: Path, candidacy_keys: set[tuple[int, str]]):
    rows = read_rows(ref / "accountability" / "candidate_statements.csv")
    out, dropped = [], []
    for i, r in enumerate(rows):
        cycle, pid = int(r["cycle"]), r["candidate_id"]
        if (cycle, pid) not in candidacy_keys:
            dropped.append(r)  # e.g. the 2021 reappointment dialogue: no 2021 cycle in the package
            continue
        date, source = r["date"], urls(r["source_url"])
        fix = STATEMENT_DAY_FIX.get((pid, date, r["priority_id"]))
        if fix:
            date, extra = fix
            source = join_urls(source, extra)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError(f"statement date {date!r} needs a day")
        paraphrase = r["paraphrase"].strip()
        out.append(
            {
                "_order": i,
                "cycle": cycle,
                "person_id": pid,
                "date": date,
                "venue": r["venue"],
                "priority_id": r["priority_id"],
                "ask_id": STATEMENT_ASKS.get((cycle, pid, r["date"], r["priority_id"]), ""),
                "commitment_level": int(r["commitment_level"]),
                "paraphrase": paraphrase,
                "quote": "",
                "second_hand": "second-hand" in paraphrase.lower(),
                "source_url": source,
                "archive_url": "",
            }
        )
    out.sort(key=lambda x: (x["cycle"], x["person_id"], x["date"], x["priority_id"], x["_order"]))
    for i, s in enumerate(out, 1):
        s.pop("_order")
        s["statement_id"] = f"s{i:04d}"
    return out, dropped


# --------------------------------------------------------------------------------------------
# Record entries
# --------------------------------------------------------------------------------------------
# kind 'criticism' (a third party's criticism) is not a kind of act: re-coded to what the
# Secretary-General did or failed to do, keyed by the reference title's first words.
CRITICISM_KIND = {
    "Code Blue says SEA": "omission",
    "HRW: his voice on Xinjiang": "omission",
    "Rights groups urge him": "omission",
    "Universal Rights Group finds": "omission",
    "Former UN rights officials": "omission",
    "HRW: first term defined": "omission",
    "Hails Belt and Road": "omission",
    "Meets ICC-indicted Putin": "action",
    "HRW warns UN80": "policy",
}
RECORD_ASKS = {
    "Sets up high-level task force on sexual exploitation": "p1.i",
    "Drops civil-liberties passage from Cairo speech": "p1.g",
    "Presents victim-centred 'new approach'": "p1.i",
    "Appoints Jane Connors": "p1.i",
    "Sends formal letter to Security Council on Rakhine": "p3.a",
    "Launches System-wide Strategy on Gender Parity": "p6.c",
    "Appeals to states to stop executions": "p8.a",
    "Senior Management Group reaches gender parity": "p6.c",
    "Presents 'Making Migration Work for All'": "p7.c",
    "Reprisals report names 38 countries": "p5.d",
    "Calls on remaining states to end the death penalty": "p8.a",
    "Welcomes Malaysia's decision": "p8.a",
    "Code Blue says SEA": "p1.i",
    "Launches UN Network on Migration": "p7.c",
    "Defends Global Compact for Migration": "p7.c",
    "Tells World Congress he opposes the death penalty": "p8.a",
    "Denounces 'groundswell of xenophobia'": "p7.d",
    "Universal Rights Group finds Human Rights Up Front": "p1.b",
    "Tells Council WPS pledges": "p6.b",
    "Urges bold pledges and restored refugee regime": "p7.b",
    "Launches Call to Action for Human Rights": "p1.a",
    "Notes 'with concern' US sanctions on ICC": "p4.b",
    "Tells Sri Lanka there is no truth without accountability": "p4.d",
    "Reports senior-leadership parity two years early": "p6.c",
    "Welcomes US lifting of sanctions on ICC": "p4.b",
    "Urges repeal of laws discriminating on sexual orientation": "p2.b",
    "Says parity holds across 190 senior leaders": "p6.c",
    "Reprisals report: people in 42 countries": "p5.d",
    "Calls on all states to decriminalise same-sex": "p2.b",
    "Deeply concerned by Uganda's Anti-Homosexuality Act": "p2.b",
    "Reprisals report says reported acts remain high": "p5.d",
    "Invokes Article 99 on Gaza": "p3.a",
    "IDAHOBIT 2025 message": "p2.b",
    "HRW warns UN80 cost-cutting plan": "p1.a",
    "Voices 'serious concern' over US sanctions on four ICC judges": "p4.b",
    "Revised 2026 budget proposes 15% cut": "p1.a",
    "Serious concern at sanctions on two more ICC judges": "p4.b",
}
ROLE_BY_PERSON = {"antonio-guterres": "Secretary-General"}


def _lookup(table: dict[str, str], title: str) -> str | None:
    hits = [v for k, v in table.items() if title.startswith(k)]
    if len(hits) > 1:
        raise ValueError(f"ambiguous key for {title!r}")
    return hits[0] if hits else None


def build_record(ref: Path):
    rows = read_rows(ref / "accountability" / "sg_record.csv")
    out, recoded = [], []
    used_asks = set()
    for i, r in enumerate(rows):
        date, precision = month_date(r["date"])
        kind = r["kind"]
        if kind == "criticism":
            kind = _lookup(CRITICISM_KIND, r["title"])
            if kind is None:
                raise KeyError(f"no re-coding for criticism row {r['title']!r}")
            recoded.append((r["title"], kind))
        ask = _lookup(RECORD_ASKS, r["title"]) or ""
        if ask:
            used_asks.add(next(k for k in RECORD_ASKS if r["title"].startswith(k)))
            if not ask.startswith(r["priority_id"] + "."):
                raise ValueError(f"ask {ask} is not under {r['priority_id']}")
        out.append(
            {
                "_order": i,
                "person_id": r["actor"],
                "role": ROLE_BY_PERSON[r["actor"]],
                "date": date,
                "date_precision": precision,
                "priority_id": r["priority_id"],
                "ask_id": ask,
                "kind": kind,
                "title": r["title"],
                "summary": r["summary"],
                "assessment": r["assessment"],
                "source_url": urls(r["source_url"]),
            }
        )
    unused = set(RECORD_ASKS) - used_asks
    if unused:
        raise KeyError(f"record ask keys that match nothing: {sorted(unused)}")
    out.sort(key=lambda x: (x["date"], x["priority_id"], x["_order"]))
    for i, e in enumerate(out, 1):
        e.pop("_order")
        e["entry_id"] = f"r{i:04d}"
    return out, recoded


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------
# ISO 3166-3 codes of former states that the indicator tables use (iso_n3 = former numeric code).
HISTORICAL = [
    ("SUN", "SU", "810", "Soviet Union (USSR)"),
    ("YUG", "YU", "890", "Yugoslavia (Socialist Federal Republic)"),
    ("SCG", "CS", "891", "Serbia and Montenegro (Federal Republic of Yugoslavia)"),
    ("DDR", "DD", "278", "German Democratic Republic (East Germany)"),
    ("CSK", "CS", "200", "Czechoslovakia"),
    ("YMD", "YD", "720", "Yemen, People's Democratic Republic (South Yemen)"),
]


def build_countries(ref: Path):
    rows = read_rows(ref / "indicators" / "countries.csv")
    out = []
    for r in rows:
        group = r["un_regional_group"]
        if group and group not in REGIONAL_GROUPS:
            raise ValueError(f"unknown regional group {group!r}")
        out.append(
            {
                "iso3": r["iso3"],
                "iso2": r["iso2"],
                "iso_n3": r["iso_n3"],
                "name": r["name"],
                "un_member": r["un_member"] == "True",
                "un_admission_year": r["un_admission_year"],
                "un_regional_group": group,
                "lat": r["lat"],
                "lon": r["lon"],
            }
        )
    known = {r["iso3"] for r in out}
    for iso3, iso2, n3, name in HISTORICAL:
        assert iso3 not in known, iso3
        out.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "iso_n3": n3,
                "name": name,
                "un_member": False,
                "un_admission_year": "",
                "un_regional_group": "",
                "lat": "",
                "lon": "",
            }
        )
    out.sort(key=lambda x: x["iso3"])
    members = sum(1 for r in out if r["un_member"])
    assert members == 193, members
    nam = next(r for r in out if r["iso3"] == "NAM")
    assert nam["iso2"] == "NA", nam
    return out


# --------------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------------
RDYLBU4 = ["#2c7bb6", "#abd9e9", "#fdae61", "#d7191c"]  # ColorBrewer RdYlBu, colour-blind safe
TREATY_CATS = ["state-party", "signatory", "no-action"]
TREATY_LABELS = ["State party", "Signed, not ratified", "No action"]
TREATY_STATUS = {
    "state party": "state-party",
    "signatory state": "signatory",
    "no action": "no-action",
}
CORE_TREATIES = ["ICERD", "ICCPR", "ICESCR", "CEDAW", "CAT", "CRC", "ICMW", "CPED", "CRPD"]
MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
WIP_CHAMBERS = {"lower", "single", "single lower"}  # compared after strip().lower()
WIP_COUNTRY_RECODE = {  # reference mapped these former states onto today's codes
    "Germany (Democratic Republic)": "DDR",
    "Czechoslovakia": "CSK",
    "Yemen South (People's Democratic Republic)": "YMD",
}


def last_month(text: str) -> int:
    """Number of the last month named in an IPU month cell ('May- June' -> 6; '' -> 0)."""
    found = 0
    for token in re.findall(r"[A-Za-z]+", text):
        t = token.lower()
        key = "jan" if t.startswith("janv") else t[:3]
        if key in MONTHS:
            found = MONTHS[key]
    return found


def indicator(
    indicator_id,
    priority_id,
    title,
    description,
    kind,
    better,
    time_model,
    source_name,
    source_url,
    license_,
    as_of,
    coverage_note,
    unit="",
    categories=None,
    labels=None,
    colors=None,
) -> dict:
    return {
        "indicator_id": indicator_id,
        "priority_id": priority_id,
        "title": title,
        "description": description,
        "kind": kind,
        "unit": unit,
        "categories": ";".join(categories or []),
        "category_labels": ";".join(labels or []),
        "colors": ";".join(colors or []),
        "better": better,
        "time_model": time_model,
        "source_name": source_name,
        "source_url": source_url,
        "license": license_,
        "as_of": as_of,
        "coverage_note": coverage_note,
    }


def value_row(iso3, indicator_id, year, value="", category="", note="", source_url="") -> dict:
    return {
        "iso3": iso3,
        "indicator_id": indicator_id,
        "year": int(year),
        "value": value,
        "category": category,
        "note": note,
        "source_url": source_url,
    }


def build_indicators(ref: Path, countries: list[dict]):
    ind = ref / "indicators"
    iso_known = {c["iso3"] for c in countries}
    members = {c["iso3"] for c in countries if c["un_member"]}
    catalog, values, log = [], [], defaultdict(list)

    # --- death-penalty-status -------------------------------------------------------------
    dp = read_rows(ind / "death_penalty_status.csv")
    dp_cats = [
        "abolitionist-all-crimes",
        "abolitionist-ordinary-crimes",
        "abolitionist-in-practice",
        "retentionist",
    ]
    for r in dp:
        if not r["iso3"]:
            log["dp_dropped"].append(r["amnesty_name"])
            continue
        assert r["category"] in dp_cats, r
        note = ""
        if r["category"] == "abolitionist-all-crimes":
            note = (
                f"abolished for all crimes in {r['year_abolished_all_crimes']}"
                if r["year_abolished_all_crimes"]
                else "abolished for all crimes; the source gives no year"
            )
        values.append(
            value_row(
                r["iso3"],
                "death-penalty-status",
                2022,
                category=r["category"],
                note=note,
                source_url=urls(r["source_url"]),
            )
        )
    catalog.append(
        indicator(
            "death-penalty-status",
            "p8",
            "Death penalty in law and practice",
            "Whether a country has abolished the death penalty for all crimes, only for ordinary "
            "crimes, in practice (no executions for ten years), or keeps it. Amnesty's list as at "
            "the "
            "end of 2022: later abolitions, such as Zimbabwe's at the end of 2024, are not shown.",
            "categorical",
            "category-order",
            "snapshot",
            "Amnesty International, Death Sentences and Executions 2022, Annex II",
            join_urls(URL_AMNESTY),
            LIC_AMNESTY["title"],
            "2022-12-31",
            "198 countries and territories with an ISO code (all 193 UN members); Kosovo is on "
            "Amnesty's list but has no code in the country table.",
            categories=dp_cats,
            labels=[
                "Abolitionist for all crimes",
                "Abolitionist for ordinary crimes only",
                "Abolitionist in practice",
                "Retentionist",
            ],
            colors=RDYLBU4,
        )
    )

    # --- treaties: iccpr-op2, cedaw, icerd, cat, core-treaties-ratified ------------------
    tr = read_rows(ind / "hr_treaty_status.csv")
    by_treaty = defaultdict(list)
    for r in tr:
        by_treaty[r["treaty"].split(" ")[0]].append(r)
    treaty_specs = [
        (
            "iccpr-op2",
            "ICCPR-OP2",
            "p8",
            "Second Optional Protocol to the ICCPR (death penalty)",
            "Whether a state has joined the treaty that commits it to abolish the death penalty "
            "(Second Optional Protocol to the International Covenant on Civil and Political "
            "Rights). Status as of August 2022; years only.",
        ),
        (
            "cedaw",
            "CEDAW",
            "p6",
            "Women's rights convention (CEDAW)",
            "Whether a state has joined the Convention on the Elimination of All Forms of "
            "Discrimination against Women. Joining is not the same as complying; many parties hold "
            "reservations. Status as of August 2022.",
        ),
        (
            "icerd",
            "ICERD",
            "p2",
            "Convention against racial discrimination (ICERD)",
            "Whether a state has joined the International Convention on the Elimination of All "
            "Forms of Racial Discrimination. Joining is not the same as complying. Status as of "
            "August 2022.",
        ),
        (
            "cat",
            "CAT",
            "p2",
            "Convention against Torture",
            "Whether a state has joined the Convention against Torture and Other Cruel, Inhuman or "
            "Degrading Treatment or Punishment. Joining is not the same as complying. Status as of "
            "August 2022.",
        ),
    ]
    treaty_cov = (
        "The 193 UN members only (observer states not included); years of ratification "
        "or accession, no exact dates; nothing after August 2022."
    )
    for ind_id, key, pid, title, desc in treaty_specs:
        rows = by_treaty[key]
        assert len(rows) == 193, (key, len(rows))
        for r in rows:
            year = r["year_ratified_or_acceded"]
            values.append(
                value_row(
                    r["iso3"],
                    ind_id,
                    2022,
                    category=TREATY_STATUS[r["status"]],
                    note=f"since {year}" if year else "",
                )
            )
        catalog.append(
            indicator(
                ind_id,
                pid,
                title,
                desc,
                "categorical",
                "category-order",
                "snapshot",
                f"UN Treaty Collection, status of {key} (via world-politics-datalab)",
                join_urls(URL_UNTC_CH4, URL_TREATIES),
                LIC_UNTC["title"],
                "2022-08-25",
                treaty_cov,
                categories=TREATY_CATS,
                labels=TREATY_LABELS,
                colors=RDYLBU4[:3],
            )
        )
    party = defaultdict(set)
    states = set()
    for key in CORE_TREATIES:
        rows = by_treaty[key]
        assert len(rows) == 193, (key, len(rows))
        for r in rows:
            states.add(r["iso3"])
            if r["status"] == "state party":
                party[r["iso3"]].add(key)
    for iso3 in sorted(states):
        missing = [k for k in CORE_TREATIES if k not in party[iso3]]
        note = "party to all nine" if not missing else "not a party to: " + ", ".join(missing)
        values.append(
            value_row(iso3, "core-treaties-ratified", 2022, value=len(party[iso3]), note=note)
        )
    catalog.append(
        indicator(
            "core-treaties-ratified",
            "p2",
            "Core human-rights treaties joined",
            "How many of the nine core UN human-rights treaties (ICERD, ICCPR, ICESCR, CEDAW, CAT, "
            "CRC, ICMW, CPED, CRPD) a state has ratified or acceded to, as of August 2022. "
            "Signatures "
            "do not count; optional protocols are not included.",
            "numeric",
            "higher",
            "snapshot",
            "UN Treaty Collection (via world-politics-datalab)",
            join_urls(URL_UNTC_CH4, URL_TREATIES),
            LIC_UNTC["title"],
            "2022-08-25",
            treaty_cov,
            unit="of 9 core treaties",
        )
    )

    # --- unga-moratorium-vote --------------------------------------------------------------
    vote_map = {"yes": "yes", "abstain": "abstain", "no": "no", "absent_or_not_recorded": "absent"}
    uv = read_rows(ind / "unga_moratorium_votes.csv")
    for r in uv:
        assert r["iso3"] in members, r
        values.append(
            value_row(
                r["iso3"],
                "unga-moratorium-vote",
                r["year"],
                category=vote_map[r["vote"]],
                note=r["resolution"],
            )
        )
    years = sorted({r["year"] for r in uv})
    catalog.append(
        indicator(
            "unga-moratorium-vote",
            "p8",
            "Vote on the UN death-penalty moratorium",
            "How each UN member voted on the General Assembly's resolution calling for a "
            "moratorium "
            "on the use of the death penalty, held every one or two years. 'Absent or not "
            "recorded' "
            "covers members that did not vote or whose vote is missing from the data.",
            "categorical",
            "category-order",
            "annual",
            "Voeten, Strezhnev and Bailey, United Nations General Assembly Voting Data (via the R "
            "package unvotes)",
            join_urls(URL_VOETEN, URL_UNVOTES),
            LIC_CC0["title"],
            "2018-12-17",
            f"Votes of {', '.join(years)} only; the 2020, 2022 and 2024 votes are not yet "
            "included. "
            "Recorded tallies differ by one from the official ones in 2007, 2014 and 2016.",
            categories=["yes", "abstain", "no", "absent"],
            labels=["Yes", "Abstain", "No", "Absent or not recorded"],
            colors=[RDYLBU4[0], RDYLBU4[2], RDYLBU4[3], "#999999"],
        )
    )

    # --- refugees-hosted -------------------------------------------------------------------
    rf = read_rows(ind / "refugees_hosted.csv")
    n_skip = 0
    for r in rf:
        if not r["iso3"]:
            n_skip += 1
            continue
        assert r["iso3"] in iso_known, r
        values.append(value_row(r["iso3"], "refugees-hosted", r["year"], value=int(r["refugees"])))
    log["refugees_skipped"].append(n_skip)
    catalog.append(
        indicator(
            "refugees-hosted",
            "p7",
            "Refugees hosted",
            "Refugees under UNHCR's mandate living in the country at the end of each year (asylum "
            "seekers and other people in need of protection are not included). Palestine refugees "
            "under UNRWA's mandate are not counted; early years have many zeros and gaps.",
            "numeric",
            "none",
            "annual",
            "UNHCR Refugee Data Finder (via ForcedDisplacementStat)",
            join_urls(URL_UNHCR, URL_FDS),
            LIC_CC_BY["title"] + " (UNHCR)",
            "2022-12-31",
            "1951–2022; no 2023 or later data yet; zero can mean none reported.",
            unit="refugees under UNHCR mandate (end-year)",
        )
    )

    # --- women-in-parliament ----------------------------------------------------------------
    wp = read_rows(ind / "women_in_parliament.csv")
    chamber_seen = Counter(r["chamber_type"] for r in wp)
    groups = defaultdict(list)
    for pos, r in enumerate(wp):
        if r["chamber_type"].strip().lower() not in WIP_CHAMBERS:
            log["wip_other_chamber"].append(r["chamber_type"])
            continue
        iso3 = WIP_COUNTRY_RECODE.get(r["country"].strip(), r["iso3"])
        if iso3 != r["iso3"]:
            log["wip_recoded"].append((r["country"].strip(), r["iso3"], iso3))
        if not iso3:
            log["wip_no_iso3"].append(r["country"].strip())
            continue
        if not r["women_pct"]:
            log["wip_no_value"].append((iso3, r["year"]))
            continue
        assert iso3 in iso_known, (iso3, r["country"])
        groups[(iso3, r["year"])].append((last_month(r["month"]), pos, r))
    for (iso3, year), cands in groups.items():
        cands.sort(key=lambda x: (x[0], x[1]))
        month_no, _, r = cands[-1]
        chamber = r["chamber_type"].strip().lower()
        when = (
            f"election or renewal of {r['month'].strip()} {year}"
            if r["month"].strip()
            else f"election or renewal in {year} (month not given)"
        )
        note = f"IPU historical data 1945–2018: {chamber} chamber, {when}"
        if len(cands) > 1:
            note += f" (last of {len(cands)} results that year)"
            log["wip_multi"].append((iso3, year, len(cands)))
        values.append(value_row(iso3, "women-in-parliament", year, value=r["women_pct"], note=note))
    w21 = read_rows(ind / "women_in_parliament_2021.csv")
    for r in w21:
        if r["chamber_type"] != "Lower or single":
            continue
        if not r["women_pct"]:
            log["wip21_no_value"].append(r["iso3"])
            continue
        assert r["iso3"] in iso_known, r
        values.append(
            value_row(
                r["iso3"],
                "women-in-parliament",
                2021,
                value=r["women_pct"],
                note="IPU monthly ranking as of 1 Sep 2021: lower or single chamber",
            )
        )
    log["wip_chambers"].append(dict(chamber_seen))
    catalog.append(
        indicator(
            "women-in-parliament",
            "p6",
            "Women in parliament",
            "Share of seats held by women in the lower or only chamber of the national parliament, "
            "recorded after each election or renewal (1945–2018) and as of 1 September 2021. A "
            "year "
            "shows the latest result at or before it, so values can be several years old.",
            "numeric",
            "higher",
            "event",
            "Inter-Parliamentary Union (IPU) Parline",
            join_urls(URL_IPU, URL_IPU_REPO),
            LIC_IPU["title"],
            "2021-09-01",
            "Results after each election or renewal 1945–2018, plus a snapshot of 1 Sep 2021; "
            "nothing between 2019 and 2020 or after September 2021. Constituent and transitional "
            "assemblies are left out.",
            unit="% of seats held by women (lower or single chamber)",
        )
    )

    # --- sc-vetoes-cast ----------------------------------------------------------------------
    vetoes = read_rows(ind / "sc_vetoes.csv")
    per_year = defaultdict(Counter)
    for r in vetoes:
        per_year[r["vetoing_member_iso3"]][int(r["date"][:4])] += 1
    for iso3, counts in per_year.items():
        total = 0
        for year in sorted(counts):
            total += counts[year]
            n = counts[year]
            values.append(
                value_row(
                    iso3,
                    "sc-vetoes-cast",
                    year,
                    value=total,
                    note=f"{n} vetoed draft{'s' if n > 1 else ''} in {year}",
                )
            )
    catalog.append(
        indicator(
            "sc-vetoes-cast",
            "p3",
            "Security Council vetoes cast",
            "How many draft resolutions a permanent member has vetoed since 1946, counted up to "
            "and "
            "including each year in which it cast a veto. The Soviet Union (SUN, 1946–1991) and "
            "the "
            "Russian Federation (RUS, from 1992) are counted separately. The Republic of China's "
            "1955 veto is missing from the source data.",
            "numeric",
            "lower",
            "event",
            "UN Dag Hammarskjöld Library veto list (via world-politics-datalab)",
            join_urls(URL_DHL_VETO, URL_VETO_REPO),
            LIC_MIT_DATALAB["title"],
            "2022-07-08",
            "Vetoes from 16 Feb 1946 to 8 Jul 2022; the vetoes of 2023 onwards (Gaza, Mali, Syria, "
            "DPRK, Sudan, Palestinian membership and others) are not yet included.",
            unit="vetoes cast since 1946 (cumulative)",
        )
    )

    # --- rome-statute --------------------------------------------------------------------
    rs = read_rows(ind / "rome_statute.csv")
    rome_cats = ["state-party", "withdrawal-announced", "signatory-not-ratified", "withdrawn"]
    still_party = 0
    for r in rs:
        cat, note = r["status"], ""
        assert cat in rome_cats, r
        if cat == "state-party":
            still_party += 1
            note = f"ratified or acceded {r['ratification_or_accession_date']}"
            if r["entry_into_force"]:
                note += f"; in force {r['entry_into_force']}"
                if r["entry_into_force_basis"].startswith("computed"):
                    note += " (computed with Art. 126(2))"
        elif cat == "signatory-not-ratified":
            note = f"signed {r['signature_date']}"
            if "no longer intend" in r["notes"]:
                note += "; has said it no longer intends to become a party"
            if "withdrew their signatures" in r["notes"]:
                note += "; later withdrew its signature (Kyiv Independent, Jan 2025)"
        elif cat == "withdrawal-announced":
            still_party += 1
            note = (
                f"withdrawal announced {r['withdrawal_announced']} (joint statement of "
                "Burkina Faso, Mali and Niger); notification and effective dates not found"
            )
        elif cat == "withdrawn":
            # as of the 2025 snapshot the withdrawal was notified but not yet in effect
            assert r["iso3"] == "HUN", r
            still_party += 1
            cat = "withdrawal-announced"
            note = (
                f"withdrawal announced {r['withdrawal_announced']}, notified "
                f"{r['withdrawal_notified']}, effective {r['withdrawal_effective']}; an "
                "unverified claim says the notice was revoked on 29 May 2026"
            )
            log["rome_recoded"].append(("HUN", "withdrawn", cat))
        values.append(
            value_row(
                r["iso3"],
                "rome-statute",
                2025,
                category=cat,
                note=note,
                source_url=urls(r["source_url"]),
            )
        )
    n_sig = sum(1 for r in rs if r["status"] == "signatory-not-ratified")
    catalog.append(
        indicator(
            "rome-statute",
            "p4",
            "Rome Statute of the International Criminal Court",
            "Status in 2025: whether a state is a party to the International Criminal Court's "
            "founding treaty, has announced that it will withdraw, or signed without ratifying. "
            "The "
            "list is incomplete: a country that is not shown may well be a state party.",
            "categorical",
            "category-order",
            "snapshot",
            "Compiled from Parliamentarians for Global Action, a copy of Wikipedia's list of "
            "states "
            "parties, ICC/ASP statements and news reports (sources per row)",
            join_urls(URL_PGA_ROME, URL_WIKI_ROME, URL_ICC_HUN),
            LIC_FACTS["title"],
            "2025-09-22",
            f"PARTIAL: {still_party} of 125 states parties listed (including Burkina Faso, Mali, "
            "Niger "
            f"and Hungary, which announced withdrawals), plus {n_sig} signatories that have not "
            "ratified. Countries not listed are unknown, not non-parties. Burundi and the "
            "Philippines "
            "(withdrawn 2017 and 2019) are not listed.",
            categories=rome_cats,
            labels=[
                "State party",
                "Party, withdrawal announced",
                "Signed, not ratified",
                "Withdrawn",
            ],
            colors=RDYLBU4,
        )
    )

    catalog.sort(key=lambda x: (x["priority_id"], x["indicator_id"]))
    values.sort(key=lambda x: (x["indicator_id"], x["iso3"], x["year"]))
    for v in values:
        assert v["iso3"] in iso_known, v
    return catalog, values, log


# --------------------------------------------------------------------------------------------
# Security Council vetoes and peacekeeping missions
# --------------------------------------------------------------------------------------------
def build_vetoes(ref: Path):
    rows = read_rows(ref / "indicators" / "sc_vetoes.csv")
    out = [
        {
            "veto_id": int(r["veto_id"]),
            "date": r["date"],
            "draft_symbol": r["draft_symbol"],
            "meeting_record": r["meeting_record"],
            "agenda_item": r["agenda_item"],
            "topic": r["topic"],
            "vetoing_member": r["vetoing_member"],
            "vetoing_member_iso3": r["vetoing_member_iso3"],
        }
        for r in rows
    ]
    out.sort(key=lambda x: (x["veto_id"], x["vetoing_member_iso3"]))
    return out


PKO_NOTES = {
    "MINUSCA": "Start: founding resolution 2149; troops took over from the African-led mission on "
    "15 Sep 2014. Active, mandate runs to 15 Nov 2026. No source named the HQ city, so "
    "the point is the country's reference point.",
    "MONUSCO": "Start: took over from MONUC on 1 Jul 2010 (res. 1925). Active. Point: Kinshasa.",
    "UNMISS": "Start: 9 Jul 2011, first day of the mandate in res. 1996. Active. Point: Juba.",
    "UNISFA": "Start: founding resolution 1990 (27 Jun 2011). Active. Point: Abyei town. Coded to "
    "Sudan; the Abyei area's status between Sudan and South Sudan is disputed.",
    "MINUSMA": "Start: founding resolution 2100 (25 Apr 2013). Mandate ended 30 Jun 2023 "
    "(res. 2690); troops left by 31 Dec 2023. No source named the HQ city, so the "
    "point is the country's reference point.",
    "UNAMID": "Start: authorised 31 Jul 2007 (res. 1769); took over from the AU mission on 31 Dec "
    "2007. Mandate ended 31 Dec 2020 (res. 2559); withdrawal by 30 Jun 2021. Point: El "
    "Fasher.",
    "MINUJUSTH": "Start: began work 16 Oct 2017 when MINUSTAH closed (res. 2350). Completed its "
    "mandate 15 Oct 2019. Point: Port-au-Prince.",
    "MINUSTAH": "Start: took over from the Multinational Interim Force on 1 Jun 2004 (res. 1542). "
    "Closed 15 Oct 2017. No source named the HQ city, so the point is the country's "
    "reference point.",
    "UNMIL": "Start: founding resolution 1509 (19 Sep 2003). Completed its mandate 30 Mar 2018. "
    "No source named the HQ city, so the point is the country's reference point.",
    "UNOCI": "Start: 4 Apr 2004, first day of the mandate in res. 1528. Ended 30 Jun 2017. "
    "Point: Abidjan.",
    "UNIFIL": "Start: resolutions 425 and 426 (19 Mar 1978). Active; res. 2790 (28 Aug 2025) "
    "extended it a final time to 31 Dec 2026, with withdrawal within a year after. "
    "Point: Naqoura. Protection-of-civilians mandate not checked.",
    "UNDOF": "Start: res. 350 (31 May 1974). Shown as active; the last renewal read ran to 22 Jun "
    "2024. HQ at Camp Faouar, which has no GeoNames entry, so the point is Syria's "
    "reference point.",
    "UNFICYP": "Start: res. 186 (4 Mar 1964). Active. Point: Nicosia.",
    "UNMIK": "Start: res. 1244 (10 Jun 1999). Active. Point: Pristina. Coded to Serbia because "
    "Kosovo has no code in the country table. Protection-of-civilians mandate not "
    "checked.",
    "MINURSO": "Start: res. 690 (29 Apr 1991). Active. Point: Laayoune. Western Sahara is not a "
    "UN member.",
    "UNMOGIP": "Start: first observers arrived 24 Jan 1949. Active. The HQ alternates between "
    "Islamabad and Srinagar every six months; the point is Islamabad.",
    "UNTSO": "Start: res. 50 (29 May 1948). Active. Point: Jerusalem. Works in Israel, Lebanon, "
    "Syria, Egypt and Jordan.",
}


def build_peacekeeping(ref: Path):
    rows = read_rows(ref / "indicators" / "peacekeeping_missions.csv")
    out = []
    for r in rows:
        poc = r["protection_of_civilians_mandate"]
        assert poc in ("yes", "no", "unknown"), r
        out.append(
            {
                "acronym": r["acronym"],
                "name": r["name"],
                "country_iso3": ";".join(s.strip() for s in r["country_iso3"].split(";")),
                "start_date": r["start_date"],
                "end_date": r["end_date"],
                "status": "closed" if r["end_date"] else "active",
                "hq_city": r["hq_city"],
                "lat": r["lat"],
                "lon": r["lon"],
                "poc_mandate": poc,
                "notes": PKO_NOTES[r["acronym"]],
                "source_url": urls(r["source_url"]),
            }
        )
    assert set(PKO_NOTES) == {r["acronym"] for r in out}
    out.sort(key=lambda x: x["acronym"])
    return out


# --------------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------------
def clean_geojson(src_path: Path, dst_path: Path, country_names: dict[str, str]) -> dict:
    """Copy a FeatureCollection keeping features with an iso3, no empty polygons or rings,
    and only the `iso3` and `name` properties; features sharing an iso3 are merged into one
    MultiPolygon (named like the country table). Returns counts for the log."""
    data = json.loads(src_path.read_text(encoding="utf-8"))
    kept, dropped_no_iso, dropped_empty, empty_polys, empty_rings = [], [], [], 0, 0
    for feat in data["features"]:
        props = feat.get("properties") or {}
        iso3 = props.get("iso3")
        if not iso3:
            dropped_no_iso.append(props.get("name"))
            continue
        geom = feat.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings = [ring for ring in geom["coordinates"] if ring]
            empty_rings += len(geom["coordinates"]) - len(rings)
            new_geom = {"type": "Polygon", "coordinates": rings} if rings else None
        elif geom.get("type") == "MultiPolygon":
            polys = []
            for poly in geom["coordinates"]:
                rings = [ring for ring in poly if ring]
                empty_rings += len(poly) - len(rings)
                if rings:
                    polys.append(rings)
                else:
                    empty_polys += 1
            new_geom = {"type": "MultiPolygon", "coordinates": polys} if polys else None
        else:
            new_geom = None
        if new_geom is None:
            dropped_empty.append(iso3)
            continue
        kept.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": props.get("name")},
                "geometry": new_geom,
            }
        )
    by_iso: dict[str, list[dict]] = defaultdict(list)
    for feat in kept:
        by_iso[feat["properties"]["iso3"]].append(feat)
    merged, merged_log = [], []
    for iso3 in sorted(by_iso):
        feats = by_iso[iso3]
        if len(feats) == 1:
            merged.append(feats[0])
            continue
        polys = []
        for feat in feats:
            g = feat["geometry"]
            polys.extend([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"])
        names = [f["properties"]["name"] for f in feats]
        name = country_names.get(iso3) if country_names.get(iso3) in names else names[0]
        merged_log.append((iso3, names))
        merged.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    kept = merged
    out = {"type": "FeatureCollection", "features": kept}
    dst_path.write_text(
        json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    dup = merged_log
    return {
        "in": len(data["features"]),
        "out": len(kept),
        "no_iso3": dropped_no_iso,
        "empty_geometry": dropped_empty,
        "empty_polygons": empty_polys,
        "empty_rings": empty_rings,
        "merged_same_iso3": dup,
        "bytes_in": src_path.stat().st_size,
        "bytes_out": dst_path.stat().st_size,
    }


# --------------------------------------------------------------------------------------------
# Schemas
# --------------------------------------------------------------------------------------------
PRI = F(
    "priority_id",
    "string",
    "The priority this row bears on (p1..p8, see priorities).",
    required=True,
    pattern=r"^p[1-8]$",
)
ASK_OPT = F(
    "ask_id",
    "string",
    "The one ask this row clearly bears on (see asks); empty when it bears on the priority "
    "in general or on several asks.",
    pattern=r"^p[1-8]\.[a-z]$",
)
CYCLE = F(
    "cycle",
    "integer",
    "Selection cycle: the year the Secretary-General is chosen.",
    required=True,
    minimum=1946,
)
PERSON = F(
    "person_id",
    "string",
    "Person (see people), a lowercase slug such as antonio-guterres.",
    required=True,
    pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
)
ISO3 = dict(pattern=r"^[A-Z]{3}$")


def schemas() -> dict[str, dict]:
    s: dict[str, dict] = {}
    s["priorities"] = {
        "fields": [
            F(
                "priority_id",
                "string",
                "Priority id, p1..p8, in the agenda's order.",
                required=True,
                unique=True,
                pattern=r"^p[1-8]$",
            ),
            F(
                "slug",
                "string",
                "Short lowercase name used in links.",
                required=True,
                unique=True,
                pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            ),
            F("title", "string", "Short title in the project's words.", required=True),
            F(
                "summary",
                "string",
                "One-sentence description of the priority in the project's words.",
                required=True,
            ),
            F(
                "order",
                "integer",
                "Position on every chart axis (1 = p1).",
                required=True,
                minimum=1,
                maximum=8,
            ),
        ],
        "primaryKey": ["priority_id"],
    }
    s["asks"] = {
        "fields": [
            F(
                "ask_id",
                "string",
                "Ask id: priority id, a dot and a letter (p1.a).",
                required=True,
                unique=True,
                pattern=r"^p[1-8]\.[a-z]$",
            ),
            dict(PRI, description="The priority the ask belongs to."),
            F(
                "text",
                "string",
                "What the agenda asks of the Secretary-General, in the project's words.",
                required=True,
            ),
            F(
                "order",
                "integer",
                "Position of the ask within its priority (1 = a).",
                required=True,
                minimum=1,
            ),
        ],
        "primaryKey": ["ask_id"],
        "foreignKeys": [FK(["priority_id"], "priorities", ["priority_id"])],
    }
    date_fields = [
        "nominations_opened",
        "dialogues_start",
        "first_straw_poll",
        "last_straw_poll",
        "sc_recommendation_date",
        "ga_appointment_date",
        "term_start",
    ]
    s["cycles"] = {
        "fields": [
            dict(CYCLE, constraints={"required": True, "unique": True, "minimum": 1946}),
            F(
                "nominations_opened",
                "date",
                "Date of the joint letter that opened the call for candidates.",
            ),
            F(
                "dialogues_start",
                "date",
                "First day of the General Assembly's dialogues with candidates.",
            ),
            F("first_straw_poll", "date", "Date of the Security Council's first straw poll."),
            F("last_straw_poll", "date", "Date of the Security Council's last straw poll."),
            F(
                "sc_recommendation_date",
                "date",
                "Date the Security Council recommended a candidate.",
            ),
            F(
                "ga_appointment_date",
                "date",
                "Date the General Assembly appointed the Secretary-General.",
            ),
            F("term_start", "date", "First day of the new Secretary-General's term."),
            F(
                "appointee_person_id",
                "string",
                "The person appointed (see people); empty until known.",
                pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            ),
            F("as_of", "date", "Date up to which this cycle's data were checked.", required=True),
            source_field(),
        ],
        "primaryKey": ["cycle"],
        "foreignKeys": [FK(["appointee_person_id"], "people", ["person_id"])],
        "x-date-order": [[a, b] for a, b in zip(date_fields[:-1], date_fields[1:], strict=True)],
    }
    s["people"] = {
        "fields": [
            dict(
                PERSON,
                constraints={
                    "required": True,
                    "unique": True,
                    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                },
            ),
            F("name", "string", "Full name as usually written.", required=True),
            F("gender", "string", "Gender as publicly stated.", enum=["female", "male"]),
            F(
                "nationality_iso3",
                "string",
                "Nationality (ISO 3166-1 alpha-3, see countries).",
                required=True,
                **ISO3,
            ),
            source_field(),
        ],
        "primaryKey": ["person_id"],
        "foreignKeys": [FK(["nationality_iso3"], "countries", ["iso3"])],
    }
    s["candidacies"] = {
        "fields": [
            CYCLE,
            PERSON,
            F(
                "nominating_states_iso3",
                "string",
                "The state or states that formally nominated the candidate (ISO alpha-3, "
                "';'-separated).",
                required=True,
                sep=";",
                **ISO3,
            ),
            F(
                "un_regional_group",
                "string",
                "UN regional group of the candidate's country.",
                required=True,
                enum=REGIONAL_GROUPS,
            ),
            F(
                "role_at_nomination",
                "string",
                "The candidate's most recent role when nominated.",
                required=True,
            ),
            F("nomination_date", "date", "Date of the nominating letter.", required=True),
            F(
                "informal_dialogue_date",
                "date",
                "Date of the candidate's informal dialogue with the General Assembly; empty if "
                "unknown.",
            ),
            F("withdrawal_date", "date", "Date the candidate withdrew; empty if they did not."),
            F(
                "outcome",
                "string",
                "How the candidacy ended; 'unknown' while the cycle is open.",
                required=True,
                enum=["appointed", "not-selected", "withdrew", "unknown"],
            ),
            source_field(),
        ],
        "primaryKey": ["cycle", "person_id"],
        "foreignKeys": [
            FK(["cycle"], "cycles", ["cycle"]),
            FK(["person_id"], "people", ["person_id"]),
            FK(["nominating_states_iso3"], "countries", ["iso3"]),
        ],
        "x-date-order": [
            ["nomination_date", "withdrawal_date"],
            ["nomination_date", "informal_dialogue_date"],
        ],
    }
    s["statements"] = {
        "fields": [
            F(
                "statement_id",
                "string",
                "Statement id, s followed by four digits.",
                required=True,
                unique=True,
                pattern=r"^s\d{4}$",
            ),
            CYCLE,
            PERSON,
            F("date", "date", "Date the candidate said or published it.", required=True),
            F(
                "venue",
                "string",
                "Where it was said.",
                required=True,
                enum=[
                    "vision-statement",
                    "informal-dialogue",
                    "questionnaire",
                    "interview",
                    "op-ed",
                    "other",
                ],
            ),
            PRI,
            ASK_OPT,
            F(
                "commitment_level",
                "integer",
                "3 specific, 2 clear, 1 general, 0 contradicts the ask (see the methodology).",
                required=True,
                minimum=0,
                maximum=3,
            ),
            F(
                "paraphrase",
                "string",
                "What was said, in the curators' words (short quotes of at most ~25 words "
                "allowed).",
                required=True,
            ),
            F("quote", "string", "Optional short verbatim quote (at most ~25 words)."),
            F(
                "second_hand",
                "boolean",
                "true when the statement is known only from someone else's report of it.",
                required=True,
            ),
            source_field(),
            F("archive_url", "string", "Archived copy of the source, if any.", sep="; ", url=True),
        ],
        "primaryKey": ["statement_id"],
        "foreignKeys": [
            FK(["cycle", "person_id"], "candidacies", ["cycle", "person_id"]),
            FK(["priority_id"], "priorities", ["priority_id"]),
            FK(["priority_id", "ask_id"], "asks", ["priority_id", "ask_id"]),
        ],
    }
    s["searches"] = {
        "fields": [
            F(
                "search_id",
                "string",
                "Search id, q followed by four digits.",
                required=True,
                unique=True,
                pattern=r"^q\d{4}$",
            ),
            CYCLE,
            PERSON,
            PRI,
            F("searched_on", "date", "Date the search was made.", required=True),
            F("searched", "string", "What was searched for, and where.", required=True),
            F(
                "result",
                "string",
                "nothing-found: no public position found; declined: asked and did not answer by "
                "the "
                "deadline.",
                required=True,
                enum=["nothing-found", "declined"],
            ),
            source_field("The pages searched (http(s) addresses separated by '; ')."),
        ],
        "primaryKey": ["search_id"],
        "foreignKeys": [
            FK(["cycle", "person_id"], "candidacies", ["cycle", "person_id"]),
            FK(["priority_id"], "priorities", ["priority_id"]),
        ],
    }
    s["assessments"] = {
        "fields": [
            F(
                "assessment_id",
                "string",
                "Assessment id, a followed by four digits.",
                required=True,
                unique=True,
                pattern=r"^a\d{4}$",
            ),
            CYCLE,
            PERSON,
            PRI,
            F(
                "level",
                "string",
                "The curator's level for this candidacy on this priority.",
                required=True,
                enum=["specific", "clear", "general", "contradicts", "silent", "declined"],
            ),
            F("rationale", "string", "Why, in one or two sentences.", required=True),
            source_field(),
            F("curator", "string", "Who made the assessment.", required=True),
            F("assessed_on", "date", "Date of the assessment.", required=True),
            F("reviewer", "string", "Second curator who reviewed it, if any."),
            F("reviewed_on", "date", "Date of the review, if any."),
            F(
                "status",
                "string",
                "provisional until a second curator has reviewed it.",
                required=True,
                enum=["provisional", "reviewed"],
            ),
        ],
        "primaryKey": ["assessment_id"],
        "foreignKeys": [
            FK(["cycle", "person_id"], "candidacies", ["cycle", "person_id"]),
            FK(["priority_id"], "priorities", ["priority_id"]),
        ],
        "x-date-order": [["assessed_on", "reviewed_on"]],
    }
    return s


def schemas_more(event_types: list[str]) -> dict[str, dict]:
    s: dict[str, dict] = {}
    s["selection_events"] = {
        "fields": [
            F(
                "event_id",
                "string",
                "Event id, e followed by four digits.",
                required=True,
                unique=True,
                pattern=r"^e\d{4}$",
            ),
            CYCLE,
            F("date", "date", "Date of the event.", required=True),
            F(
                "person_id",
                "string",
                "The candidate concerned (see people); empty for general events.",
                pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            ),
            F(
                "event_type",
                "string",
                "Kind of milestone. informal-dialogue is one candidate's dialogue with the General "
                "Assembly; informal-dialogues is the start of the dialogues as a whole.",
                required=True,
                enum=event_types,
            ),
            F(
                "title",
                "string",
                "One line saying what happened, in the project's words.",
                required=True,
            ),
            source_field(),
        ],
        "primaryKey": ["event_id"],
        "foreignKeys": [
            FK(["cycle"], "cycles", ["cycle"]),
            FK(["person_id"], "people", ["person_id"]),
        ],
    }
    count = "Members of the Security Council (of 15) who marked {}; empty where no source gave it."
    s["straw_polls"] = {
        "fields": [
            CYCLE,
            F(
                "poll_number",
                "integer",
                "Number of the straw poll in the cycle (1 = first).",
                required=True,
                minimum=1,
            ),
            F("date", "date", "Date of the poll.", required=True),
            PERSON,
            F("encourage", "integer", count.format("'encourage'"), minimum=0, maximum=15),
            F("discourage", "integer", count.format("'discourage'"), minimum=0, maximum=15),
            F(
                "no_opinion",
                "integer",
                count.format("'no opinion expressed'"),
                minimum=0,
                maximum=15,
            ),
            F(
                "p5_discourage",
                "integer",
                "'Discourage' votes from the five permanent members (colour-coded ballots, last "
                "poll "
                "only); empty where not known.",
                minimum=0,
                maximum=5,
            ),
            source_field(),
        ],
        "primaryKey": ["cycle", "poll_number", "person_id"],
        "foreignKeys": [
            FK(["cycle"], "cycles", ["cycle"]),
            FK(["cycle", "person_id"], "candidacies", ["cycle", "person_id"]),
        ],
    }
    s["record_entries"] = {
        "fields": [
            F(
                "entry_id",
                "string",
                "Entry id, r followed by four digits.",
                required=True,
                unique=True,
                pattern=r"^r\d{4}$",
            ),
            PERSON,
            F(
                "role",
                "string",
                "The office the person held at the time, e.g. Secretary-General.",
                required=True,
            ),
            F(
                "date",
                "date",
                "Date of the act; the first day of the period when only the month or "
                "year is known.",
                required=True,
            ),
            F(
                "date_precision",
                "string",
                "How precise the date is.",
                required=True,
                enum=["day", "month", "year"],
            ),
            PRI,
            ASK_OPT,
            F(
                "kind",
                "string",
                "What kind of act or omission it was.",
                required=True,
                enum=["action", "statement", "appointment", "report", "policy", "omission"],
            ),
            F("title", "string", "One-line headline.", required=True),
            F("summary", "string", "What happened, in one or two sentences.", required=True),
            F(
                "assessment",
                "string",
                "How it measures up against the ask.",
                required=True,
                enum=["advances", "mixed", "falls-short"],
            ),
            source_field(),
        ],
        "primaryKey": ["entry_id"],
        "foreignKeys": [
            FK(["person_id"], "people", ["person_id"]),
            FK(["priority_id"], "priorities", ["priority_id"]),
            FK(["priority_id", "ask_id"], "asks", ["priority_id", "ask_id"]),
        ],
    }
    s["countries"] = {
        "fields": [
            F(
                "iso3",
                "string",
                "ISO 3166-1 alpha-3 code; ISO 3166-3 codes for former states (SUN, "
                "YUG, SCG, DDR, CSK, YMD).",
                required=True,
                unique=True,
                **ISO3,
            ),
            F(
                "iso2",
                "string",
                "ISO 3166-1 alpha-2 code (Namibia's is NA; former states keep their "
                "old codes, so CS appears twice).",
                pattern=r"^[A-Z]{2}$",
            ),
            F("iso_n3", "string", "ISO 3166-1 numeric code, three digits.", pattern=r"^\d{3}$"),
            F("name", "string", "Short English name.", required=True),
            F("un_member", "boolean", "true for the 193 UN member states.", required=True),
            F(
                "un_admission_year",
                "integer",
                "Year of admission to the UN (members only).",
                minimum=1945,
            ),
            F(
                "un_regional_group",
                "string",
                "UN regional group (members only).",
                enum=REGIONAL_GROUPS,
            ),
            F(
                "lat",
                "number",
                "Latitude of the country's reference point (not a polygon centroid).",
                minimum=-90,
                maximum=90,
            ),
            F(
                "lon",
                "number",
                "Longitude of the country's reference point.",
                minimum=-180,
                maximum=180,
            ),
        ],
        "primaryKey": ["iso3"],
    }
    s["indicators"] = {
        "fields": [
            F(
                "indicator_id",
                "string",
                "Indicator id, a lowercase slug.",
                required=True,
                unique=True,
                pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            ),
            dict(PRI, description="The priority the indicator gives context for."),
            F("title", "string", "Short title.", required=True),
            F(
                "description",
                "string",
                "What it measures and its caveats, in one or two sentences.",
                required=True,
            ),
            F(
                "kind",
                "string",
                "categorical (a status) or numeric (a number).",
                required=True,
                enum=["categorical", "numeric"],
            ),
            F("unit", "string", "Unit of a numeric indicator."),
            F(
                "categories",
                "string",
                "Category ids from best to worst for human rights (categorical only).",
                sep=";",
                pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            ),
            F(
                "category_labels",
                "string",
                "Labels for the categories, in the same order.",
                sep=";",
            ),
            F(
                "colors",
                "string",
                "Colours for the categories, in the same order (ColorBrewer RdYlBu, "
                "colour-blind safe; grey for 'absent').",
                sep=";",
                pattern=r"^#[0-9a-f]{6}$",
            ),
            F(
                "better",
                "string",
                "Which direction is better for human rights.",
                required=True,
                enum=["higher", "lower", "category-order", "none"],
            ),
            F(
                "time_model",
                "string",
                "How a year selection reads the values (see DATA_MODEL.md).",
                required=True,
                enum=["annual", "event", "snapshot"],
            ),
            F("source_name", "string", "Who publishes the data.", required=True),
            source_field("Where the data come from (http(s) addresses separated by '; ')."),
            F("license", "string", "Licence or terms of the source data.", required=True),
            F("as_of", "date", "Date up to which the data reach.", required=True),
            F("coverage_note", "string", "What is covered and what is missing."),
        ],
        "primaryKey": ["indicator_id"],
        "foreignKeys": [FK(["priority_id"], "priorities", ["priority_id"])],
    }
    s["indicator_values"] = {
        "fields": [
            F("iso3", "string", "Country (see countries).", required=True, **ISO3),
            F("indicator_id", "string", "Indicator (see indicators).", required=True),
            F(
                "year",
                "integer",
                "Year the value refers to (see the indicator's time_model).",
                required=True,
                minimum=1900,
            ),
            F("value", "number", "The number, for numeric indicators."),
            F(
                "category",
                "string",
                "The category id, for categorical indicators.",
                pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            ),
            F(
                "note",
                "string",
                "A short note on this value (a date, a resolution, where it came from).",
            ),
            F(
                "source_url",
                "string",
                "Source of this particular value, where the input gives one.",
                sep="; ",
                url=True,
            ),
        ],
        "primaryKey": ["iso3", "indicator_id", "year"],
        "foreignKeys": [
            FK(["iso3"], "countries", ["iso3"]),
            FK(["indicator_id"], "indicators", ["indicator_id"]),
        ],
    }
    s["sc_vetoes"] = {
        "fields": [
            F(
                "veto_id",
                "integer",
                "Number of the vetoed draft, in date order (1 = first, 1946).",
                required=True,
                minimum=1,
            ),
            F("date", "date", "Date of the vote.", required=True),
            F(
                "draft_symbol",
                "string",
                "UN symbol of the vetoed draft (early rows sometimes give the "
                "meeting record instead).",
            ),
            F("meeting_record", "string", "Symbol of the meeting record (S/PV.…)."),
            F("agenda_item", "string", "The Security Council agenda item."),
            F(
                "topic",
                "string",
                "Short topic, as coded by the compilers (not a UN classification).",
            ),
            F(
                "vetoing_member",
                "string",
                "Permanent member that cast the veto, as named at the time.",
                required=True,
            ),
            F(
                "vetoing_member_iso3",
                "string",
                "Its code (SUN for the Soviet Union, 1946–1991).",
                required=True,
                **ISO3,
            ),
        ],
        "primaryKey": ["veto_id", "vetoing_member_iso3"],
        "foreignKeys": [FK(["vetoing_member_iso3"], "countries", ["iso3"])],
    }
    s["peacekeeping_missions"] = {
        "fields": [
            F("acronym", "string", "Mission acronym.", required=True, unique=True),
            F("name", "string", "Full name of the mission.", required=True),
            F(
                "country_iso3",
                "string",
                "Country or countries of deployment (';'-separated).",
                required=True,
                sep=";",
                **ISO3,
            ),
            F(
                "start_date",
                "date",
                "Date of the founding resolution, or the operational start where a "
                "source states one.",
                required=True,
            ),
            F("end_date", "date", "Date the mandate ended; empty while active."),
            F(
                "status",
                "string",
                "active while end_date is empty.",
                required=True,
                enum=["active", "closed"],
            ),
            F("hq_city", "string", "Headquarters city, where a source names it."),
            F(
                "lat",
                "number",
                "Latitude of the headquarters (or of the country's reference point).",
                required=True,
                minimum=-90,
                maximum=90,
            ),
            F(
                "lon",
                "number",
                "Longitude of the headquarters (or of the country's reference point).",
                required=True,
                minimum=-180,
                maximum=180,
            ),
            F(
                "poc_mandate",
                "string",
                "Whether the mandate includes protecting civilians.",
                required=True,
                enum=["yes", "no", "unknown"],
            ),
            F("notes", "string", "What the dates and the map point rest on."),
            source_field(),
        ],
        "primaryKey": ["acronym"],
        "foreignKeys": [FK(["country_iso3"], "countries", ["iso3"])],
        "x-date-order": [["start_date", "end_date"]],
    }
    return s


# --------------------------------------------------------------------------------------------
# Resource metadata
# --------------------------------------------------------------------------------------------
def resource_meta(counts: dict[str, int]):
    curated_sel = [
        src("United Nations: Selection and appointment of António Guterres", URL_UN_SG2016),
        src("Security Council Report, What's in Blue (2016 straw polls)", URL_SCR),
        src("Wikipedia: 2016 United Nations Secretary-General selection", URL_WIKI2016),
        src("1 for 8 Billion: news on the 2026 selection", URL_1F8B_2026),
    ]
    return {
        "priorities": dict(
            title="Priorities",
            description="The eight human-rights priorities of the 2016 civil-society agenda for "
            "the next Secretary-General, in the fixed order used on every chart.",
            licenses=[LIC_PROJECT],
            sources=[
                src(
                    "Human Rights Priorities: A Human Rights Agenda for the next UN "
                    "Secretary-General (joint NGO statement, 11 April 2016)",
                    URL_AGENDA,
                )
            ],
            gaps="",
        ),
        "asks": dict(
            title="Asks",
            description=f"The {counts['asks']} specific things the agenda asks of the "
            "Secretary-General, each under one priority, restated in our own words.",
            licenses=[LIC_PROJECT],
            sources=[
                src(
                    "Human Rights Priorities: A Human Rights Agenda for the next UN "
                    "Secretary-General (joint NGO statement, 11 April 2016)",
                    URL_AGENDA,
                )
            ],
            gaps="",
        ),
        "cycles": dict(
            title="Selection cycles",
            description="Each selection of a Secretary-General and its milestone dates, from the "
            "call for candidates to the start of the term.",
            licenses=[LIC_PROJECT],
            sources=curated_sel,
            gaps="2026: straw polls, the Security Council's recommendation and the appointment "
            "had not happened or were not in the sources read (checked to late April 2026).",
        ),
        "people": dict(
            title="People",
            description="Everyone the tracker assesses: candidates and office holders, with "
            "nationality and gender.",
            licenses=[LIC_PROJECT],
            sources=curated_sel,
            gaps="",
        ),
        "candidacies": dict(
            title="Candidacies",
            description="Each person formally nominated in a cycle: who nominated them, their role "
            "at the time, key dates and how the candidacy ended.",
            licenses=[LIC_PROJECT],
            sources=curated_sel,
            gaps="2026 lists the four candidates known by late April 2026, with outcome 'unknown'; "
            "some 2016 dialogue dates are missing (Gherman, Jeremić, Kerim, Pusić).",
        ),
        "statements": dict(
            title="Candidates' statements",
            description="What candidates said or wrote in public on each priority, paraphrased and "
            "coded from 0 (contradicts the ask) to 3 (specific commitment), each with "
            "its source.",
            licenses=[LIC_PROJECT],
            sources=[
                src(
                    "1 for 7 Billion / 1 for 8 Billion live commentary of the General "
                    "Assembly dialogues",
                    "https://1for8billion.org/news",
                ),
                src(
                    "News reports and candidates' own statements (one per row)",
                    "https://www.latercera.com/",
                ),
            ],
            gaps=f"Thin: {counts['statements']} statements, none yet on p2 or p8; Jeremić, Kerim, "
            "Lukšić, Figueres, Georgieva and Sall have none, and the April 2026 dialogues are "
            "not yet read. A 2021 reappointment statement is held back until a 2021 cycle "
            "is added.",
        ),
        "searches": dict(
            title="Documented searches",
            description="Searches of a candidate's public record that found nothing on a priority, "
            "or questions the candidate declined to answer, so that a gap reads "
            "'silent' or 'declined' rather than 'not assessed'.",
            licenses=[LIC_PROJECT],
            sources=[src("Searched against the joint NGO agenda of 11 April 2016", URL_AGENDA)],
            gaps="Empty: no searches recorded yet.",
        ),
        "assessments": dict(
            title="Curators' assessments",
            description="A curator's overall level for a candidacy on a priority, with the "
            "reasoning; provisional until a second curator reviews it.",
            licenses=[LIC_PROJECT],
            sources=[src("Assessed against the joint NGO agenda of 11 April 2016", URL_AGENDA)],
            gaps="Empty: no assessments recorded yet; views fall back to the highest statement "
            "level, shown as provisional.",
        ),
        "selection_events": dict(
            title="Selection milestones",
            description="Dated milestones of each cycle: calls for candidates, nominations, "
            "dialogues, withdrawals, recommendation and appointment.",
            licenses=[LIC_PROJECT],
            sources=curated_sel,
            gaps="2026 events only to 21 April 2026. Straw polls are in their own table.",
        ),
        "straw_polls": dict(
            title="Security Council straw polls",
            description="How many Council members encouraged or discouraged each candidate in each "
            "straw poll.",
            licenses=[LIC_PROJECT],
            sources=[
                src(
                    "1 for 7 Billion reports of the 2016 straw polls",
                    "http://www.1for7billion.org/outcome-of-straw-polls",
                ),
                src("Wikipedia: 2016 United Nations Secretary-General selection", URL_WIKI2016),
                src("Security Council Report, What's in Blue", URL_SCR),
            ],
            gaps="2016 only (2026 polls start late July 2026). About a fifth of the 2016 counts "
            "are empty because no source gave them; two counts conflict between sources.",
        ),
        "record_entries": dict(
            title="Record in office",
            description="Dated acts and omissions of the Secretary-General in office, each judged "
            "against the agenda as advancing it, mixed, or falling short.",
            licenses=[LIC_PROJECT],
            sources=[
                src(
                    "United Nations Secretary-General statements and reports",
                    "https://www.un.org/sg/en",
                ),
                src("UN press releases (press.un.org)", "https://press.un.org/en"),
                src("Human Rights Watch", "https://www.hrw.org/"),
            ],
            gaps="António Guterres 2017–2025 only; nothing from 2026 yet; some sources are news "
            "copies of UN documents.",
        ),
        "countries": dict(
            title="Countries",
            description="Countries and territories with their codes, UN membership, regional group "
            "and a reference point for maps; six former states are kept for historical "
            "indicator values.",
            licenses=[LIC_CC_BY, LIC_MIT_INTERNACIA],
            sources=[
                src("Gapminder Systema Globalis, countries (open-numbers)", URL_GAPMINDER),
                src("country_converter 1.3.2 (UN admission years)", URL_COCO),
                src("datenoio/internacia-db, UN regional groups", URL_INTERNACIA),
            ],
            gaps="Regional groups are compiled from Wikidata/Wikipedia and not checked against the "
            "official UN list; Kosovo has no code; former states have no map point.",
        ),
        "indicators": dict(
            title="Country indicators",
            description="The catalog of per-country indicators: what each measures, the priority "
            "it informs, its scale and colours, source, licence and date.",
            licenses=[LIC_PROJECT],
            sources=[
                src("Amnesty International death-penalty data", URL_AMNESTY),
                src("UN Treaty Collection, human-rights treaties (chapter IV)", URL_UNTC_CH4),
                src("UNGA voting data (Voeten et al.)", URL_VOETEN),
                src("UNHCR Refugee Data Finder", URL_UNHCR),
                src("Inter-Parliamentary Union (IPU) Parline", URL_IPU),
                src("UN Dag Hammarskjöld Library: Security Council veto list", URL_DHL_VETO),
                src(
                    "Parliamentarians for Global Action: Rome Statute states parties", URL_PGA_ROME
                ),
            ],
            gaps="No CIVICUS civic-space ratings, refugee-convention status or sexual-abuse "
            "allegations yet; the Rome Statute list is partial.",
        ),
        "indicator_values": dict(
            title="Country indicator values",
            description="One row per country, indicator and year: a number or a category, with a "
            "short note.",
            licenses=[
                LIC_AMNESTY,
                LIC_UNTC,
                LIC_CC0,
                LIC_CC_BY,
                LIC_IPU,
                LIC_MIT_DATALAB,
                LIC_FACTS,
            ],
            sources=[
                src("Amnesty International death-penalty data", URL_AMNESTY),
                src("UN Treaty Collection status via world-politics-datalab", URL_TREATIES),
                src("UNGA voting data (Voeten et al.) via unvotes", URL_UNVOTES),
                src("UNHCR Refugee Data Finder via ForcedDisplacementStat", URL_FDS),
                src(
                    "IPU women in national parliaments via Mafaldim/women-in-parliament",
                    URL_IPU_REPO,
                ),
                src(
                    "UN Dag Hammarskjöld Library veto list via world-politics-datalab",
                    URL_VETO_REPO,
                ),
                src("Rome Statute states parties (PGA list)", URL_PGA_ROME),
            ],
            gaps="IPU's reuse terms are not verified. Treaty status stops in August 2022, vetoes "
            "in July 2022, moratorium votes in 2018, refugees in 2022 and death-penalty "
            "status at the end of 2022; the Rome Statute list is partial.",
        ),
        "sc_vetoes": dict(
            title="Security Council vetoes",
            description="Every draft resolution vetoed in the Security Council since 1946, one row "
            "per draft and vetoing permanent member.",
            licenses=[LIC_MIT_DATALAB],
            sources=[
                src("UN Dag Hammarskjöld Library: Security Council veto list", URL_DHL_VETO),
                src("world-politics-datalab/vetoes-un-security-council", URL_VETO_REPO),
            ],
            gaps="Nothing after 8 July 2022: the 2023–2025 vetoes are missing. The Republic of "
            "China's veto of December 1955 (Mongolia's admission) is not in the source data, "
            "so all China rows are the People's Republic (from 1972).",
        ),
        "peacekeeping_missions": dict(
            title="UN peacekeeping missions since 2016",
            description="UN peacekeeping operations active at any time since 2016, with dates, "
            "location and whether the mandate includes protecting civilians.",
            licenses=[
                LIC_PROJECT,
                dict(
                    LIC_CC_BY,
                    title="Creative Commons Attribution 4.0 (GeoNames, headquarters coordinates)",
                ),
            ],
            sources=[
                src("UN Peacekeeping (DPO) mission pages", URL_DPO),
                src("GeoNames (headquarters coordinates)", URL_GEONAMES),
            ],
            gaps="Mandate renewals after August 2025 not checked; protection-of-civilians mandate "
            "unknown for UNIFIL and UNMIK; four HQ points are country reference points.",
        ),
    }


ORDER = [
    "priorities",
    "asks",
    "cycles",
    "people",
    "candidacies",
    "statements",
    "searches",
    "assessments",
    "selection_events",
    "straw_polls",
    "record_entries",
    "countries",
    "indicators",
    "indicator_values",
    "sc_vetoes",
    "peacekeeping_missions",
]


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------
def main(argv: list[str]) -> int:
    ref = Path(argv[1]) if len(argv) > 1 else REPO_ROOT / ".." / "shared" / "reference"
    ref = ref.resolve()
    DATA_DIR.mkdir(exist_ok=True)
    GEO_DIR.mkdir(parents=True, exist_ok=True)

    countries = build_countries(ref)
    country_names = {c["iso3"]: c["name"] for c in countries}
    priorities, asks = build_agenda(ref)
    cycles, people, candidacies, events, polls = build_selection(ref, country_names)
    statements, dropped_statements = build_statements(
        ref, {(c["cycle"], c["person_id"]) for c in candidacies}
    )
    record, recoded = build_record(ref)
    indicators, ind_values, ind_log = build_indicators(ref, countries)
    vetoes = build_vetoes(ref)
    missions = build_peacekeeping(ref)

    tables = {
        "priorities": priorities,
        "asks": asks,
        "cycles": cycles,
        "people": people,
        "candidacies": candidacies,
        "statements": statements,
        "searches": [],
        "assessments": [],
        "selection_events": events,
        "straw_polls": polls,
        "record_entries": record,
        "countries": countries,
        "indicators": indicators,
        "indicator_values": ind_values,
        "sc_vetoes": vetoes,
        "peacekeeping_missions": missions,
    }
    event_types = sorted({e["event_type"] for e in events})
    sch = schemas() | schemas_more(event_types)

    ind_as_of = max(i["as_of"] for i in indicators)
    as_of = {
        "priorities": "2016-04-11",
        "asks": "2016-04-11",
        "cycles": max(c["as_of"] for c in cycles),
        "people": max(c["as_of"] for c in cycles),
        "candidacies": max(c["as_of"] for c in cycles),
        "statements": max(s["date"] for s in statements),
        # empty tables: nothing recorded up to the date the cycles were checked to
        "searches": max(c["as_of"] for c in cycles),
        "assessments": max(c["as_of"] for c in cycles),
        "selection_events": max(
            e["date"] for e in events if e["cycle"] == max(c["cycle"] for c in cycles)
        ),
        "straw_polls": max(c["as_of"] for c in cycles),
        "record_entries": max(r["date"] for r in record),
        "countries": "2026-03-01",
        "indicators": ind_as_of,
        "indicator_values": ind_as_of,
        "sc_vetoes": max(v["date"] for v in vetoes),
        "peacekeeping_missions": "2025-08-28",
    }
    counts = {k: len(v) for k, v in tables.items()}
    meta = resource_meta(counts)

    resources = []
    for name in ORDER:
        fields = sch[name]["fields"]
        write_csv(name, fields, tables[name])
        m = meta[name]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "title": m["title"],
                "description": m["description"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": m["licenses"],
                "sources": m["sources"],
                "x-as-of": as_of[name],
                "x-gaps": m["gaps"],
                "schema": sch[name],
            }
        )

    package = {
        "name": "un-sg-human-rights-tracker",
        "title": "UN Secretary-General human-rights tracker",
        "description": "What candidates for UN Secretary-General, and the Secretary-General in "
        "office, have said and done on the eight priorities of the 2016 "
        "civil-society human-rights agenda, with the selection process and "
        "country facts for context. The project's own tables are CC BY 4.0; "
        "tables taken from others keep their licences, listed per resource.",
        "version": "0.1.0",
        "created": CREATED,
        "licenses": [LIC_PROJECT],
        "sources": [
            src("Human Rights Priorities (joint NGO agenda, 11 April 2016)", URL_AGENDA),
            src("United Nations: Selection and appointment of António Guterres", URL_UN_SG2016),
            src("Gapminder Systema Globalis", URL_GAPMINDER),
            src("Amnesty International death-penalty data", URL_AMNESTY),
            src("UN Treaty Collection status via world-politics-datalab", URL_TREATIES),
            src("UNGA voting data (Voeten et al.) via unvotes", URL_UNVOTES),
            src("UNHCR Refugee Data Finder via ForcedDisplacementStat", URL_FDS),
            src("IPU women in national parliaments via Mafaldim/women-in-parliament", URL_IPU_REPO),
            src("UN Security Council vetoes via world-politics-datalab", URL_VETO_REPO),
            src("Natural Earth Admin-0 via world-atlas 2.0.2", URL_WORLD_ATLAS),
        ],
        "x-as-of": max(as_of.values()),
        "resources": resources,
    }
    (DATA_DIR / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

    geo = {}
    for res, out_name in (("50m", "countries_50m.geojson"), ("110m", "countries_110m.geojson")):
        geo[res] = clean_geojson(
            ref / "indicators" / f"countries_ne{res}.geojson", GEO_DIR / out_name, country_names
        )

    # ---- report ------------------------------------------------------------------------
    print(f"reference: {ref}")
    for name in ORDER:
        print(f"  data/{name}.csv: {counts[name]} rows (as of {as_of[name]})")
    by_ind = Counter(v["indicator_id"] for v in ind_values)
    for k in sorted(by_ind):
        print(f"    {k}: {by_ind[k]}")
    print(
        f"  statements held back (no candidacy): "
        f"{[(r['cycle'], r['candidate_id'], r['date']) for r in dropped_statements]}"
    )
    print(f"  record kinds re-coded from 'criticism': {recoded}")
    for k, v in ind_log.items():
        if k in ("wip_other_chamber",):
            print(f"  {k}: {dict(Counter(v))}")
        elif k in ("wip_recoded", "wip_no_iso3"):
            print(f"  {k}: {dict(Counter(map(str, v)))}")
        else:
            print(f"  {k}: {v if len(v) < 40 else str(len(v)) + ' items'}")
    for res, g in geo.items():
        print(
            f"  static/geo/countries_{res}.geojson: {g['out']} of {g['in']} features, "
            f"{g['bytes_out']:,} bytes (reference {g['bytes_in']:,}); dropped without iso3: "
            f"{g['no_iso3']}; empty polygons {g['empty_polygons']}, empty rings "
            f"{g['empty_rings']}, emptied features {g['empty_geometry']}, merged (same iso3) "
            f"{g['merged_same_iso3']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
