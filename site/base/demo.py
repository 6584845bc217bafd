"""Demo content of the site itself: the home page and its headline figures (each app adds its section)."""
from datetime import date

from wagtail.models import Site

from .demo_builders import demo_image, home
from .models import HeadlineFigures


def load():
    page = home()
    if not page.banner_image_id:
        page.banner_theme = page.banner_theme or "防风险、除隐患、遏事故"
        page.banner_image = demo_image("安全生产月 防风险除隐患遏事故", 0)
        page.save_revision().publish()
    figures = HeadlineFigures.for_site(Site.objects.get(is_default_site=True))
    if not figures.inspections:
        figures.as_of = date(2019, 6, 14)
        figures.inspections, figures.hazards_found, figures.penalty_cases = 10981, 5431, 601
        figures.fines_yuan = 1043000
        figures.save()
    return f"home page '{page.title}'"


def describe_urls(base):
    yield f"站内搜索: {base}/search/?q=危化品"
