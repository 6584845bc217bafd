from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from quizzes.importing import import_report, parse_file
from quizzes.models import QuestionBank
from core.imports.spreadsheets import SpreadsheetError


class Command(BaseCommand):
    help = "Import questions from an .xlsx or .csv file into a bank (created when missing). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--bank", required=True, help="name of the question bank")
        parser.add_argument("--update", action="store_true", help="overwrite questions whose stem is already in the bank")
        parser.add_argument("--skip-invalid", action="store_true", help="save the good rows even when some rows are bad")

    def handle(self, *args, file, bank, update, skip_invalid, **options):
        translation.activate("zh-hans")
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        try:
            report = parse_file(path.name, path.read_bytes())
        except SpreadsheetError as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stderr.write(str(problem))
        bank_obj = QuestionBank.objects.filter(name=bank).first()
        if bank_obj is None and (not report.problems or (skip_invalid and report.drafts)):
            bank_obj = QuestionBank.objects.create(name=bank)
        result = import_report(report, bank_obj, update=update, skip_invalid=skip_invalid) if bank_obj else None
        if result is None:
            raise CommandError(_("Nothing was imported because of the errors above (--skip-invalid saves the good rows)."))
        self.stdout.write(
            _("Bank “%(bank)s”: %(created)d added, %(updated)d updated, %(existing)d already there, "
              "%(invalid)d bad rows skipped.")
            % {"bank": bank_obj.name, "created": result.created, "updated": result.updated,
               "existing": result.skipped_existing, "invalid": result.skipped_invalid}
        )
        if not result.imported:
            raise CommandError(_("No question was imported."))
