"""The hall's guard on contest commands (registered in apps.py, run by the contest's runner on
the locked contest row): the contest's answer is not shown while the hall may still answer."""
from contests.games.models import PublicGame
from contests.rules import hall as rules
from contests.rules.phases import Role


def hall_closed_before_reveal(contest, role, command):
    if role != Role.HOST or command not in rules.WAIT_FOR_HALL:
        return
    phase = PublicGame.objects.filter(hall__contest=contest).values_list("phase", flat=True).first()
    rules.blocks_contest(command, phase)
