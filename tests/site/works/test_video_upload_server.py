"""A video well over the general 10 MB limit, streamed to a real daphne: the works submission URL
takes it whole and stores it; a page URL refuses the same body with 413. (Memory: bench/works_upload.py
measures daphne's peak RSS per upload size; docs/uploads.md explains why it grows with the body.)"""
import http.client
import secrets
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from core.organisations.models import Membership
from works.entries import Category, Entry, EntryFile

pytestmark = pytest.mark.django_db(transaction=True)

MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
CHUNK = 1024 * 1024


def multipart(fields, video_size, boundary):
    """(length, chunks) of a multipart body with `fields` and a video of `video_size` bytes, made as sent."""
    head = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ) + (f'--{boundary}\r\nContent-Disposition: form-data; name="video"; filename="film.mp4"\r\n'
         "Content-Type: video/mp4\r\n\r\n").encode() + MP4_HEAD
    tail = f"\r\n--{boundary}--\r\n".encode()
    padding = video_size - len(MP4_HEAD)

    def chunks():
        yield head
        left = padding
        while left > 0:
            yield b"\x00" * min(CHUNK, left)
            left -= CHUNK
        yield tail

    return len(head) + padding + len(tail), chunks()


def stream(base, path, fields, video_size, cookies):
    boundary = secrets.token_hex(16)
    length, chunks = multipart(fields, video_size, boundary)
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
    try:
        connection.putrequest("POST", path)
        connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        connection.putheader("Content-Length", str(length))
        connection.putheader("Cookie", "; ".join(f"{name}={value}" for name, value in cookies.items()))
        connection.endheaders()
        for chunk in chunks:
            connection.send(chunk)
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read()
    except (BrokenPipeError, ConnectionResetError):  # the server may answer 413 and close before the end
        return 413, None, b""
    finally:
        connection.close()


def test_a_large_video_streamed_to_daphne(asgi_server, call, units, voter, settings):
    size = 30 * 1024 * 1024
    assert settings.MAX_UPLOAD_SIZE < size < settings.WORKS_VIDEO_MAX_SIZE
    sender = voter("sender")
    Membership.objects.create(user=sender, unit=units[0], status=Membership.Status.VERIFIED)
    session = Client()
    session.force_login(sender)
    token = secrets.token_hex(16)  # a CSRF secret: the cookie and the form field carry the same
    cookies = {"sessionid": session.cookies["sessionid"].value, "csrftoken": token}
    fields = {"csrfmiddlewaretoken": token, "unit": units[0].pk, "title": "安全短片", "category": Category.SHORT_VIDEO,
              "authors": "宣传科", "description": "三分钟安全提示", "original": "on"}

    status, _location, _body = stream(asgi_server, call.url + "submit/", fields, size, cookies)
    assert status == 413 and not Entry.objects.exists()

    status, location, body = stream(asgi_server, reverse("works_upload", args=(call.pk,)), fields, size, cookies)
    assert status == 302, body.decode()[:2000]
    assert location == call.url
    stored = EntryFile.objects.get(entry__title="安全短片")
    assert stored.file.size == size and stored.file.name.endswith(".mp4")
    with stored.file.open("rb") as video:
        assert video.read(len(MP4_HEAD)) == MP4_HEAD
