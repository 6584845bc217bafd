"""Team scores for rules tests: what Contest.scores() sums in the database, in memory."""


def team_scores(start, teams, events):
    """{team: start + sum of its deltas} for `events` given as (team, delta) pairs."""
    scores = dict.fromkeys(teams, start)
    for team, delta in events:
        scores[team] += delta
    return scores
