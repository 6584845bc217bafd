from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from base.blocks import CaptionedImageBlock


class GalleryBlock(blocks.StreamBlock):
    image = CaptionedImageBlock()

    class Meta:
        label = _("Gallery")
