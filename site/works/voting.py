"""The public vote: one vote per verified person per entry per day, a cap per network address per
day, a CAPTCHA after a threshold; each vote kept with its time and hashed address; voiding audited."""
import hashlib
import hmac
import ipaddress
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.accounts.phone import verified_phone

from .entries import Entry, Vote

VOID_ACTION = "works.void_vote"
# An address range sending this many votes within one clock hour is reported as a burst.
BURST_VOTES_PER_HOUR = 20
# A voter who voted this many times, always for the same entry, is reported.
SINGLE_ENTRY_VOTES = 3


class VoteRefused(Exception):
    pass


def is_verified_voter(user):
    """Whether `user` is a verified person who may vote: the one question the vote asks of accounts,
    answered by the phone sign-in (a participant with a verified phone number)."""
    return verified_phone(user) is not None


def _hash(text):
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def address_hashes(address):
    """(address hash, range hash): the range is the /24 of an IPv4 address, the /48 of an IPv6 one."""
    ip = ipaddress.ip_address(address)
    network = ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 48}", strict=False)
    return _hash(str(ip)), _hash(str(network))


def votes_from_address(address_hash, day):
    return Vote.objects.filter(address_hash=address_hash, day=day).count()


def needs_captcha(call, address_hash, day):
    return votes_from_address(address_hash, day) >= call.captcha_after


def cast(call, entry, user, address, now=None):
    """Record `user`'s vote for `entry` or raise VoteRefused with the reason, in the user's language."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    if not call.voting_open(now):
        raise VoteRefused(_("Voting is not open."))
    if entry.call_id != call.pk or entry.status != Entry.Status.ACCEPTED:
        raise VoteRefused(_("This work is not in the vote."))
    if not is_verified_voter(user):
        raise VoteRefused(_("Only verified people may vote: sign in with your phone number first."))
    address_hash, network_hash = address_hashes(address)
    if votes_from_address(address_hash, day) >= call.votes_per_address:
        raise VoteRefused(_("Too many votes from your network today. Please try again tomorrow."))
    try:
        with transaction.atomic():
            return Vote.objects.create(entry=entry, voter=user, day=day, cast_at=now, address_hash=address_hash,
                                       network_hash=network_hash)
    except IntegrityError:
        raise VoteRefused(_("You have already voted for this work today. Come back tomorrow.")) from None


def void(votes, reason, user):
    """Void `votes` with `reason`; each voiding is written to the audit log with who did it."""
    reason = reason.strip()
    if not reason:
        raise VoteRefused(_("Give the reason for voiding."))
    voided = 0
    with transaction.atomic():
        for vote in votes.select_for_update().filter(voided=False):
            vote.voided, vote.void_reason = True, reason[:200]
            vote.save(update_fields=["voided", "void_reason"])
            log(instance=vote, action=VOID_ACTION, user=user, data={"reason": vote.void_reason,
                                                                   "entry": vote.entry_id})
            voided += 1
    return voided


def bursts(call):
    """Address ranges that sent many votes within one hour: [{network_hash, hour, votes, first, last}]."""
    return list(
        Vote.objects.filter(entry__call=call, voided=False).annotate(hour=TruncHour("cast_at"))
        .values("network_hash", "hour").annotate(votes=Count("pk"), first=Min("cast_at"), last=Max("cast_at"))
        .filter(votes__gte=BURST_VOTES_PER_HOUR).order_by("-votes", "hour")
    )


def single_entry_voters(call):
    """Voters who voted several times and only ever for one entry: [{voter, entry, votes}]."""
    per_voter = (
        Vote.objects.filter(entry__call=call, voided=False).values("voter")
        .annotate(entries=Count("entry", distinct=True), votes=Count("pk"), entry=Max("entry"))
        .filter(entries=1, votes__gte=SINGLE_ENTRY_VOTES).order_by("-votes", "voter")
    )
    return list(per_voter)


def votes_in_burst(call, network_hash, hour):
    return Vote.objects.filter(entry__call=call, network_hash=network_hash, cast_at__gte=hour,
                               cast_at__lt=hour + timedelta(hours=1))
