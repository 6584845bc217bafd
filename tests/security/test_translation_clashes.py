"""Django merges every app's catalog into one, so a msgid without context gets
the translation of whichever app comes first in INSTALLED_APPS, everywhere.
Two project catalogs must never translate the same context-free msgid
differently: same meaning, same words; different meaning, a msgctxt. The same
holds for a msgid under one context, which is merged the same way."""

import collections
import gettext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG_GLOBS = (
    "site/*/locale/zh_Hans/LC_MESSAGES/django.mo",
    "core/*/locale/zh_Hans/LC_MESSAGES/django.mo",
    "contests/*/locale/zh_Hans/LC_MESSAGES/django.mo",
    "quizzes/locale/zh_Hans/LC_MESSAGES/django.mo",
)
# site/config/wagtail_locale overrides Wagtail's own catalog on purpose.
OVERRIDES = {"site/config/wagtail_locale"}
CONTEXT_SEPARATOR = "\x04"


def project_catalogs():
    for pattern in CATALOG_GLOBS:
        for mo in sorted(ROOT.glob(pattern)):
            app = str(mo.relative_to(ROOT)).split("/locale/")[0]
            if app not in OVERRIDES:
                yield app, mo


def loaded_catalogs():
    for app, mo in project_catalogs():
        with mo.open("rb") as handle:
            yield app, gettext.GNUTranslations(handle)._catalog


def clashes(catalogs):
    """msgid (as "context | msgid" when it has one) -> {app: translation} for
    every msgid that two catalogs translate differently."""
    seen = collections.defaultdict(dict)
    for app, catalog in catalogs:
        for key, translation in catalog.items():
            msgid, plural_index = key if isinstance(key, tuple) else (key, None)
            if not msgid:
                continue
            label = msgid.replace(CONTEXT_SEPARATOR, " | ")
            label = label if plural_index is None else f"{label} [plural {plural_index}]"
            seen[label][app] = translation
    return {msgid: by_app for msgid, by_app in seen.items() if len(set(by_app.values())) > 1}


def test_catalogs_are_found():
    apps = {app for app, _ in project_catalogs()}
    assert {"quizzes", "site/works", "contests/interunit", "core/organisations"} <= apps


def test_no_msgid_without_context_has_two_translations():
    found = clashes(loaded_catalogs())
    report = "\n".join(f"{msgid!r}: {by_app}" for msgid, by_app in sorted(found.items()))
    assert not found, f"{len(found)} msgids translated differently:\n{report}"


def test_the_check_reports_clashes_and_accepts_a_context_that_separates_meanings():
    catalogs = [
        ("a", {"Place": "地点", "award place\x04Place": "名次", "Year": "年份", "score\x04points": "得分"}),
        ("b", {"Place": "名次", ("Answer", 0): "答案", "Year": "年份", "score\x04points": "分项得分"}),
        ("c", {("Answer", 0): "作答", "award place\x04Place": "名次"}),
    ]
    assert clashes(catalogs) == {
        "Place": {"a": "地点", "b": "名次"},
        "Answer [plural 0]": {"b": "答案", "c": "作答"},
        "score | points": {"a": "得分", "b": "分项得分"},
    }
