"""Pinyin initials of Chinese names, so "ta" or "txz" finds 塘下镇 in a search box."""
from pypinyin import Style, lazy_pinyin


def pinyin_initials(name):
    """Lower-case initials of each syllable; characters without pinyin are kept as they are."""
    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default", strict=False)
    return "".join(letters).lower().replace(" ", "")


def pinyin_full(name):
    return "".join(lazy_pinyin(name, errors="default")).lower().replace(" ", "")
