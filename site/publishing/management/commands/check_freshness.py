from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from publishing.freshness import sections


class Command(BaseCommand):
    help = "List the sections (栏目) not updated for FRESHNESS_DAYS days (default 14)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="List every section, up to date or not.")
        parser.add_argument("--fail", action="store_true", help="Exit with status 1 when a section is stale (for cron).")

    def handle(self, *args, **options):
        found = sections()
        stale = [section for section in found if section.stale]
        for section in found if options["all"] else stale:
            if section.days is None:
                when = _("never published")
            else:
                when = _("%(days)s days ago (%(date)s)") % {
                    "days": section.days, "date": section.updated_at.date().isoformat(),
                }
            mark = _("STALE") if section.stale else _("ok")
            self.stdout.write(f"{mark}\t{section.page.title}\t{section.page.url_path}\t{when}")
        summary = _("%(stale)s of %(count)s sections not updated for %(days)s days.") % {
            "stale": len(stale), "count": len(found), "days": settings.FRESHNESS_DAYS,
        }
        if stale and options["fail"]:
            raise CommandError(summary)
        self.stdout.write(summary)
