"""The home page's headline figures (主要数据) from the latest published bulletin."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .figures import month_bounds
from .models import BulletinPage


@dataclass(frozen=True)
class BulletinHeadline:
    as_of: date
    inspections: int
    hazards_found: int
    penalty_cases: int
    fines_yuan: Decimal
    url: str

    @property
    def fines_10k_yuan(self):
        return self.fines_yuan / 10000


def latest_bulletin_headline(request):
    bulletin = BulletinPage.objects.live().order_by("-month").first()
    if bulletin is None:
        return None
    totals = bulletin.figures()[0].totals
    return BulletinHeadline(month_bounds(bulletin.month)[1], totals["inspections"], totals["hazards_found"],
                            totals["cases_filed"], totals["fines_yuan"], bulletin.get_url(request))
