"""The appointment letter (聘书) of a social supervisor: a PNG drawn with Pillow in the CJK face, with
the QR code of the supervisor's own page (his key to report as a supervisor and follow his reports)."""
from io import BytesIO

import segno
from PIL import Image, ImageDraw

from core.fonts import pillow_font

SIZE = (1754, 1240)  # A4 landscape at 150 dpi
RED = (183, 28, 28)
INK = (33, 33, 33)


def appointment_letter(supervisor, issuer, page_url=""):
    picture = Image.new("RGB", SIZE, (255, 253, 245))
    draw = ImageDraw.Draw(picture)
    draw.rectangle([30, 30, SIZE[0] - 30, SIZE[1] - 30], outline=RED, width=12)
    draw.rectangle([60, 60, SIZE[0] - 60, SIZE[1] - 60], outline=RED, width=3)
    centre = SIZE[0] // 2
    draw.text((centre, 190), "聘　书", font=pillow_font(120, "bold"), fill=RED, anchor="mm")
    body = pillow_font(52)
    lines = [
        f"兹聘请　{supervisor.name}　同志",
        f"为{issuer}安全生产社会监督员。",
        f"聘期：{supervisor.term_start:%Y年%m月%d日}至{supervisor.term_end:%Y年%m月%d日}",
    ]
    for row, line in enumerate(lines):
        draw.text((200, 380 + row * 110), line, font=body, fill=INK)
    small = pillow_font(40)
    draw.text((200, 760), f"证书编号：{supervisor.certificate_number}", font=small, fill=INK)
    draw.text((200, 820), f"所在镇街：{supervisor.town.name}", font=small, fill=INK)
    draw.text((SIZE[0] - 200, 1000), issuer, font=small, fill=INK, anchor="rm")
    draw.text((SIZE[0] - 200, 1070), f"{supervisor.reviewed_at or supervisor.term_start:%Y年%m月%d日}",
              font=small, fill=INK, anchor="rm")
    if page_url:
        code = BytesIO()
        segno.make(page_url, error="m").save(code, kind="png", scale=6, border=2)
        code.seek(0)
        with Image.open(code) as qr:
            picture.paste(qr.convert("RGB"), (200, 900))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()
