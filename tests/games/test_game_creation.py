"""A host creates a game from a bank: drawn by a quizzes paper mix with a recorded seed, or picked by hand."""
import pytest
from django.urls import reverse

from contests.games.models import PublicGame
from quizzes.models import Question
from quizzes.papers import draw_paper
from core.taxonomy.models import CampaignArea

from .conftest import make_bank

pytestmark = pytest.mark.django_db

SETTINGS = {
    "scoring_mode": "fixed", "points": 10, "streak_bonus": 0, "wrong_penalty": 0, "podium_size": 5,
    "reading_seconds": 3, "answer_seconds": 20, "speed_counts": "on", "draw_pool": "not_podium",
    "colour": "#c62828", "accent_colour": "#ffca28",
}


def mix_data(*rows):
    """The mix formset's POST data: one dict per row (count, kind, area, venue, difficulty)."""
    data = {"mix-TOTAL_FORMS": "4", "mix-INITIAL_FORMS": "0", "mix-MIN_NUM_FORMS": "0", "mix-MAX_NUM_FORMS": "4"}
    for index, row in enumerate(rows):
        data.update({f"mix-{index}-{key}": value for key, value in row.items()})
    return data


def create(host_client, **fields):
    return host_client.post(reverse("games:host_games"), {**SETTINGS, **fields})


def test_the_form_offers_a_mix_and_a_hand_pick(host_client):
    make_bank()
    html = host_client.get(reverse("games:host_games")).content.decode()
    assert "按组卷规则抽题" in html and "手动选题" in html and 'name="mix-0-count"' in html and 'name="seed"' in html
    assert "火灾报警电话是多少？" in html  # a question to pick


def test_a_drawn_mix_records_its_seed_and_is_reproducible(host_client):
    bank = make_bank()
    fire = CampaignArea.objects.get(code="fire")
    Question.objects.filter(stem__startswith="火灾").update(area=fire)
    response = create(host_client, title="抽题游戏", bank=bank.pk, source="mix", seed="咨询日-7",
                      **mix_data({"count": 1, "area": "fire"}, {"count": 1, "kind": "single"}, {"count": 1}))
    game = PublicGame.objects.get(title="抽题游戏")
    assert response.url == reverse("games:host", args=[game.pin])
    mix = [{"count": 1, "area": "fire"}, {"count": 1, "kind": "single"}, {"count": 1}]
    assert game.mix == mix and game.draw_seed == "咨询日-7"
    drawn = [question.pk for question in game.ordered_questions()]
    assert drawn[0] == Question.objects.get(area=fire).pk and len(set(drawn)) == 3
    again = draw_paper(Question.objects.filter(bank=bank, active=True), game.mix, game.draw_seed)
    assert [question.pk for question in again] == drawn


def test_without_a_seed_one_is_drawn_and_recorded(host_client):
    bank = make_bank()
    create(host_client, title="随机", bank=bank.pk, source="mix", **mix_data({"count": 2}))
    game = PublicGame.objects.get(title="随机")
    assert len(game.draw_seed) == 8 and game.game_questions.count() == 2
    assert game.owner.username == "host" and game.is_hosted_by(game.owner)  # the creator runs it
    again = draw_paper(Question.objects.filter(bank=bank, active=True), game.mix, game.draw_seed)
    assert [question.pk for question in again] == [question.pk for question in game.ordered_questions()]


def test_a_mix_the_bank_cannot_satisfy_is_a_clear_error_and_creates_nothing(host_client):
    bank = make_bank()
    cases = [
        (mix_data({"count": 3, "kind": "truefalse"}), "只有 1 道符合"),
        (mix_data({"count": 1, "area": "fire"}), "只有 0 道符合"),
        (mix_data({"count": 4}), "只有 3 道符合"),
        (mix_data(), "请至少填写一条组卷规则"),
        (mix_data({"kind": "single"}), "这类题目要抽几道"),
    ]
    for mix, message in cases:
        html = create(host_client, title="不够", bank=bank.pk, source="mix", **mix).content.decode()
        assert message in html, message
    html = create(host_client, title="不够", source="mix", **mix_data({"count": 1})).content.decode()
    assert "请选择出题的题库" in html
    assert not PublicGame.objects.exists()


def test_questions_picked_by_hand_keep_the_bank_order(host_client):
    bank = make_bank()
    picked = list(Question.objects.filter(bank=bank).order_by("pk").values_list("pk", flat=True))[1:]
    create(host_client, title="手选", source="pick", questions=picked, **mix_data())
    game = PublicGame.objects.get(title="手选")
    assert [question.pk for question in game.ordered_questions()] == picked
    assert game.mix == [] and game.draw_seed == ""
    html = create(host_client, title="空", source="pick", **mix_data()).content.decode()
    assert "请至少选择一道题" in html
    inactive = Question.objects.filter(bank=bank).first()
    inactive.active = False
    inactive.save()
    create(host_client, title="停用", source="pick", questions=[inactive.pk], **mix_data()).content.decode()
    assert not PublicGame.objects.filter(title__in=["空", "停用"]).exists()


def test_answer_time_is_checked(host_client):
    bank = make_bank()
    html = create(host_client, title="x", bank=bank.pk, source="mix", **{**mix_data({"count": 1}), "answer_seconds": 500})
    assert "作答时间为 5 到 120 秒" in html.content.decode()


def test_show_settings_and_speed_that_does_not_count(host_client):
    bank = make_bank()
    response = create(
        host_client, title="大字游戏", bank=bank.pk, source="mix", **mix_data({"count": 2}), speed_counts="",
        scoring_mode="fixed", draw_pool="everyone", draw_repeat="on", organiser="应急管理局", colour="#0d47a1",
        accent_colour="#ffeb3b",
    )
    assert response.status_code == 302, response.content.decode()
    game = PublicGame.objects.get(title="大字游戏")
    assert (game.speed_counts, game.draw_pool, game.draw_repeat, game.organiser, game.colour) == (
        False, "everyone", True, "应急管理局", "#0d47a1"
    )
    assert not game.scoring().speed_counts


def test_bad_show_settings_are_explained_and_nothing_is_lost(host_client):
    bank = make_bank()
    response = create(
        host_client, title="速度不计", bank=bank.pk, source="mix", **mix_data({"count": 2}), speed_counts="",
        scoring_mode="speed", colour="red",
    )
    html = response.content.decode()
    assert response.status_code == 200 and not PublicGame.objects.filter(title="速度不计").exists()
    assert "速度不计分时，请选择固定分值" in html and "颜色的写法是 #RRGGBB" in html
    assert 'value="速度不计"' in html
