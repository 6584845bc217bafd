"""The admin's import page: upload a spreadsheet, see every question (or every problem) before
anything is saved, then confirm. The parsed rows wait in the cache between the two steps."""
import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages

from core.taxonomy.models import CampaignArea, Venue
from core.spreadsheets import SpreadsheetError

from .forms import ImportForm
from .importing import ParseReport, QuestionDraft, RowProblem, import_report, parse_file
from .models import OPTION_LABELS, Question, QuestionBank

PENDING_IMPORT_SECONDS = 3600


def term_names():
    names = {("area", term.pk): term.name for term in CampaignArea.objects.all()}
    names.update({("venue", term.pk): term.name for term in Venue.objects.all()})
    return names


def preview_row(draft, existing_stems, terms):
    return {
        "row": draft.row,
        "kind": Question.Kind(draft.kind).label,
        "stem": draft.stem,
        "options": [(label, text, label in draft.answer) for label, text in zip(OPTION_LABELS, draft.options)],
        "explanation": draft.explanation,
        "difficulty": draft.difficulty,
        "area": terms.get(("area", draft.area_id), ""),
        "venue": terms.get(("venue", draft.venue_id), ""),
        "points": draft.points,
        "exists": draft.stem in existing_stems,
    }


class ImportView(View):
    """Upload a file and see every question (or every problem) before anything is saved."""

    viewset = None
    template_name = "quizzes/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, **context):
        context.setdefault("form", ImportForm())
        context["form_url"] = request.path
        context["index_url"] = reverse(self.viewset.get_url_name("list"))
        return TemplateResponse(request, self.template_name, context)

    def get(self, request):
        return self.render(request)

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request, request.POST["token"])
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, form=form)
        upload = form.cleaned_data["file"]
        try:
            report = parse_file(upload.name, upload.read())
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return self.render(request, form=form)
        token = secrets.token_urlsafe(16)
        bank = form.cleaned_data["bank"]
        pending = {
            "user": request.user.pk,
            "bank_id": bank.pk if bank else None,
            "new_bank": form.cleaned_data["new_bank"].strip(),
            "update": form.cleaned_data["update"],
            "skip_invalid": form.cleaned_data["skip_invalid"],
            "drafts": [draft.as_dict() for draft in report.drafts],
            "problems": [(problem.row, problem.column, problem.reason) for problem in report.problems],
        }
        cache.set(self.cache_key(token), pending, PENDING_IMPORT_SECONDS)
        can_save = bool(report.drafts) and (not report.problems or pending["skip_invalid"])
        existing = set(bank.questions.values_list("stem", flat=True)) if bank else set()
        terms = term_names()
        return self.render(
            request, form=form, token=token, problems=report.problems, can_save=can_save,
            preview=[preview_row(draft, existing, terms) for draft in report.drafts],
            bank_name=bank.name if bank else pending["new_bank"],
        )

    def confirm(self, request, token):
        pending = cache.get(self.cache_key(token))
        if not pending or pending["user"] != request.user.pk:
            messages.error(request, _("This import has expired: please upload the file again."))
            return redirect(request.path)
        cache.delete(self.cache_key(token))
        bank = QuestionBank.objects.filter(pk=pending["bank_id"]).first() if pending["bank_id"] else None
        if bank is None:
            bank, _created = QuestionBank.objects.get_or_create(name=pending["new_bank"] or _("Imported questions"))
        report = ParseReport(
            drafts=[QuestionDraft(**draft) for draft in pending["drafts"]],
            problems=[RowProblem(*problem) for problem in pending["problems"]],
        )
        result = import_report(report, bank, update=pending["update"], skip_invalid=pending["skip_invalid"])
        if result is None or not result.imported:
            messages.error(request, _("No question was imported."))
            return redirect(request.path)
        messages.success(
            request,
            _("Bank “%(bank)s”: %(created)d added, %(updated)d updated, %(existing)d already there, "
              "%(invalid)d bad rows skipped.")
            % {"bank": bank.name, "created": result.created, "updated": result.updated,
               "existing": result.skipped_existing, "invalid": result.skipped_invalid},
        )
        return redirect(f"{reverse(self.viewset.get_url_name('list'))}?bank={bank.pk}")

    @staticmethod
    def cache_key(token):
        return f"quizzes:pending-import:{token}"

