"""The public forms: a hazard report and an application to become a social supervisor."""
from captcha.fields import CaptchaField
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from core.organisations.models import Town
from core.taxonomy.models import CampaignArea

from .hazard_reports import Report
from .photos import PhotosField
from .supervisors import Supervisor

phone_number = RegexValidator(r"^1[3-9]\d{9}$", _("Enter an 11-digit mobile number."))


class TownSelect(forms.Select):
    """The towns with their pinyin, so the page can filter them as people type (ta → 塘下镇)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        town = getattr(value, "instance", None)
        if town is not None:
            option["attrs"]["data-pinyin"] = f"{town.initials} {town.pinyin}"
        return option


class CaptchaMixin:
    def add_captcha(self):
        self.fields["captcha"] = CaptchaField(
            label=_("Characters in the picture"),
            help_text=_("Several forms were sent from your network: type the characters to go on."),
            error_messages={"invalid": _("The characters do not match the picture; try the new one.")},
        )


class ReportForm(CaptchaMixin, forms.ModelForm):
    area = forms.ModelChoiceField(CampaignArea.objects.all(), label=_("Category"), empty_label=_("Choose…"))
    town = forms.ModelChoiceField(
        Town.objects.select_related("region"), label=_("Town or street"), empty_label=_("Choose…"),
        widget=TownSelect(attrs={"data-filter-label": _("Find a town (Chinese or pinyin, e.g. tx)")}),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, max_digits=9, decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, max_digits=9, decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    photos = PhotosField(label=_("Photos (up to 6)"), required=False)
    phone = forms.CharField(
        label=_("Contact phone"), required=False, validators=[phone_number],
        help_text=_("Only the handler of your report sees it; it is deleted some time after the report is closed."),
    )
    anonymous = forms.BooleanField(
        label=_("Report anonymously (no phone is kept)"), required=False,
    )
    consent = forms.BooleanField(
        label=_("I confirm the report is true, and agree that the photos may be published without my personal data."),
        error_messages={"required": _("Please confirm to send the report.")},
    )

    class Meta:
        model = Report
        fields = ["area", "town", "place", "latitude", "longitude", "description", "phone", "anonymous"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        labels = {"place": _("Where (street, building, landmark)"), "description": _("What is wrong")}

    def __init__(self, *args, captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["area", "town", "place", "latitude", "longitude", "description", "photos", "phone",
                           "anonymous", "consent"])
        if captcha:
            self.add_captcha()

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        if cleaned.get("anonymous"):
            cleaned["phone"] = ""
        return cleaned


class ApplicationForm(CaptchaMixin, forms.ModelForm):
    town = forms.ModelChoiceField(
        Town.objects.select_related("region"), label=_("Town or street"), empty_label=_("Choose…"),
        widget=TownSelect(attrs={"data-filter-label": _("Find a town (Chinese or pinyin, e.g. tx)")}),
    )
    phone = forms.CharField(label=_("Phone"), validators=[phone_number])
    consent = forms.BooleanField(
        label=_("I agree that my name, town and term are shown on the public roster if I am appointed."),
        error_messages={"required": _("Please agree to send the application.")},
    )

    class Meta:
        model = Supervisor
        fields = ["name", "phone", "town", "occupation", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        if captcha:
            self.add_captcha()


class TrackForm(forms.Form):
    number = forms.RegexField(
        r"^SP-\d{4}-\d{6}$", label=_("Tracking number"), max_length=20,
        error_messages={"invalid": _("A tracking number looks like SP-2026-000123.")},
    )
