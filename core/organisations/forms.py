from django import forms
from django.utils.translation import gettext_lazy as _

from core.imports.forms import SpreadsheetUploadForm

from .picker import UnitChoiceField


class RegistryImportForm(SpreadsheetUploadForm):
    file_help_text = _("Columns: 区域, 镇街, 单位, 场所, 人数 (download the template). At most 10 MB.")


class MembershipRequestForm(forms.Form):
    unit = UnitChoiceField(label=_("The unit you belong to"))
