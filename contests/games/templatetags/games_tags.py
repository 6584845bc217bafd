"""`{% game_texts %}`: the strings the game scripts show, translated, as a JSON data block."""
from django import template
from django.utils.html import json_script
from django.utils.translation import gettext as _

from .. import pin_guard

register = template.Library()


def texts():
    return {
        "score": _("%(score)s points"),
        "question": _("Question %(n)s of %(count)s"),
        "reading": _("Get ready…"),
        "seconds": _("%(s)s s"),
        "timeUp": _("Time is up"),
        "rank": _("Rank %(rank)s of %(players)s · %(score)s points"),
        "prize": _("Your prize code: %(code)s. Show it at the prize desk."),
        "prizeDraw": _("You won the lucky draw! Prize code: %(code)s"),
        "players": _("%(n)s players"),
        "answersIn": _("%(n)s answers"),
        "drawWinners": _("Lucky draw winners"),
        "drawSeed": _("%(eligible)s eligible · seed %(seed)s"),
        "drawEligible": _("drawn among %(eligible)s eligible players"),
        "redeemedOk": _("Code %(code)s redeemed: %(nickname)s %(phone)s"),
        "kick": _("Remove"),
        "removed": _("removed"),
        "confirmKick": _("Remove %(nickname)s from the game?"),
        "kickLabel": _("Remove %(nickname)s"),
        "soundOn": _("Sound on"),
        "soundOff": _("Sound off"),
        "rightAnswer": _("correct answer"),
        "actions": {
            "start": _("Start the first question"),
            "next": _("Next question"),
            "reveal": _("Reveal the answer"),
            "leaderboard": _("Show the leaderboard"),
            "finish": _("End the game"),
            "draw": _("Lucky draw"),
        },
        "hints": {
            "lobby": _("Players join by scanning the QR code on the big screen. Start when the hall is ready."),
            "reading": _("Reading time: answering opens when the countdown starts."),
            "answering": _("Players are answering. The answer is revealed when time is up, or now if you reveal it."),
            "revealed": _("Next: the leaderboard, or go straight to the next question."),
            "revealedLast": _("That was the last question. Next: the leaderboard, then end the game."),
            "leaderboard": _("Next: question %(n)s."),
            "leaderboardLast": _("Every question has been played. End the game to show the podium and give the prize codes."),
            "finished": _("The game is over. Hold the lucky draw and redeem prize codes below."),
        },
        "confirm": {
            "finish": _("End the game now? Answering stops, the podium is shown and the prize codes are given. This cannot be undone."),
        },
        "phone": {
            "receipt": _("We have your answer"),
            "yourChoice": _("Your answer: %(choice)s"),
            "wait": _("The result comes when the host reveals the answer."),
            "points": _("+%(points)s points"),
            "streak": _("%(n)s correct in a row"),
            "rank": _("Rank %(rank)s of %(players)s"),
            "total": _("%(score)s points in total"),
            "correctIs": _("The answer is %(correct)s."),
            "right": _("Correct!"),
            "wrongShort": _("Not this time"),
            "missedShort": _("No answer"),
            "option": _("Answer %(label)s: %(text)s"),
            "redeemedPrize": _("Redeemed"),
            "top3": _("Top three"),
        },
        "screen": {
            "joined": _("%(n)s players have joined"),
            "enableSound": _("Click to enable sound"),
            "noWinners": _("No player scored any points."),
        },
        "phases": {
            "lobby": _("waiting for players"), "reading": _("reading"), "answering": _("answering"),
            "revealed": _("answer revealed"), "leaderboard": _("leaderboard"), "finished": _("finished"),
        },
        "errors": {
            "nickname_empty": _("Choose a nickname."),
            "nickname_too_long": _("A nickname has at most 12 characters."),
            "nickname_banned": _("This nickname is not allowed. Please choose another."),
            "nickname_taken": _("This nickname is taken. Please choose another."),
            "nickname_invalid": _("This nickname contains characters that are not allowed."),
            "bad_phone": _("A phone number has 7 to 15 digits."),
            "joining_closed": _("This game is over; joining is closed."),
            "kicked": _("The host has removed you from this game."),
            "unknown_player": _("This device is no longer in the game. Please join again."),
            "unknown_game": _("No game has this PIN."),
            "too_many_attempts": _("Too many wrong game PINs from this network. Please wait %(minutes)s minutes and try again.")
            % {"minutes": pin_guard.PIN_GUARD.window_minutes},
            "too_many_joins": _("Too many players have joined this game from this network. Scan the QR code on the big screen to join."),
            "mfa_required": _("Set up your authenticator app first: open the site, then reload this page."),
            "already_answered": _("You have already answered this question."),
            "too_late": _("Time is up for this question."),
            "too_early": _("Answering has not opened yet."),
            "not_answering": _("This question is not open for answers."),
            "bad_choice": _("Choose one of the answers."),
            "bad_phase": _("Not possible at this point of the game: use the buttons the console shows now."),
            "no_more_questions": _("Every question has been played."),
            "follows_contest": _("This audience game follows its contest: open and close its questions from the contest's host console."),
            "nobody_eligible": _("No player meets the conditions of the draw (players already holding a prize may be left out by the game's settings). Lower the number of correct answers and draw again."),
            "bad_draw": _("Draw at least one winner."),
            "unknown_code": _("No prize with this code in this game."),
            "already_redeemed": _("This code has already been redeemed."),
            "forbidden": _("Only the hosts of this game may run it. Please log in."),
            "rate_limited": _("Too many messages, slow down."),
            "not_connected": _("Not connected, please wait."),
            "internal_error": _("Something went wrong on the server; nothing was changed."),
        },
    }


@register.simple_tag
def game_texts():
    return json_script(texts(), "game-texts")
