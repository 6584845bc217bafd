"""Listing columns of the admin shared by the apps."""
from django.template.defaultfilters import yesno
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean field as 是 / 否 (Wagtail shows "True" / "False" or an icon titled so)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else yesno(value)
