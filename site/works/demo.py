"""Demo content: a call for safety-culture works with accepted entries in every category, three
judges' sheets, some public votes and the results page."""
from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from base.demo_builders import PALETTE, home, publish_child
from core import fonts
from core.accounts.roles import JUDGES
from core.organisations.models import Unit

from .entries import Category, Entry, EntryFile, JudgeSheet, Vote
from .models import Criterion, WorksCallPage, WorksResultsPage
from .voting import address_hashes

CRITERIA = [("主题思想", 30), ("艺术表现", 30), ("创新创意", 20), ("传播效果", 20)]
ENTRIES = [  # (title, category, unit, authors, judges' totals)
    ("安全出口 生命通道", Category.POSTER, "塘下镇中心小学", "陈老师、五年级美术组", (88, 84, 90)),
    ("电动车不进楼", Category.SHORT_VIDEO, "玉海街道西山社区", "西山社区网格员", (80, 86, 78)),
    ("车间里的三分钟", Category.MICRO_FILM, "浙江某汽车部件有限公司", "公司安全科", (92, 90, 95)),
    ("父亲的安全帽", Category.ESSAY, "瑞安市第二中学", "高二（3）班 林同学", (75, 82, 79)),
    ("守护万家灯火", Category.PHOTOGRAPHY, "安阳街道万松社区", "社区摄影小组", (85, 81, 83)),
    ("安全快板·防溺水", Category.PERFORMANCE, "陶山镇中学", "初二文艺队", (70, 77, 74)),
    ("消防通道别堵了", Category.POSTER, "锦湖街道农贸市场", "市场管理处", (68, 72, 70)),
    ("化工园区的夜班", Category.PHOTOGRAPHY, "浙江某化工有限公司", "安环部 周工", (83, 79, 88)),
]
VOTES = [6, 9, 4, 2, 7, 3, 1, 5]


def _poster(title, index):
    picture = Image.new("RGB", (800, 600), PALETTE[index % len(PALETTE)])
    draw = ImageDraw.Draw(picture)
    draw.rectangle([30, 30, 770, 570], outline=(255, 255, 255), width=8)
    draw.text((70, 250), title[:10], fill=(255, 255, 255), font=fonts.pillow_font(64, "bold"))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"work-{index}.png")


def _person(username, group=None):
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def load():
    now = timezone.now()
    call, created = publish_child(
        home(), WorksCallPage, "works", title="安全生产文化作品征集评选",
        introduction="面向全市各单位征集海报、短视频、微电影、征文、摄影和文艺节目作品，专家评审与网络投票相结合。",
        rules="<p>每个单位限报 3 件；作品须为原创，未在其他评选中获奖。</p>",
        deadline=now + timedelta(days=30), voting_opens=now - timedelta(days=3), voting_closes=now + timedelta(days=30),
        show_in_menus=True,
    )
    if created:
        for order, (name, maximum) in enumerate(CRITERIA):
            Criterion.objects.create(call=call, name=name, maximum=maximum, sort_order=order)
    judges = [_person(f"demo-judge-{number}", JUDGES) for number in (1, 2, 3)]
    call.judges.add(*judges)
    call.save()  # writes the parental many-to-many relation
    added = 0
    for index, (title, category, unit_name, authors, totals) in enumerate(ENTRIES):
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None or Entry.objects.filter(call=call, title=title).exists():
            continue
        entry = Entry.objects.create(call=call, unit=unit, title=title, category=category, authors=authors,
                                     description=f"{title}：围绕“安全第一、预防为主”，以身边的真实场景讲述安全故事。（虚构示例）",
                                     original=True, status=Entry.Status.ACCEPTED)
        EntryFile.objects.create(entry=entry, kind=EntryFile.Kind.IMAGE, file=_poster(title, index))
        for judge, total in zip(judges, totals):
            points = _split(total)
            JudgeSheet.objects.create(entry=entry, judge=judge, points=points, total=sum(points.values()))
        for number in range(VOTES[index]):
            voter = _person(f"demo-voter-{number}")
            address, network = address_hashes(f"192.0.2.{number + 1}")
            Vote.objects.get_or_create(entry=entry, voter=voter, day=timezone.localdate(now),
                                       defaults={"address_hash": address, "network_hash": network})
        added += 1
    publish_child(call, WorksResultsPage, "results", title="安全生产文化作品评选结果",
                  introduction="经专家评审与网络投票，评出以下获奖作品。")
    return f"{added} new works in the call (admin: /admin/works/entries/)"


def _split(total):
    """A judge's total spread over the criteria in proportion to their maxima."""
    full = sum(maximum for _name, maximum in CRITERIA)
    points = {name: total * maximum // full for name, maximum in CRITERIA}
    points[CRITERIA[0][0]] += total - sum(points.values())
    return points


def describe_urls(base):
    yield f"安全生产文化作品: {base}/works/  (评委: {base}/works/judging/)"
