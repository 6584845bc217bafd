from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views.generic import CreateView

from .models import Nomination
from .nominations import NominationError, approve, make_unit_draft, nominate, reject


class NominationCreateView(CreateView):
    def save_instance(self):
        return nominate(self.form.save(commit=False), self.request.user)


class DecisionForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


def review(request, pk):
    nomination = get_object_or_404(Nomination.objects.select_related("venue", "unit_page"), pk=pk)
    can_review = request.user.has_perm("units.review_nomination")
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not can_review:
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "draft":
                page = make_unit_draft(nomination, request.user)
                messages.success(request, _("Model unit draft “%(title)s” created.") % {"title": page.title})
                return redirect("wagtailadmin_pages:edit", page.pk)
            if form.is_valid() and action in ("approve", "reject"):
                (approve if action == "approve" else reject)(nomination, request.user, form.cleaned_data["comment"])
                messages.success(request, _("Decision recorded."))
                return redirect("nominations:review", nomination.pk)
        except NominationError as error:
            messages.error(request, str(error))
    return TemplateResponse(request, "units/nomination_review.html", {
        "nomination": nomination, "steps": nomination.steps.select_related("user"), "form": form,
        "can_review": can_review, "header_title": nomination.unit_name,
    })


class NominationViewSet(ModelViewSet):
    model = Nomination
    icon = "pick"
    menu_label = gettext_lazy("Nominations")
    add_to_admin_menu = True
    menu_order = 220
    add_view_class = NominationCreateView
    form_fields = ["unit_name", "venue", "township", "reasons", "attachment"]
    list_display = [
        TitleColumn("unit_name", label=gettext_lazy("unit name"), get_url=lambda nomination: reverse("nominations:review", args=(nomination.pk,))),
        "venue", "status", "created_at",
    ]
    list_filter = ["status", "venue"]
    inspect_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/review/", review, name="review")]
