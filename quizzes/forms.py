from django import forms
from django.utils.translation import gettext_lazy as _

from core.imports.forms import SpreadsheetUploadForm

from .models import QuestionBank


class ImportForm(SpreadsheetUploadForm):
    file_help_text = _(
        "Columns: 题型, 题干, 选项A…选项H, 答案, 解析, 难度, 领域, 场景, 分值 (Chinese or English headers, any order). "
        "At most 10 MB."
    )
    field_order = ["bank", "new_bank", "file", "update", "skip_invalid"]

    bank = forms.ModelChoiceField(
        QuestionBank.objects.all(), required=False, label=_("Existing bank"),
        help_text=_("Or type the name of a new bank below."),
    )
    new_bank = forms.CharField(max_length=100, required=False, label=_("New bank"))
    update = forms.BooleanField(required=False, label=_("Update questions whose stem is already in the bank"))
    skip_invalid = forms.BooleanField(required=False, label=_("Save the good rows even when some rows are bad"))

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("bank") and not (cleaned_data.get("new_bank") or "").strip():
            self.add_error("bank", _("Choose a bank or name a new one."))
        return cleaned_data
