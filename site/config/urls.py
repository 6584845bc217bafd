from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.accounts.views import redirect_to_allauth_login
from furniture import elderly_mode
from furniture import views as furniture_views

urlpatterns = [
    # Wagtail's own password forms would skip allauth's rate limits and MFA: send them to allauth.
    path("admin/login/", redirect_to_allauth_login),
    path("_util/login/", redirect_to_allauth_login),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap_xml"),
    path("sitemap/", furniture_views.site_map, name="site_map"),
    path("robots.txt", furniture_views.robots_txt, name="robots_txt"),
    path("favicon.ico", furniture_views.favicon),
    path("elderly-mode/", elderly_mode.switch, name="elderly_mode"),
    path("search/", include("sitesearch.urls")),
    path("organisations/", include("core.organisations.urls")),
    path("online-contest/", include("onlinecontest.urls")),
    path("captcha/", include("captcha.urls")),
    # The culture works' entry form posts here: the one URL that takes a video-sized body.
    path("upload/works/", include("works.urls")),
]


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not when this module is imported (tests point it elsewhere).
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

urlpatterns += [path("live/games/", include("contests.games.urls"))]
urlpatterns += [path("live/", include("contests.interunit.urls"))]
urlpatterns += [path("", include(wagtail_urls))]
