"""The admin for banks and questions: listings with filters and search, inline options, preview as
the big screen and a phone, Excel export of the filtered list, and an import page with a preview."""
import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import CampaignArea, Venue

from .exporting import export_xlsx
from .forms import ImportForm
from .importing import ParseReport, QuestionDraft, RowProblem, import_report, parse_file
from .models import OPTION_LABELS, Question, QuestionBank
from .spreadsheets import SpreadsheetError

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PENDING_IMPORT_SECONDS = 3600


def xlsx_response(data, filename):
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


class QuestionIndexView(IndexView):
    FORMATS = ("xlsx",)
    import_url_name = "wagtailsnippets_quizzes_question:import"

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        buttons.append(Button(_("Export to Excel"), url=self.get_export_url("xlsx"), icon_name="download", priority=90))
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                Button(_("Import from Excel/CSV"), url=reverse(self.import_url_name), icon_name="upload", priority=80)
            )
        return buttons

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return xlsx_response(export_xlsx(queryset, _("Questions")), "questions.xlsx")


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    index_view_class = QuestionIndexView
    list_display = ["stem", "kind", "bank", "area", "venue", "difficulty", "active"]
    list_filter = ["bank", "kind", "area", "venue", "difficulty", "active"]
    search_fields = ["stem", "explanation", "source"]
    search_backend_name = None  # substring search: word search splits Chinese poorly
    list_per_page = 50
    panels = [
        FieldPanel("bank"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("difficulty"), FieldPanel("points")]),
        FieldPanel("stem"),
        InlinePanel(
            "options", label=gettext_lazy("Options"), min_num=2, max_num=8,
            help_text=gettext_lazy("Labels A-H follow the order. True/false: exactly 正确 then 错误."),
        ),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("area"), FieldPanel("venue")]), FieldPanel("source"), FieldPanel("image")],
            heading=gettext_lazy("Tags and source"),
        ),
        FieldPanel("active"),
    ]

    @property
    def import_view(self):
        return ImportView.as_view(viewset=self)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("import/", self.import_view, name="import")]


class BankIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        questions = reverse("wagtailsnippets_quizzes_question:list")
        buttons.append(Button(_("Questions"), url=f"{questions}?bank={instance.pk}", icon_name="help", priority=5))
        buttons.append(
            Button(_("Export to Excel"), url=f"{questions}?bank={instance.pk}&export=xlsx", icon_name="download", priority=6)
        )
        return buttons


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    index_view_class = BankIndexView
    list_display = ["name", "description", Column("question_count", label=gettext_lazy("Questions"))]
    search_fields = ["name", "description"]
    panels = [FieldPanel("name"), FieldPanel("description")]

    def get_queryset(self, request):
        return QuestionBank.objects.annotate(question_count=Count("questions"))


class QuizzesViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionBankViewSet)
    menu_label = gettext_lazy("Question banks")
    menu_icon = "help"
    menu_order = 300


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
        context["action_url"] = request.path
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

