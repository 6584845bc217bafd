"""Find towns and units the way people type them: Chinese, pinyin initials ("ta" → 塘下) or full pinyin."""
from django.db.models import Q

from .models import Town, Unit


def matching(queryset, text):
    text = (text or "").strip()
    if not text:
        return queryset
    if text.isascii():
        needle = text.lower().replace(" ", "")
        return queryset.filter(Q(initials__startswith=needle) | Q(pinyin__startswith=needle) | Q(name__icontains=text))
    return queryset.filter(name__icontains=text)


def towns(text=""):
    return matching(Town.objects.select_related("region"), text)


def units(text="", town=None):
    queryset = Unit.objects.select_related("town")
    if town is not None:
        queryset = queryset.filter(town=town)
    return matching(queryset, text)
