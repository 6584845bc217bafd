from django.urls import path

from .upload_view import upload_entry

urlpatterns = [path("<int:call_id>/", upload_entry, name="works_upload")]
