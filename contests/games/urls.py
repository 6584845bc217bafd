from django.urls import path

from . import views

app_name = "games"
urlpatterns = [
    path("", views.join, name="join"),
    path("host/", views.host_games, name="host_games"),
    path("<str:pin>/", views.play_page, name="play"),
    path("<str:pin>/screen/", views.screen, name="screen"),
    path("<str:pin>/qr.svg", views.qr_code, name="qr"),
    path("<str:pin>/host/", views.host_console, name="host"),
    path("<str:pin>/results/", views.results, name="results"),
    path("<str:pin>/export/players.xlsx", views.export_players, name="export_players"),
    path("<str:pin>/export/questions.xlsx", views.export_questions, name="export_questions"),
]
