"""What to offer when a search finds nothing: words that sound like or share characters with the
query (from the domain dictionary, the editors' synonyms and earlier searches) and popular
searches, each only if it finds something."""
from django.utils import timezone
from pypinyin import lazy_pinyin

from .models import SearchTerm
from .queries import parse, synonym_groups
from .results import finds_anything
from .segmentation import DOMAIN_WORDS

POPULAR_DAYS = 90


def popular_searches(limit=6):
    since = timezone.now() - timezone.timedelta(days=POPULAR_DAYS)
    return list(SearchTerm.objects.filter(last_searched__gte=since).values_list("text", flat=True)[:limit])


def _dictionary():
    with DOMAIN_WORDS.open(encoding="utf-8") as lines:
        return [line.split()[0] for line in lines if line.strip()]


def similarity(word, candidate):
    """2 for the same sound (a typo such as 消访 for 消防), 1 for a shared character, else 0."""
    if word == candidate:
        return 0
    if lazy_pinyin(word) == lazy_pinyin(candidate):
        return 2
    return 1 if set(word) & set(candidate) else 0


def similar_words(words, candidates, limit):
    scored = {}
    for candidate in candidates:
        score = max((similarity(word, candidate) for word in words), default=0)
        if score:
            scored[candidate] = max(score, scored.get(candidate, 0))
    return sorted(scored, key=lambda candidate: (-scored[candidate], len(candidate)))[:limit]


def suggestions(parsed, limit=6, tries=8):
    """Up to `limit` queries that find something, the closest first."""
    popular = popular_searches(limit=50)
    groups = synonym_groups()
    words = parsed.typed_words()
    candidates = _dictionary() + [word for group in groups for word in group] + popular
    # With several words, each alone may find something.
    checked = (words if len(words) > 1 else []) + similar_words(words, candidates, tries)
    found = [candidate for candidate in dict.fromkeys(checked) if finds_anything(parse(candidate, groups))][:limit]
    for text in popular:
        if len(found) >= limit:
            break
        if text not in found:
            found.append(text)
    return found
