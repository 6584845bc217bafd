"""Short pinyin slugs for pages with Chinese titles, instead of percent-encoded ones."""
import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.pinyin_slugs import pinyin_slug
from news.models import ArticleIndexPage, ArticlePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("title, slug", [
    ("安全生产月活动", "anquan-shengchan-yue-huodong"),
    ("关于开展2019年“安全生产月”活动的通知", "guanyu-kaizhan-2019-nian-anquan"),
    ("七进七赛 Online Quiz!", "qi-jin-qi-sai-online-quiz"),
    ("消防知识讲座", "xiaofang-zhishijiangzuo"),
    ("？！", ""),
])
def test_pinyin_slugs(title, slug):
    assert pinyin_slug(title) == slug
    assert len(pinyin_slug(title)) <= 40


def test_a_page_created_in_the_admin_gets_a_pinyin_slug(admin_client, home):
    from hazards.models import HazardIndexPage

    url = reverse("wagtailadmin_pages:add", args=("hazards", "hazardindexpage", home.pk))
    data = nested_form_data({
        "title": "重大隐患挂牌督办", "slug": "重大隐患挂牌督办", "introduction": "", "comments": inline_formset([]),
        "action-publish": "1",
    })
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = HazardIndexPage.objects.get()
    assert page.slug == "zhongda-yinhuan-guapai-duban"
    assert page.slug.isascii() and page.url == f"/{page.slug}/"
    assert page.live and page.get_latest_revision_as_object().slug == page.slug


def test_siblings_get_distinct_slugs_and_ascii_slugs_are_kept(news_index):
    first = news_index.add_child(instance=ArticlePage(title="防汛演练", slug="防汛演练", date="2019-06-01"))
    second = news_index.add_child(instance=ArticlePage(title="防汛演练", slug="防汛演练-2", date="2019-06-02"))
    kept = news_index.add_child(instance=ArticlePage(title="防汛演练", slug="flood-drill", date="2019-06-03"))
    assert (first.slug, second.slug, kept.slug) == ("fangxun-yanlian", "fangxun-yanlian-2", "flood-drill")
    assert second.url_path.endswith("/fangxun-yanlian-2/")


def test_a_published_page_keeps_its_address(home):
    index = home.add_child(instance=ArticleIndexPage(title="新闻", slug="news-zh"))
    index.slug = "新闻"
    index.save()
    assert index.slug == "xinwen"
    index.save_revision().publish()
    index.slug = "新闻动态"
    index.save()
    assert index.slug == "新闻动态"  # published: its address is public, so it is not changed behind the editor
