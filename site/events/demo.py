"""Demo content: the Safety Production Month's two events, under the campaign of campaigns.demo."""
from datetime import date, datetime, timedelta

from django.utils import timezone

from base.demo_builders import demo_image, home

from .models import EventDesk, EventPage

CAMPAIGN_SLUG = "safety-month-2019"


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def load():
    campaign = home().get_children().get(slug=CAMPAIGN_SLUG)
    created = 0
    events = [
        ("consultation-day-event", "安全生产月咨询日", date(2019, 6, 16), "市区人民广场",
         ["市应急管理局", "市消防救援大队", "市交警大队", "市市场监管局"]),
        ("seven-contests-final", "七进七赛安全知识竞赛决赛", date(2019, 6, 28), "市民中心报告厅",
         ["企业代表队", "学校代表队", "机关代表队", "社区代表队", "农村代表队", "家庭代表队", "公共场所代表队"]),
    ]
    for slug, title, day, place, units in events:
        if campaign.get_children().filter(slug=slug).exists():
            continue
        event = EventPage(
            slug=slug, title=title, start=at(day, 9), end=at(day, 12), place=place, organisers="市安全生产委员会办公室",
            introduction=f"{title}在{place}举行，欢迎市民参加。", materials="安全生产宣传手册\n家庭应急物资清单\n灭火器使用指南",
            gallery=[("image", {"image": demo_image(f"{title} 现场", 3), "caption": f"{title}现场", "alt_text": ""})],
        )
        event.desks = [EventDesk(unit_name=name, desk_number=str(number + 1)) for number, name in enumerate(units)]
        campaign.add_child(instance=event)
        event.save_revision().publish()
        created += 1
    return f"{created} new events"
