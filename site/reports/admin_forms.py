"""The forms of the staff's steps on a report, and of a supervisor's review."""
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.organisations.models import Town

from .hazard_reports import Report, TownHandler
from .photos import PhotosField
from .supervisors import Supervisor


def note_field(required=False):
    return forms.CharField(label=_("Note"), required=required, widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    note = note_field()
    photos = PhotosField(label=_("Attachments (photos)"), required=False)


class RouteForm(forms.Form):
    town = forms.ModelChoiceField(Town.objects.all(), label=_("Town or street"))
    handler = forms.ModelChoiceField(
        get_user_model().objects.filter(report_towns__isnull=False).distinct(), label=_("Handler"), required=False
    )
    note = note_field()

    def clean(self):
        cleaned = super().clean()
        town, handler = cleaned.get("town"), cleaned.get("handler")
        if town and handler and not TownHandler.objects.filter(user=handler, town=town).exists():
            self.add_error("handler", _("%(user)s does not handle the reports of %(town)s.") % {"user": handler, "town": town})
        return cleaned


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(get_user_model().objects.none(), label=_("Handler"))
    note = note_field()

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = get_user_model().objects.filter(report_towns__town=report.town)


class EscalateForm(forms.Form):
    title = forms.CharField(label=_("Hazard"), max_length=200)
    responsible_unit = forms.CharField(label=_("Responsible unit"), max_length=200)
    deadline = forms.DateField(label=_("Rectification deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    note = note_field()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise forms.ValidationError(_("The deadline is a day after today."))
        return deadline


class CloseForm(forms.Form):
    note = note_field(required=True)
    photos = PhotosField(label=_("Photos of the rectified place"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = _("Rectification note")


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason (the reporter sees it)"), max_length=300)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(Report.objects.all(), to_field_name="number", label=_("Tracking number of the report to keep"),
                                  widget=forms.TextInput)


class RewardForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (yuan)"), max_digits=8, decimal_places=2, min_value=1)
    note = note_field()


class SupervisorReviewForm(forms.ModelForm):
    """Appointment needs a certificate number and a term; declining, a note."""

    class Meta:
        model = Supervisor
        fields = ["name", "town", "occupation", "status", "certificate_number", "term_start", "term_end", "review_note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Supervisor.Status.APPOINTED:
            for name in ("certificate_number", "term_start", "term_end"):
                if not cleaned.get(name):
                    self.add_error(name, _("An appointed supervisor needs this."))
            start, end = cleaned.get("term_start"), cleaned.get("term_end")
            if start and end and end <= start:
                self.add_error("term_end", _("The term ends after it starts."))
        if not cleaned.get("certificate_number"):
            cleaned["certificate_number"] = None
        return cleaned
