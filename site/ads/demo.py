"""Demo content: public-service ads, some on show now and some archived."""
from datetime import date, timedelta

from django.utils import timezone

from base.demo_builders import demo_image, section

from .models import AdGalleryPage, PublicServiceAd


def load():
    section(AdGalleryPage, "ads", "公益广告", "正在展播和已播出的安全生产公益广告。")
    today = timezone.localdate()
    ads = [
        ("生命至上 安全第一", "防风险、除隐患、遏事故", today - timedelta(days=10), today + timedelta(days=50), "市区户外大屏"),
        ("家庭消防 从我做起", "学会使用灭火器，守护一家平安", today - timedelta(days=5), today + timedelta(days=30), "公交车载电视"),
        ("电动自行车 安全充电", "不进楼道、不飞线充电", today, today + timedelta(days=60), "社区宣传栏"),
        ("2019年安全生产月主题海报", "防风险、除隐患、遏事故", date(2019, 6, 1), date(2019, 6, 30), "全市各镇街宣传栏"),
    ]
    created = 0
    for number, (title, slogan, starts, ends, where) in enumerate(ads):
        _ad, new = PublicServiceAd.objects.get_or_create(
            title=title,
            defaults={"slogan": slogan, "starts_on": starts, "ends_on": ends, "shown_at": where,
                      "poster": demo_image(f"公益广告 {title}", number + 2, size=(800, 1000))},
        )
        created += new
    return f"{created} new public-service ads"


def describe_urls(base):
    yield f"公益广告: {base}/ads/"
