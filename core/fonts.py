"""The CJK font for everything the platform draws itself (certificates, letters, bulletins as PDF or image).

Debian's fonts-noto-cjk (`make run` and `make test` install it); CJK_FONT_PATH and CJK_FONT_BOLD_PATH
choose another file. The Noto .ttc files hold several faces: index 2 is Simplified Chinese (SC).
"""
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NOTO_CJK_SC_INDEX = 2


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int  # the face inside a .ttc collection; 0 for a single-face file


def _font(path_setting):
    path = Path(getattr(settings, path_setting))
    if not path.is_file():
        raise ImproperlyConfigured(
            f"{path_setting}={path} does not exist: install Debian's fonts-noto-cjk or point {path_setting} "
            "at a font with Simplified Chinese glyphs."
        )
    return FontFile(path, NOTO_CJK_SC_INDEX if path.suffix.lower() == ".ttc" else 0)


def regular():
    return _font("CJK_FONT_PATH")


def bold():
    return _font("CJK_FONT_BOLD_PATH")


def pillow_font(size, weight="regular"):
    """A Pillow ImageFont of the CJK face at `size` pixels."""
    from PIL import ImageFont

    font = bold() if weight == "bold" else regular()
    return ImageFont.truetype(str(font.path), size=size, index=font.index)
