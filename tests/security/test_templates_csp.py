"""Every template of the project, and every page the crawl renders, keeps to the CSP rule:
no inline script, no inline event handler, no style attribute, no javascript: URL."""
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from .crawl import crawl
from .xss import EXECUTABLE_SCRIPT_TYPES

ROOT = Path(__file__).resolve().parents[2]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>", re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([\w/+-]+)""", re.IGNORECASE)
HANDLER = re.compile(r"""<[a-z][^>]*\s(on[a-z]+)\s*=""", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""<[a-z][^>]*\sstyle\s*=""", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def project_templates():
    for top in ("site", "quizzes", "contests"):
        yield from (path for path in (ROOT / top).rglob("templates/**/*.html") if ".venv" not in path.parts)


def breaches(html):
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = SCRIPT_TYPE.search(match.group(1))
        if (kind.group(1).lower() if kind else "") in EXECUTABLE_SCRIPT_TYPES:
            found.append(match.group(0))
    found += [match.group(0) for pattern in (HANDLER, STYLE_ATTRIBUTE, JAVASCRIPT_URL) for match in pattern.finditer(html)]
    return found


def test_the_check_finds_each_kind_of_breach():
    assert breaches('<script>go()</script><script type="module">go()</script>') == ["<script>", '<script type="module">']
    assert breaches('<button onclick="go()">') and breaches('<p style="color:red">') and breaches('<a href="javascript:go()">')
    assert not breaches('<script src="/static/a.js" defer></script><script type="application/json" id="d">{}</script>')


def test_no_template_has_inline_script_handlers_or_styles():
    templates = list(project_templates())
    assert any(path.name == "base.html" for path in templates)
    found = {str(path.relative_to(ROOT)): breaches(path.read_text()) for path in templates}
    assert {path: items for path, items in found.items() if items} == {}


@pytest.mark.django_db
def test_every_rendered_public_page_keeps_to_the_policy():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    pages, _ = crawl(Client())
    rendered = {path: response for path, response in pages.items() if response.status_code == 200 and "html" in response["Content-Type"]}
    assert "/" in rendered
    for path, response in rendered.items():
        # The directives come in any order: compare whole directives, not a substring with its ';'.
        assert "script-src 'self'" in [part.strip() for part in response["Content-Security-Policy"].split(";")], path
        assert breaches(response.content.decode()) == [], path
