"""The admin's import page: upload a spreadsheet, see every question (or every problem) before
anything is saved, then confirm (core.imports)."""
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages

from core.imports.problems import RowProblem
from core.imports.views import PreviewImportView
from core.taxonomy.models import CampaignArea, Venue

from .forms import ImportForm
from .importing import ParseReport, QuestionDraft, import_report, parse_file
from .models import OPTION_LABELS, Question, QuestionBank


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


class ImportView(PreviewImportView):
    """Upload a file and see every question (or every problem) before anything is saved."""

    template_name = "quizzes/admin/import.html"
    form_class = ImportForm
    cache_prefix = "quizzes:pending-import"
    index_url_name = "list"

    def parse(self, filename, data):
        return parse_file(filename, data)

    def preview(self, request, form, report):
        bank = form.cleaned_data["bank"]
        pending = {
            "bank_id": bank.pk if bank else None,
            "new_bank": form.cleaned_data["new_bank"].strip(),
            "update": form.cleaned_data["update"],
            "skip_invalid": form.cleaned_data["skip_invalid"],
            "drafts": [draft.as_dict() for draft in report.drafts],
            "problems": [(problem.row, problem.column, problem.reason) for problem in report.problems],
        }
        token = self.keep(request, pending)
        can_save = bool(report.drafts) and (not report.problems or pending["skip_invalid"])
        existing = set(bank.questions.values_list("stem", flat=True)) if bank else set()
        terms = term_names()
        return self.render(
            request, form=form, token=token, problems=report.problems, can_save=can_save,
            preview=[preview_row(draft, existing, terms) for draft in report.drafts],
            bank_name=bank.name if bank else pending["new_bank"],
        )

    def save(self, request, pending):
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
        return redirect(f"{self.index_url()}?bank={bank.pk}")
