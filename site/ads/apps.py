from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "ads"
    verbose_name = _("Public-service ads")

    def ready(self):
        # Imported here: models can only be loaded once the app registry is ready.
        from .models import PublicServiceAd
        from .search import reindex_gallery

        post_save.connect(reindex_gallery, sender=PublicServiceAd, dispatch_uid="ads-reindex-gallery")
        post_delete.connect(reindex_gallery, sender=PublicServiceAd, dispatch_uid="ads-reindex-gallery-delete")
