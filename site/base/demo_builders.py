"""Building blocks of the demo loaders: images drawn with Pillow, idempotent published pages, the
home page and its sections."""
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Page

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
PALETTE = [(183, 28, 28), (13, 71, 161), (27, 94, 32), (230, 81, 0), (74, 20, 140), (0, 96, 100), (93, 64, 55)]


def demo_image(title, index=0, size=(1200, 675)):
    """The image called `title`, drawn once: a coloured gradient with the title written on it."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    colour = PALETTE[index % len(PALETTE)]
    picture = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for y in range(size[1]):
        shade = int(60 * y / size[1])
        draw.line([(0, y), (size[0], y)], fill=tuple(max(channel - shade, 0) for channel in colour))
    font, lines = fitted_caption(draw, title, size[0] - 160)
    line_height = font.getbbox("国")[3] + 16
    top = size[1] - 80 - line_height * len(lines)
    draw.rectangle([40, top - 40, size[0] - 40, size[1] - 40], outline=(255, 255, 255), width=6)
    for number, line in enumerate(lines):
        draw.text((80, top + number * line_height), line, fill=(255, 255, 255), font=font)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, description=title)
    image.file = ImageFile(buffer, name=f"demo-{abs(hash(title)) % 10**8}.png")
    image.save()
    return image


def wrapped(draw, text, font, width):
    """`text` broken into lines no wider than `width` (Chinese breaks between any two characters)."""
    lines, line = [], ""
    for character in text:
        if line and draw.textlength(line + character, font=font) > width:
            lines.append(line.strip())
            line = ""
        line += character
    return [*lines, line.strip()]


def fitted_caption(draw, text, width):
    """(font, lines) writing the whole of `text` in at most three lines: smaller type rather than a cut caption."""
    if not FONT.exists():
        font = ImageFont.load_default()
        return font, wrapped(draw, text, font, width)
    for points in (64, 56, 48, 40, 32):
        font = ImageFont.truetype(str(FONT), points)
        lines = wrapped(draw, text, font, width)
        if len(lines) <= 3:
            return font, lines
    return font, lines


def publish_child(parent, model, slug, **fields):
    """The live child `slug` of `parent`, created and published if missing. Returns (page, created)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def home():
    return Page.objects.get(depth=2).specific


def section(model, slug, title, introduction):
    """The section index page `model` under the home page, created and published when missing."""
    page, _new = publish_child(home(), model, slug, title=title, introduction=introduction, show_in_menus=True)
    return page
