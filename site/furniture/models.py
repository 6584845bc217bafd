"""The publisher's details every page shows in its header and footer, edited in Settings."""
from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

ICP_LOOKUP_URL = "https://beian.miit.gov.cn/"
POLICE_LOOKUP_URL = "https://beian.mps.gov.cn/#/query/webSearch"


@register_setting(icon="site")
class SiteFurniture(BaseSiteSetting):
    """Header, footer and share card of the public site: who publishes it and how to reach them."""

    site_name = models.CharField(_("site name"), max_length=60, default="七进七赛")
    publisher_name = models.CharField(
        _("publisher"), max_length=60, blank=True, help_text=_("Shown beside the emblem, e.g. 瑞安市应急管理局")
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("emblem"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("A square picture; also the picture of shared links when a page has none."),
    )
    description = models.CharField(
        _("description"), max_length=200, blank=True,
        help_text=_("One sentence about the site, shown when a page is shared and has no description of its own."),
    )
    sponsor = models.CharField(_("sponsored by (主办)"), max_length=120, blank=True)
    organiser = models.CharField(_("organised by (承办)"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(pgettext_lazy("contact", "phone"), max_length=40, blank=True)
    icp_number = models.CharField(
        _("ICP record number"), max_length=60, blank=True, help_text=_("e.g. 浙ICP备12345678号; links to the MIIT lookup.")
    )
    police_number = models.CharField(
        _("public security record number"), max_length=60, blank=True, help_text=_("e.g. 浙公网安备 33038102000000号")
    )
    site_code = models.CharField(_("website identifier (网站标识码)"), max_length=20, blank=True)
    national_link_title = models.CharField(_("national site"), max_length=60, blank=True, default="中华人民共和国应急管理部")
    national_link_url = models.URLField(_("national site address"), blank=True, default="https://www.mem.gov.cn/")
    provincial_link_title = models.CharField(_("provincial site"), max_length=60, blank=True, default="浙江省应急管理厅")
    provincial_link_url = models.URLField(_("provincial site address"), blank=True, default="https://yjt.zj.gov.cn/")

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("publisher_name"), FieldPanel("emblem"), FieldPanel("description")],
            heading=_("Header"),
        ),
        MultiFieldPanel(
            [FieldPanel("sponsor"), FieldPanel("organiser"), FieldPanel("address"), FieldPanel("phone")],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_number"), FieldPanel("site_code")], heading=_("Records"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("national_link_title"), FieldPanel("national_link_url"),
                FieldPanel("provincial_link_title"), FieldPanel("provincial_link_url"),
            ],
            heading=_("Related sites"),
        ),
    ]

    class Meta:
        verbose_name = _("site furniture")

    @property
    def icp_lookup_url(self):
        return ICP_LOOKUP_URL

    @property
    def police_lookup_url(self):
        """The MPS lookup of the record: its number is the digits of `police_number`."""
        digits = "".join(ch for ch in self.police_number if ch.isdigit())
        return f"{POLICE_LOOKUP_URL}?recordcode={digits}" if digits else POLICE_LOOKUP_URL

    @property
    def related_links(self):
        pairs = [(self.national_link_title, self.national_link_url), (self.provincial_link_title, self.provincial_link_url)]
        return [{"title": title, "url": url} for title, url in pairs if title and url]
