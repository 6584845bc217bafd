"""The page types the search page offers as filters, registered by their apps with the Wagtail
hook `searchable_page_types` (a function returning the page model; `order` sets the filter order)."""
from wagtail import hooks


def searchable_types():
    """{model name: model} of the registered page types."""
    models = [register() for register in hooks.get_hooks("searchable_page_types")]
    return {model._meta.model_name: model for model in models}
