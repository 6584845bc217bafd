from io import BytesIO

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reports.photos import cleaned_photo

from .conftest import gps_jpeg


def test_the_source_photo_really_has_gps_and_a_rotation():
    with Image.open(BytesIO(gps_jpeg())) as original:
        exif = original.getexif()
        assert exif[0x0112] == 6
        assert exif.get_ifd(0x8825)[2] == (27.0, 46.0, 55.5)


def test_gps_and_every_exif_tag_are_removed_after_turning_the_photo_upright():
    photo, thumbnail = cleaned_photo(SimpleUploadedFile("h.jpg", gps_jpeg(size=(64, 32)), content_type="image/jpeg"))
    for saved in (photo, thumbnail):
        data = saved.read()
        assert b"Exif" not in data and b"TestPhone" not in data
        with Image.open(BytesIO(data)) as image:
            assert image.format == "JPEG"
            assert len(image.getexif()) == 0
            assert "exif" not in image.info and "xmp" not in image.info
    with Image.open(BytesIO(photo_bytes(photo))) as image:
        assert image.size == (32, 64)  # orientation 6 applied: the landscape picture stands upright


def photo_bytes(content_file):
    content_file.seek(0)
    return content_file.read()


def test_thumbnail_is_small():
    _photo, thumbnail = cleaned_photo(SimpleUploadedFile("big.jpg", gps_jpeg(size=(2000, 1000), orientation=1)))
    with Image.open(BytesIO(photo_bytes(thumbnail))) as image:
        assert max(image.size) == 360


def test_a_file_that_is_not_a_photo_is_refused_with_its_name():
    with pytest.raises(forms.ValidationError) as error:
        cleaned_photo(SimpleUploadedFile("notes.jpg", b"this is no image", content_type="image/jpeg"))
    assert "notes.jpg" in error.value.messages[0]


def test_pixel_and_size_limits(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(forms.ValidationError):
        cleaned_photo(SimpleUploadedFile("wide.jpg", gps_jpeg(size=(100, 100))))
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    with pytest.raises(forms.ValidationError):
        cleaned_photo(SimpleUploadedFile("heavy.jpg", gps_jpeg(size=(100, 100))))
