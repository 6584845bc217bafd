"""The admin for banks and questions: listings with filters and search, inline options, preview as
the big screen and a phone, Excel export of the filtered list; the import page is in import_page.py."""
from django.db.models import Count
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from core.admin_columns import YesNoColumn

from .exporting import export_xlsx
from .import_page import ImportView
from .models import Question, QuestionBank

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    list_display = ["stem", "kind", "bank", "area", "venue", "difficulty", YesNoColumn("active", label=Question._meta.get_field("active").verbose_name)]
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
