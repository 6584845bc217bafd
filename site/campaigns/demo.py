"""Demo content: the 2019 Safety Production Month (its news and events come from news.demo and events.demo)."""
from datetime import date

from base.demo_builders import demo_image, home, publish_child

from .models import CampaignPage

SLUG = "safety-month-2019"


def load():
    campaign, new_campaign = publish_child(
        home(), CampaignPage, SLUG, title="2019年安全生产月", year=2019, slogan="防风险、除隐患、遏事故",
        start_date=date(2019, 6, 1), end_date=date(2019, 6, 30), show_in_menus=True,
        hero_image=demo_image("2019年安全生产月", 1),
        introduction="六月是全国安全生产月。本市以七进七赛为抓手，开展咨询日、应急演练、案例曝光和知识竞赛等活动。",
        body=[("paragraph", "<p>围绕七个一批：曝光一批典型案例、挂牌督办一批隐患、展播一批公益广告、聘请一批社会监督员、建设一批宣教示范点、评选一批优秀安全文化作品、发掘一批先进典型。</p>")],
    )
    return f"campaign '{campaign.title}' ({'new' if new_campaign else 'kept'})"
