"""Safety-culture works (安全生产文化作品评选): a call for entries, the entries units send, the judges'
sheets and the public's votes. The arithmetic lives in `scoring.py`, the vote rules in `voting.py`."""
from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.accounts.roles import JUDGES, in_group
from core.judging import AGGREGATES
from .entries import Entry, EntryFile, JudgeSheet, Vote  # noqa: F401  (the app's models)
from .results import differences, frozen_placings, live_placings
from . import views


AGGREGATE_LABELS = {"sum": _("Sum of the judges' totals"), "mean": _("Average of the judges' totals"),
                    "trimmed_mean": _("Average without the highest and the lowest total")}


class WorksCallPage(RoutablePageMixin, Page):
    """A call for entries (作品征集): rules, deadline, criteria; its gallery, judging and voting."""

    introduction = models.TextField(_("introduction"), blank=True)
    rules = RichTextField(_("rules"), blank=True)
    deadline = models.DateTimeField(_("entries close"))
    entries_per_unit = models.PositiveSmallIntegerField(
        _("entries per unit"), default=3, validators=[MinValueValidator(1)],
        help_text=_("How many entries one unit may send to this call."),
    )
    voting_opens = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_closes = models.DateTimeField(_("voting closes"), null=True, blank=True)
    expert_method = models.CharField(
        _("expert score"), max_length=12, default="trimmed_mean",
        choices=[(method, AGGREGATE_LABELS[method]) for method in AGGREGATES],
    )
    expert_weight = models.PositiveSmallIntegerField(
        _("weight of the expert score (%)"), default=70, validators=[MaxValueValidator(100)],
        help_text=_("The public vote weighs the rest."),
    )
    votes_per_address = models.PositiveSmallIntegerField(
        _("votes per address per day"), default=30, validators=[MinValueValidator(1)],
        help_text=_("All votes sent from one network address in a day, for any entry."),
    )
    judges = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("judges"), blank=True, related_name="+",
        limit_choices_to={"groups__name": JUDGES},
        help_text=_("Members of the judges' group who score this call's works; nobody else does."),
    )
    captcha_after = models.PositiveSmallIntegerField(
        _("CAPTCHA after"), default=5,
        help_text=_("Votes from one address in a day after which every further vote needs a CAPTCHA."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("rules"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("entries_per_unit")]),
        InlinePanel("criteria", heading=_("Judging criteria"), label=_("criterion"), min_num=1),
        MultiFieldPanel([FieldPanel("expert_method"), FieldPanel("expert_weight"),
                         FieldPanel("judges", widget=forms.CheckboxSelectMultiple)], heading=_("Scoring")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("voting_opens"), FieldPanel("voting_closes")]),
             FieldRowPanel([FieldPanel("votes_per_address"), FieldPanel("captcha_after")])],
            heading=_("Public voting"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["base.HomePage"]
    subpage_types = ["works.WorksResultsPage"]

    class Meta:
        verbose_name = _("call for works")
        verbose_name_plural = _("calls for works")

    def is_judge(self, user):
        """Whether `user` scores this call: a member of the judges' group chosen for it."""
        return in_group(user, JUDGES) and self.judges.filter(pk=user.pk).exists()

    def criteria_pairs(self):
        return [(criterion.name, criterion.maximum) for criterion in self.criteria.all()]

    def entries_open(self, now=None):
        return (now or timezone.now()) < self.deadline

    def voting_open(self, now=None):
        now = now or timezone.now()
        return bool(self.voting_opens and self.voting_closes and self.voting_opens <= now < self.voting_closes)

    @path("")
    def gallery(self, request):
        return views.call_index(self, request)

    @path("submit/")
    def submit(self, request):
        return views.submit_entry(self, request)

    @path("entry/<int:entry_id>/", name="entry")
    def entry(self, request, entry_id):
        return views.entry_detail(self, request, entry_id)

    @path("entry/<int:entry_id>/vote/", name="vote")
    def vote(self, request, entry_id):
        return views.vote(self, request, entry_id)

    @path("judging/", name="judging")
    def judging(self, request):
        return views.judge_index(self, request)

    @path("judging/<int:entry_id>/", name="judge_entry")
    def judge_entry(self, request, entry_id):
        return views.judge_entry(self, request, entry_id)


class Criterion(Orderable):
    call = ParentalKey(WorksCallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=60)
    maximum = models.PositiveSmallIntegerField(_("maximum points"), validators=[MinValueValidator(1)])

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("maximum")])]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")

    def __str__(self):
        return self.name


class FrozenResultsPanel(Panel):
    """The editor's view of the freeze: when it was made and what has moved in the live standings since."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "works/admin/frozen_results_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            live_row = WorksResultsPage.objects.filter(pk=page.pk, live=True).first() if page.pk else None
            frozen = frozen_placings(live_row) if live_row else None
            context.update(frozen_at=live_row and live_row.frozen_at, published=frozen is not None,
                           differences=differences(frozen, live_placings(page)) if frozen is not None else [])
            return context


class WorksResultsPage(Page):
    """The ranking and the awards of a call, published after review (the page workflow). Publishing
    freezes the ranking (`results.py`): the public sees the figures approved, not live ones."""

    introduction = models.TextField(_("introduction"), blank=True)
    first_prizes = models.PositiveSmallIntegerField(_("first prizes"), default=1)
    second_prizes = models.PositiveSmallIntegerField(_("second prizes"), default=2)
    third_prizes = models.PositiveSmallIntegerField(_("third prizes"), default=3)
    excellence_awards = models.PositiveSmallIntegerField(_("excellence awards"), default=5)
    frozen_standings = models.JSONField(_("frozen ranking"), null=True, blank=True, editable=False)
    frozen_at = models.DateTimeField(_("ranking frozen at"), null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("first_prizes"), FieldPanel("second_prizes"), FieldPanel("third_prizes"),
                       FieldPanel("excellence_awards")], heading=_("Awards")),
        FrozenResultsPanel(heading=_("Published ranking")),
    ]
    parent_page_types = ["works.WorksCallPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("works results page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        call = self.get_parent().specific
        # A preview shows what publishing would freeze; the published page shows what was frozen.
        placings = None if getattr(request, "is_preview", False) else frozen_placings(self)
        if placings is None:
            placings = live_placings(self)
        for row in placings:
            row.url = call.url + call.reverse_subpage("entry", args=(row.entry_id,))
        context.update(call=call, standings=placings)
        return context
