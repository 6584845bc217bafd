"""What to offer when a search finds nothing: words that sound like or share characters with the
query (from the domain dictionary, the editors' synonyms and earlier searches) and popular
searches, each only if it finds something."""
import unicodedata
from collections import defaultdict
from functools import cache

from django.utils import timezone
from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

from .models import SearchTerm
from .queries import parse, synonym_groups
from .results import finds_anything
from core.segmentation import DOMAIN_WORDS, tokenizer

POPULAR_DAYS = 90
COMMON_WORD = 100  # jieba's frequency above which a word is offered as the one meant


def popular_searches(limit=6):
    since = timezone.now() - timezone.timedelta(days=POPULAR_DAYS)
    return list(SearchTerm.objects.filter(last_searched__gte=since).values_list("text", flat=True)[:limit])


def _dictionary():
    with DOMAIN_WORDS.open(encoding="utf-8") as lines:
        return [line.split()[0] for line in lines if line.strip()]


def _toneless(reading):
    return "".join(char for char in unicodedata.normalize("NFD", reading) if not unicodedata.combining(char))


@cache
def _characters_by_sound():
    table = defaultdict(set)
    for code, readings in pinyin_dict.items():
        for reading in readings.split(","):
            table[_toneless(reading)].add(chr(code))
    return table


def sound_alikes(word):
    """Common words differing from `word` by one character that sounds the same (消访 -> 消防),
    the most common first."""
    freq, by_sound = tokenizer().FREQ, _characters_by_sound()
    found = {}
    for position, sound in enumerate(lazy_pinyin(word)):
        for char in by_sound.get(sound, ()):
            candidate = word[:position] + char + word[position + 1:]
            if candidate != word and freq.get(candidate, 0) >= COMMON_WORD:
                found[candidate] = freq[candidate]
    return sorted(found, key=found.get, reverse=True)


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
    # The words as typed: segmentation splits an unknown word (a typo) into characters.
    words = parsed.text.lower().split()
    candidates = _dictionary() + [word for group in groups for word in group] + popular
    fewer = [word for word in words if len(word) > 1] if len(words) > 1 else []  # each word alone
    sounds = [alike for word in words for alike in sound_alikes(word)][:tries]
    checked = fewer + sounds + similar_words(words, candidates, tries)
    found = [candidate for candidate in dict.fromkeys(checked) if finds_anything(parse(candidate, groups))][:limit]
    for text in popular:
        if len(found) >= limit:
            break
        if text not in found:
            found.append(text)
    return found
