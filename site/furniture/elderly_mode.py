"""适老化: the elderly-friendly mode, switched on any page and remembered in a cookie for a year.

Rendered by the server (a class on <html>), so it needs no script and never flashes."""
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

COOKIE = "elderly_mode"
ONE_YEAR = 365 * 24 * 3600


def is_on(request):
    return request.COOKIES.get(COOKIE) == "1"


def context(request):
    """Template context processor: `elderly_mode` on every page."""
    return {"elderly_mode": is_on(request)}


@require_POST
def switch(request):
    """Turn the mode on or off (`mode` = on/off), then go back to the page the visitor was on."""
    back = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    response = HttpResponseRedirect(back)
    if request.POST.get("mode") == "on":
        response.set_cookie(COOKIE, "1", max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure(), httponly=True)
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response
