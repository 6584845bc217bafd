"""Social safety supervisors (社会监督员): applications, appointment with a certificate number and a term.

An appointed supervisor is recognised by the secret link he is given at appointment
(`Supervisor.secret`): it opens his own page (his reports and their status, his letter) and the
report form marked as his. No phone sign-in is needed.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .hazard_reports import new_secret


class SupervisorQuerySet(models.QuerySet):
    def serving(self, day=None):
        """Appointed and within their term: the public roster; expired terms drop off by themselves."""
        day = day or timezone.localdate()
        return self.filter(status=Supervisor.Status.APPOINTED, term_start__lte=day, term_end__gte=day)


class Supervisor(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        APPOINTED = "appointed", _("Appointed")
        DECLINED = "declined", _("Declined")

    name = models.CharField(pgettext_lazy("person", "name"), max_length=40)
    phone = models.CharField(_("phone"), max_length=20)
    town = models.ForeignKey(
        "organisations.Town", on_delete=models.PROTECT, related_name="supervisors", verbose_name=_("town or street")
    )
    occupation = models.CharField(_("occupation"), max_length=60)
    reason = models.TextField(_("why you apply"), max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    certificate_number = models.CharField(_("certificate number"), max_length=30, unique=True, null=True, blank=True)
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    secret = models.CharField(max_length=40, unique=True, default=new_secret, editable=False)
    applied_at = models.DateTimeField(_("applied at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.CharField(_("review note"), max_length=300, blank=True)

    objects = SupervisorQuerySet.as_manager()

    class Meta:
        verbose_name = _("social supervisor")
        verbose_name_plural = _("social supervisors")
        ordering = ["status", "town", "name"]

    def __str__(self):
        return self.name

    @property
    def serving(self):
        day = timezone.localdate()
        return (
            self.status == self.Status.APPOINTED and self.term_start is not None
            and self.term_start <= day <= self.term_end
        )
