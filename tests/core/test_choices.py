from core.choices import is_correct


def test_a_choice_is_correct_when_it_names_exactly_the_correct_labels_in_any_order_and_case():
    assert is_correct("B", "B")
    assert is_correct("ca", "AC") and is_correct("AC", "CA")
    assert not is_correct("A", "AC") and not is_correct("ACD", "AC")


def test_an_empty_or_repeated_choice_and_an_empty_key_are_never_correct():
    assert not is_correct("", "A") and not is_correct(None, "A")
    assert not is_correct("A", "") and not is_correct("", "")
    assert not is_correct("AAC", "AC")
