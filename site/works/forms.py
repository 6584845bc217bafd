from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.judging import ScoreSheetError, sheet_total
from core.organisations.membership import verified_units
from core.organisations.models import Unit

from . import files
from .entries import Entry


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class EntryForm(forms.ModelForm):
    """An entry for one of the units the sender is a verified member of (core.organisations.membership)."""

    unit = forms.ModelChoiceField(
        Unit.objects.none(), label=gettext_lazy("Unit"),
        help_text=gettext_lazy("One of the units you are a verified member of."),
        error_messages={"invalid_choice": gettext_lazy(
            "You are not a verified member of that unit: ask to join it under “My units” and wait for "
            "its contact or staff to verify you.")},
    )
    images = MultipleFileField(label=gettext_lazy("Images"), required=False,
                               help_text=gettext_lazy("JPEG, PNG or WebP, up to 5 MB each."))
    pdf = forms.FileField(label=gettext_lazy("PDF"), required=False,
                          widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}))
    video = forms.FileField(label=gettext_lazy("Video"), required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": ".mp4,.mov,.webm,video/*"}))

    class Meta:
        model = Entry
        fields = ["unit", "title", "category", "authors", "description", "original"]

    def __init__(self, *args, call, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        units = verified_units(user).select_related("town")
        self.fields["unit"].queryset = units
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
        self.fields["original"].required = True
        self.fields["video"].help_text = _("MP4, MOV or WebM, up to %(size)s.") % {
            "size": f"{settings.WORKS_VIDEO_MAX_SIZE // (1024 * 1024)} MB"}  # whole megabytes, not "50.0 MB"

    def clean_unit(self):
        unit = self.cleaned_data["unit"]
        check_unit_limit(self.call, unit)
        return unit

    def clean(self):
        cleaned = super().clean()
        uploads = []
        for upload in cleaned.get("images") or []:
            uploads.append((files.check_image(upload), upload))
        if cleaned.get("pdf"):
            uploads.append((files.check_pdf(cleaned["pdf"]), cleaned["pdf"]))
        if cleaned.get("video"):
            uploads.append((files.check_video(cleaned["video"]), cleaned["video"]))
        if not uploads:
            raise ValidationError(_("Attach the work: at least one image, a PDF or a video."))
        if len(uploads) > files.MAX_FILES:
            raise ValidationError(_("At most %(count)d files per entry.") % {"count": files.MAX_FILES})
        self.uploads = uploads
        return cleaned


def check_unit_limit(call, unit):
    """Entries are counted per unit, whoever of its members sent them; rejected ones do not count."""
    if Entry.objects.filter(call=call, unit=unit).exclude(status=Entry.Status.REJECTED).count() \
            >= call.entries_per_unit:
        raise ValidationError(_("Your unit has already sent %(count)d entries, the most this call accepts.")
                              % {"count": call.entries_per_unit})


class SheetForm(forms.Form):
    """A judge's points on each of the call's criteria."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for index, (name, maximum) in enumerate(criteria):
            self.fields[f"c{index}"] = forms.IntegerField(
                label=f"{name}（0–{maximum}）", min_value=0, max_value=maximum,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.points = {name: cleaned[f"c{index}"] for index, (name, _maximum) in enumerate(self.criteria)}
        try:
            self.total = sheet_total(self.criteria, self.points)
        except ScoreSheetError as error:
            raise ValidationError(str(error)) from None
        return cleaned


class VoidForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200)


class VoteForm(forms.Form):
    """Empty but for the CAPTCHA, which an address needs after the call's threshold of votes a day."""

    def __init__(self, *args, captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        if captcha:
            self.fields["captcha"] = CaptchaField(label=gettext_lazy("Type the characters in the picture"))
