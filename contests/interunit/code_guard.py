"""Rate limit on guessing team access codes, on the team pages and the team socket alike: the
guard of contests/live/address_limits.py, as for game PINs. After 10 unknown codes within 10
minutes from one address, that address may look up no code until the window ends. A browser that
opened its team's pad holds the pass `team_pass` for the code and is never refused it, so a
guesser on the venue's Wi-Fi cannot lock the teams out."""
from contests.live.address_limits import GuessGuard

from .models import Team

CODE_GUARD = GuessGuard("contests:code-failures", max_failures=10, window_seconds=600, pass_cookie="team_pass")


def find_team(code, address, passed=False, contest=None):
    """The team with this access code (of `contest`, if given), or None (a failed guess of
    `address`); raises TooManyAttempts past the limit unless `passed`."""
    teams = Team.objects.select_related("contest")
    if contest is not None:
        teams = teams.filter(contest=contest)
    return CODE_GUARD.find(code.upper(), address, lambda code: teams.filter(access_code=code).first(), passed)
