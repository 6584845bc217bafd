from django import template

from ..deidentification import open_flags

register = template.Library()


@register.simple_tag
def open_personal_data_flags(obj):
    return open_flags(obj)
