import re

from core.access_codes import ALPHABET, DIGITS, new_code


def test_codes_have_the_asked_length_and_no_ambiguous_character():
    assert not set("01OIL") & set(ALPHABET)
    codes = {new_code(8) for _ in range(200)}
    assert all(len(code) == 8 and set(code) <= set(ALPHABET) for code in codes)
    assert len(codes) == 200  # 31**8 possibilities: a repeat here means a broken generator


def test_pins_are_digits():
    assert all(re.fullmatch(r"\d{6}", new_code(6, DIGITS)) for _ in range(50))
