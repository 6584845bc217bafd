"""A NUL character in the address or a posted form is answered 400 with the designed page, not
passed on to a lookup (PostgreSQL refuses NUL in text: the lookup would be a server error)."""
from urllib.parse import urlencode

import pytest

from core.organisations.models import Region, Town

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [
    "/news/%00x/",  # a page slug, looked up in the page tree
    "/news/?page=%00",
    "/search/?q=%E6%B6%88%00%E9%98%B2",
    "/organisations/units.json?town=1&q=%00",
    "/organisations/towns.json?q%00=ta",
])
def test_nul_in_the_address_gets_the_designed_400_page(client, news_index, path):
    response = client.get(path)
    assert response.status_code == 400
    body = response.content.decode()
    assert '<html lang="zh-hans"' in body and 'class="site-header"' in body
    assert "<h1>请求无效</h1>" in body and "网址或表单中含有无法处理的字符" in body


@pytest.mark.parametrize("encoded", [True, False])
def test_nul_in_a_posted_form_gets_the_400_page_and_changes_nothing(client, news_index, encoded):
    form = {"mode": "on", "next": "/news/\x00"}
    response = (client.post("/elderly-mode/", urlencode(form), content_type="application/x-www-form-urlencoded")
                if encoded else client.post("/elderly-mode/", form))  # multipart
    assert response.status_code == 400 and "请求无效" in response.content.decode()
    assert "elderly_mode" not in client.cookies


def test_clean_requests_pass(client, news_index):
    Town.objects.create(name="塘下镇", region=Region.objects.create(name="瑞安市"))
    assert client.get("/organisations/towns.json?q=ta").status_code == 200
    assert client.get("/news/").status_code == 200
