"""Photos of reports: checked against the site's image limits, turned upright, re-encoded without
any metadata (EXIF, GPS, XMP: a reporter's home must not leak through a published photo), and a
thumbnail made.

Orientation is applied first (ImageOps.exif_transpose), because it lives in the EXIF that is then
dropped. The saved file is a new JPEG written from the pixels alone.
"""
import uuid
from io import BytesIO

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .hazard_reports import ReportPhoto

MAX_PHOTOS = 6
LONGEST_SIDE = 2560
THUMBNAIL_SIZE = (360, 360)
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}


def cleaned_photo(upload):
    """(photo, thumbnail) as ContentFiles ready for ImageFields; ValidationError for a bad file."""
    if upload.size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
        raise forms.ValidationError(
            _("%(name)s is larger than %(size)s.")
            % {"name": upload.name, "size": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind, (width, height) = probe.format, probe.size
            if kind not in ACCEPTED_FORMATS:
                raise forms.ValidationError(_("%(name)s is not a JPEG, PNG or WebP photo.") % {"name": upload.name})
            if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise forms.ValidationError(_("%(name)s has too many pixels.") % {"name": upload.name})
            upload.seek(0)
            with Image.open(upload) as original:
                picture = ImageOps.exif_transpose(original).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise forms.ValidationError(_("%(name)s is not a photo we can read.") % {"name": upload.name}) from error
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    stem = uuid.uuid4().hex
    thumbnail = picture.copy()
    thumbnail.thumbnail(THUMBNAIL_SIZE)
    return ContentFile(jpeg(picture), name=f"{stem}.jpg"), ContentFile(jpeg(thumbnail), name=f"{stem}-thumb.jpg")


def jpeg(picture):
    # A fresh image from the pixels: no exif=, no icc_profile=, no XMP is passed, so none is written.
    buffer = BytesIO()
    Image.frombytes("RGB", picture.size, picture.tobytes()).save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def save_photos(report, uploads, event=None):
    for photo, thumbnail in uploads:
        item = ReportPhoto(report=report, event=event)
        item.image.save(photo.name, photo, save=False)
        item.thumbnail.save(thumbnail.name, thumbnail, save=False)
        item.save()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS photos in one input; cleans to a list of (photo, thumbnail)."""

    def __init__(self, *args, max_photos=MAX_PHOTOS, **kwargs):
        self.max_photos = max_photos
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > self.max_photos:
            raise forms.ValidationError(_("At most %(count)d photos.") % {"count": self.max_photos})
        errors, cleaned = [], []
        for upload in uploads:
            try:
                cleaned.append(cleaned_photo(upload))
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned
