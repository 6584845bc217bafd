from django.urls import path

from .views import upload_entry

urlpatterns = [path("<int:call_id>/", upload_entry, name="works_upload")]
