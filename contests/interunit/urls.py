from django.urls import path

from . import views

app_name = "contests"
urlpatterns = [
    path("team/", views.team_join, name="team_join"),
    path("team/<str:code>/", views.team_pad, name="team_pad"),
    path("contest/<int:contest_id>/host/", views.host_console, name="host"),
    path("contest/<int:contest_id>/screen/", views.big_screen, name="screen"),
    path("contest/<int:contest_id>/judge/", views.judge_panel, name="judge"),
    path("contest/<int:contest_id>/team/<int:team_id>/qr.svg", views.team_qr, name="team_qr"),
    path("contest/<int:contest_id>/audit.xlsx", views.export_audit, name="export"),
    path("contest/<int:contest_id>/publish/", views.publish, name="publish"),
    path("contest/<int:contest_id>/draw/", views.draw_questions, name="draw"),
]
