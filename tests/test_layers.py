"""The layering holds: every import of every project module, read with `ast`, points down.

    dashboard.py → app_pages/ → components/ → views/ → loaders/
                                     ↘ store/ ↗

A module imports from its own layer or below (`MAY_IMPORT`); views, store and loaders never import
Streamlit or components; views never import store (a view is a pure function of frames, the
database is read above it); a page never imports Polars (its data logic lives in its view model);
no import cycle among project modules (imports inside functions count: hiding one there does not
break a cycle); an import inside a function carries a comment on its line saying why. Tests are
outside the layers and not checked.

KNOWN lists what still breaks a rule while its owner rewrites it. Each entry must still happen (a
fixed one fails the test until it is removed from the list), so the list only shrinks.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERED = ("dashboard", "app_pages", "components", "views", "store", "loaders")
OUTSIDE = ("benchmarks", "deploy", "scripts")  # tools: may import any layer, no layer imports them
MAY_IMPORT = {
    "dashboard": {"app_pages", "components", "views", "store", "loaders"},
    "app_pages": {"components", "views", "store", "loaders"},  # a page never imports a page
    "components": {"components", "views", "store", "loaders"},
    "views": {"views", "loaders"},
    "store": {"store", "loaders"},
    "loaders": {"loaders"},
}
NO_STREAMLIT = ("views", "store", "loaders")
NO_POLARS = ("app_pages",)
# What tools read in a comment (noqa, type-ignore, pragma, fmt) says nothing about why.
DIRECTIVES = re.compile(
    r"(noqa(:\s*[A-Z0-9, ]+)?|type:\s*ignore(\[[^\]]*\])?|pragma:.*|fmt:\s*\w+)"
)

# (rule, module, imported module or "" for a cycle) → owner: what still breaks a rule mid-rewrite.
KNOWN: dict[tuple[str, str, str], str] = {}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted ("app_pages.straw-polls", "views.compare")
    target: str  # the imported module as far as it resolves ("components.safe", "polars")
    line: int
    in_function: bool
    commented: bool


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_files(root: Path) -> list[Path]:
    files = [root / "dashboard.py"] if (root / "dashboard.py").exists() else []
    for top in (*LAYERED[1:], *OUTSIDE):
        files += sorted((root / top).rglob("*.py")) if (root / top).is_dir() else []
    return files


def _resolve(name: str, modules: set[str]) -> str:
    """`name`, or its longest prefix that is a project module (an attribute import)."""
    while name and name not in modules and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def read_imports(root: Path, path: Path, modules: set[str]) -> list[Import]:
    """Every import statement of the file, at module level or inside a function."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    comment_lines = {  # lines with a comment that says something (not only a tool directive)
        tok.start[0]
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT and DIRECTIVES.sub("", tok.string).strip("# ")
    }
    me = module_name(root, path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import | ast.ImportFrom):
                lines = set(range(child.lineno, (child.end_lineno or child.lineno) + 1))
                commented = bool(lines & comment_lines)
                targets = []
                if isinstance(child, ast.Import):
                    targets = [alias.name for alias in child.names]
                else:
                    base = child.module or ""
                    if child.level:
                        anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                        base = ".".join([*anchor, base] if base else anchor)
                    targets = [_resolve(f"{base}.{alias.name}", modules) for alias in child.names]
                found.extend(
                    Import(me, _resolve(t, modules), child.lineno, inner, commented)
                    for t in targets
                )
            visit(child, inner)

    visit(tree, False)
    return found


def all_imports(root: Path) -> list[Import]:
    files = project_files(root)
    modules = {module_name(root, f) for f in files}
    return [imp for f in files for imp in read_imports(root, f, modules)]


def layer(module: str) -> str:
    return module.split(".")[0]


def violations(root: Path) -> list[tuple[tuple[str, str, str], str]]:
    """[((rule, module, target), sentence)]: each broken rule in the tree at `root`, once."""
    imports = all_imports(root)
    project = set(LAYERED) | set(OUTSIDE)
    found: dict[tuple[str, str, str], str] = {}
    for imp in imports:
        src, dst = layer(imp.module), layer(imp.target)
        where = f"{imp.module}:{imp.line} imports {imp.target}"
        key = (imp.module, imp.target)
        if src in LAYERED and dst in project and dst not in MAY_IMPORT[src] and src != dst:
            found.setdefault(("upward", *key), f"{where} ({src} → {dst})")
        if src == dst == "app_pages":
            found.setdefault(("upward", *key), f"{where} (a page imports a page)")
        if src in NO_STREAMLIT and dst.startswith("streamlit"):
            found.setdefault(("streamlit", *key), f"{where} ({src} is Streamlit-free)")
        if src in NO_POLARS and dst == "polars":
            found.setdefault(("polars", *key), f"{where} (a page only renders its view model)")
        if imp.in_function and not imp.commented:
            found.setdefault(("hidden", *key), f"{where} inside a function, no comment why")
    for cycle in import_cycles(imports):
        found[("cycle", cycle[0], "")] = "modules that import each other: " + ", ".join(cycle)
    return list(found.items())


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """Each group of project modules that import each other in a ring (Tarjan's SCC), sorted, the
    smallest name first."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        graph.setdefault(imp.module, set())
        if imp.target != imp.module and layer(imp.target) in (*LAYERED, *OUTSIDE):
            graph[imp.module].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)


def test_every_import_points_down_and_no_module_hides_one():
    found = violations(ROOT)
    new = [sentence for key, sentence in found if key not in KNOWN]
    assert not new, "\n".join(new)


def test_every_known_exception_still_happens():
    seen = {key for key, _ in violations(ROOT)}
    fixed = [f"{key} ({owner})" for key, owner in KNOWN.items() if key not in seen]
    assert not fixed, "fixed — remove from KNOWN: " + "; ".join(fixed)


# SYNTHETIC trees: the checker itself must catch each kind of break.
def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


BASE = {
    "dashboard.py": "import components.layout\n",
    "components/__init__.py": "",
    "components/layout.py": "import streamlit as st\nfrom views import text\n",
    "views/__init__.py": "",
    "views/text.py": "import polars as pl\nfrom loaders.urls import http_only\n",
    "loaders/__init__.py": "",
    "loaders/urls.py": "import re\n",
}


def test_a_clean_synthetic_tree_has_no_violation(tmp_path):
    assert violations(_tree(tmp_path, BASE)) == []


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"views/text.py": "from components.layout import x\n"}, "upward"),
        ({"loaders/urls.py": "from views.text import y\n"}, "upward"),
        ({"views/text.py": "from store.db import Store\n"}, "upward"),
        ({"views/text.py": "import streamlit as st\n"}, "streamlit"),
        ({"app_pages/a.py": "import polars as pl\n"}, "polars"),
        ({"views/text.py": "def f():\n    from loaders import urls\n"}, "hidden"),
        (
            {"views/a.py": "from views.text import z\n", "views/text.py": "from views import a\n"},
            "cycle",
        ),
    ],
)
def test_the_checker_catches_each_kind_of_break(tmp_path, change, rule):
    found = violations(_tree(tmp_path, {**BASE, **change}))
    assert rule in {key[0] for key, _ in found}, found


def test_an_import_in_a_function_with_a_comment_why_is_allowed(tmp_path):
    lazy = "def f():\n    from loaders import urls  # only the CLI needs it; keeps start-up fast\n"
    assert violations(_tree(tmp_path, {**BASE, "views/text.py": lazy})) == []
    silent = {**BASE, "views/text.py": "def f():\n    from loaders import urls  # noqa: F401\n"}
    assert [key[0] for key, _ in violations(_tree(tmp_path, silent))] == ["hidden"]
