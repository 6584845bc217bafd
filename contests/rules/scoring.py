"""Points of each round kind. Scores are never stored: a team's score is its starting score
plus the sum of its score events."""
from .phases import RoundKind, Verdict


def verdict_delta(round_config, verdict, risk_value=None):
    """Score change for a judged answer in a compulsory, buzzer, risk or tie-break round."""
    if round_config.kind == RoundKind.RISK:
        return risk_value if verdict == Verdict.CORRECT else -risk_value
    if verdict == Verdict.CORRECT:
        return round_config.points
    if verdict == Verdict.TIMEOUT:
        return -round_config.timeout_penalty
    return -round_config.wrong_penalty


def risk_order(teams, scores):
    """Turn order of a risk round played in score order: lowest score first, ties in team order."""
    return sorted(teams, key=lambda team: (scores[team], teams.index(team)))


def tied_for_first(scores):
    """The teams sharing the highest score, when more than one does (else empty)."""
    if not scores:
        return []
    best = max(scores.values())
    tied = [team for team, score in scores.items() if score == best]
    return tied if len(tied) > 1 else []
