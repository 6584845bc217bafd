"""Each page type can be created where the site's tree allows it and nowhere else."""
import pytest

from ads.models import AdGalleryPage
from base.models import HomePage
from campaigns.models import CampaignPage
from cases.models import CaseIndexPage, ViolationCasePage
from events.models import EventPage
from hazards.models import HazardIndexPage
from news.models import ArticleIndexPage, ArticlePage
from units.models import ModelUnitIndexPage, ModelUnitPage

pytestmark = pytest.mark.django_db

ALLOWED = {
    HomePage: [CampaignPage, ArticleIndexPage, EventPage, CaseIndexPage, ModelUnitIndexPage, AdGalleryPage, HazardIndexPage],
    CampaignPage: [ArticleIndexPage, EventPage, CaseIndexPage],
    ArticleIndexPage: [ArticlePage],
    CaseIndexPage: [ViolationCasePage],
    ModelUnitIndexPage: [ModelUnitPage],
}
LEAVES = [ArticlePage, ViolationCasePage, ModelUnitPage, EventPage, AdGalleryPage, HazardIndexPage]


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
