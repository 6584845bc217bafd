"""Wagtail's own strings in the zh-hans admin, found systematically: every msgid of Wagtail's
English catalogs (its full source list) has a Simplified Chinese translation, from Wagtail's
zh_Hans catalogs or the project's (config/wagtail_locale), for the Python/template strings and
for the admin's JavaScript; and admin pages walked as a superuser show none of them in English."""
import gettext
import json
import re
import subprocess
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

WAGTAIL = Path(wagtail.__file__).parent
# Translated as themselves: the product's name.
SAME_IN_CHINESE = {"Wagtail API v3"}


def english_catalog(domain, tmp_path):
    """{key: msgid} of every Wagtail English catalog of `domain` (msgen fills msgstr with the msgid,
    so msgfmt keeps every entry); keys as gettext stores them: context\\x04msgid, (msgid, 0) for
    a plural."""
    found = {}
    for number, po in enumerate(sorted(WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))):
        english = subprocess.run(["msgen", str(po)], capture_output=True, check=True).stdout
        mo = tmp_path / f"{domain}-{number}.mo"
        subprocess.run(["msgfmt", "-o", str(mo), "-"], input=english, check=True)
        with mo.open("rb") as handle:
            for key in gettext.GNUTranslations(handle)._catalog:
                plural = isinstance(key, tuple)
                if key and key != ("", 0) and not (plural and key[1]):  # Chinese has one plural form
                    found[key] = key[0] if plural else key
    return found


def wagtail_chinese_keys():
    """The keys of all Wagtail's zh_Hans catalogs, also of its apps this site does not install."""
    keys = set()
    for mo in WAGTAIL.glob("**/locale/zh_Hans/LC_MESSAGES/django.mo"):
        with mo.open("rb") as handle:
            keys.update(gettext.GNUTranslations(handle)._catalog)
    return keys


def test_every_wagtail_string_has_a_chinese_translation(tmp_path):
    served = translation.trans_real.translation("zh-hans")._catalog  # installed apps and the project's
    translated = wagtail_chinese_keys()
    english = english_catalog("django", tmp_path)
    assert len(english) > 1500
    missing = sorted(msgid for key, msgid in english.items()
                     if key not in served and key not in translated and msgid not in SAME_IN_CHINESE)
    assert not missing, f"{len(missing)} Wagtail strings without zh-hans: {missing}"


def test_every_wagtail_admin_script_string_has_a_chinese_translation(tmp_path, client):
    catalog = DjangoTranslation("zh-hans", domain="djangojs", localedirs=[str(WAGTAIL / "admin" / "locale")])._catalog
    english = english_catalog("djangojs", tmp_path)
    missing = sorted(msgid for key, msgid in english.items() if key not in catalog)
    assert not missing, f"{len(missing)} admin script strings without zh-hans: {missing}"
    client.cookies["django_language"] = "zh-hans"
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert json.dumps("正在自动保存…")[1:-1] in script  # the catalog as the admin's scripts load it


ADMIN_PAGES = [
    "/admin/", "/admin/pages/", "/admin/workflows/list/", "/admin/workflows/add/", "/admin/workflows/tasks/index/",
    "/admin/redirects/", "/admin/redirects/add/", "/admin/redirects/import/", "/admin/forms/",
    "/admin/reports/locked/", "/admin/reports/workflow/", "/admin/reports/site-history/", "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/", "/admin/collections/", "/admin/collections/add/", "/admin/images/",
    "/admin/images/add/", "/admin/documents/", "/admin/documents/add/", "/admin/sites/", "/admin/sites/new/",
    "/admin/users/", "/admin/users/new/", "/admin/groups/", "/admin/groups/new/", "/admin/account/",
    "/admin/snippets/", "/admin/snippets/hazards/listedhazard/", "/admin/snippets/hazards/listedhazard/add/",
    "/admin/nominations/", "/admin/nominations/add/",
]


# English that is not a translatable string: Django's label made from a field name (the workflow
# form's screen-reader label "Page"), Python's None printed in a hidden counter by Wagtail.
NOT_STRINGS = {"/admin/workflows/add/": {"Page"}, "*": {"None"}}


def visible_texts(html):
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    for text in re.split(r"<[^>]+>", html):
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            yield text


@pytest.mark.django_db
def test_admin_pages_show_no_wagtail_string_in_english(admin_client, tmp_path, hazard_index, news_index):
    english = {msgid for msgid in english_catalog("django", tmp_path).values()
               if re.search(r"[A-Za-z]{3}", msgid) and "%" not in msgid and msgid not in SAME_IN_CHINESE}
    admin_client.cookies["django_language"] = "zh-hans"
    found = {}
    for url in [*ADMIN_PAGES, f"/admin/pages/{news_index.pk}/", f"/admin/pages/add/news/articlepage/{news_index.pk}/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        allowed = NOT_STRINGS["*"] | NOT_STRINGS.get(url, set())
        left = sorted({text for text in visible_texts(response.content.decode()) if text in english - allowed})
        if left:
            found[url] = left
    assert not found, found
