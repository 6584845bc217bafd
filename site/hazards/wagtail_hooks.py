from django.db.models import Count, Q
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import ListedHazard
from .views import ListedHazardViewSet

register_snippet(ListedHazardViewSet)


@hooks.register("searchable_snippets", order=7)
def searchable_hazards():
    return ListedHazard


@hooks.register("bulletin_figures")
def supervised_hazards_of_the_month(first_day, last_day):
    """The monthly bulletin's hazards found (listed for supervised rectification that month) and,
    of those, rectified, per township."""
    listed = ListedHazard.objects.filter(live=True, listed_on__range=(first_day, last_day))
    rectified = Count("pk", filter=Q(status=ListedHazard.Status.RECTIFIED))
    return [{"town": row["township"], "hazards_found": row["found"], "hazards_rectified": row["rectified"]}
            for row in listed.values("township").annotate(found=Count("pk"), rectified=rectified).order_by("township")]
