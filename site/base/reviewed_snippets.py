"""Snippets that go live by a 法制审核 approval only (nominations, listed hazards).

Wagtail publishes the approved revision as the approver and checks his publish permission, so
reviewers hold it; the publish action is therefore taken out of these snippets' create and edit
views (a posted "action-publish" falls back to saving a draft) and out of their action menu
(wagtail_hooks.py), for everyone: only the workflow publishes them.
"""
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet


class ApprovalPublishesOnlyMixin:
    def get_available_actions(self):
        return [action for action in super().get_available_actions() if action != "publish"]


class ReviewedCreateView(ApprovalPublishesOnlyMixin, CreateView):
    pass


class ReviewedEditView(ApprovalPublishesOnlyMixin, EditView):
    pass


class ReviewedSnippetViewSet(SnippetViewSet):
    add_view_class = ReviewedCreateView
    edit_view_class = ReviewedEditView


def published_by_review_only(model):
    return isinstance(getattr(model, "snippet_viewset", None), ReviewedSnippetViewSet)
