"""The one-page briefing of a candidacy: a self-contained HTML file (inline CSS, Plotly inline), so
it opens offline and can be mailed or printed.

`briefing` writes it from the candidate page's own view model (`views.candidate.candidate_model`):
`briefing_data` takes the facts to show from it, `briefing_text` the words (in the reader's
language), and `briefing_html` writes the page from them and two Plotly figures. Every data string
is HTML-escaped; source links are only made for http(s) addresses. No Streamlit here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from views import compare as compare_view
from views.candidate import CandidateModel, profile_facts
from views.palette import ASSESSMENT_STYLE
from views.radar import radar_figure
from views.text import is_http_url
from views.words import Words

__all__ = [
    "Briefing",
    "BriefingText",
    "briefing",
    "briefing_data",
    "briefing_text",
    "briefing_html",
]

SOURCES = "{sources}"  # where the linked sources go in `BriefingText.sources_line`
RADAR_HEIGHT = 460  # px; the page draws it at 500

PLOTLY_HTML_CONFIG = {"displaylogo": False, "responsive": True}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1f24;
background:#fff;max-width:1000px;margin:1.5rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:1.4rem 0 .5rem;
border-bottom:2px solid #0b5cad;padding-bottom:.15rem}
.sub{color:#3b4650;margin:0 0 1rem}
dl.facts{display:grid;grid-template-columns:repeat(4,1fr);gap:.4rem 1rem;margin:0}
dl.facts div{background:#f2f5f8;padding:.4rem .6rem;border-radius:4px}
dt{font-weight:600;font-size:.85rem;color:#3b4650}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #c9d1d9;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f5f8}
ul.statements{padding-left:1.1rem}ul.statements li{margin:.35rem 0}
.meta{color:#3b4650;font-size:.85rem}
a{color:#0b5cad}
footer{margin-top:2rem;border-top:1px solid #c9d1d9;padding-top:.5rem;font-size:.85rem;
color:#3b4650}
@media print{.chart{page-break-inside:avoid}body{margin:0}}
"""


@dataclass(frozen=True)
class Briefing:
    """What the briefing shows about one candidacy."""

    cycle: int
    person_id: str
    levels: list[dict]  # priority (label), level (cell text), coverage ('1 / 4'), in p1..p8 order
    statements: list[dict]  # rows of views.compare.statement_rows, by date
    earlier: list[dict]  # rows of views.candidate.earlier_record, newest first


@dataclass(frozen=True)
class BriefingText:
    """The words of the briefing, in the reader's language."""

    lang: str
    title: str
    subtitle: str
    facts_heading: str
    radar_heading: str
    radar_caption: str
    levels_heading: str
    col_priority: str
    col_level: str
    col_coverage: str
    timeline_heading: str
    statements_heading: str
    no_statements: str
    earlier_heading: str
    earlier_caption: str
    earlier_none: str
    assessments: Mapping[str, str]  # assessment -> symbol and word
    second_hand: str
    source: str
    archive: str
    sources_line: (
        str  # 'Sources: ' + SOURCES, the label HTML-escaped, in the language's punctuation
    )
    footer: str


def briefing_data(model: CandidateModel) -> Briefing:
    """The levels per priority (from the model's radar), the statements and the record in earlier
    roles."""
    levels = [
        {
            "priority": row["axis"],  # already 'P1 UN human-rights impact'
            "level": compare_view.level_cell(row["status"], row["review"], model.radar_text.cell),
            "coverage": f"{row['asks_covered']} / {row['asks_total']}",
        }
        for row in model.radar.sort("priority_id").iter_rows(named=True)
    ]
    return Briefing(
        cycle=model.cycle,
        person_id=model.person_id,
        levels=levels,
        statements=model.statements,
        earlier=model.earlier,
    )


def briefing_text(model: CandidateModel, words: Words, *, footer: str) -> BriefingText:
    """The briefing's words in `words`' language (`footer` says version, licences, dates)."""
    who, cycle = model.who, model.cycle
    as_of = words.date(who.as_of) if who.as_of else words("common.as_of_unknown")
    return BriefingText(
        lang=words.language,
        title=words("share.brief_title", name=who.name, cycle=cycle),
        subtitle=words("share.brief_subtitle", cycle=cycle, as_of=as_of),
        facts_heading=words("candidate.who"),
        radar_heading=words("candidate.radar_title"),
        radar_caption=words("compare.radar_caption").replace("*", ""),
        levels_heading=words("share.brief_levels"),
        col_priority=words("compare.col_priority"),
        col_level=words("candidate.col_level"),
        col_coverage=words("compare.coverage_title"),
        timeline_heading=words("candidate.timeline_title"),
        statements_heading=words("candidate.statements_title"),
        no_statements=words("compare.no_statements", name=who.name),
        earlier_heading=words("candidate.earlier_title"),
        earlier_caption=words("candidate.earlier_caption", name=who.name),
        earlier_none=words("candidate.earlier_none", name=who.name),
        assessments={
            a: f"{style['symbol']} {words('common.assessment_' + a)}"
            for a, style in ASSESSMENT_STYLE.items()
        },
        second_hand=words("share.brief_second_hand"),
        source=words("common.source"),
        archive=words("share.brief_archive"),
        sources_line=words("common.labelled", label=_e(words("candidate.sources")), value=SOURCES),
        footer=footer,
    )


def briefing(
    model: CandidateModel,
    words: Words,
    *,
    data_as_of: str | None,
    version: str,
    licences: str,
    generated: date,
) -> str:
    """The briefing of the candidacy of `model` (built in `words`' language) as an HTML document;
    `data_as_of`, `version` and `licences` describe the data package, `generated` is today."""
    who = model.who
    footer = words(
        "share.brief_footer",
        as_of=words.date(who.as_of) if who.as_of else words("common.as_of_unknown"),
        data_as_of=words.date(date.fromisoformat(data_as_of)) if data_as_of else "?",
        version=version,
        licences=licences,
        generated=words.date(generated),
    )
    return briefing_html(
        briefing_data(model),
        briefing_text(model, words, footer=footer),
        facts=profile_facts(who, words),  # nominating states by name only, as it always had
        profile_sources=who.sources,
        venues=model.venues,
        format_date=words.date,
        radar_fig=radar_figure(model.radar, model.radar_text, height=RADAR_HEIGHT),
        timeline_fig=model.timeline_fig,
    )


def _e(value: object) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)


def _link(url: str, label: str) -> str:
    if not is_http_url(url):
        return _e(label)
    return f'<a href="{_e(url)}" rel="noopener">{_e(label)}</a>'


def briefing_html(
    data: Briefing,
    text: BriefingText,
    *,
    facts: Sequence[tuple[str, str]],
    profile_sources: Sequence[str],
    venues: Mapping[str, str],
    format_date: Callable,
    radar_fig: go.Figure,
    timeline_fig: go.Figure,
) -> str:
    """A complete HTML document; plotly.js is embedded once, inline (no network needed)."""
    radar_div = radar_fig.to_html(
        include_plotlyjs=True, full_html=False, config=PLOTLY_HTML_CONFIG, div_id="radar"
    )
    timeline_div = timeline_fig.to_html(
        include_plotlyjs=False, full_html=False, config=PLOTLY_HTML_CONFIG, div_id="timeline"
    )
    fact_items = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    sources = " · ".join(
        _link(u, f"{text.source} {i}") for i, u in enumerate(profile_sources, 1) if is_http_url(u)
    )
    level_rows = "".join(
        f"<tr><td>{_e(r['priority'])}</td><td>{_e(r['level'])}</td><td>{_e(r['coverage'])}</td></tr>"
        for r in data.levels
    )
    items = []
    for row in data.statements:
        links = [_link(u, f"{text.source} {i}") for i, u in enumerate(row["source_url"] or [], 1)]
        links += [_link(u, text.archive) for u in row["archive_url"] or []]
        quote = f" <q>{_e(row['quote'])}</q>" if row.get("quote") else ""
        hand = f" <em>({_e(text.second_hand)})</em>" if row.get("second_hand") else ""
        status = row["status"] or ""
        items.append(
            f"<li><strong>{_e(format_date(row['date'], row['date_precision']))}</strong> · "
            f"{_e(row['axis'])} · "
            f"{_e(venues.get(row['venue'], row['venue']))}"
            f"{' · ' + _e(status) if status else ''} — {_e(row['paraphrase'])}{quote}{hand} "
            f'<span class="meta">{" · ".join(links)}</span></li>'
        )
    statements = (
        f'<ul class="statements">{"".join(items)}</ul>'
        if items
        else f"<p>{_e(text.no_statements)}</p>"
    )
    acts = []
    for row in data.earlier:
        links = [_link(u, f"{text.source} {i}") for i, u in enumerate(row["source_url"] or [], 1)]
        acts.append(
            f"<li><strong>{_e(format_date(row['date'], row['date_precision']))}</strong> · "
            f"{_e(row['role'])} · {_e(row['priority_id'].upper())} · "
            f"{_e(text.assessments.get(row['assessment'], row['assessment']))} — "
            f"<strong>{_e(row['title'])}</strong>: {_e(row['summary'])} "
            f'<span class="meta">{" · ".join(links)}</span></li>'
        )
    earlier = (
        f'<p class="meta">{_e(text.earlier_caption)}</p><ul class="statements">{"".join(acts)}</ul>'
        if acts
        else f"<p>{_e(text.earlier_none)}</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="{_e(text.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(text.title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_e(text.title)}</h1>
<p class="sub">{_e(text.subtitle)}</p>
</header>
<main>
<h2>{_e(text.facts_heading)}</h2>
<dl class="facts">{fact_items}</dl>
<p class="meta">{text.sources_line.replace(SOURCES, sources or "—")}</p>
<h2>{_e(text.radar_heading)}</h2>
<div class="chart">{radar_div}</div>
<p class="meta">{_e(text.radar_caption)}</p>
<h2>{_e(text.levels_heading)}</h2>
<table><thead><tr><th>{_e(text.col_priority)}</th><th>{_e(text.col_level)}</th>
<th>{_e(text.col_coverage)}</th></tr></thead><tbody>{level_rows}</tbody></table>
<h2>{_e(text.timeline_heading)}</h2>
<div class="chart">{timeline_div}</div>
<h2>{_e(text.statements_heading)}</h2>
{statements}
<h2>{_e(text.earlier_heading)}</h2>
{earlier}
</main>
<footer>{_e(text.footer)}</footer>
</body>
</html>
"""
