"""What retires the play endpoints' copies (play_cache): any page published, unpublished, moved,
saved or deleted (a contest page's settings, or an ancestor's slug or restriction), a view
restriction, and a question, option, bank or image saved or deleted. This process drops its copies
at once; the others when the transaction commits (once per transaction, however many rows an
import saves), so that none of them keeps a copy read before the commit."""
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from quizzes.models import Option, Question, QuestionBank

from . import play_cache

HISTORICAL_MODULE = "__fake__"  # the models data migrations work with


def retire(**kwargs):
    play_cache.clear()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        play_cache.bump()
    elif not any(callback is play_cache.bump for _savepoints, callback, _robust in connection.run_on_commit):
        transaction.on_commit(play_cache.bump)


def _on_row_change(sender, **kwargs):
    if kwargs.get("raw") or sender.__module__ == HISTORICAL_MODULE:
        return
    if issubclass(sender, (Page, PageViewRestriction, Question, Option, QuestionBank, get_image_model())):
        retire()


def connect():
    page_published.connect(retire, dispatch_uid="onlinecontest-published")
    page_unpublished.connect(retire, dispatch_uid="onlinecontest-unpublished")
    post_page_move.connect(retire, dispatch_uid="onlinecontest-moved")
    post_save.connect(_on_row_change, dispatch_uid="onlinecontest-saved")
    post_delete.connect(_on_row_change, dispatch_uid="onlinecontest-deleted")
