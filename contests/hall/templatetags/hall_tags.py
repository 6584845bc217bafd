from django import template

from ..labels import hall_labels as labels

register = template.Library()


@register.simple_tag
def hall_labels():
    """The hall panel's texts, for json_script."""
    return labels()
