"""No emoji in the interface: they show as empty boxes on a machine without an emoji font (many
projector laptops). Icons are Material Symbols (`:material/name:`), which Streamlit ships.

Checked: every string in the text catalogues (`locales/*/*.toml`) and every string literal (not
docstrings) in the code that draws the interface (`dashboard.py`, `app_pages/`, `components/`,
`views/`; the browser tab's icon is an image, `static/favicon.png`).
Geometric symbols that ordinary fonts carry (● ▲ ◆ ✕ →) are not emoji and stay allowed.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(ROOT.glob("locales/*/*.toml"))
CODE = sorted(
    [ROOT / "dashboard.py"]
    + [p for folder in ("app_pages", "components", "views") for p in (ROOT / folder).glob("*.py")]
)

# Characters drawn as emoji by default (Unicode Emoji_Presentation: the supplementary planes and
# the BMP list), and any character asked to be drawn as emoji (followed by VS16, U+FE0F).
EMOJI = re.compile(
    "[\U0001f000-\U0001faff"
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693"
    "\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd"
    "\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf"
    "\u2b1b\u2b1c\u2b50\u2b55]|.\ufe0f"
)


def catalogue_strings(value, path: str = ""):
    """(dotted key, text) of every string in a parsed catalogue."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from catalogue_strings(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from catalogue_strings(inner, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def code_strings(source: str):
    """(line, text) of every string literal in a module, docstrings left out."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings:
                yield node.lineno, node.value


def test_the_pattern_finds_emoji_and_spares_symbols():
    for emoji in ("🗳️", "👤", "⏳", "ℹ️", "⚠️", "🆕", "✅"):
        assert EMOJI.search(emoji), emoji
    for symbol in ("●●○ clear", "▲ advances", "◆", "✕", "→", "⊘ silent", "—", "·"):
        assert not EMOJI.search(symbol), symbol


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_emoji_in_the_catalogues(path: Path):
    found = [
        f"{key} = {text!r}"
        for key, text in catalogue_strings(tomllib.loads(path.read_text(encoding="utf-8")))
        if EMOJI.search(text)
    ]
    assert not found, f"emoji in {path.relative_to(ROOT)} (use :material/…: icons):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_emoji_in_interface_strings(path: Path):
    found = [
        f"line {line}: {text!r}"
        for line, text in code_strings(path.read_text(encoding="utf-8"))
        if EMOJI.search(text)
    ]
    assert not found, f"emoji in {path.relative_to(ROOT)} (use :material/…: icons):\n" + "\n".join(
        found
    )
