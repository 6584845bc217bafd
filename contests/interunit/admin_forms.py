"""The contest's admin form: once a contest has started, its set-up is locked.

Rounds, scoring, teams joining or leaving, hosts, judges and the rehearsal flag stay as they were
until the host clears the rehearsal (back to the lobby) or, for a real contest, for good: a change
would break the running contest or rewrite a finished one (or hand it to someone else mid-way).
The title, the event page and how a team is shown (name, unit, colour, members, pages) may still
be edited.
"""
from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.admin.forms import WagtailAdminModelForm

from contests.rules.phases import Phase

LOCKED_FIELDS = ("start_score", "rehearsal", "hosts", "judges")
TEAM_LOCKED_FIELDS = ("order",)


def has_started(contest):
    """Whether the contest, as stored right now, has left the lobby."""
    state = type(contest).objects.filter(pk=contest.pk).values_list("state", flat=True).first() or {}
    return state.get("phase", Phase.LOBBY) != Phase.LOBBY


class ContestAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and has_started(self.instance):
            changed = self.locked_changes()
            if changed:
                raise ValidationError(
                    _("This contest has started, so %(parts)s can no longer be changed. The title, the event page "
                      "and how teams are shown may still be edited; a rehearsal is unlocked again by "
                      "clearing it on the host console.") % {"parts": get_text_list(changed, pgettext("joining a list", "and"))},
                    code="contest_started",
                )
        return cleaned_data

    def locked_changes(self):
        """Names of the locked parts this submission would change."""
        changed = [str(self.fields[name].label) for name in changed_fields(self, LOCKED_FIELDS)]
        rounds = self.formsets.get("rounds")
        if rounds is not None and any(changed_fields(form) for form in rounds.forms):
            changed.append(_("the rounds and their scoring"))
        teams = self.formsets.get("teams")
        if teams is not None and any(
            changed_fields(form, TEAM_LOCKED_FIELDS + ("DELETE",)) or (form.instance.pk is None and changed_fields(form))
            for form in teams.forms
        ):
            changed.append(_("the teams taking part and their order"))
        return changed


def changed_fields(form, names=None):
    """The fields of `form` whose submitted value differs from the stored one. (Django's
    `changed_data` would compare fields with a callable default against a hidden initial input,
    which the Wagtail admin does not render, and call them all changed.)"""
    return [
        name for name in (names or form.fields)
        if name in form.fields and form.fields[name].has_changed(form[name].initial, form[name].data)
    ]
