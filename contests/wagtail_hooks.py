"""Read-only links from the CMS to contests (the CMS never imports contests), and the admin."""
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Contest, ContestResultsPage, ranking


@hooks.register("live_now_items")
def live_now_items(request):
    return [
        {"title": contest.title, "url": reverse("contests:screen", args=[contest.pk]), "kind": _("Live contest")}
        for contest in Contest.objects.filter(status=Contest.Status.RUNNING, rehearsal=False)
    ]


@hooks.register("unit_contest_results")
def unit_contest_results(page):
    results = []
    for results_page in ContestResultsPage.objects.live().filter(contest__teams__unit_page=page).select_related("contest"):
        for rank, team, score in ranking(results_page.contest):
            if team.unit_page_id == page.pk:
                results.append({"contest": results_page.contest.title, "rank": rank, "score": score,
                                "url": results_page.url})
    return results


class ContestViewSet(SnippetViewSet):
    model = Contest
    icon = "group"
    menu_label = gettext_lazy("Contests")
    add_to_admin_menu = True
    list_display = ["title", "status", "rehearsal", "created_at"]
    list_filter = ["status"]


register_snippet(ContestViewSet)
