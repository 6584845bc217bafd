"""Numbers as people read them: thousands separators, and large sums of money in 万元 (zh) or yuan (en)."""
from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

TEN_THOUSAND = Decimal(10000)


@register.filter
def thousands(value):
    """12345 -> 12,345; 1234.5 -> 1,234.5: grouped, at most two decimals, no trailing zeros."""
    if value in (None, ""):
        return ""
    text = str(floatformat(value, "-2g"))
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.simple_tag
def money(value):
    """(figure, unit) of a sum in yuan, one unit per figure: 1043000 -> ("104.3", "万元") in Chinese,
    ("1,043,000", "yuan") in English; sums under 10,000 stay in 元."""
    amount = Decimal(value or 0)
    if (get_language() or "").startswith("zh") and amount >= TEN_THOUSAND:
        return thousands(amount / TEN_THOUSAND), _("10k yuan")
    return thousands(amount), _("yuan")
