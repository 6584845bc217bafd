"""Public quiz games at consultation days: phases, joining, answering, scoring, ranking, draws.

Plain Python with times in integer milliseconds of the server clock, behind the same interface
as the contest's rules: `apply(state, config, role, command, args, now) -> Outcome`. The game's
runner (contests/games/runner.py) loads a `GameState` and `Config` from the database, applies a
command and stores the Outcome; at a reveal it books the answers with `book_question`.

Phases: lobby -> reading -> answering -> revealed -> leaderboard -> reading ... -> finished.
Reading and answering are not stored: a started question stores when answering opens and
closes, and the phase follows from the server time, so no timer has to fire on any process.
"""
import dataclasses
import random
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from core.choices import is_correct
from core.ranking import ranking as shared_places

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
      no answer costs nothing;
    - speed does not count (`speed_counts` False): fixed points, and ranking ignores answer time.
    """

    mode: ScoringMode = ScoringMode.SPEED
    points: int = 100
    streak_bonus: int = 0
    wrong_penalty: int = 0
    podium_size: int = 3
    # False: "speed does not count": only correctness scores (fixed points) and equal scores
    # share a place whatever the answer times.
    speed_counts: bool = True

    def __post_init__(self):
        if self.mode not in tuple(ScoringMode):
            raise ValueError(f"unknown scoring mode {self.mode!r}")
        if self.mode == ScoringMode.SPEED and not self.speed_counts:
            raise ValueError("speed-weighted scoring needs speed to count")
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

    `player` is anything with score, streak, correct_count and total_ms (the Player model).
    Returns the points.
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


def book_question(scoring, players, answers, correct_labels, limit_ms):
    """Score a revealed question: every player in `players` (with `pk`) books its answer in
    `answers` ({player pk: answer with choice and elapsed_ms}) or none; each answer gets its
    `points` and whether it was `correct`."""
    for player in players:
        answer = answers.get(player.pk)
        points = book_answer(
            scoring, player, answer and answer.choice, answer and answer.elapsed_ms, correct_labels, limit_ms
        )
        if answer:
            answer.points = points
            answer.correct = is_correct(answer.choice, correct_labels)


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

    def start_question(self, now, *, reading_ms, answer_ms, index=None):
        """Show the next question (or the later question `index`, skipping those before it: a
        hall's game follows its contest): a reading pause, then `answer_ms` of answering."""
        self._require((Phase.LOBBY, Phase.REVEALED, Phase.LEADERBOARD), "start a question")
        index = self.index + 1 if index is None else index
        if index >= self.question_count:
            raise Refusal("no_more_questions", "every question has been played")
        if index <= self.index:
            raise Refusal("already_played", "this question has already been played")
        if reading_ms < 0 or answer_ms <= 0:
            raise ValueError("reading must not be negative and answering must last")
        self.index = index
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


def ranking(entries, *, by_time=True):
    """Rank (player_id, score, total_answer_ms) by score, then by less total answer time
    (`by_time` False, "speed does not count": by score only).

    Equal players share a rank and the next rank skips (1, 1, 3).
    """
    key = (lambda entry: (-entry[1], entry[2])) if by_time else (lambda entry: -entry[1])
    ranked = shared_places(entries, key=key, order=lambda entry: str(entry[0]))
    return [Ranked(place, player_id, score) for place, (player_id, score, _total_ms) in ranked]


def podium(entries, size, *, by_time=True):
    """The ranked players with points whose rank is within the podium size (ties may make it
    longer). A player without points is never a winner."""
    if not PODIUM_MIN <= size <= PODIUM_MAX:
        raise ValueError(f"the podium has {PODIUM_MIN} to {PODIUM_MAX} places")
    return [ranked for ranked in ranking(entries, by_time=by_time) if ranked.rank <= size and ranked.score > 0]


class DrawPool(StrEnum):
    """Who may be drawn (among players with enough correct answers)."""

    EVERYONE = "everyone"
    NOT_PODIUM = "not_podium"  # the podium's winners are left out


@dataclass(frozen=True)
class DrawRules:
    """A game's lucky-draw settings: the pool, and whether one player may win more than once."""

    pool: DrawPool = DrawPool.NOT_PODIUM
    repeat: bool = False  # False: one prize code per person (an earlier prize leaves the pool)


def draw_pool(eligible_ids, podium_ids, prize_holder_ids, rules=DrawRules()):
    """The players a draw picks from: those with enough correct answers (`eligible_ids`), less the
    podium's winners (pool NOT_PODIUM) and anyone already holding a prize (repeat False)."""
    left_out = set()
    if rules.pool == DrawPool.NOT_PODIUM:
        left_out |= set(podium_ids)
    if not rules.repeat:
        left_out |= set(prize_holder_ids)
    return [player_id for player_id in eligible_ids if player_id not in left_out]


def lucky_draw(eligible_ids, count, seed):
    """Draw up to `count` distinct winners; the same eligible set and seed give the same winners."""
    if count < 1:
        raise Refusal("bad_draw", "draw at least one winner")
    pool = sorted(set(eligible_ids), key=str)
    return random.Random(seed).sample(pool, min(count, len(pool)))


# Commands --------------------------------------------------------------------------------
class Role(StrEnum):
    HOST = "host"
    PLAYER = "player"


@dataclass(frozen=True)
class Question:
    labels: str  # the option labels, e.g. "ABCD"
    correct: str  # the correct ones, e.g. "B" or "AC"
    multiple: bool = False


@dataclass(frozen=True)
class Config:
    """A game's set-up: its questions in play order, timing and scoring."""

    questions: tuple
    reading_ms: int = 5000
    answer_ms: int = 20_000
    scoring: Scoring = field(default_factory=Scoring)
    banned_words: tuple = ()


@dataclass
class Outcome:
    """What `apply` decided: the new state and what to store with it."""

    state: GameState
    nickname: str | None = None  # join: the player's name as shown
    answer: dict | None = None  # answer: {"index", "choice", "elapsed_ms"}, scored at the reveal
    scored: int | None = None  # reveal: the question whose answers are booked now (book_question)


def apply(state, config, role, command, args, now):
    """Apply `command` sent by `role` at server time `now`. Raises Refusal and changes nothing
    when refused; `state` itself is never changed."""
    handler = _COMMANDS.get((role, command))
    if handler is None:
        raise Refusal("forbidden", f"{command!r} is not allowed for {role}")
    return handler(state, config, args or {}, now)


def _changed(state, change):
    new = dataclasses.replace(state)
    change(new)
    return Outcome(new)


def _next(state, config, args, now):
    index = args.get("index")
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
        raise Refusal("bad_index", "a question number is a whole number")
    return _changed(
        state,
        lambda new: new.start_question(now, reading_ms=config.reading_ms, answer_ms=config.answer_ms, index=index),
    )


def _reveal(state, config, args, now):
    outcome = _changed(state, lambda new: new.reveal(now))
    outcome.scored = outcome.state.index
    return outcome


def _leaderboard(state, config, args, now):
    return _changed(state, GameState.show_leaderboard)


def _finish(state, config, args, now):
    return _changed(state, GameState.finish)


def _draw(state, config, args, now):
    """A lucky draw is held once the game is over (the podium is known by then)."""
    if state.stored_phase != Phase.FINISHED:
        raise Refusal("bad_phase", "the lucky draw is held after the game has ended")
    return Outcome(state)


def _join(state, config, args, now):
    state.check_join()
    return Outcome(state, nickname=clean_nickname(args.get("nickname"), banned_words=config.banned_words))


def _answer(state, config, args, now):
    """Nothing changes in the state: the answer is stored, and scored at the reveal."""
    index = args.get("index")
    question = config.questions[index] if isinstance(index, int) and 0 <= index < len(config.questions) else None
    if question is None:
        raise Refusal("not_answering", "this question is not open for answers")
    choice = clean_choice(args.get("choice"), question.labels, multiple=question.multiple)
    elapsed = state.check_answer(index, now)
    return Outcome(state, answer={"index": index, "choice": choice, "elapsed_ms": elapsed})


_COMMANDS = {
    (Role.HOST, "next"): _next,
    (Role.HOST, "reveal"): _reveal,
    (Role.HOST, "leaderboard"): _leaderboard,
    (Role.HOST, "finish"): _finish,
    (Role.HOST, "draw"): _draw,
    (Role.PLAYER, "join"): _join,
    (Role.PLAYER, "answer"): _answer,
}


# What the host may do now ------------------------------------------------------------------
# The host's commands in the order the console offers them; the first allowed one of
# NATURAL_ORDER is the natural next step (the console's large button).
HOST_ACTIONS = ("next", "reveal", "leaderboard", "finish", "draw")
NATURAL_ORDER = ("reveal", "leaderboard", "next", "draw")
# Actions that cannot be undone: the console separates them and asks for a confirmation.
DESTRUCTIVE_ACTIONS = frozenset({"finish"})


def allowed_actions(state, config, now):
    """The host commands `apply` would accept now, tried on the state itself (so the console
    never offers what the transition logic refuses)."""
    allowed = []
    for command in HOST_ACTIONS:
        try:
            apply(state, config, Role.HOST, command, {}, now)
        except Refusal:
            continue
        allowed.append(command)
    return allowed


def host_actions(state, config, now):
    """{"allowed": [...], "primary": the natural next step or None, "destructive": [...]}."""
    allowed = allowed_actions(state, config, now)
    primary = next((command for command in NATURAL_ORDER if command in allowed), None)
    if primary is None and allowed == ["finish"]:
        primary = "finish"
    return {
        "allowed": allowed,
        "primary": primary,
        "destructive": [command for command in allowed if command in DESTRUCTIVE_ACTIONS],
    }
