"""Certificates (电子证书) for participants who pass: issued once, the score kept at its best, drawn
as a PNG or an A4 PDF with the CJK font (core/fonts.py) and a QR code (segno) to the public
verification page."""
import io

import segno
from django.db import connection
from django.utils import timezone
from fpdf import FPDF
from PIL import Image, ImageDraw

from core import access_codes, fonts
from core.fonts import pillow_font

from .records import Certificate

SIZE = (1600, 1130)
RED = (180, 20, 20)
INK = (40, 40, 40)


def passed(page, attempt):
    return attempt.max_score > 0 and attempt.score * 100 >= page.pass_percent * attempt.max_score


def issue(page_id, participant, attempt):
    """Create the participant's certificate after a passing attempt, or raise its score to a better
    one (serial and date stay): one upsert."""
    table = connection.ops.quote_name(Certificate._meta.db_table)
    serial = f"{timezone.localdate():%Y%m%d}-{access_codes.new_code(8)}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (page_id, participant_id, serial, score, max_score, issued_at) "
            f"VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (participant_id) DO UPDATE SET "
            f"score = excluded.score, max_score = excluded.max_score WHERE {table}.score < excluded.score",
            [page_id, participant.pk, serial, attempt.score, attempt.max_score,
             connection.ops.adapt_datetimefield_value(timezone.now())],
        )


def _centred(draw, y, text, font, fill):
    width = draw.textlength(text, font=font)
    draw.text(((SIZE[0] - width) / 2, y), text, font=font, fill=fill)


def qr_png(verify_url):
    buffer = io.BytesIO()
    segno.make(verify_url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def png(certificate, verify_url, labels):
    """The certificate as PNG bytes; `labels` holds the translated words drawn on it."""
    image = Image.new("RGB", SIZE, (255, 252, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle([30, 30, SIZE[0] - 30, SIZE[1] - 30], outline=RED, width=10)
    draw.rectangle([55, 55, SIZE[0] - 55, SIZE[1] - 55], outline=(210, 160, 60), width=3)
    participant = certificate.participant
    _centred(draw, 110, labels["title"], pillow_font(96, "bold"), RED)
    _centred(draw, 250, certificate.page.title, pillow_font(44, "bold"), INK)
    _centred(draw, 360, participant.name, pillow_font(72, "bold"), INK)
    _centred(draw, 470, f"{participant.town.name} · {participant.unit.name}", pillow_font(40), INK)
    _centred(draw, 560, labels["score"], pillow_font(44), INK)
    _centred(draw, 650, labels["text"], pillow_font(36), INK)
    small = pillow_font(30)
    draw.text((120, 930), labels["date"], font=small, fill=INK)
    draw.text((120, 980), labels["serial"], font=small, fill=INK)
    code = Image.open(qr_png(verify_url)).convert("RGB").resize((240, 240))
    image.paste(code, (SIZE[0] - 120 - 240, 760))
    draw.text((SIZE[0] - 120 - 240, 1010), labels["scan"], font=pillow_font(24), fill=INK)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def pdf(certificate, verify_url, labels):
    """The same certificate as an A4 landscape PDF (297 x 210 mm): the text is real text (the CJK
    face embedded as a subset), so it can be searched, copied and read by screen readers."""
    regular, bold = fonts.regular(), fonts.bold()
    document = FPDF(orientation="landscape", format="A4")
    document.set_title(f"{labels['title']} {certificate.serial}")
    document.add_font("cjk", fname=str(regular.path), collection_font_number=regular.index)
    document.add_font("cjk", style="B", fname=str(bold.path), collection_font_number=bold.index)
    document.set_auto_page_break(False)
    document.add_page()
    document.set_fill_color(255, 252, 245)
    document.rect(0, 0, 297, 210, style="F")
    document.set_draw_color(*RED)
    document.set_line_width(1.8)
    document.rect(6, 6, 285, 198)
    document.set_draw_color(210, 160, 60)
    document.set_line_width(0.5)
    document.rect(10, 10, 277, 190)
    participant = certificate.participant

    def centred(y, text, size, style="", colour=INK):
        document.set_xy(15, y)
        document.set_font("cjk", style, size)
        document.set_text_color(*colour)
        document.cell(267, size * 0.5, text, align="C")

    centred(22, labels["title"], 44, "B", RED)
    centred(50, certificate.page.title, 20, "B")
    centred(70, participant.name, 32, "B")
    centred(92, f"{participant.town.name} · {participant.unit.name}", 18)
    centred(108, labels["score"], 20)
    centred(124, labels["text"], 16)
    document.set_font("cjk", size=13)
    document.set_text_color(*INK)
    document.text(22, 172, labels["date"])
    document.text(22, 181, labels["serial"])
    document.image(qr_png(verify_url), x=297 - 22 - 42, y=138, w=42, h=42)
    document.set_font("cjk", size=10)
    document.text(297 - 22 - 42, 186, labels["scan"])
    return bytes(document.output())
