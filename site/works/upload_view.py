"""Where the entry form posts: a URL of its own (not the call page's route), so that it alone takes
a video-sized body (core.upload_limits, docs/uploads.md)."""
from django.shortcuts import get_object_or_404, redirect

from core.upload_limits import allows_upload

from .models import WorksCallPage
from .views import submit_entry


@allows_upload("WORKS_UPLOAD_MAX_SIZE")
def upload_entry(request, call_id):
    call = get_object_or_404(WorksCallPage.objects.live(), pk=call_id)
    if request.method != "POST":
        return redirect(call.url + call.reverse_subpage("submit"))
    return submit_entry(call, request)
