"""The rules' view of a stored game: its questions in play order (cached per process), its
GameState and its Config. The runner and the frames read a game only through these."""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contests.rules import public_game as rules

from .models import PublicGame

BLOCKLIST = Path(__file__).with_name("nickname_blocklist.txt")


def game_key(game_id):
    """The fan-out key of a game's audiences."""
    return f"game-{game_id}"


@lru_cache(maxsize=1)
def banned_words():
    lines = BLOCKLIST.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class PlayedQuestion:
    public: dict  # what everybody may see before the reveal
    reveal: dict  # the correct labels and the explanation
    labels: str
    multiple: bool


@lru_cache(maxsize=64)
def played_questions(game_id):
    """The game's questions in order; fixed once the game exists, so cached per process."""
    game = PublicGame.objects.get(pk=game_id)
    return tuple(
        PlayedQuestion(
            public=question.public_payload(),
            reveal=question.reveal_payload(),
            labels="".join(option["label"] for option in question.public_payload()["options"]),
            multiple=question.kind == question.Kind.MULTIPLE,
        )
        for question in game.ordered_questions()
    )


def game_state(game):
    return rules.GameState(
        question_count=len(played_questions(game.pk)), stored_phase=game.phase, index=game.current_index,
        opens_at=game.opens_at_ms, deadline=game.deadline_ms,
    )


def game_config(game):
    return rules.Config(
        questions=tuple(
            rules.Question(played.labels, played.reveal["correct"], played.multiple)
            for played in played_questions(game.pk)
        ),
        reading_ms=game.reading_seconds * 1000,
        answer_ms=game.answer_seconds * 1000,
        scoring=game.scoring(),
        banned_words=banned_words(),
    )
