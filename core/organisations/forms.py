from django import forms
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import MAX_UPLOAD_BYTES

from .picker import UnitChoiceField


class RegistryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_("Columns: 区域, 镇街, 单位, 场所, 人数 (download the template). At most 10 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; the limit is %(limit)d MB."),
                params={"size": upload.size / 1024 / 1024, "limit": MAX_UPLOAD_BYTES // 1024 // 1024},
            )
        return upload


class MembershipRequestForm(forms.Form):
    unit = UnitChoiceField(label=_("The unit you belong to"))
