"""What a question can be, shared by the models and the rules in validation.py."""
from django.db import models
from django.utils.translation import gettext_lazy as _

OPTION_LABELS = "ABCDEFGH"
MAX_OPTION_LENGTH = 500


class Kind(models.TextChoices):
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    TRUE_FALSE = "truefalse", _("true/false")
