"""The case index's filters: campaign area, township, year and penalty kind."""
import django_filters
from django.utils.translation import gettext_lazy as _

from core.taxonomy.models import CampaignArea

from .penalties import PENALTY_CONDITIONS, PenaltyKind


class CaseFilter(django_filters.FilterSet):
    area = django_filters.ModelChoiceFilter(
        label=_("Campaign area"), queryset=CampaignArea.objects.all(), to_field_name="code", empty_label=_("All areas")
    )
    township = django_filters.ChoiceFilter(label=_("Township or street"), empty_label=_("All townships"))
    year = django_filters.ChoiceFilter(
        label=_("Year"), field_name="decision_date", lookup_expr="year", empty_label=_("All years")
    )
    penalty = django_filters.ChoiceFilter(label=_("Penalty"), method="filter_penalty", empty_label=_("Any penalty"))

    def __init__(self, *args, index_page, **kwargs):
        super().__init__(*args, **kwargs)
        cases = index_page.cases().order_by()
        self.filters["township"].extra["choices"] = [
            (name, name) for name in cases.values_list("township", flat=True).distinct().order_by("township")
        ]
        self.filters["year"].extra["choices"] = [
            (day.year, day.year) for day in cases.dates("decision_date", "year", order="DESC")
        ]
        self.filters["penalty"].extra["choices"] = PenaltyKind.choices

    def filter_penalty(self, queryset, name, value):
        return queryset.filter(PENALTY_CONDITIONS[value])
