from django.core.management.base import BaseCommand, CommandError

from furniture.site_address import set_site_address


class Command(BaseCommand):
    help = "Write BASE_URL (or --base-url) into the default Wagtail Site: sitemap.xml and shared links use it."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=None)

    def handle(self, *args, base_url, **options):
        try:
            root = set_site_address(base_url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Site address: {root}")
