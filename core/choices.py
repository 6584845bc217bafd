"""Whether a choice answers a question correctly: the one meaning every game and quiz uses."""


def is_correct(choice, correct):
    """True when `choice` (e.g. "CA") names exactly the `correct` option labels (e.g. "AC"): in
    any order and either case, each once. An empty choice or an empty key is never correct."""
    if not choice or not correct:
        return False
    return sorted(choice.upper()) == sorted(set(correct.upper()))
