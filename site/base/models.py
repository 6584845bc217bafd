from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The site root: the current campaign's banner and what is happening now."""

    banner_theme = models.CharField(
        _("campaign theme"), max_length=120, blank=True, help_text=_("e.g. 防风险、除隐患、遏事故")
    )
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("banner_theme"),
        FieldPanel("introduction"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
