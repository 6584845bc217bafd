"""The kinds of penalty a case may carry, and how each is found in the database."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PenaltyKind(models.TextChoices):
    FINE = "fine", _("Fine")
    SUSPENSION = "suspension", _("Suspension")
    CLOSURE = "closure", _("Closure")
    DETENTION = "detention", _("Administrative detention")
    CRIMINAL = "criminal", _("Criminal referral")


PENALTY_CONDITIONS = {
    PenaltyKind.FINE: Q(fine_yuan__gt=0),
    PenaltyKind.SUSPENSION: Q(suspended=True),
    PenaltyKind.CLOSURE: Q(closed=True),
    PenaltyKind.DETENTION: Q(detained_people__gt=0),
    PenaltyKind.CRIMINAL: Q(criminal_referral=True),
}
