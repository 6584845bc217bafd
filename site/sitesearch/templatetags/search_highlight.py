import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, terms):
    """Escape `text` and wrap every occurrence of the query's words in <mark>."""
    text = escape(text or "")
    words = sorted({escape(term) for term in terms if term}, key=len, reverse=True)
    if not words:
        return mark_safe(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", text))


@register.filter
def excerpt(text, terms, width=60):
    """The part of `text` around the first matched word."""
    text = text or ""
    positions = [text.find(term) for term in terms if term and text.find(term) >= 0]
    start = max(min(positions) - width // 3, 0) if positions else 0
    snippet = text[start:start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")
