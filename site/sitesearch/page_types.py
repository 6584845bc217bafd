"""What the public search looks through, registered by the apps with Wagtail hooks (a function
returning the model; `order` sets the order of the type filter):

- `searchable_page_types`: page types; their live, public pages are searched.
- `searchable_snippets`: other indexed models shown on public pages. The model offers
  `public_for_search()` (a classmethod: the queryset the public sees) and
  `search_result_url(request)` (where the object is shown), or is left out of the results.
"""
from wagtail import hooks


def searchable_types():
    """{model name: model} of the registered page types and snippets."""
    models = [register() for name in ("searchable_page_types", "searchable_snippets")
              for register in hooks.get_hooks(name)]
    return {model._meta.model_name: model for model in models}


def searchable_snippets():
    return [register() for register in hooks.get_hooks("searchable_snippets")]
