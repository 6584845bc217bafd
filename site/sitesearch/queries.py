"""A visitor's query as terms, each with the words that mean the same (the editors' synonyms),
turned into one search query for the backend: every term must match, by any of its words."""
from dataclasses import dataclass

from wagtail.search.query import And, Or, PlainText

from .models import SynonymGroup
from core.segmentation import query_terms


@dataclass
class ParsedQuery:
    text: str
    terms: list  # per term, its words: the one typed first, then its synonyms

    def words(self):
        """Every word any result may match, for highlighting and ranking."""
        return list(dict.fromkeys(word for alternatives in self.terms for word in alternatives))

    def search_query(self):
        nodes = [_any_of(alternatives) for alternatives in self.terms]
        return nodes[0] if len(nodes) == 1 else And(nodes)


def _all_words_of(word):
    words = query_terms(word)
    return PlainText(words[0]) if len(words) == 1 else And([PlainText(part) for part in words])


def _any_of(alternatives):
    nodes = [_all_words_of(word) for word in alternatives if query_terms(word)]
    return nodes[0] if len(nodes) == 1 else Or(nodes)


def synonym_groups():
    return [group.word_list() for group in SynonymGroup.objects.all()]


def parse(text, groups=None):
    """Synonyms are found in the text as typed (before segmentation, which may split them),
    longest first; the rest is segmented into words."""
    groups = synonym_groups() if groups is None else groups
    group_of = {word.lower(): group for group in groups for word in group}
    rest, terms = text.lower(), []
    for word in sorted(group_of, key=len, reverse=True):
        if word and word in rest:
            rest = rest.replace(word, " ")
            terms.append([word] + [other for other in group_of[word] if other.lower() != word])
    for word in query_terms(rest):
        terms.append([word] + [other for other in group_of.get(word, []) if other.lower() != word])
    return ParsedQuery(text=text, terms=terms)
