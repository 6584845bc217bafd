"""Delete the phone numbers players gave for prize contact, once the prizes are handed out."""
from django.core.management.base import BaseCommand, CommandError

from contests.games.models import Player, PublicGame


class Command(BaseCommand):
    help = "Delete the phone numbers given for prize contact, for one game or for all finished games."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--pin", help="the PIN of one game")
        target.add_argument("--finished", action="store_true", help="every finished game")

    def handle(self, *args, pin=None, finished=False, **options):
        players = Player.objects.exclude(phone="")
        if pin:
            if not PublicGame.objects.filter(pin=pin).exists():
                raise CommandError(f"no game with PIN {pin}")
            players = players.filter(game__pin=pin)
        else:
            players = players.filter(game__phase=PublicGame.Phase.FINISHED)
        deleted = players.update(phone="")
        self.stdout.write(f"deleted {deleted} phone number(s)")
