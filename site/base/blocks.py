"""StreamField blocks shared by every page type (bakerydemo's BaseStreamBlock pattern)."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=200)
    alt_text = blocks.CharBlock(
        label=_("alternative text"), required=False, max_length=200,
        help_text=_("Describes the image for screen readers; the image's own description is used when empty."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "base/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "base/blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("value"), max_length=30, help_text=_("e.g. 10981"))
    unit = blocks.CharBlock(label=_("unit"), required=False, max_length=20, help_text=_("e.g. 家次"))
    label = blocks.CharBlock(label=_("label"), max_length=60)

    class Meta:
        icon = "decimal"
        label = _("Key figure")


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "table"
        label = _("Row of key figures")
        template = "base/blocks/key_figures.html"


class CallOutBlock(blocks.StructBlock):
    """Points readers at a live contest, a game or an event."""

    title = blocks.CharBlock(label=_("title"), max_length=80)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("link"), required=False, help_text=_("Used when no page is chosen."))
    link_text = blocks.CharBlock(label=_("link text"), max_length=40)

    class Meta:
        icon = "pick"
        label = _("Call-out")
        template = "base/blocks/call_out.html"


class GalleryBlock(blocks.StreamBlock):
    image = CaptionedImageBlock()

    class Meta:
        label = _("Gallery")


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), icon="pilcrow", features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = EmbedBlock(label=_("Video embed"), icon="media", help_text=_("A link to a video page, e.g. on a video site."))
    key_figures = KeyFiguresBlock()
    call_out = CallOutBlock()
