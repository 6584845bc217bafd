"""Upload limits, tried through the Wagtail admin's own upload views with real files."""
import asyncio
import http.client
import io
import struct
import tempfile
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def png_of_size(width, height):
    """A black-and-white PNG of any size, built row by row: a few kilobytes that decode to width x height."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then 1 bit per pixel
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, "image/png"), "collection": Collection.get_first_root_node().pk},
    )


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


def test_a_small_real_image_is_accepted(admin_client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "red").save(buffer, "PNG")
    response = upload_image(admin_client, "ok.png", buffer.getvalue())
    assert response.status_code == 302
    assert Image.objects.get().width == 64


def test_a_decompression_bomb_gets_a_clear_chinese_error_and_nothing_is_stored(admin_client):
    bomb = png_of_size(20_000, 20_000)  # 400 million pixels in about 50 KB
    assert len(bomb) < 100_000
    response = upload_image(admin_client, "bomb.png", bomb)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == ["文件包含像素过多（数量未知）。像素数量上限为 40000000。"]
    assert errors[0] in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_an_image_over_the_pixel_limit_is_refused_with_its_count(admin_client):
    response = upload_image(admin_client, "wide.png", png_of_size(8_000, 6_000))
    assert response.context["form"].errors["file"] == ["文件包含像素过多（48000000）。像素数量上限为 40000000。"]
    assert not Image.objects.exists()


def test_an_image_over_ten_megabytes_is_refused(admin_client):
    response = upload_image(admin_client, "big.png", png_of_size(10, 10) + b"\x00" * (10 * MB + 100 * 1024))
    [error] = response.context["form"].errors["file"]
    assert error.startswith("文件过大")
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", ["report.pdf", "bank.xlsx", "notes.txt"])
def test_documents_of_allowed_types_are_accepted(admin_client, name):
    assert upload_document(admin_client, name, b"%PDF-1.4 harmless").status_code == 302
    assert Document.objects.count() == 1


@pytest.mark.parametrize("name", ["payload.html", "drawing.svg", "setup.exe", "script.js", "page.php", "noextension"])
def test_documents_of_other_types_are_refused(admin_client, name):
    response = upload_document(admin_client, name, b"<script>alert(1)</script>")
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert "不允许" in error or "文件扩展" in error
    assert all(extension in error for extension in settings.WAGTAILDOCS_EXTENSIONS), error  # the allowed list
    assert not Document.objects.exists()


def test_a_document_over_ten_megabytes_is_refused(admin_client):
    response = upload_document(admin_client, "big.pdf", b"0" * (10 * MB + 1))
    assert "文件过大 (10.0\xa0MB)，文件大小上限为 10.0\xa0MB。" in response.context["form"].errors["file"]
    assert not Document.objects.exists()


def test_any_request_body_far_over_the_limit_is_refused_before_the_view(admin_client, client):
    response = upload_document(admin_client, "huge.pdf", b"0" * (11 * MB))
    assert response.status_code == 413
    assert "上传的文件过大" in response.content.decode()
    assert not Document.objects.exists()
    # Everywhere, not only in the admin: also a public form post.
    response = client.post("/i18n/setlang/", {"language": "en", "blob": "x" * (11 * MB)})
    assert response.status_code == 413


def test_an_svg_with_script_is_not_accepted_as_an_image(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "x", "file": SimpleUploadedFile("x.svg", svg, "image/svg+xml"), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error.startswith("不支持的图片格式") and "PNG" in error and "SVG" not in error, error
    assert not Image.objects.exists()


def test_an_uploaded_document_full_of_html_is_served_inert(admin_client, client):
    upload_document(admin_client, "notes.txt", b"<html><script>alert(1)</script></html>")
    document = Document.objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


class RecordingSpool(tempfile.SpooledTemporaryFile):
    """Django's ASGI handler spools the body into one of these: record how much it was given."""

    written = 0

    def write(self, data):
        RecordingSpool.written += len(data)
        return super().write(data)


async def test_a_chunked_body_is_cut_off_at_the_limit_while_it_is_read(monkeypatch):
    """No Content-Length (a chunked body): the ASGI app stops taking it at the limit and answers 413."""
    from config.asgi import application

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", RecordingSpool)
    RecordingSpool.written = 0
    chunk = b"blob=" + b"x" * (MB - 5)
    chunks = [chunk] * 30
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/i18n/setlang/", "raw_path": b"/i18n/setlang/", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/x-www-form-urlencoded"),
                    (b"transfer-encoding", b"chunked")],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
    }

    async def receive():
        if chunks:
            chunks.pop()
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}
        await asyncio.sleep(30)  # a real client would hang up some time later
        return {"type": "http.disconnect"}

    sent = []

    async def send(message):
        sent.append(message)

    await asyncio.wait_for(application(scope, receive, send), timeout=60)
    assert sent[0]["status"] == 413
    assert "上传的文件过大" in b"".join(m.get("body", b"") for m in sent[1:]).decode()
    assert RecordingSpool.written <= 10 * MB + 512 * 1024


@pytest.mark.django_db(transaction=True)
def test_a_chunked_upload_through_daphne_is_refused(asgi_server):
    host, port = asgi_server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    body = (b"x" * MB for _ in range(12))
    connection.request("POST", "/i18n/setlang/", body=body, encode_chunked=True,
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked"})
    response = connection.getresponse()
    assert response.status == 413 and "上传的文件过大" in response.read().decode()
    connection.close()
