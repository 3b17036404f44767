"""Hostile curated text renders as inert text (what the pages use for data strings)."""

from components.safe import is_http_url, md_link, md_text


def test_markup_is_escaped():
    out = md_text("<script>alert(1)</script> **bold** ![x](http://evil.example/a.png) $x$")
    assert "<script>" not in out and "](" not in out and "**" not in out
    assert "\\<script\\>" in out


def test_long_text_is_cut():
    assert len(md_text("a" * 10_000, limit=300)) <= 300 * 2


def test_only_http_links_become_links():
    assert md_link("https://example.org/a", "src") == "[src](https://example.org/a)"
    assert md_link("javascript:alert(1)", "src") == "src"
    assert md_link("data:text/html,x", "src") == "src"
    assert not is_http_url("https://example.org/a b")
    assert not is_http_url(None)
