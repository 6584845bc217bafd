"""Public quiz games at consultation days: the game, its questions, players, answers, draws, prizes.

The rules live in contests/rules/public_game.py; these models store their state so that every
process (and a restarted one) sees the same game.
"""
import random
import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from core.accounts.roles import HOSTS, in_group
from contests.rules import public_game as rules
from core import access_codes

PIN_DIGITS = 6
CODE_LENGTH = 8


def new_pin():
    """A random 6-digit PIN not used by a game that is still open (retry on the rare clash)."""
    for _attempt in range(50):
        pin = access_codes.new_code(PIN_DIGITS, access_codes.DIGITS)
        if not PublicGame.objects.filter(pin=pin).exists():
            return pin
    raise RuntimeError("no free PIN found")


def new_token():
    return secrets.token_urlsafe(24)


def new_prize_code():
    return access_codes.new_code(CODE_LENGTH)


colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour is written #RRGGBB, for example #c62828."))


def mask_phone(phone):
    """138****5678: enough for staff to recognise a winner, never the whole number."""
    if not phone:
        return ""
    if len(phone) <= 4:
        return "*" * len(phone)
    return phone[:3] + "*" * max(len(phone) - 7, 1) + phone[-4:]


class PublicGameQuerySet(models.QuerySet):
    def hosted_by(self, user):
        """The games `user` may run: his own and those he co-hosts (superusers: every game)."""
        if user.is_superuser:
            return self
        if not in_group(user, HOSTS):
            return self.none()
        return self.filter(models.Q(owner=user) | models.Q(cohosts=user)).distinct()


class PublicGame(models.Model):
    class Phase(models.TextChoices):
        LOBBY = rules.Phase.LOBBY.value, _("waiting for players")
        QUESTION = rules.QUESTION, _("question running")
        REVEALED = rules.Phase.REVEALED.value, _("answer revealed")
        LEADERBOARD = rules.Phase.LEADERBOARD.value, _("leaderboard")
        FINISHED = rules.Phase.FINISHED.value, _("finished")

    class ScoringMode(models.TextChoices):
        SPEED = rules.ScoringMode.SPEED.value, _("speed-weighted (at least half the points)")
        FIXED = rules.ScoringMode.FIXED.value, _("fixed points")

    class DrawPool(models.TextChoices):
        NOT_PODIUM = rules.DrawPool.NOT_PODIUM.value, _("players who did not win a podium place")
        EVERYONE = rules.DrawPool.EVERYONE.value, _("every player with enough correct answers")

    title = models.CharField(_("title"), max_length=120)
    pin = models.CharField(_("PIN"), max_length=PIN_DIGITS, unique=True, default=new_pin, editable=False)
    event_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("event page"),
    )
    bank = models.ForeignKey(
        "quizzes.QuestionBank", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("question bank"),
    )
    # How the questions were drawn: the quizzes paper mix and its seed (drawing again with both
    # on the same bank gives the same questions); an empty mix means picked by hand.
    mix = models.JSONField(_("paper mix"), default=list, blank=True, editable=False)
    draw_seed = models.CharField(_("draw seed"), max_length=64, blank=True, editable=False)
    scoring_mode = models.CharField(_("scoring"), max_length=10, choices=ScoringMode.choices, default=ScoringMode.SPEED)
    points = models.PositiveIntegerField(_("points per question"), default=100)
    streak_bonus = models.PositiveIntegerField(
        _("streak bonus"), default=0, help_text=_("Extra points per correct answer in a row before this one (up to 5).")
    )
    wrong_penalty = models.PositiveIntegerField(
        _("wrong-answer penalty"), default=0, help_text=_("Never takes a total below zero.")
    )
    podium_size = models.PositiveSmallIntegerField(
        _("podium size"), default=3, choices=[(n, str(n)) for n in range(rules.PODIUM_MIN, rules.PODIUM_MAX + 1)]
    )
    reading_seconds = models.PositiveSmallIntegerField(_("reading pause (seconds)"), default=3)
    answer_seconds = models.PositiveSmallIntegerField(_("answering time (seconds)"), default=15)
    question_on_screen_only = models.BooleanField(
        _("question on the big screen only"), default=False,
        help_text=_("Phones show only the answer buttons, not the question text."),
    )
    speed_counts = models.BooleanField(
        _("speed counts"), default=True,
        help_text=_("Off: only correct answers score (fixed points), and equal scores share a place whatever the answer times."),
    )
    draw_pool = models.CharField(
        _("lucky draw among"), max_length=12, choices=DrawPool.choices, default=DrawPool.NOT_PODIUM,
    )
    draw_repeat = models.BooleanField(
        _("a player may win more than one prize"), default=False,
        help_text=_("Off: one prize code per person; a player holding a prize is not drawn again."),
    )
    # How the big screen looks: the organiser's name and logo, and two colours.
    organiser = models.CharField(_("organiser name"), max_length=80, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("organiser logo"),
    )
    colour = models.CharField(
        _("main colour"), max_length=7, default="#c62828", validators=[colour_validator],
        help_text=_("Big screen accents, #RRGGBB."),
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#ffca28", validators=[colour_validator],
        help_text=_("Timer, bars and the podium's highlights, #RRGGBB."),
    )
    # The big screen's sounds, switched on and off from the host console while the game runs.
    sound_on = models.BooleanField(_("sound on the big screen"), default=True, editable=False)
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.LOBBY, editable=False)
    current_index = models.SmallIntegerField(default=-1, editable=False)
    opens_at_ms = models.BigIntegerField(null=True, editable=False)
    deadline_ms = models.BigIntegerField(null=True, editable=False)
    # Grows with every committed change; clients drop broadcast frames older than their snapshot.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Who may run the game (host console, socket, exports, admin): its owner and his co-hosts.
    # A game without an owner (created before owners were recorded) is run by superusers only.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_games",
        verbose_name=_("owner"),
    )
    cohosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="cohosted_games", verbose_name=_("co-hosts"),
        help_text=_("Other members of the Hosts group who may run this game."),
    )

    objects = PublicGameQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("public game")
        verbose_name_plural = _("public games")

    def __str__(self):
        return f"{self.title} ({self.pin})"

    def is_hosted_by(self, user):
        return PublicGame.objects.hosted_by(user).filter(pk=self.pk).exists()

    def scoring(self):
        return rules.Scoring(
            mode=rules.ScoringMode(self.scoring_mode), points=self.points, streak_bonus=self.streak_bonus,
            wrong_penalty=self.wrong_penalty, podium_size=self.podium_size, speed_counts=self.speed_counts,
        )

    def draw_rules(self):
        return rules.DrawRules(pool=rules.DrawPool(self.draw_pool), repeat=self.draw_repeat)

    def apply_state(self, state):
        self.phase = state.stored_phase
        self.current_index = state.index
        self.opens_at_ms = state.opens_at
        self.deadline_ms = state.deadline

    def fill_from_bank(self, count):
        """Append `count` random active questions of the game's bank (no question twice)."""
        used = self.game_questions.values_list("question_id", flat=True)
        pool = list(self.bank.questions.filter(active=True).exclude(pk__in=used).values_list("pk", flat=True))
        start = self.game_questions.count()
        chosen = random.sample(pool, min(count, len(pool)))
        GameQuestion.objects.bulk_create(
            GameQuestion(game=self, question_id=pk, order=start + offset) for offset, pk in enumerate(chosen)
        )
        return len(chosen)

    def ordered_questions(self):
        return [item.question for item in self.game_questions.select_related("question").prefetch_related("question__options")]


class GameQuestion(models.Model):
    game = models.ForeignKey(PublicGame, on_delete=models.CASCADE, related_name="game_questions")
    question = models.ForeignKey("quizzes.Question", on_delete=models.PROTECT, related_name="+", verbose_name=_("question"))
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["game", "order"], name="games_question_order_unique")]
        verbose_name = _("game question")
        verbose_name_plural = _("game questions")


class Player(models.Model):
    game = models.ForeignKey(PublicGame, on_delete=models.CASCADE, related_name="players")
    nickname = models.CharField(_("nickname"), max_length=rules.NICKNAME_MAX_LENGTH)
    nickname_key = models.CharField(max_length=rules.NICKNAME_MAX_LENGTH * 3, editable=False)
    # The phone keeps this in localStorage to reconnect as the same player; never shown to others.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    kicked = models.BooleanField(_("removed"), default=False)
    phone = models.CharField(_("phone for prize contact"), max_length=20, blank=True)
    score = models.IntegerField(_("score"), default=0)
    streak = models.PositiveSmallIntegerField(default=0)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    total_ms = models.PositiveBigIntegerField(_("total answer time (ms)"), default=0)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["game", "nickname_key"], name="games_nickname_unique")]
        indexes = [models.Index(fields=["game", "-score"])]
        verbose_name = _("player")
        verbose_name_plural = _("players")

    def __str__(self):
        return self.nickname

    @property
    def masked_phone(self):
        return mask_phone(self.phone)


class PlayerAnswer(models.Model):
    game = models.ForeignKey(PublicGame, on_delete=models.CASCADE, related_name="answers")
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="answers")
    question_index = models.PositiveSmallIntegerField(_("question number"))
    choice = models.CharField(_("choice"), max_length=8)
    elapsed_ms = models.PositiveIntegerField(_("answer time (ms)"))
    answered_at = models.DateTimeField(_("answered at"))
    # Filled in at the reveal (scoring needs the player's streak before this question).
    points = models.IntegerField(pgettext_lazy("score earned", "points"), null=True)
    correct = models.BooleanField(_("correct"), null=True)

    class Meta:
        ordering = ["question_index", "answered_at"]
        constraints = [
            models.UniqueConstraint(fields=["player", "question_index"], name="games_one_answer_per_question")
        ]
        indexes = [models.Index(fields=["game", "question_index"])]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")


class LuckyDraw(models.Model):
    """One draw, with everything needed to repeat it: eligible players, count and seed."""

    game = models.ForeignKey(PublicGame, on_delete=models.CASCADE, related_name="draws")
    seed = models.CharField(_("seed"), max_length=64)
    count = models.PositiveSmallIntegerField(_("winners drawn"))
    min_correct = models.PositiveSmallIntegerField(_("minimum correct answers"))
    eligible_ids = models.JSONField(_("eligible players"), default=list)
    winner_ids = models.JSONField(_("winners"), default=list)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    drawn_at = models.DateTimeField(_("drawn at"), auto_now_add=True)

    class Meta:
        ordering = ["drawn_at"]
        verbose_name = _("lucky draw")
        verbose_name_plural = _("lucky draws")


class Prize(models.Model):
    """A winner's one-time redemption code, marked redeemed by staff in the host console."""

    class Reason(models.TextChoices):
        PODIUM = "podium", _("podium")
        DRAW = "draw", _("lucky draw")

    game = models.ForeignKey(PublicGame, on_delete=models.CASCADE, related_name="prizes")
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="prizes")
    draw = models.ForeignKey(LuckyDraw, null=True, blank=True, on_delete=models.CASCADE, related_name="prizes")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    code = models.CharField(_("redemption code"), max_length=CODE_LENGTH, unique=True, default=new_prize_code)
    redeemed_at = models.DateTimeField(_("redeemed at"), null=True, blank=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("prize")
        verbose_name_plural = _("prizes")
