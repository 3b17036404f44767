"""Filters that live in the URL under their public parameter names.

The URL is the source of truth: each run reads the parameter, checks it against the allowed values,
and seeds the widget from it; a change in the widget writes the URL back. Defaults are left out of
the URL. A value that is not allowed (or a parameter the page does not know) falls back to the
default and leaves a notice that `render_notices` shows under the page title — never an exception.
A value repeated in the link counts once, with a notice. A link over Streamlit's query-string limits
reaches the script with no parameters at all; a small script in the browser sees that and reloads
the page as `?link=too-long`, which gives the default view with a notice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.runtime.state.query_params import (
    CLIENT_STATE_QUERY_STRING_MAX_FIELDS,
    CLIENT_STATE_QUERY_STRING_MAX_LENGTH,
)

from components.i18n import t
from views.text import md_text

__all__ = [
    "start_run",
    "url_choice",
    "url_multi",
    "url_date",
    "known_keys",
    "render_notices",
    "notice_slot",
    "current_params",
    "declare_keys",
    "changed_here",
    "NOTICE_ICON",
]

NOTICE_ICON = ":material/info:"  # the icon of a link notice (tests pick notices by it)

NOTICES = "_url_notices"
KEYS = "_url_keys"
SLOT = "_url_notice_slot"
GLOBAL_KEYS = ("lang",)
MAX_SHOWN = 60  # a notice quotes at most this many characters of a bad value
TOO_LONG = ("link", "too-long")  # where the browser guard sends a link Streamlit had to drop
# Streamlit ignores a whole query string over these limits (the script sees no parameter); the
# browser still has it, so it checks the same limits and reloads with the TOO_LONG marker.
_GUARD = """<script>(() => {{
  const q = window.location.search.slice(1);
  if (q.length > {length} || q.split("&").length > {fields}) {{
    const url = new URL(window.location.href);
    url.search = "?{key}={value}";
    window.location.replace(url.toString());
  }}
}})();</script>"""


def start_run() -> None:
    """Forget last run's notices and known keys (the entry file calls this first)."""
    st.session_state[NOTICES] = []
    st.session_state[KEYS] = set(GLOBAL_KEYS)
    key, value = TOO_LONG
    if st.query_params.get_all(key) == [value]:
        _notice(
            t(
                "common.notice_too_long",
                chars=f"{CLIENT_STATE_QUERY_STRING_MAX_LENGTH:,}",
                fields=f"{CLIENT_STATE_QUERY_STRING_MAX_FIELDS:,}",
            )
        )
        del st.query_params[key]
    elif not st.query_params:
        st.html(link_guard_script(), unsafe_allow_javascript=True)


def link_guard_script() -> str:
    """The browser-side check for a link over Streamlit's limits (see the module docstring)."""
    key, value = TOO_LONG
    return _GUARD.format(
        length=CLIENT_STATE_QUERY_STRING_MAX_LENGTH,
        fields=CLIENT_STATE_QUERY_STRING_MAX_FIELDS,
        key=json.dumps(key)[1:-1],
        value=json.dumps(value)[1:-1],
    )


def _notice(text: str) -> None:
    st.session_state.setdefault(NOTICES, []).append(text)


def _shown(value: str) -> str:
    """A link's value quoted in a notice: short, and escaped so it cannot become markup."""
    return md_text(value, limit=MAX_SHOWN)


def _once(key: str, raw: list[str]) -> list[str]:
    """`raw` with each value once, in link order; a notice names the values the link repeated."""
    once = list(dict.fromkeys(raw))
    if len(once) < len(raw):
        repeated = [v for v in once if raw.count(v) > 1]
        _notice(t("common.notice_repeated", key=key, value=_shown(", ".join(repeated))))
        if key in st.query_params:
            st.query_params[key] = once if len(once) > 1 else once[0]
    return once


def _write_url(key: str, values: list[str], default: list[str]) -> None:
    if values == default or not values:
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = values if len(values) > 1 else values[0]


def url_choice(
    key: str,
    options: Sequence[str],
    *,
    default: str,
    label: str,
    format_func: Callable[[str], str] = str,
    widget: str = "selectbox",
    container=None,
    help: str | None = None,
    label_visibility: str = "visible",
) -> str:
    """One value from `options`, bound to `?key=`; returns the chosen option."""
    container = container or st.sidebar
    options = list(options)
    st.session_state.setdefault(KEYS, set()).add(key)
    raw = _once(key, st.query_params.get_all(key))
    value = default
    if raw:
        if len(raw) == 1 and raw[0] in options:
            value = raw[0]
        else:
            _notice(t("common.notice_bad_value", key=key, value=_shown(", ".join(raw))))
            del st.query_params[key]
    if value not in options:
        value = options[0] if options else default
    st.session_state[key] = value

    def on_change() -> None:
        _write_url(key, [st.session_state[key]], [default])

    kwargs = dict(
        key=key,
        format_func=format_func,
        on_change=on_change,
        help=help,
        label_visibility=label_visibility,
    )
    if widget == "segmented":
        container.segmented_control(label, options, **kwargs)
    elif widget == "radio":
        container.radio(label, options, horizontal=True, **kwargs)
    elif widget == "select_slider":
        container.select_slider(label, options, **kwargs)
    else:
        container.selectbox(label, options, **kwargs)
    chosen = st.session_state.get(key)
    return chosen if chosen in options else value


def url_multi(
    key: str,
    options: Sequence[str],
    *,
    default: Sequence[str],
    label: str,
    format_func: Callable[[str], str] = str,
    max_selections: int | None = None,
    widget: str = "multiselect",
    container=None,
    help: str | None = None,
) -> list[str]:
    """Several values from `options`, bound to repeated `?key=a&key=b`; returned in URL order."""
    container = container or st.sidebar
    options = list(options)
    default = [v for v in default if v in options]
    st.session_state.setdefault(KEYS, set()).add(key)
    raw = _once(key, st.query_params.get_all(key))
    values = list(default)
    if raw:
        good = [v for v in raw if v in options]
        bad = [v for v in raw if v not in options]
        if max_selections is not None and len(good) > max_selections:
            bad.append(t("common.notice_too_many", limit=max_selections))
            good = good[:max_selections]
        if bad:
            _notice(t("common.notice_bad_value", key=key, value=_shown(", ".join(bad))))
            _write_url(key, good, default)
        values = good or list(default)
    st.session_state[key] = values

    def on_change() -> None:
        _write_url(key, list(st.session_state[key] or []), list(default))

    kwargs = dict(key=key, format_func=format_func, on_change=on_change, help=help)
    if widget == "pills":
        container.pills(label, options, selection_mode="multi", **kwargs)
    else:
        container.multiselect(label, options, max_selections=max_selections, **kwargs)
    chosen = st.session_state.get(key)
    return list(chosen) if chosen is not None else values


def url_date(
    key: str,
    *,
    default: dt.date,
    label: str,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
    container=None,
) -> dt.date:
    """One day, bound to `?key=YYYY-MM-DD`; a value that is not a day in range gives the default."""
    container = container or st.sidebar
    st.session_state.setdefault(KEYS, set()).add(key)
    raw = _once(key, st.query_params.get_all(key))
    value = default
    if raw:
        try:
            (text,) = raw
            parsed = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            parsed = None
        in_range = parsed is not None and (min_value is None or parsed >= min_value)
        if in_range and (max_value is None or parsed <= max_value):
            value = parsed
        else:
            _notice(t("common.notice_bad_value", key=key, value=_shown(", ".join(raw))))
            del st.query_params[key]
    st.session_state[key] = value

    def on_change() -> None:
        chosen = st.session_state.get(key)
        iso = [chosen.isoformat()] if isinstance(chosen, dt.date) else []
        _write_url(key, iso, [default.isoformat()])

    container.date_input(
        label, key=key, min_value=min_value, max_value=max_value, on_change=on_change
    )
    chosen = st.session_state.get(key)
    return chosen if isinstance(chosen, dt.date) else value


def changed_here(name: str, value: object) -> bool:
    """Whether `value` (a page's choice, e.g. its cycle) differs from the one this session's last
    run of the page had; remembers it. A filter that depends on it drops its stale URL values."""
    key = f"_last_{name}"
    last = st.session_state.get(key)
    st.session_state[key] = value
    return last is not None and last != value


def declare_keys(*keys: str) -> None:
    """Mark parameters as the page's own even in a run that shows no widget for them (e.g. before
    a login), so a shared link keeps them instead of having them dropped as unknown."""
    st.session_state.setdefault(KEYS, set(GLOBAL_KEYS)).update(keys)


def known_keys() -> set[str]:
    """The parameter names the current page has declared so far in this run."""
    return set(st.session_state.get(KEYS, set(GLOBAL_KEYS)))


def current_params() -> dict[str, list[str]]:
    """The view's parameters as {name: [values]}, for links that carry the filters."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def notice_slot() -> None:
    """Reserve the place under the page title where this run's notices will appear."""
    st.session_state[SLOT] = st.container()


def render_notices() -> None:
    """Drop parameters the page does not know, then show every notice of this run.

    Called by the entry file after the page has run, so that every filter has declared its key.
    """
    unknown = [k for k in list(st.query_params.keys()) if k not in known_keys()]
    if unknown:
        _notice(t("common.notice_unknown_keys", keys=_shown(", ".join(unknown))))
        for k in unknown:
            del st.query_params[k]
    slot = st.session_state.pop(SLOT, None) or st.container()
    for text in st.session_state.get(NOTICES, []):
        slot.info(text, icon=NOTICE_ICON)
