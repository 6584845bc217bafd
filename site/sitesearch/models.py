import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

WORD_SEPARATORS = re.compile(r"[\s/,，、;；|]+")


class SynonymGroup(models.Model):
    """Words the public uses for the same thing (电动车 / 电瓶车 / 电动自行车): a search for any
    of them finds pages with any of them."""

    words = models.CharField(
        _("words"), max_length=300, unique=True,
        help_text=_("Two or more words meaning the same, separated by “/”, commas or spaces, e.g. 电动车 / 电瓶车"),
    )

    panels = [FieldPanel("words")]

    class Meta:
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")
        ordering = ["words"]

    def __str__(self):
        return " / ".join(self.word_list())

    def word_list(self):
        return list(dict.fromkeys(word for word in WORD_SEPARATORS.split(self.words.strip()) if word))

    def clean(self):
        words = self.word_list()
        if len(words) < 2:
            raise ValidationError({"words": _("Enter at least two different words.")})
        self.words = " / ".join(words)


class SearchTerm(models.Model):
    """A query that found something, counted: the popular searches offered when one finds nothing."""

    text = models.CharField(_("query"), max_length=100, unique=True)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    last_searched = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        ordering = ["-hits", "text"]

    def __str__(self):
        return self.text

    @classmethod
    def record(cls, text):
        term, _created = cls.objects.get_or_create(text=text)
        cls.objects.filter(pk=term.pk).update(hits=F("hits") + 1, last_searched=timezone.now())
