"""Demo content of the site's furniture: the publisher's details, emblem, and the Site's address."""
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from .models import SiteFurniture
from .site_address import set_site_address

EMBLEM_TITLE = "瑞安市应急管理局 标识（演示）"
DEMO_VALUES = {
    "site_name": "七进七赛 安全宣教",
    "publisher_name": "瑞安市应急管理局",
    "description": "瑞安市“七进七赛”安全宣传教育：新闻动态、典型案例曝光、先进典型、公益广告、网上答题与现场竞赛。",
    "sponsor": "瑞安市安全生产委员会办公室",
    "organiser": "瑞安市应急管理局",
    "address": "浙江省瑞安市安阳街道万松东路（演示地址）",
    "phone": "0577-6588 0000",
    "icp_number": "浙ICP备00000000号-1（演示）",
    "police_number": "浙公网安备 33038102000000号（演示）",
    "site_code": "3303810000",
}


def demo_emblem():
    """A round red emblem with a white shield, drawn once (not the national emblem: a demo picture)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=EMBLEM_TITLE).first()
    if existing:
        return existing
    size = 256
    picture = PillowImage.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    scale = size / 64
    draw.ellipse([2 * scale, 2 * scale, 62 * scale, 62 * scale], fill=(183, 28, 28))
    draw.ellipse([6 * scale, 6 * scale, 58 * scale, 58 * scale], outline=(255, 213, 79), width=int(3 * scale))
    shield = [(32, 13), (47, 19), (47, 31), (44, 40), (38, 47), (32, 51), (26, 47), (20, 40), (17, 31), (17, 19)]
    draw.polygon([(x * scale, y * scale) for x, y in shield], fill=(255, 255, 255))
    cross = [(28, 24), (36, 24), (36, 30), (42, 30), (42, 38), (36, 38), (36, 44), (28, 44), (28, 38), (22, 38), (22, 30), (28, 30)]
    draw.polygon([(x * scale, y * scale) for x, y in cross], fill=(183, 28, 28))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=EMBLEM_TITLE, description="")
    image.file = ImageFile(buffer, name="demo-emblem.png")
    image.save()
    return image


def load():
    root_url = set_site_address()
    furniture = SiteFurniture.for_site(Site.objects.get(is_default_site=True))
    if not furniture.publisher_name:
        for name, value in DEMO_VALUES.items():
            setattr(furniture, name, value)
        furniture.emblem = demo_emblem()
        furniture.save()
    return f"publisher '{furniture.publisher_name}', site address {root_url}"


def describe_urls(base):
    yield f"网站地图:    {base}/sitemap/"
