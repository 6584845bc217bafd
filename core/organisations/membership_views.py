"""The public membership pages: asking to join a unit, and a contact's list of requests to decide."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import membership
from .forms import MembershipRequestForm
from .models import Membership


@login_required
def my_units(request):
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership.request(request.user, form.cleaned_data["unit"])
        except membership.MembershipRefused as refusal:
            form.add_error("unit", str(refusal))
        else:
            messages.success(request, _("Your request is sent. The unit's contact or staff will verify it."))
            return redirect("organisations:membership")
    context = {"form": form, "memberships": request.user.unit_memberships.select_related("unit__town"),
               "may_decide": membership.decidable(request.user).exists()
               or membership.contact_units(request.user).exists()}
    return render(request, "organisations/membership.html", context)


@login_required
def requests(request):
    pending = membership.decidable(request.user).select_related("user", "unit__town")
    if not (request.user.has_perm("organisations.change_membership")
            or membership.contact_units(request.user).exists()):
        raise PermissionDenied(_("Only the unit's contact or staff verify its members."))
    return render(request, "organisations/membership_requests.html", {"pending": pending})


@login_required
@require_POST
def decide(request, membership_id):
    item = get_object_or_404(Membership, pk=membership_id, status=Membership.Status.PENDING)
    verified = request.POST.get("decision") == "verify"
    membership.decide(item, verified, request.user)
    messages.success(request, _("%(person)s: verified.") % {"person": item.user} if verified
                     else _("%(person)s: refused.") % {"person": item.user})
    return redirect("organisations:membership_requests")
