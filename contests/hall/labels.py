"""Texts of the hall's panels and of its refusals, translated on the server and handed to the
pages' JavaScript with json_script."""
from django.utils.translation import gettext as _


def error_labels():
    return {
        "hall_open": _("The audience is still answering: press “Close the audience question” first."),
        "hall_exists": _("This contest already has an audience game."),
        "contest_finished": _("The contest is over."),
        "no_hall": _("Switch the audience game on first."),
        "teams_first": _("The audience answers after the teams and before the answer is shown."),
        "not_in_paper": _("The audience does not play this question (a performance has no question)."),
        "already_played": _("The audience has already played this question."),
        "hall_busy": _("Close the audience question first."),
        "nothing_open": _("No audience question is open."),
        "contest_running": _("The audience game ends after the contest."),
        "not_finished": _("The lucky draw is held once the audience game is over."),
        "no_questions": _("This contest has no questions the audience could answer."),
        "nobody_eligible": _("No audience player meets the threshold."),
        "bad_draw": _("Draw at least one winner; the threshold must not be negative."),
    }


def hall_labels():
    return {
        "actions": {
            "create": _("Switch the audience game on"), "open": _("Audience answers"),
            "reveal": _("Close the audience question"), "finish": _("End the audience game"),
            "draw": _("Audience lucky draw"),
        },
        "phases": {
            "lobby": _("Waiting for the audience"), "reading": _("The audience reads the question"),
            "answering": _("The audience is answering"), "revealed": _("Audience question closed"),
            "leaderboard": _("Audience leaderboard"), "finished": _("Audience game over"),
        },
        "players": _("%(count)s in the audience"),
        "off": _("No audience game: switch it on to show its QR code on the big screen."),
        "confirm_finish": _("End the audience game? Its podium gets prize codes; no audience question can open after this."),
        "question": _("Audience question %(number)s of %(count)s"),
        "errors": error_labels(),
    }
