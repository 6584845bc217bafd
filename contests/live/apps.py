from django.apps import AppConfig


class LiveConfig(AppConfig):
    """The socket layer both games use; an app so that its shared client script is a static file."""

    name = "contests.live"
    label = "live"
    verbose_name = "Live socket layer"
