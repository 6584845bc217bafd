"""An in-memory public game for rules tests. It keeps what contests/games/runner.py keeps in the
database (players with a unique nickname key, one answer per player and question) and changes
the game only through the rules code the server runs: `apply`, `book_question`, `ranking`."""
from dataclasses import dataclass

from contests.rules import public_game as rules
from contests.rules.refusal import Refusal


@dataclass
class Player:
    """The columns of games.models.Player the rules read and write."""

    pk: int
    nickname: str
    score: int = 0
    streak: int = 0
    correct_count: int = 0
    total_ms: int = 0
    kicked: bool = False


@dataclass
class Answer:
    choice: str
    elapsed_ms: int
    points: int | None = None
    correct: bool | None = None


class Game:
    def __init__(self, questions, **config):
        """`questions`: (option labels, correct labels, multiple) triples; `config`: rules.Config fields."""
        self.config = rules.Config(questions=tuple(rules.Question(*question) for question in questions), **config)
        self.state = rules.GameState(question_count=len(questions))
        self.players = {}
        self.answers = {}  # (player pk, question index) -> Answer

    def apply(self, role, command, now, **args):
        return rules.apply(self.state, self.config, role, command, args, now)

    def host(self, command, now=0):
        outcome = self.apply(rules.Role.HOST, command, now)
        self.state = outcome.state
        if outcome.scored is not None:
            answers = {pk: answer for (pk, index), answer in self.answers.items() if index == outcome.scored}
            correct = self.config.questions[outcome.scored].correct
            window = self.state.answer_window_ms()
            rules.book_question(self.config.scoring, self.players.values(), answers, correct, window)
        return outcome

    def join(self, pk, nickname, now=0):
        if pk in self.players:
            raise Refusal("already_joined", "a phone joins once")
        outcome = self.apply(rules.Role.PLAYER, "join", now, nickname=nickname)
        key = rules.nickname_key(outcome.nickname)
        if any(rules.nickname_key(player.nickname) == key for player in self.players.values()):
            raise Refusal("nickname_taken", "unique (game, nickname key)")
        self.players[pk] = Player(pk, outcome.nickname)
        return outcome.nickname

    def kick(self, pk):
        self.player(pk).kicked = True

    def player(self, pk):
        """A phone's seat: the server refuses an unknown or removed player's token."""
        player = self.players.get(pk)
        if player is None:
            raise Refusal("unknown_player", "no token")
        if player.kicked:
            raise Refusal("kicked", "removed")
        return player

    def answer(self, pk, index, choice, now):
        self.player(pk)
        outcome = self.apply(rules.Role.PLAYER, "answer", now, index=index, choice=choice)
        if (pk, index) in self.answers:
            raise Refusal("already_answered", "unique (player, question)")
        self.answers[pk, index] = Answer(outcome.answer["choice"], outcome.answer["elapsed_ms"])
        return outcome.answer["elapsed_ms"]

    def ranking(self):
        return rules.ranking((p.pk, p.score, p.total_ms) for p in self.players.values() if not p.kicked)
