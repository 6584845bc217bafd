"""A cache of the public pages for anonymous visitors.

Placed right after WhiteNoise (settings.MIDDLEWARE): a page found here skips the session,
language, authentication and Wagtail work, and goes out through the security and CSP middleware
around it like any other response (every response gets the headers of its own request; the
public policy uses no nonces). A request is served from the cache, and its response stored,
only when:

- it is a GET with no cookie but the language choice and the CSRF cookie: any other cookie (a
  session: logged-in editors and their previews, flash messages) may change the page;
- the response came from Wagtail's page view (`wagtail_serve`) with status 200, sets no cookie
  but the CSRF one, is not a preview and does not say `private`, `no-cache` or `no-store`.

Every page carries a CSRF token (the language switch is a form): the stored copy holds a marker
instead, and each hit gets its visitor's own token (and cookie) from Django's CSRF middleware,
as a rendered page would. Keys are the generation (generation.py: replaced by every publish,
unpublish and change of content pages show), the host, the path with its query and the
language. Entries live in the process's own `pages` cache for `PAGE_CACHE_SECONDS` at most,
which bounds how late content that changes without a publish (upcoming events) can be.
"""
import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token

from . import generation

CACHE_ALIAS = "pages"
HEADER = "X-Page-Cache"
UNCACHEABLE = ("private", "no-cache", "no-store")
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_MARKER = b"\x00csrf-token\x00"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.harmless_cookies = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}

    def __call__(self, request):
        key = self.key(request)
        if key is None:
            return self.get_response(request)
        store = caches[CACHE_ALIAS]
        entry = store.get(key)
        if entry is not None:
            return CsrfViewMiddleware(lambda request: self.from_entry(request, entry))(request)
        response = self.get_response(request)
        if self.storable(request, response):
            headers = {name: value for name, value in response.items() if name.lower() != HEADER.lower()}
            content = TOKEN_FIELD.sub(rb"\1" + TOKEN_MARKER + rb"\2", response.content)
            store.set(key, (response.status_code, headers, content), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def from_entry(request, entry):
        status, headers, content = entry
        if TOKEN_MARKER in content:
            content = content.replace(TOKEN_MARKER, get_token(request).encode())
        response = HttpResponse(content, status=status, headers=headers)
        response[HEADER] = "hit"
        return response

    def key(self, request):
        if request.method != "GET" or not set(request.COOKIES) <= self.harmless_cookies:
            return None
        token = generation.current()
        if token is None:
            return None
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
        return f"page:{token}:{hashlib.sha256(where.encode()).hexdigest()}"

    @staticmethod
    def storable(request, response):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "wagtail_serve":
            return False
        if response.status_code != 200 or response.streaming or set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False
        if getattr(request, "is_preview", False):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in UNCACHEABLE)
