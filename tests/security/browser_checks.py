"""Helpers for browser tests: watch the console for CSP violations, log in through allauth."""
PASSWORD = "a-long-Passphrase-2019"


def watch_console(page):
    """Collects console errors (CSP violations are reported there) and uncaught exceptions."""
    problems = {"console": [], "uncaught": []}
    page.on("console", lambda message: message.type == "error" and problems["console"].append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: problems["uncaught"].append(f"{page.url}: {error}"))
    return problems


def log_in(page, base_url, username, next_url="/admin/"):
    """allauth's login form, filled in as a person would."""
    page.goto(f"{base_url}/accounts/login/?next={next_url}")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action^='/accounts/login/'] button[type=submit]")


def csp_violations(problems):
    return [text for text in problems["console"] if "Content Security Policy" in text]
