from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse


class Command(BaseCommand):
    help = "Print the URLs of the site, the admin and the live pages."

    def add_arguments(self, parser):
        parser.add_argument("--base", default="http://127.0.0.1:8000")

    def handle(self, *args, base, **options):
        base = base.rstrip("/")
        self.stdout.write(f"Site:        {base}/")
        self.stdout.write(f"Admin:       {base}/admin/")
        self.stdout.write(f"Staff login: {base}{reverse('account_login')}")
        for dotted in settings.DEMO_CONTENT_LOADERS:
            describe = getattr(import_module(dotted), "describe_urls", None)
            if describe:
                for line in describe(base):
                    self.stdout.write(line)
