"""Chinese word segmentation for the search index and for queries.

Both Wagtail database backends (SQLite FTS5 and PostgreSQL's `simple` config) treat a run of
Chinese characters as one token. Pages therefore index their text pre-segmented by jieba with
the domain dictionary, and queries are segmented the same way (see sitesearch/backend.py).
"""
import re
from functools import cache
from pathlib import Path

import jieba
from django.utils.html import strip_tags
from wagtail.rich_text import RichText
from wagtail.search import index

DOMAIN_WORDS = Path(__file__).with_name("domain_words.txt")


@cache
def tokenizer():
    jieba.setLogLevel(60)
    segmenter = jieba.Tokenizer()
    segmenter.load_userdict(str(DOMAIN_WORDS))
    return segmenter


def _words(text):
    for word in tokenizer().cut(text, HMM=False):
        word = word.strip().lower()
        if word and any(char.isalnum() for char in word):
            yield word


def index_terms(text):
    """Every word, plus the dictionary words inside longer ones (灭火器 inside 干粉灭火器)."""
    freq = tokenizer().FREQ
    for word in _words(text):
        yield word
        for size in range(2, len(word)):
            for start in range(len(word) - size + 1):
                part = word[start:start + size]
                if freq.get(part):
                    yield part


def query_terms(query):
    """The query's words, in order, without repeats."""
    return list(dict.fromkeys(_words(query)))


def segment_query(query):
    return " ".join(query_terms(query))


def plain_text(value):
    if hasattr(value, "stream_block"):
        return " ".join(value.stream_block.get_searchable_content(value))
    if isinstance(value, RichText):
        return strip_tags(value.source)
    return strip_tags(str(value)) if value else ""


class SegmentedSearchMixin:
    """Indexes `title` and the fields named in `search_text_fields` as segmented words.

    Add `*segmented_search_fields()` to a page's `search_fields`.
    """

    search_text_fields = []

    def search_text(self):
        parts = [self.title]
        for name in self.search_text_fields:
            value = getattr(self, name)
            parts.append(plain_text(value() if callable(value) else value))
        return re.sub(r"\s+", " ", " ".join(parts)).strip()

    def segmented_text(self):
        return " ".join(dict.fromkeys(index_terms(self.search_text())))


def segmented_search_fields():
    return [index.SearchField("segmented_text"), index.AutocompleteField("segmented_text")]
