from wagtail import hooks

from .reviewed_snippets import published_by_review_only


@hooks.register("construct_snippet_action_menu")
def no_publish_button_on_reviewed_snippets(menu_items, request, context):
    # Matches the views (reviewed_snippets.ApprovalPublishesOnlyMixin): only the workflow publishes.
    if published_by_review_only(context.get("model")):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
