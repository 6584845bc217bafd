"""Texts the contest pages' JavaScript shows, translated on the server and handed over with
json_script (no strings in the static files)."""
from django.utils.translation import gettext as _


def client_labels():
    return {
        "phases": {
            "lobby": _("Waiting to start"), "reading": _("Read the question"), "buzzer_open": _("Buzz now!"),
            "answering": _("Answering"), "judging": _("Judging"),
            "audience": _("The audience may answer"), "revealed": _("Answer revealed"),
            "scoreboard": _("Scoreboard"), "paused": _("Paused"), "finished": _("Contest finished"),
        },
        "kinds": {
            "compulsory": _("Compulsory"), "buzzer": _("Buzzer"), "risk": _("Risk"), "tiebreak": _("Tie-break"),
            "judged": _("Judged performance"),
        },
        "verdicts": {"correct": _("Correct"), "wrong": _("Wrong"), "timeout": _("Time is up")},
        "reasons": {
            "correct": _("Correct"), "wrong": _("Wrong"), "timeout": _("Time is up"), "undo": _("Judgment undone"),
            "early buzz": _("Buzzed too early"), "judges": _("Judges' score"), "adjust": _("Adjusted"),
        },
        "errors": {
            "forbidden": _("You may not do that."), "wrong_phase": _("Not possible at this moment."),
            "not_your_turn": _("It is another team's turn."), "too_late": _("Too late: time is up."),
            "too_early": _("Too early: wait until it opens."), "buzz_closed": _("Another team buzzed first."),
            "locked_out": _("Your team sits this question out."), "bad_value": _("Invalid input."),
            "not_eligible": _("Only the tied teams play the tie-break."), "no_risk_value": _("The team must pick a value first."),
            "not_yet": _("The time is not over yet."), "nothing_to_undo": _("Nothing to undo."),
            "already_answered": _("This question is already answered."), "already_scored": _("You have already scored."),
            "not_rehearsal": _("Only a rehearsal can be cleared."), "rate_limited": _("Too many messages, slow down."),
            "no_seat": _("This page may not join the contest: check the link, the code or your login."),
            "not_connected": _("Not connected: reconnecting…"), "internal_error": _("Server error; nothing was changed."),
        },
        "round": _("Round %(number)s · %(kind)s · question %(turn)s of %(turns)s"),
        "points": _("points"),
        "your_turn": _("Your turn"),
        "turn_of": _("Turn: %(team)s"),
        "buzz_winner": _("%(team)s buzzed first"),
        "answered": _("Answer received, waiting for the reveal"),
        "seconds": _("s"),
        "judges_done": _("%(done)s of %(all)s judges have scored"),
        "judge_total": _("Judges' score"),
        "you": _("you"),
        "locked": _("sits out"),
        "no_question": _("No question on screen"),
        "choose_risk": _("Choose your risk value"),
        "risk_value": _("Risk value: %(value)s"),
        "submitted": _("Submitted"),
        "audience_call": _("Nobody buzzed: the audience may answer!"),
        "reveal_after_audience": _("Reveal the answer (after the audience)"),
        "rank": _("No. %(rank)s"),
        "confirm_reset": _("Clear all rehearsal data and start for real?"),
        "confirm_end": _("End the contest now?"),
    }
