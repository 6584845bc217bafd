"""Read-only links from the CMS to contests (the CMS never imports contests), and the admin: a
started contest is not deleted, nor a question of a running one edited (its set-up is locked by
admin_forms.ContestAdminForm)."""
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_columns import YesNoColumn
from quizzes.models import Question

from contests.staff import scope_viewset

from .admin_forms import has_started
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


class AnyContestViewSet(SnippetViewSet):
    model = Contest
    icon = "group"
    menu_label = gettext_lazy("Contests")
    add_to_admin_menu = True
    list_display = ["title", "status", YesNoColumn("rehearsal", label=Contest._meta.get_field("rehearsal").verbose_name), "created_at"]
    list_filter = ["status"]


# A Host sees and edits only the contests he hosts (a Judge: views those he judges); his form has
# no hosts or judges (Contest.panels), which only an administrator assigns.
ContestViewSet = scope_viewset(AnyContestViewSet, Contest.objects.for_staff)
register_snippet(ContestViewSet)


@hooks.register("after_create_snippet")
def host_the_contest_you_create(request, instance):
    """A Host who creates a contest hosts it (he could not see it otherwise)."""
    if isinstance(instance, Contest) and not request.user.is_superuser:
        instance.hosts.add(request.user)


@hooks.register("before_delete_snippet")
def keep_started_contests(request, instances):
    """A contest that has started (not cleared back to the lobby) cannot be deleted."""
    started = [obj for obj in instances if isinstance(obj, Contest) and has_started(obj)]
    if started:
        messages.error(request, _("“%(title)s” has started and cannot be deleted.") % {"title": started[0].title})
        return redirect("wagtailsnippets_contests_contest:edit", started[0].pk)
    return None


@hooks.register("before_edit_snippet")
def keep_questions_of_running_contests(request, instance):
    """A question in play in a running contest is not edited under the contest's feet."""
    if request.method != "POST" or not isinstance(instance, Question):
        return None
    running = Contest.objects.filter(status=Contest.Status.RUNNING, rounds__slots__question=instance).first()
    if running:
        messages.error(request, _("This question belongs to “%(title)s”, which is running: edit it after the contest.")
                       % {"title": running.title})
        return redirect(request.get_full_path())
    return None


@hooks.register("searchable_page_types", order=8)
def searchable_results_pages():
    return ContestResultsPage
