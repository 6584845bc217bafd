from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.organisations.models import Unit
from core.taxonomy.models import Venue

from .checklist import Application

PHOTO_MAX_SIZE = 5 * 1024 * 1024
MAX_PHOTOS = 9


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.ImageField):
    """Several photos at once (Pillow checks each is an image); each up to PHOTO_MAX_SIZE."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if len(uploads) > MAX_PHOTOS:
            raise ValidationError(_("At most %(count)d photos.") % {"count": MAX_PHOTOS})
        cleaned = [super(MultiplePhotoField, self).clean(upload, initial) for upload in uploads if upload]
        for upload in cleaned:
            if upload.size > PHOTO_MAX_SIZE:
                raise ValidationError(_("%(name)s is larger than 5 MB.") % {"name": upload.name})
        if self.required and not cleaned:
            raise ValidationError(self.error_messages["required"], code="required")
        return cleaned


def checklist_fields(form, items, with_photos):
    for item in items:
        form.fields[f"item_{item.pk}"] = forms.IntegerField(
            label=f"{item.text}（0–{item.points}）", min_value=0, max_value=item.points,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )
        if with_photos:
            form.fields[f"photo_{item.pk}"] = forms.ImageField(
                label=gettext_lazy("Photo"), required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
            )


class ApplicationForm(forms.ModelForm):
    unit = forms.ModelChoiceField(Unit.objects.select_related("town"), label=gettext_lazy("Unit"))
    venue = forms.ModelChoiceField(Venue.objects.all(), label=gettext_lazy("Venue"))
    photos = MultiplePhotoField(label=gettext_lazy("Photos of the site"),
                                help_text=gettext_lazy("JPEG, PNG or WebP, up to 5 MB each."))

    class Meta:
        model = Application
        fields = ["unit", "venue", "description"]

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        checklist_fields(self, items, with_photos=False)

    def clean(self):
        cleaned = super().clean()
        unit, venue = cleaned.get("unit"), cleaned.get("venue")
        if unit and venue and Application.objects.filter(unit=unit, venue=venue).exclude(outcome="failed").exists():
            raise ValidationError(_("This unit has already applied for this venue."))
        self.points = {item.pk: cleaned.get(f"item_{item.pk}") for item in self.items}
        return cleaned


class InspectionForm(forms.Form):
    visited_on = forms.DateField(label=gettext_lazy("Visited on"), initial=timezone.localdate,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(label=gettext_lazy("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        checklist_fields(self, items, with_photos=True)

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            photo = cleaned.get(f"photo_{item.pk}")
            if photo and photo.size > PHOTO_MAX_SIZE:
                self.add_error(f"photo_{item.pk}", _("%(name)s is larger than 5 MB.") % {"name": photo.name})
        self.points = {item.pk: cleaned.get(f"item_{item.pk}") for item in self.items}
        return cleaned
