from django.db import migrations

from base.group_permissions import grant

HANDLERS = "隐患举报处理人"
DISPATCHERS = "隐患举报调度"
EDITORS = "编辑 Editors"


def grant_permissions(apps, schema_editor):
    report = ("reports", "report", ["view_report", "change_report"])
    admin = ("wagtailadmin", "admin", ["access_admin"])
    grant(apps, {
        # A town's handler: the reports of his towns only (reports/scoping.py).
        HANDLERS: [admin, report],
        # The bureau's dispatchers: every town's reports, the handlers, due dates and supervisors.
        DISPATCHERS: [
            admin,
            ("reports", "report", ["view_report", "change_report", "handle_all_towns"]),
            ("reports", "townhandler", ["add_townhandler", "change_townhandler", "delete_townhandler", "view_townhandler"]),
            ("reports", "duedays", ["add_duedays", "change_duedays", "delete_duedays", "view_duedays"]),
            ("reports", "supervisor", ["change_supervisor", "view_supervisor"]),
        ],
        EDITORS: [
            ("reports", "reportspage", ["add_reportspage", "change_reportspage"]),
            ("reports", "supervisorcallpage", ["add_supervisorcallpage", "change_supervisorcallpage"]),
        ],
    })


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("accounts", "0002_create_groups")]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
