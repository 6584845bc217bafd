"""Demo registry: the seed's city, its towns and streets, a few units of each venue per town."""
from core.taxonomy.models import Venue

from .models import Region, Town, Unit

TOWNS = ["玉海街道", "安阳街道", "锦湖街道", "飞云街道", "塘下镇", "陶山镇", "湖岭镇", "高楼镇", "马屿镇", "仙降街道"]
UNITS = [  # (town, unit, venue code, headcount)
    ("塘下镇", "塘下镇中心小学", "school", 1260),
    ("塘下镇", "瑞安市汽摩配产业园管委会", "office", 85),
    ("塘下镇", "浙江某汽车部件有限公司", "enterprise", 640),
    ("塘下镇", "塘下镇鲍田村", "village", 2300),
    ("玉海街道", "玉海街道西山社区", "community", 5400),
    ("玉海街道", "瑞安市第二中学", "school", 1900),
    ("玉海街道", "瑞安市人民商场", "public-place", 320),
    ("安阳街道", "安阳街道万松社区", "community", 4800),
    ("安阳街道", "瑞安市应急管理局", "office", 120),
    ("陶山镇", "陶山镇沙洲村", "village", 1800),
    ("陶山镇", "陶山镇中学", "school", 980),
    ("湖岭镇", "湖岭镇人民政府", "office", 150),
    ("湖岭镇", "浙江某化工有限公司", "enterprise", 410),
    ("高楼镇", "高楼镇滩脚村", "village", 900),
    ("飞云街道", "飞云街道云江社区", "community", 3600),
    ("马屿镇", "马屿镇篁社村", "village", 1500),
    ("锦湖街道", "锦湖街道农贸市场", "public-place", 260),
    ("仙降街道", "仙降街道鞋业协会", "enterprise", 700),
]


def load():
    region, _ = Region.objects.get_or_create(name="瑞安市")
    towns = {}
    for order, name in enumerate(TOWNS):
        towns[name], _ = Town.objects.get_or_create(region=region, name=name, defaults={"sort_order": order})
    venues = {venue.code: venue for venue in Venue.objects.all()}
    for order, (town, name, venue, headcount) in enumerate(UNITS):
        Unit.objects.get_or_create(
            town=towns[town], name=name,
            defaults={"venue": venues.get(venue), "headcount": headcount, "sort_order": order},
        )
    return f"{Town.objects.count()} towns, {Unit.objects.count()} units in the registry (admin: /admin/organisations/units/)"
