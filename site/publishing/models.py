from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from core.personal_data import ID_CARD, NAME, PHONE


class FlagKind(models.TextChoices):
    ID_CARD = ID_CARD, _("ID-card number")
    PHONE = PHONE, pgettext_lazy("personal data kind", "phone number")
    NAME = NAME, _("person's full name")


class PersonalDataResolution(models.Model):
    """A reviewer's decision that one flagged identifier in an object under review may stay
    (a company's public line, a public official named in his role…), with the reason."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=FlagKind.choices)
    text = models.CharField(_("flagged text"), max_length=100)
    note = models.TextField(_("reason"))
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("resolved personal data flag")
        verbose_name_plural = _("resolved personal data flags")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "kind", "text"], name="one_resolution_per_flag"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"
