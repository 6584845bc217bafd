import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from core.accounts.roles import EDITORS, HOSTS
from quizzes.models import Question
from core.taxonomy.models import CampaignArea
from tests.quizzes.factories import make_bank, make_question
from tests.quizzes.spreadsheet_fixtures import CHINESE_HEADER, CHINESE_ROWS, csv_bytes

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_quizzes_question:list"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="x")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def bank():
    bank = make_bank()
    make_question(bank, "火警电话是？", options=("110", "119"), correct="B", area="fire", venue="family")
    make_question(bank, "头盔要戴吗？", kind="truefalse", correct="A", area="road-traffic", venue="community")
    return bank


def question_form(bank, options, kind="single", stem="新题目？"):
    data = {
        "bank": bank.pk, "kind": kind, "difficulty": 1, "points": 10, "stem": stem, "explanation": "解析",
        "area": "", "venue": "", "source": "", "image": "", "active": "on",
        "options-TOTAL_FORMS": len(options), "options-INITIAL_FORMS": 0,
        "options-MIN_NUM_FORMS": 2, "options-MAX_NUM_FORMS": 8,
    }
    for index, (text, correct) in enumerate(options):
        data.update({f"options-{index}-text": text, f"options-{index}-ORDER": index + 1, f"options-{index}-id": ""})
        if correct:
            data[f"options-{index}-is_correct"] = "on"
    return data


def test_listing_filters_and_search_in_chinese(client, editor, bank):
    url = reverse(LIST)
    body = client.get(url).content.decode()
    assert "火警电话是？" in body and "头盔要戴吗？" in body
    assert "导出 Excel" in body and "从 Excel/CSV 导入" in body
    fire = CampaignArea.objects.get(code="fire")
    body = client.get(url, {"area": fire.pk}).content.decode()
    assert "火警电话是？" in body and "头盔要戴吗？" not in body
    body = client.get(url, {"kind": "truefalse"}).content.decode()
    assert "火警电话是？" not in body and "头盔要戴吗？" in body
    body = client.get(url, {"q": "头盔"}).content.decode()
    assert "火警电话是？" not in body and "头盔要戴吗？" in body


def test_editor_adds_a_question_with_inline_options_and_the_rules_hold(client, editor, bank):
    url = reverse("wagtailsnippets_quizzes_question:add")
    response = client.post(url, question_form(bank, [("甲", True), ("乙", True)]))
    assert response.status_code == 200
    assert "单选题必须有且只有一个正确选项" in response.content.decode()
    assert not Question.objects.filter(stem="新题目？").exists()

    response = client.post(url, question_form(bank, [("甲", False), ("乙", True), ("丙", False)]))
    assert response.status_code == 302
    question = Question.objects.get(stem="新题目？")
    assert question.correct_labels() == "B" and question.options.count() == 3


@pytest.mark.parametrize("mode, marker", [("screen", "preview-screen"), ("phone", "preview-phone")])
def test_preview_as_big_screen_and_phone(client, editor, bank, mode, marker):
    url = reverse("wagtailsnippets_quizzes_question:preview_on_add")
    data = question_form(bank, [("湿毛巾捂口鼻", True), ("乘电梯", False)], stem="浓烟中怎么逃生？")
    assert client.post(url, data).json()["is_valid"] is True
    body = client.get(url, {"mode": mode}).content.decode()
    assert marker in body and "浓烟中怎么逃生？" in body and "湿毛巾捂口鼻" in body


def test_import_page_previews_then_saves(client, editor, bank):
    url = reverse("wagtailsnippets_quizzes_question:import")
    assert "上传并预览" in client.get(url).content.decode()
    upload = io.BytesIO(csv_bytes(CHINESE_HEADER, CHINESE_ROWS, encoding="gb18030"))
    upload.name = "题库.csv"
    response = client.post(url, {"new_bank": "上传的题库", "file": upload})
    body = response.content.decode()
    assert f"预览：{len(CHINESE_ROWS)} 道题可导入题库“上传的题库”" in body
    assert "建筑施工三宝是？" in body
    assert not Question.objects.filter(stem="建筑施工三宝是？").exists()  # nothing saved yet
    token = body.split('name="token" value="')[1].split('"')[0]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert Question.objects.filter(bank__name="上传的题库").count() == len(CHINESE_ROWS)
    # the token is used up
    client.post(url, {"token": token})
    assert Question.objects.filter(bank__name="上传的题库").count() == len(CHINESE_ROWS)


def test_import_page_shows_bad_rows_and_offers_no_save(client, editor, bank):
    url = reverse("wagtailsnippets_quizzes_question:import")
    rows = CHINESE_ROWS + [["单选", "两个答案？", "甲", "乙", "", "", "AB", "", "1", "", "", ""]]
    upload = io.BytesIO(csv_bytes(CHINESE_HEADER, rows))
    upload.name = "bad.csv"
    body = client.post(url, {"bank": bank.pk, "file": upload}).content.decode()
    assert "单选题必须有且只有一个正确选项" in body and "不会保存任何题目" in body
    assert 'name="token"' not in body


def test_import_page_refuses_other_files_clearly(client, editor, bank):
    url = reverse("wagtailsnippets_quizzes_question:import")
    upload = io.BytesIO(b"old excel")
    upload.name = "bank.xls"
    body = client.post(url, {"bank": bank.pk, "file": upload}).content.decode()
    assert "只能导入 .xlsx 或 .csv 文件" in body
    upload = io.BytesIO(b"x" * (10 * 1024 * 1024 + 1))
    upload.name = "big.csv"
    body = client.post(url, {"bank": bank.pk, "file": upload}).content.decode()
    assert "超过了 10 MB 的上限" in body


def test_export_of_the_filtered_list(client, editor, bank):
    response = client.get(reverse(LIST), {"export": "xlsx", "kind": "single"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["火警电话是？"]


def test_hosts_may_look_but_not_import(client, django_user_model, bank):
    host = django_user_model.objects.create_user(username="host", password="x")
    host.groups.add(Group.objects.get(name=HOSTS))
    client.force_login(host)
    assert client.get(reverse(LIST)).status_code == 200
    assert client.get(reverse("wagtailsnippets_quizzes_question:import")).status_code in (302, 403)
