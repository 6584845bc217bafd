from django import forms
from django.utils.translation import gettext_lazy as _

from core.imports.spreadsheets import MAX_UPLOAD_BYTES


class SpreadsheetUploadForm(forms.Form):
    """The upload of an import; subclasses say which columns in `file_help_text` and may add fields."""

    file_help_text = ""

    file = forms.FileField(label=_("Spreadsheet (.xlsx or .csv)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.file_help_text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; the limit is %(limit)d MB."),
                params={"size": upload.size / 1024 / 1024, "limit": MAX_UPLOAD_BYTES // 1024 // 1024},
            )
        return upload
