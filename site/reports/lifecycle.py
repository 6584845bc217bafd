"""Every step of a report, each a recorded `ReportEvent` written in the same transaction as the change.

received → verifying → routed → rectifying → rectified, or rejected (with a reason, also when
merged into a duplicate) from any open status. Escalation turns a verified report into a listed
hazard (挂牌督办), linked both ways (`Report.hazard`, `ListedHazard.report`), and puts it under
rectification; closing needs a rectification note and photos, and delists its hazard too. What the
hazard shows the public (its listing, its delisting) goes through the 法制审核 review first.
"""
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hazards.models import ListedHazard

from .hazard_reports import DueDays, Report, ReportEvent, Status
from .photos import save_photos

Kind = ReportEvent.Kind
DUPLICATE_DAYS = 7

# The statuses each step may start from.
ALLOWED = {
    Kind.VERIFYING: {Status.RECEIVED},
    Kind.ROUTED: {Status.RECEIVED, Status.VERIFYING, Status.ROUTED},
    Kind.RECTIFYING: {Status.VERIFYING, Status.ROUTED},
    Kind.ESCALATED: {Status.VERIFYING, Status.ROUTED, Status.RECTIFYING},
    Kind.RECTIFIED: {Status.ROUTED, Status.RECTIFYING},
    Kind.REJECTED: {Status.RECEIVED, Status.VERIFYING, Status.ROUTED},
    Kind.MERGED: {Status.RECEIVED, Status.VERIFYING},
    Kind.REWARDED: {Status.RECTIFIED},
}


class StepRefused(Exception):
    """The step cannot be taken from the report's status (the message says why, translated)."""


def record(report, kind, actor, note="", photos=()):
    event = ReportEvent.objects.create(report=report, kind=kind, status=report.status, actor=actor, note=note)
    save_photos(report, photos, event=event)
    return event


def _check(report, kind):
    if report.status not in ALLOWED[kind]:
        raise StepRefused(
            _("A report that is “%(status)s” cannot be: %(step)s.")
            % {"status": report.get_status_display(), "step": Kind(kind).label}
        )


def submit(form, photos, supervisor=None):
    """Save a report from the public form with its photos; retries the number if two clash."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                report = form.save(commit=False)
                report.pk = None
                report.number = ""
                report.supervisor = supervisor
                report.due_on = timezone.localdate() + timedelta(days=DueDays.for_area(report.area))
                report.save()
                save_photos(report, photos)
                record(report, Kind.SUBMITTED, None)
                return report
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def start_verifying(report, actor, note="", photos=()):
    _check(report, Kind.VERIFYING)
    report.status = Status.VERIFYING
    report.save(update_fields=["status"])
    return record(report, Kind.VERIFYING, actor, note, photos)


@transaction.atomic
def route(report, actor, town, handler=None, note=""):
    _check(report, Kind.ROUTED)
    report.town, report.handler, report.status = town, handler, Status.ROUTED
    report.save(update_fields=["town", "handler", "status"])
    who = _("%(town)s, handler %(handler)s") % {"town": town, "handler": handler} if handler else str(town)
    return record(report, Kind.ROUTED, actor, "\n".join(filter(None, [who, note])))


@transaction.atomic
def start_rectifying(report, actor, note="", photos=()):
    _check(report, Kind.RECTIFYING)
    report.status = Status.RECTIFYING
    report.save(update_fields=["status"])
    return record(report, Kind.RECTIFYING, actor, note, photos)


@transaction.atomic
def escalate(report, actor, title, responsible_unit, deadline, note=""):
    _check(report, Kind.ESCALATED)
    if report.hazard_id:
        raise StepRefused(_("This report is already a supervised hazard."))
    hazard = ListedHazard.objects.create(
        title=title, responsible_unit=responsible_unit, township=report.town.name, area=report.area,
        listed_on=timezone.localdate(), deadline=deadline, status=ListedHazard.Status.RECTIFYING,
        progress=_("Reported by the public (%(number)s); listed for supervised rectification.")
        % {"number": report.number}, live=False,
    )
    hazard.submit_for_review(actor)
    report.hazard, report.status, report.due_on = hazard, Status.RECTIFYING, deadline
    report.save(update_fields=["hazard", "status", "due_on"])
    return record(report, Kind.ESCALATED, actor, note)


@transaction.atomic
def close_rectified(report, actor, note, photos):
    _check(report, Kind.RECTIFIED)
    if not note.strip() or not photos:
        raise StepRefused(_("Closing needs a rectification note and at least one photo of the result."))
    report.status, report.closed_at = Status.RECTIFIED, timezone.now()
    report.save(update_fields=["status", "closed_at"])
    if report.hazard_id:
        hazard = report.hazard.get_latest_revision_as_object()
        hazard.status = ListedHazard.Status.RECTIFIED
        hazard.progress = "\n".join(filter(None, [hazard.progress, note.strip()]))
        hazard.submit_for_review(actor)
    return record(report, Kind.RECTIFIED, actor, note, photos)


@transaction.atomic
def reject(report, actor, reason):
    _check(report, Kind.REJECTED)
    if not reason.strip():
        raise StepRefused(_("Give the reason the report is not accepted: the reporter sees it."))
    report.status, report.reason, report.closed_at = Status.REJECTED, reason.strip(), timezone.now()
    report.save(update_fields=["status", "reason", "closed_at"])
    return record(report, Kind.REJECTED, actor, reason.strip())


@transaction.atomic
def merge(report, actor, into):
    _check(report, Kind.MERGED)
    if into.pk == report.pk or into.duplicate_of_id:
        raise StepRefused(_("A report is merged into another report that is not itself merged."))
    report.status, report.duplicate_of, report.closed_at = Status.REJECTED, into, timezone.now()
    report.reason = _("The same hazard was already reported as %(number)s; it is handled there.") % {"number": into.number}
    report.save(update_fields=["status", "duplicate_of", "reason", "closed_at"])
    return record(report, Kind.MERGED, actor, report.reason)


@transaction.atomic
def reward(report, actor, amount, note=""):
    _check(report, Kind.REWARDED)
    if amount is None or amount <= 0:
        raise StepRefused(_("A reward is an amount above zero."))
    report.reward, report.rewarded_on = amount, timezone.localdate()
    report.save(update_fields=["reward", "rewarded_on"])
    return record(report, Kind.REWARDED, actor, note)


@transaction.atomic
def add_note(report, actor, note, photos=()):
    if not note.strip() and not photos:
        raise StepRefused(_("Write a note or attach a photo."))
    return record(report, Kind.NOTE, actor, note, photos)


def assign(report, actor, handler, note=""):
    with transaction.atomic():
        report.handler = handler
        report.save(update_fields=["handler"])
        return record(report, Kind.ASSIGNED, actor, "\n".join(filter(None, [str(handler), note])))


def possible_duplicates(report):
    """Open or closed reports of the same category and town within DUPLICATE_DAYS of it, at the same
    place (the same words, or within about 200 m when both have a map point)."""
    window = timedelta(days=DUPLICATE_DAYS)
    candidates = (
        Report.objects.filter(area=report.area, town=report.town, duplicate_of__isnull=True,
                              created_at__range=(report.created_at - window, report.created_at + window))
        .exclude(pk=report.pk).exclude(status=Status.REJECTED)
    )
    near = []
    for other in candidates:
        same_words = other.place.strip() == report.place.strip()
        close = (
            None not in (report.latitude, report.longitude, other.latitude, other.longitude)
            and abs(other.latitude - report.latitude) < 0.002 and abs(other.longitude - report.longitude) < 0.002
        )
        if same_words or close:
            near.append(other)
    return near
