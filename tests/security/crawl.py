"""Finds the site's pages and POST forms by rendering them, so every part's forms are covered.

Starts from every live Wagtail page and every URL pattern without parameters, then follows
same-site links. The admin, static files, media and documents are not crawled.
"""
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/_util/")
SKIPPED_SUFFIXES = (".xml", ".xlsx", ".csv", ".pdf", ".png", ".jpg", ".svg", ".zip", ".txt", ".ico")


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: dict = field(default_factory=dict)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = Form(page="", action=attrs.get("action") or "", method=(attrs.get("method") or "get").lower())
            self.forms.append(self._form)
        elif tag in ("input", "button", "select", "textarea") and self._form is not None and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                self._form.fields.setdefault(attrs["name"], "")
            else:
                self._form.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def parameterless_paths(resolver=None, prefix=""):
    """Every URL pattern that needs no argument, as a path."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = str(entry.pattern)
        if any(mark in route for mark in ("<", "(?P", "(", "[", "*", "+", "\\")):
            continue
        path = prefix + route.lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(entry, URLResolver):
            yield from parameterless_paths(entry, path)
        elif isinstance(entry, URLPattern):
            yield "/" + path


def every_pattern(resolver=None, prefix=""):
    """(route, view) for every URL pattern of the project."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from every_pattern(entry, route)
        else:
            yield route, entry.callback


def crawlable(path):
    return not path.startswith(SKIPPED_PREFIXES) and not path.lower().endswith(SKIPPED_SUFFIXES)


def seeds():
    from wagtail.models import Page

    paths = {"/"}
    for page in Page.objects.live().specific():
        url = page.get_url()
        if url:
            paths.add(urlsplit(url).path)
    paths.update(parameterless_paths())
    return sorted(path for path in paths if crawlable(path))


def crawl(client, limit=300):
    """Renders pages breadth-first; returns ({path: response}, [Form]) with absolute form actions."""
    queue, seen, pages, forms = deque(seeds()), set(), {}, []
    while queue and len(pages) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, follow=False)
        pages[path] = response
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _PageParser()
        parser.feed(response.content.decode())
        for form in parser.forms:
            form.page = path
            form.action = urlsplit(urljoin(path, form.action or path)).path
            forms.append(form)
        for href in parser.links:
            target = urlsplit(urljoin(path, href))
            if target.scheme in ("http", "https", "") and target.netloc in ("", "testserver") and crawlable(target.path):
                queue.append(target.path)
    return pages, forms
