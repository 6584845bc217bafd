import pytest
from django.core.exceptions import ImproperlyConfigured
from PIL import Image, ImageDraw

from core import fonts


def test_the_cjk_face_draws_chinese_glyphs():
    font = fonts.pillow_font(48)
    image = Image.new("L", (200, 60), 255)
    ImageDraw.Draw(image).text((0, 0), "应急", font=font, fill=0)
    assert "CJK SC" in " ".join(font.getname())
    assert Image.eval(image, lambda v: 255 - v).getbbox()[2] > 60  # two glyphs drawn, not boxes of nothing


def test_a_missing_font_fails_with_what_to_install(settings, tmp_path):
    settings.CJK_FONT_PATH = str(tmp_path / "missing.ttc")
    with pytest.raises(ImproperlyConfigured, match="fonts-noto-cjk"):
        fonts.regular()
