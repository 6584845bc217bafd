"""The call's public pages (gallery, entry, submission, vote) and the judges' pages. Each view takes
the call page it runs under (WorksCallPage routes to them)."""
import segno
from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from base.pagination import paginate
from core.organisations.membership import verified_units
from core.organisations.models import Unit
from core.taxonomy.models import Venue

from .entries import Category, Entry, EntryFile, JudgeSheet
from .forms import EntryForm, SheetForm, VoteForm, check_unit_limit
from .voting import VoteRefused, address_hashes, cast, is_verified_voter, needs_captcha

PER_PAGE = 12


def _accepted(call):
    return (Entry.objects.filter(call=call, status=Entry.Status.ACCEPTED)
            .select_related("unit__town", "unit__venue").prefetch_related("files"))


def call_index(call, request):
    """The call and its gallery of accepted works, filtered by category and venue."""
    entries = _accepted(call)
    category = request.GET.get("category", "")
    venue = Venue.objects.filter(code=request.GET.get("venue", "")).first()
    if category in Category.values:
        entries = entries.filter(category=category)
    else:
        category = ""
    if venue:
        entries = entries.filter(unit__venue=venue)
    context = {
        "entries": paginate(request, entries.order_by("-submitted_at", "pk"), PER_PAGE),
        "categories": Category.choices, "category": category, "venues": Venue.objects.all(), "venue": venue,
        "entries_open": call.entries_open(), "voting_open": call.voting_open(),
        "results": call.get_children().live().first(),
    }
    return call.render(request, context_overrides=context)


def submit_entry(call, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not call.entries_open():
        return call.render(request, template="works/submit.html", context_overrides={"closed": True})
    if not verified_units(request.user).exists():
        return call.render(request, template="works/submit.html", context_overrides={"no_unit": True})
    form = EntryForm(request.POST or None, request.FILES or None, call=call, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Two members of one unit sending at once: the unit's row lock makes the count exact.
            Unit.objects.select_for_update().get(pk=form.cleaned_data["unit"].pk)
            try:
                check_unit_limit(call, form.cleaned_data["unit"])
            except ValidationError as error:
                form.add_error("unit", error)
                return call.render(request, template="works/submit.html", context_overrides={"form": form})
            entry = form.save(commit=False)
            entry.call, entry.submitted_by = call, request.user
            entry.save()
            for kind, upload in form.uploads:
                EntryFile.objects.create(entry=entry, kind=kind, file=upload)
        messages.success(request, _("Thank you: “%(title)s” is in. It appears in the gallery once staff accept it.")
                         % {"title": entry.title})
        return redirect(call.url)
    return call.render(request, template="works/submit.html", context_overrides={"form": form})


def _client_address(request):
    return get_adapter(request).get_client_ip(request)


def entry_detail(call, request, entry_id, vote_form=None):
    entry = get_object_or_404(_accepted(call), pk=entry_id)
    address_hash, _range = address_hashes(_client_address(request))
    captcha = needs_captcha(call, address_hash, timezone.localdate())
    url = request.build_absolute_uri(entry.url())
    context = {
        "entry": entry, "files": list(entry.files.all()), "voting_open": call.voting_open(),
        "vote_form": vote_form or VoteForm(captcha=captcha), "verified": is_verified_voter(request.user),
        "share_url": url, "share_qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2),
        "valid_votes": entry.votes.filter(voided=False).count(),
    }
    return call.render(request, template="works/entry.html", context_overrides=context)


def vote(call, request, entry_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = get_object_or_404(_accepted(call), pk=entry_id)
    if not request.user.is_authenticated:
        return redirect_to_login(entry.url())
    address = _client_address(request)
    address_hash, _range = address_hashes(address)
    form = VoteForm(request.POST, captcha=needs_captcha(call, address_hash, timezone.localdate()))
    if not form.is_valid():
        return entry_detail(call, request, entry_id, vote_form=form)
    try:
        cast(call, entry, request.user, address)
    except VoteRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your vote for “%(title)s” is counted. Thank you!") % {"title": entry.title})
    return redirect(entry.url())


def _judge(call, request):
    if not call.is_judge(request.user):
        raise PermissionDenied(_("Only the judges of this call score its works."))


def judge_index(call, request):
    """The judge's own list: which works he has scored. No other judge's points, no votes."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _judge(call, request)
    mine = dict(JudgeSheet.objects.filter(entry__call=call, judge=request.user).values_list("entry_id", "total"))
    entries = [(entry, mine.get(entry.pk)) for entry in _accepted(call).order_by("category", "pk")]
    return call.render(request, template="works/judging.html", context_overrides={"entries": entries})


def judge_entry(call, request, entry_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _judge(call, request)
    entry = get_object_or_404(_accepted(call), pk=entry_id)
    criteria = call.criteria_pairs()
    if not criteria:
        raise Http404
    sheet = JudgeSheet.objects.filter(entry=entry, judge=request.user).first()
    initial = {f"c{index}": sheet.points.get(name) for index, (name, _max) in enumerate(criteria)} if sheet else None
    form = SheetForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        JudgeSheet.objects.update_or_create(entry=entry, judge=request.user,
                                            defaults={"points": form.points, "total": form.total})
        messages.success(request, _("Your scores for “%(title)s” are saved.") % {"title": entry.title})
        return redirect(call.url + call.reverse_subpage("judging"))
    context = {"entry": entry, "files": list(entry.files.all()), "form": form}
    return call.render(request, template="works/judge_entry.html", context_overrides=context)
