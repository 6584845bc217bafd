"""What an entry's files may be: images, PDF and video, each by its content and by size. Images and
PDF also need the matching extension; a video is known by its first bytes alone (MP4, QuickTime
MOV, WebM) and is stored under the extension of what it is. The submission URL takes a request of
WORKS_UPLOAD_MAX_SIZE (`core.upload_limits`); everything else is held to MAX_UPLOAD_SIZE."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .entries import EntryFile

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
IMAGE_MAX_SIZE = 5 * 1024 * 1024
# ISO base media files open with a box whose type is "ftyp"; its major brand tells QuickTime from MP4.
QUICKTIME_BRAND = b"qt  "
# Old QuickTime files may open with another top-level atom.
QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"  # WebM (Matroska)
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


def video_format(head):
    """".mp4", ".mov" or ".webm" from a file's first 64 bytes; None for anything else."""
    box_type, brand = head[4:8], head[8:12]
    if box_type == b"ftyp":
        return ".mov" if brand == QUICKTIME_BRAND else ".mp4"
    if box_type in QUICKTIME_ATOMS:
        return ".mov"
    if head.startswith(EBML_MAGIC) and b"\x42\x82\x84webm" in head:  # the EBML header's DocType "webm"
        return ".webm"
    return None


def check_video(upload):
    extension = video_format(_head(upload, 64))
    if extension is None:
        raise ValidationError(_("%(name)s: videos must be MP4, MOV or WebM files.") % {"name": upload.name})
    _check_size(upload, settings.WORKS_VIDEO_MAX_SIZE)
    stem = upload.name.rsplit(".", 1)[0] if "." in upload.name else upload.name
    upload.name = stem + extension  # served with the type of what it is, not what it was called
    return EntryFile.Kind.VIDEO
