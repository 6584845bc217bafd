"""What an import says about a bad row: the spreadsheet's own row number and column, and why."""
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class RowProblem:
    row: int  # as the spreadsheet numbers it: the header is row 1; 0 for the file as a whole
    column: str
    reason: str

    def __str__(self):
        if not self.row:
            return _("File: %(reason)s") % {"reason": self.reason}
        if not self.column:
            return _("Row %(row)d: %(reason)s") % {"row": self.row, "reason": self.reason}
        return _("Row %(row)d, column “%(column)s”: %(reason)s") % {
            "row": self.row, "column": self.column, "reason": self.reason
        }
