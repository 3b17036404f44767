"""Hostile curated text renders as inert text (views/text.py: what every page uses for data)."""

from views.text import is_http_url, md_link, md_plain, md_text

HIJACK = "https://example.org/a)[more](https://other.example)"


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


def test_a_url_that_closes_the_link_early_is_not_linked():
    """`)` would end the Markdown link target and start a second link to another host."""
    assert not is_http_url(HIJACK)
    assert md_link(HIJACK, "Source") == "Source"


def test_the_label_of_a_link_is_escaped_too():
    assert md_link("https://example.org/a", "[x](https://other.example)") == (
        "[\\[x\\]\\(https\\://other\\.example\\)](https://example.org/a)"
    )


def test_plain_text_comes_back_from_escaped_text():
    """A page title shown as Markdown becomes a deck slide's default title without backslashes."""
    name = "Jean-Pierre O'Neil (UN) [x](https://a.example) *b* \\ #1"
    assert md_plain(md_text(name)) == name
