"""What other apps add to a contest (the hall's audience game adds itself, contests/hall):
panels included at the end of the host console and the big screen, guards that may refuse a
command before the rules run it, and texts for the refusals of those guards."""
PANELS = {"host": [], "screen": []}
GUARDS = []
ERROR_LABELS = []


def register_panel(role, template):
    """Include `template` (with the page's context) on the pages of `role` ("host", "screen")."""
    if template not in PANELS[role]:
        PANELS[role].append(template)


def panels(role):
    return tuple(PANELS.get(role, ()))


def register_guard(guard):
    """`guard(contest, role, command)` runs on the locked contest row before every command and
    raises Refusal to refuse it."""
    if guard not in GUARDS:
        GUARDS.append(guard)


def check_guards(contest, role, command):
    for guard in GUARDS:
        guard(contest, role, command)


def register_error_labels(labels):
    """`labels()` returns {refusal code: translated text} for the pages' error messages."""
    if labels not in ERROR_LABELS:
        ERROR_LABELS.append(labels)


def error_labels():
    return {code: text for labels in ERROR_LABELS for code, text in labels().items()}
