from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import CampaignArea, Venue
from .permissions import RelabelOnlyPermissionPolicy
from .views import TaxonomyViewSetGroup

for term_model in (Venue, CampaignArea):
    register_permission_policy(term_model, RelabelOnlyPermissionPolicy(term_model), exact_class=True)


@hooks.register("register_admin_viewset")
def register_taxonomy():
    return TaxonomyViewSetGroup()
