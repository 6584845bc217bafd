"""Demo content of the site itself: the home page, its headline figures and its sections."""
from datetime import date

from wagtail.models import Site

from ads.models import AdGalleryPage
from cases.models import CaseIndexPage
from hazards.models import HazardIndexPage
from news.models import ArticleIndexPage
from units.models import ModelUnitIndexPage

from .demo_builders import demo_image, publish_child
from .models import HeadlineFigures, HomePage

SECTIONS = [
    (ArticleIndexPage, "news", "新闻动态", "安全生产月各项活动的报道。"),
    (CaseIndexPage, "cases", "典型案例曝光", "经法制审核后公开的安全生产违法典型案例。"),
    (ModelUnitIndexPage, "model-units", "先进典型", "七进七赛各阵地的示范单位。"),
    (AdGalleryPage, "ads", "公益广告", "正在展播和已播出的安全生产公益广告。"),
    (HazardIndexPage, "hazards", "挂牌督办", "挂牌督办的重大事故隐患及其整改进度。"),
]


def home():
    return HomePage.objects.get(depth=2)


def load():
    page = home()
    created = 0
    if not page.banner_image_id:
        page.banner_theme = page.banner_theme or "防风险、除隐患、遏事故"
        page.banner_image = demo_image("安全生产月 防风险除隐患遏事故", 0)
        page.save_revision().publish()
    for model, slug, title, introduction in SECTIONS:
        _page, new = publish_child(page, model, slug, title=title, introduction=introduction, show_in_menus=True)
        created += new
    figures = HeadlineFigures.for_site(Site.objects.get(is_default_site=True))
    if not figures.inspections:
        figures.as_of = date(2019, 6, 14)
        figures.inspections, figures.hazards_found, figures.penalty_cases = 10981, 5431, 601
        figures.fines_yuan = 1043000
        figures.save()
    return f"home page '{page.title}', {created} new sections"


def section(model):
    return model.objects.child_of(home()).first()


def describe_urls(base):
    for model, slug, title, _introduction in SECTIONS:
        yield f"{title}: {base}/{slug}/"
    yield f"站内搜索: {base}/search/?q=危化品"
