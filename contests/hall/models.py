"""The hall's audience game: a public game linked to an inter-unit contest."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Hall(models.Model):
    """A contest's audience game. Its questions are the contest's questions in play order;
    `slot_ids` maps each of them to the contest's round question (RoundQuestion) it follows."""

    contest = models.OneToOneField(
        "contests.Contest", on_delete=models.CASCADE, related_name="hall", verbose_name=_("contest")
    )
    game = models.OneToOneField(
        "games.PublicGame", on_delete=models.CASCADE, related_name="hall", verbose_name=_("audience game")
    )
    slot_ids = models.JSONField(_("round questions in the game's order"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("audience game")
        verbose_name_plural = _("audience games")

    def __str__(self):
        return str(self.game)

    def paper_index(self, slot_id):
        """The place of the contest's round question `slot_id` in the game, or None."""
        return self.slot_ids.index(slot_id) if slot_id in self.slot_ids else None
