"""Each page type can be created where the site's tree allows it and nowhere else, and every page
the code creates (demo loaders, contest results submitted for review, approved nominations) sits where an
editor may create it."""
import pytest
from django.core.management import call_command
from wagtail.models import Page, get_page_models

from ads.models import AdGalleryPage
from base.models import HomePage
from bulletin.models import BulletinIndexPage, BulletinPage
from campaigns.models import CampaignPage
from cases.models import CaseIndexPage, ViolationCasePage
from contests.interunit.models import Contest, ContestResultsPage
from contests.interunit.results import request_results_publication
from core.accounts.roles import EDITORS
from demosites.models import DemoSiteIndexPage
from events.models import EventPage
from hazards.models import HazardIndexPage
from news.models import ArticleIndexPage, ArticlePage
from onlinecontest.models import OnlineContestPage
from reports.models import ReportsPage, SupervisorCallPage
from units.demo import NOMINATED
from units.models import ModelUnitIndexPage, ModelUnitPage, Nomination
from units.nominations import make_unit_draft
from works.models import WorksCallPage, WorksResultsPage

pytestmark = pytest.mark.django_db

ALLOWED = {
    HomePage: [CampaignPage, ArticleIndexPage, EventPage, CaseIndexPage, ModelUnitIndexPage, AdGalleryPage, HazardIndexPage,
               OnlineContestPage, ContestResultsPage, ReportsPage, SupervisorCallPage, WorksCallPage,
               DemoSiteIndexPage, BulletinIndexPage],
    CampaignPage: [ArticleIndexPage, EventPage, CaseIndexPage, OnlineContestPage],
    ArticleIndexPage: [ArticlePage],
    CaseIndexPage: [ViolationCasePage],
    ModelUnitIndexPage: [ModelUnitPage],
    EventPage: [ContestResultsPage],
    WorksCallPage: [WorksResultsPage],
    BulletinIndexPage: [BulletinPage],
}
LEAVES = [ArticlePage, ViolationCasePage, ModelUnitPage, AdGalleryPage, HazardIndexPage, OnlineContestPage,
          ContestResultsPage, ReportsPage, SupervisorCallPage, WorksResultsPage, DemoSiteIndexPage, BulletinPage]


@pytest.mark.parametrize("parent", list(ALLOWED))
def test_only_the_listed_children_are_allowed(parent):
    assert set(parent.allowed_subpage_models()) == set(ALLOWED[parent])


@pytest.mark.parametrize("leaf", LEAVES)
def test_leaves_take_no_children(leaf):
    assert leaf.allowed_subpage_models() == []


def test_cases_only_under_a_case_index(home, case_index, news_index):
    assert ViolationCasePage.can_create_at(case_index)
    assert not ViolationCasePage.can_create_at(home)
    assert not ViolationCasePage.can_create_at(news_index)
    assert not ArticlePage.can_create_at(case_index)


def test_singletons_allowed_once(home, ad_gallery, hazard_index):
    assert not AdGalleryPage.can_create_at(home)
    assert not HazardIndexPage.can_create_at(home)
    assert CaseIndexPage.can_create_at(home)


@pytest.mark.parametrize("model", [model for model in get_page_models() if model is not Page])
def test_every_page_type_declares_its_parents_and_children(model):
    assert "parent_page_types" in vars(model)
    assert "subpage_types" in vars(model)


def test_every_page_the_code_creates_is_one_an_editor_may_create_there(staff):
    call_command("load_demo_content")
    event = EventPage.objects.get(slug="seven-contests-final")
    request_results_publication(Contest.objects.create(title="决赛", event_page=event))
    request_results_publication(Contest.objects.create(title="无活动页的比赛"))
    editor = staff("editor", EDITORS)
    make_unit_draft(Nomination.objects.get(unit_name=NOMINATED), editor)
    created = Page.objects.filter(depth__gt=2).specific()
    assert {type(page) for page in created} >= {OnlineContestPage, ContestResultsPage, EventPage, ArticlePage, ModelUnitPage,
                                                WorksCallPage, WorksResultsPage, DemoSiteIndexPage, BulletinPage}
    for page in created:
        parent = page.get_parent()
        assert type(page).is_creatable, page
        assert type(page).can_exist_under(parent), f"{type(page).__name__} under {type(parent.specific).__name__}"
        assert parent.permissions_for_user(editor).can_add_subpage(), parent
