"""Sending an entry (file checks, per-unit limit), moderation before the gallery, the gallery's filters."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.organisations.models import Membership
from works.entries import Category, Entry, EntryFile

from .conftest import png

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender(voter, units):
    """A verified member of the first unit."""
    person = voter("sender")
    Membership.objects.create(user=person, unit=units[0], status=Membership.Status.VERIFIED)
    return person


@pytest.fixture
def client(sender):
    client = Client()
    client.force_login(sender)
    return client


def form(units, **fields):
    return {"unit": units[0].pk, "title": "安全出口", "category": Category.POSTER, "authors": "陈老师",
            "description": "校园安全海报", "original": "on", **fields}


def test_a_signed_in_person_sends_an_entry_that_waits_for_moderation(call, units, client):
    response = client.post(call.url + "submit/", {**form(units), "images": [png("a.png"), png("b.png")]}, follow=True)
    entry = Entry.objects.get()
    assert entry.status == Entry.Status.PENDING and entry.submitted_by.username == "sender"
    assert list(entry.files.values_list("kind", flat=True)) == [EntryFile.Kind.IMAGE] * 2
    assert "审核通过后将在作品展示中出现" in response.content.decode()
    assert "安全出口" not in client.get(call.url).content.decode()  # not in the gallery yet
    entry.status = Entry.Status.ACCEPTED
    entry.save()
    assert "安全出口" in client.get(call.url).content.decode()


@pytest.mark.parametrize("field,upload,message", [
    ("images", SimpleUploadedFile("fake.png", b"not an image", content_type="image/png"), "不是可读取的"),
    ("images", SimpleUploadedFile("poster.gif", b"GIF89a....", content_type="image/gif"), "JPEG、PNG 或 WebP"),
    ("pdf", SimpleUploadedFile("essay.pdf", b"hello", content_type="application/pdf"), "不是 PDF 文件"),
    ("video", SimpleUploadedFile("film.mp4", b"RIFF\x00\x00\x00\x00AVI LIST", content_type="video/mp4"), "MP4、MOV 或 WebM"),
])
def test_wrong_files_are_refused_with_a_clear_error_and_nothing_saved(call, units, client, field, upload, message):
    response = client.post(call.url + "submit/", {**form(units), field: upload})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Entry.objects.exists() and not EntryFile.objects.exists()
    assert 'value="安全出口"' in response.content.decode()  # what was typed is kept


def test_accepted_formats_by_their_first_bytes(call, units, client):
    pdf = SimpleUploadedFile("essay.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    video = SimpleUploadedFile("film.mp4", b"\x00\x00\x00\x18ftypmp42rest", content_type="video/mp4")
    client.post(call.url + "submit/", {**form(units, category=Category.SHORT_VIDEO), "pdf": pdf, "video": video})
    assert sorted(Entry.objects.get().files.values_list("kind", flat=True)) == ["pdf", "video"]


def test_an_entry_needs_a_file_and_the_originality_statement(call, units, client):
    response = client.post(call.url + "submit/", {**form(units), "original": ""})
    assert "至少一张图片" in response.content.decode()
    assert "original" in response.context["form"].errors
    assert not Entry.objects.exists()


def test_a_unit_sends_no_more_than_the_call_allows(call, units, client, make_entry):
    make_entry("一", unit=0, status=Entry.Status.PENDING)
    make_entry("二", unit=0)
    make_entry("被退回", unit=0, status=Entry.Status.REJECTED)  # rejected ones do not count
    response = client.post(call.url + "submit/", {**form(units), "images": [png()]})
    assert "已达本次征集的上限" in response.content.decode()
    assert Entry.objects.count() == 3


def test_anonymous_people_are_sent_to_sign_in(call):
    response = Client().get(call.url + "submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_gallery_filters_by_category_and_venue(call, make_entry):
    make_entry("学校海报", unit=0, category=Category.POSTER)
    make_entry("企业短视频", unit=1, category=Category.SHORT_VIDEO)
    make_entry("企业海报", unit=1, category=Category.POSTER)

    def titles(query):
        return {entry.title for entry in Client().get(call.url + query).context["entries"]}

    assert titles("") == {"学校海报", "企业短视频", "企业海报"}
    assert titles("?category=poster") == {"学校海报", "企业海报"}
    assert titles("?venue=enterprise") == {"企业短视频", "企业海报"}
    assert titles("?category=poster&venue=school") == {"学校海报"}
    assert titles("?category=nonsense") == {"学校海报", "企业短视频", "企业海报"}


def test_an_entry_page_has_a_share_card_and_pending_entries_are_not_shown(call, make_entry):
    entry = make_entry("分享作品")
    page = Client().get(entry.url()).content.decode()
    assert 'property="og:title" content="分享作品"' in page and "data:image/svg+xml" in page
    pending = make_entry("待审", status=Entry.Status.PENDING)
    assert Client().get(pending.url()).status_code == 404


def test_only_a_verified_member_sends_for_a_unit(call, units, voter):
    person = voter("newcomer")
    client = Client()
    client.force_login(person)
    page = client.get(call.url + "submit/").content.decode()
    assert "请先申请加入您的单位" in page and "/organisations/membership/" in page
    assert client.post(call.url + "submit/", {**form(units), "images": [png()]}).status_code == 200
    Membership.objects.create(user=person, unit=units[0], status=Membership.Status.PENDING)
    Membership.objects.create(user=person, unit=units[1], status=Membership.Status.VERIFIED)
    response = client.post(call.url + "submit/", {**form(units), "images": [png()]})  # for units[0]: pending
    assert "您不是该单位已核验的成员" in response.content.decode()
    assert not Entry.objects.exists()
    client.post(call.url + "submit/", {**form(units, unit=units[1].pk), "images": [png()]})
    assert Entry.objects.get().unit == units[1]


def test_the_limit_counts_the_units_entries_whoever_sent_them(call, units, client, voter, make_entry):
    colleague = voter("colleague")
    Membership.objects.create(user=colleague, unit=units[0], status=Membership.Status.VERIFIED)
    other = Client()
    other.force_login(colleague)
    other.post(call.url + "submit/", {**form(units, title="同事的作品"), "images": [png()]})
    client.post(call.url + "submit/", {**form(units, title="我的作品"), "images": [png()]})
    response = client.post(call.url + "submit/", {**form(units, title="第三件"), "images": [png()]})
    assert "已达本次征集的上限" in response.content.decode()
    assert sorted(Entry.objects.values_list("title", flat=True)) == ["同事的作品", "我的作品"]


MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
MOV = b"\x00\x00\x00\x14ftypqt  \x20\x05\x03\x00qt  "
OLD_MOV = b"\x00\x00\x00\x08wide\x00\x10\x00\x00mdat"
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"
MKV = WEBM.replace(b"\x84webm", b"\x88matroska")


@pytest.mark.parametrize("head,kind", [(MP4, ".mp4"), (MOV, ".mov"), (OLD_MOV, ".mov"), (WEBM, ".webm"),
                                       (MKV, None), (b"%PDF-1.7\n", None), (b"", None)])
def test_a_video_is_known_by_its_first_bytes(head, kind):
    from works.files import video_format

    assert video_format(head) == kind


def test_a_video_is_stored_under_the_extension_of_what_it_is(call, units, client):
    misnamed = SimpleUploadedFile("film.webm", MOV + b"\x00" * 100, content_type="video/webm")
    client.post(call.url + "submit/", {**form(units, category=Category.SHORT_VIDEO), "video": misnamed})
    assert EntryFile.objects.get().file.name.endswith(".mov")


def test_the_submission_url_alone_takes_a_video_over_the_general_limit(call, units, client, settings):
    big = 12 * 1024 * 1024  # over MAX_UPLOAD_SIZE (10 MB), under the works video limit
    assert settings.MAX_UPLOAD_SIZE < big < settings.WORKS_VIDEO_MAX_SIZE

    def video():
        return SimpleUploadedFile("film.mp4", MP4 + b"\x00" * big, content_type="video/mp4")

    fields = form(units, category=Category.SHORT_VIDEO)
    refused = client.post(call.url + "submit/", {**fields, "video": video()})  # a page URL: the general limit
    assert refused.status_code == 413 and not Entry.objects.exists()
    upload_url = reverse("works_upload", args=(call.pk,))
    assert f'action="{upload_url}"' in client.get(call.url + "submit/").content.decode()
    response = client.post(upload_url, {**fields, "video": video()})
    assert response.status_code == 302
    assert EntryFile.objects.get().file.size == len(MP4) + big


def test_a_video_over_the_works_limit_gets_a_clear_error(call, units, client, settings):
    settings.WORKS_VIDEO_MAX_SIZE, settings.WORKS_UPLOAD_MAX_SIZE = 1024 * 1024, 3 * 1024 * 1024
    upload_url = reverse("works_upload", args=(call.pk,))
    fields = form(units, category=Category.SHORT_VIDEO)
    heavy = SimpleUploadedFile("film.mp4", MP4 + b"\x00" * (2 * 1024 * 1024), content_type="video/mp4")
    response = client.post(upload_url, {**fields, "video": heavy})
    assert response.status_code == 200 and "film.mp4 超过了 1.0\xa0MB" in response.content.decode()
    huge = SimpleUploadedFile("film.mp4", MP4 + b"\x00" * (4 * 1024 * 1024), content_type="video/mp4")
    response = client.post(upload_url, {**fields, "video": huge})
    assert response.status_code == 413 and "3.0\xa0MB" in response.content.decode()
    assert not Entry.objects.exists()
