"""What an entry's files may be: images, PDF and video, each by extension, by its first bytes and by size.
The request as a whole is held to MAX_UPLOAD_SIZE before any view runs (`uploads.limits`)."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .entries import EntryFile

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
IMAGE_MAX_SIZE = 5 * 1024 * 1024
VIDEO_EXTENSIONS = {".mp4", ".webm"}
MAX_FILES = 9


def _extension(upload):
    name = upload.name.lower()
    return name[name.rfind("."):] if "." in name else ""


def _head(upload, size=16):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(_("%(name)s is larger than %(limit)s.") % {
            "name": upload.name, "limit": filesizeformat(limit)})


def check_image(upload):
    if _extension(upload) not in IMAGE_EXTENSIONS:
        raise ValidationError(_("%(name)s: images must be JPEG, PNG or WebP.") % {"name": upload.name})
    _check_size(upload, IMAGE_MAX_SIZE)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        image_format = None
    upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(_("%(name)s is not a readable JPEG, PNG or WebP image.") % {"name": upload.name})
    return EntryFile.Kind.IMAGE


def check_pdf(upload):
    if _extension(upload) != ".pdf" or not _head(upload).startswith(b"%PDF-"):
        raise ValidationError(_("%(name)s is not a PDF file.") % {"name": upload.name})
    _check_size(upload, settings.MAX_UPLOAD_SIZE)
    return EntryFile.Kind.PDF


def check_video(upload):
    head = _head(upload)
    mp4 = _extension(upload) == ".mp4" and head[4:8] == b"ftyp"
    webm = _extension(upload) == ".webm" and head.startswith(b"\x1a\x45\xdf\xa3")
    if not (mp4 or webm):
        raise ValidationError(_("%(name)s: videos must be MP4 or WebM files.") % {"name": upload.name})
    _check_size(upload, settings.MAX_UPLOAD_SIZE)
    return EntryFile.Kind.VIDEO
