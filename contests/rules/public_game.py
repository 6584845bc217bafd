"""Public quiz games at consultation days: phases, joining, answering, scoring, ranking, draws.

Plain Python with times in integer milliseconds of the server clock. The socket layer loads a
`GameState` from the database, calls it, and stores the result; `PublicGame` keeps players and
answers in memory too and is the reference the property tests drive.

Phases: lobby -> reading -> answering -> revealed -> leaderboard -> reading ... -> finished.
Reading and answering are not stored: a started question stores when answering opens and
closes, and the phase follows from the server time, so no timer has to fire on any process.
"""
import random
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from .refusal import Refusal

NICKNAME_MAX_LENGTH = 12
STREAK_CAP = 5
PODIUM_MIN, PODIUM_MAX = 3, 10


class Phase(StrEnum):
    LOBBY = "lobby"
    READING = "reading"
    ANSWERING = "answering"
    REVEALED = "revealed"
    LEADERBOARD = "leaderboard"
    FINISHED = "finished"


# What is stored: reading and answering are both the stored phase QUESTION.
QUESTION = "question"
STORED_PHASES = (Phase.LOBBY.value, QUESTION, Phase.REVEALED.value, Phase.LEADERBOARD.value, Phase.FINISHED.value)


# Scoring ---------------------------------------------------------------------------------
class ScoringMode(StrEnum):
    FIXED = "fixed"
    SPEED = "speed"


@dataclass(frozen=True)
class Scoring:
    """How a game scores (documented in docs/protocol.md, "Public games").

    - fixed: a correct answer earns `points`;
    - speed: a correct answer earns `points` at once, falling linearly to half of it (rounded
      up) at the deadline, so never less than half;
    - streak bonus: a correct answer earns `streak_bonus` more for each correct answer right
      before it (counted up to STREAK_CAP);
    - wrong penalty: a wrong answer costs `wrong_penalty`, but never takes a total below zero;
      no answer costs nothing.
    """

    mode: ScoringMode = ScoringMode.SPEED
    points: int = 100
    streak_bonus: int = 0
    wrong_penalty: int = 0
    podium_size: int = 3

    def __post_init__(self):
        if self.mode not in tuple(ScoringMode):
            raise ValueError(f"unknown scoring mode {self.mode!r}")
        if self.points < 1 or self.streak_bonus < 0 or self.wrong_penalty < 0:
            raise ValueError("points must be positive, bonus and penalty not negative")
        if not PODIUM_MIN <= self.podium_size <= PODIUM_MAX:
            raise ValueError(f"the podium has {PODIUM_MIN} to {PODIUM_MAX} places")

    def answer_points(self, *, correct, elapsed_ms, limit_ms, streak_before=0, score_before=0):
        """Points for one answer; `streak_before` counts the correct answers right before it."""
        if not correct:
            return -min(self.wrong_penalty, max(score_before, 0))
        points = self.points
        if self.mode == ScoringMode.SPEED:
            elapsed = min(max(elapsed_ms, 0), limit_ms)
            points -= (self.points * elapsed) // (2 * limit_ms)
        return points + self.streak_bonus * min(streak_before, STREAK_CAP)


def is_correct(choice, correct_labels):
    """A choice is correct when it picks exactly the correct options, in any order."""
    return bool(choice) and set(choice) == set(correct_labels)


def clean_choice(choice, option_labels, *, multiple):
    """Validate a choice such as "B" or "AC" against the question's labels; returns it sorted."""
    if not isinstance(choice, str) or not choice:
        raise Refusal("bad_choice", "a choice is a non-empty string of option labels")
    labels = set(choice)
    if len(labels) != len(choice) or not labels <= set(option_labels):
        raise Refusal("bad_choice", "the choice names options the question does not have")
    if not multiple and len(labels) != 1:
        raise Refusal("bad_choice", "this question takes exactly one option")
    return "".join(sorted(labels))


def book_answer(scoring, player, choice, elapsed_ms, correct_labels, limit_ms):
    """Score one player's answer (`choice` None: no answer) at the reveal and update the player.

    `player` is anything with score, streak, correct_count and total_ms: the in-memory
    PlayerState here, the Player model in the database. Returns the points.
    """
    if choice is None:
        player.streak = 0
        return 0
    correct = is_correct(choice, correct_labels)
    points = scoring.answer_points(
        correct=correct, elapsed_ms=elapsed_ms, limit_ms=limit_ms,
        streak_before=player.streak, score_before=player.score,
    )
    player.score += points
    player.total_ms += elapsed_ms
    player.streak = player.streak + 1 if correct else 0
    player.correct_count += correct
    return points


# Nicknames -------------------------------------------------------------------------------
def nickname_key(nickname):
    """What two nicknames are compared by: case and spacing do not make a name new."""
    return "".join(nickname.casefold().split())


def clean_nickname(raw, *, taken=(), banned_words=(), max_length=NICKNAME_MAX_LENGTH):
    """Return the nickname as it will be shown, or raise Refusal.

    `taken` holds the `nickname_key` of names already in the game; `banned_words` are matched
    case-insensitively inside the name with spaces and punctuation removed (so "f.u.c.k" is
    caught too).
    """
    if not isinstance(raw, str):
        raise Refusal("nickname_invalid", "a nickname is text")
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    if not name:
        raise Refusal("nickname_empty", "choose a nickname")
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise Refusal("nickname_invalid", "the nickname contains invisible characters")
    if len(name) > max_length:
        raise Refusal("nickname_too_long", f"a nickname has at most {max_length} characters")
    letters = "".join(char for char in name.casefold() if char.isalnum())
    if any(word and word.casefold() in letters for word in banned_words):
        raise Refusal("nickname_banned", "this nickname is not allowed")
    if nickname_key(name) in taken:
        raise Refusal("nickname_taken", "this nickname is already taken in this game")
    return name


# The game's phase and clock --------------------------------------------------------------
@dataclass
class GameState:
    """The stored part of a game: phase, current question and its answering window."""

    question_count: int
    stored_phase: str = Phase.LOBBY.value
    index: int = -1
    opens_at: int | None = None
    deadline: int | None = None

    def phase_at(self, now):
        if self.stored_phase != QUESTION:
            return Phase(self.stored_phase)
        return Phase.READING if now < self.opens_at else Phase.ANSWERING

    def is_last_question(self):
        return self.index == self.question_count - 1

    def _require(self, allowed, action):
        if self.stored_phase not in allowed:
            raise Refusal("bad_phase", f"cannot {action} in phase {self.stored_phase}")

    def start_question(self, now, *, reading_ms, answer_ms):
        """Show the next question: a reading pause, then `answer_ms` of answering."""
        self._require((Phase.LOBBY, Phase.REVEALED, Phase.LEADERBOARD), "start a question")
        if self.index + 1 >= self.question_count:
            raise Refusal("no_more_questions", "every question has been played")
        if reading_ms < 0 or answer_ms <= 0:
            raise ValueError("reading must not be negative and answering must last")
        self.index += 1
        self.stored_phase = QUESTION
        self.opens_at = now + reading_ms
        self.deadline = self.opens_at + answer_ms

    def reveal(self, now):
        """Close answering (early if the host wishes) and show the correct answer."""
        self._require((QUESTION,), "reveal")
        self.deadline = min(self.deadline, max(now, self.opens_at))
        self.stored_phase = Phase.REVEALED.value

    def show_leaderboard(self):
        self._require((Phase.REVEALED,), "show the leaderboard")
        self.stored_phase = Phase.LEADERBOARD.value

    def finish(self):
        """End the game; from the lobby or the middle too (the host may stop early)."""
        self._require((Phase.LOBBY, QUESTION, Phase.REVEALED, Phase.LEADERBOARD), "finish")
        self.stored_phase = Phase.FINISHED.value

    def check_join(self):
        """Late joining is allowed until the last question has closed."""
        if self.stored_phase == Phase.FINISHED or (
            self.is_last_question() and self.stored_phase in (Phase.REVEALED, Phase.LEADERBOARD)
        ):
            raise Refusal("joining_closed", "this game is over")

    def check_answer(self, question_index, now):
        """Return the answer's elapsed time since answering opened, or raise if it is refused."""
        if self.stored_phase != QUESTION or question_index != self.index:
            raise Refusal("not_answering", "this question is not open for answers")
        if now < self.opens_at:
            raise Refusal("too_early", "answering has not opened yet")
        if now > self.deadline:
            raise Refusal("too_late", "time is up for this question")
        return now - self.opens_at

    def answer_window_ms(self):
        return self.deadline - self.opens_at


# Ranking and draws -----------------------------------------------------------------------
@dataclass(frozen=True)
class Ranked:
    rank: int
    player_id: object
    score: int


def ranking(entries):
    """Rank (player_id, score, total_answer_ms) by score, then by less total answer time.

    Equal score and time share a rank and the next rank skips (1, 1, 3).
    """
    ordered = sorted(entries, key=lambda entry: (-entry[1], entry[2], str(entry[0])))
    result, previous, rank = [], None, 0
    for position, (player_id, score, total_ms) in enumerate(ordered, start=1):
        if (score, total_ms) != previous:
            rank, previous = position, (score, total_ms)
        result.append(Ranked(rank, player_id, score))
    return result


def podium(entries, size):
    """The ranked players whose rank is within the podium size (ties may make it longer)."""
    if not PODIUM_MIN <= size <= PODIUM_MAX:
        raise ValueError(f"the podium has {PODIUM_MIN} to {PODIUM_MAX} places")
    return [ranked for ranked in ranking(entries) if ranked.rank <= size]


def lucky_draw(eligible_ids, count, seed):
    """Draw up to `count` distinct winners; the same eligible set and seed give the same winners."""
    if count < 1:
        raise Refusal("bad_draw", "draw at least one winner")
    pool = sorted(set(eligible_ids), key=str)
    return random.Random(seed).sample(pool, min(count, len(pool)))


# The whole game in memory ----------------------------------------------------------------
@dataclass
class PlayerState:
    nickname: str
    score: int = 0
    streak: int = 0
    correct_count: int = 0
    total_ms: int = 0
    kicked: bool = False


@dataclass
class PublicGame:
    """A game with its players and answers in memory, built from the functions above.

    `questions` is a list of (option_labels, correct_labels, multiple).
    """

    questions: list
    scoring: Scoring = field(default_factory=Scoring)
    banned_words: tuple = ()
    state: GameState = None
    players: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)  # (player_id, index) -> [choice, elapsed, points]

    def __post_init__(self):
        if self.state is None:
            self.state = GameState(question_count=len(self.questions))

    def join(self, player_id, nickname):
        self.state.check_join()
        if player_id in self.players:
            raise Refusal("already_joined", "this player has joined already")
        taken = {nickname_key(player.nickname) for player in self.players.values()}
        name = clean_nickname(nickname, taken=taken, banned_words=self.banned_words)
        self.players[player_id] = PlayerState(name)
        return name

    def player(self, player_id):
        player = self.players.get(player_id)
        if player is None:
            raise Refusal("unknown_player", "join the game first")
        if player.kicked:
            raise Refusal("kicked", "the host removed this player")
        return player

    def kick(self, player_id):
        self.player(player_id).kicked = True

    def answer(self, player_id, question_index, choice, now):
        """Accept one answer; it is scored at the reveal. Returns the elapsed time."""
        player = self.player(player_id)
        elapsed = self.state.check_answer(question_index, now)
        if (player_id, question_index) in self.answers:
            raise Refusal("already_answered", "you have answered this question")
        labels, _, multiple = self.questions[question_index]
        self.answers[player_id, question_index] = [clean_choice(choice, labels, multiple=multiple), elapsed, None]
        return elapsed

    def reveal(self, now):
        """Close the question and book its answers into each player's score and streak."""
        self.state.reveal(now)
        index = self.state.index
        correct_labels = self.questions[index][1]
        for player_id, player in self.players.items():
            answer = self.answers.get((player_id, index))
            points = book_answer(
                self.scoring, player, answer and answer[0], answer and answer[1], correct_labels,
                self.state.answer_window_ms(),
            )
            if answer:
                answer[2] = points

    def ranking(self):
        return ranking(
            (player_id, player.score, player.total_ms)
            for player_id, player in self.players.items()
            if not player.kicked
        )

    def draw(self, count, seed, *, min_correct):
        eligible = [
            player_id
            for player_id, player in self.players.items()
            if not player.kicked and player.correct_count >= min_correct
        ]
        return lucky_draw(eligible, count, seed)
