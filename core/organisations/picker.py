"""The public town and unit picker: two small JSON lists (searched by Chinese, pinyin or pinyin
initials) and the form field that takes the chosen unit. The page adds static/organisations/picker.js."""
from django import forms
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import lookup
from .models import Town, Unit

MAX_RESULTS = 30


@require_GET
def towns_json(request):
    found = lookup.towns(request.GET.get("q", ""))[:MAX_RESULTS]
    return JsonResponse({"results": [{"id": town.pk, "name": town.name, "region": town.region.name} for town in found]})


@require_GET
def units_json(request):
    town_id = request.GET.get("town", "")
    town = Town.objects.filter(pk=town_id).first() if town_id.isdigit() else None
    if town is None:
        return JsonResponse({"results": [], "error": str(_("Choose your town or street first."))}, status=400)
    found = lookup.units(request.GET.get("q", ""), town)[:MAX_RESULTS]
    return JsonResponse({"results": [{"id": unit.pk, "name": unit.name} for unit in found]})


class UnitPickerWidget(forms.Widget):
    template_name = "organisations/unit_picker.html"

    class Media:
        js = ["organisations/picker.js"]
        css = {"all": ["organisations/picker.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        unit = Unit.objects.select_related("town").filter(pk=value).first() if str(value or "").isdigit() else None
        context["widget"].update({
            "unit": unit,
            "towns_url": reverse("organisations:towns"),
            "units_url": reverse("organisations:units"),
        })
        return context


class UnitChoiceField(forms.ModelChoiceField):
    widget = UnitPickerWidget
    default_error_messages = {
        "required": _("Choose your town and unit from the lists."),
        "invalid_choice": _("Choose your unit from the list: that unit is not in the registry."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your unit"))
        super().__init__(Unit.objects.select_related("town"), **kwargs)
