"""Staff pages: moderating entries, the list of votes, and the vote anomaly report with voiding."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .entries import Entry, Vote
from .forms import VoidForm
from .models import WorksCallPage
from .voting import VoteRefused, bursts, single_entry_voters, void, votes_in_burst


class EntryViewSet(ModelViewSet):
    """Entries wait here for moderation: staff accept or reject them with a note."""

    model = Entry
    icon = "doc-full"
    menu_label = gettext_lazy("Works entries")
    url_prefix = "works/entries"
    add_to_admin_menu = True
    menu_order = 230
    form_fields = ["status", "moderation_note", "title", "category", "authors", "description"]
    list_display = ["title", "category", "unit", "status", "submitted_at"]
    list_filter = ["status", "category", "call"]
    search_fields = ["title", "authors"]
    inspect_view_enabled = True
    add_view_enabled = False


class VotesReadOnly(ModelPermissionPolicy):
    """Votes are listed and inspected; never added, edited or deleted here: they change only by an
    audited voiding (the anomaly report)."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(user, action)


class VoteViewSet(ModelViewSet):
    """The votes one by one (who, when, voided and why)."""

    model = Vote
    icon = "tick"
    menu_label = gettext_lazy("Works votes")
    url_prefix = "works/votes"
    add_to_admin_menu = True
    menu_order = 231
    list_display = ["entry", "voter", "cast_at", "voided", "void_reason"]
    list_filter = ["voided", "day"]
    form_fields = ["void_reason"]
    add_view_enabled = False
    inspect_view_enabled = True


def _may_void(request):
    if not request.user.has_perm("works.change_vote"):
        raise PermissionDenied


def anomalies(request):
    """Bursts from one address range, and voters who only ever vote for one entry; each can be voided.
    For the call chosen by `?call=` (the newest call by default)."""
    _may_void(request)
    calls = WorksCallPage.objects.order_by("-pk")
    call = get_object_or_404(calls, pk=request.GET["call"]) if request.GET.get("call", "").isdigit() else calls.first()
    if call is None:
        raise Http404
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("voter"):
            votes = Vote.objects.filter(entry__call=call, voter_id=request.POST["voter"])
        else:
            hour = parse_datetime(request.POST.get("hour", ""))
            if hour is None:
                raise PermissionDenied
            votes = votes_in_burst(call, request.POST.get("network", ""), hour)
        try:
            count = void(votes, form.cleaned_data["reason"], request.user)
        except VoteRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("%(count)d votes voided.") % {"count": count})
        return redirect(f"{reverse('works_anomalies')}?call={call.pk}")
    voters = single_entry_voters(call)
    entries = Entry.objects.in_bulk({row["entry"] for row in voters})
    for row in voters:
        row["entry"] = entries.get(row["entry"])
    context = {"call": call, "calls": calls, "bursts": bursts(call), "voters": voters, "form": form,
               "page_title": _("Vote anomalies"), "header_title": _("Vote anomalies: %(call)s") % {"call": call.title}}
    return TemplateResponse(request, "works/admin/anomalies.html", context)
