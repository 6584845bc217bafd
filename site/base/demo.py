"""Demo content of the site itself: the home page's campaign banner."""
from .models import HomePage


def load():
    home = HomePage.objects.get(depth=2)
    changed = False
    if not home.banner_theme:
        home.banner_theme = "防风险、除隐患、遏事故"
        changed = True
    if changed:
        home.save_revision().publish()
    return f"home page '{home.title}'"
