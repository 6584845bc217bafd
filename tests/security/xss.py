"""A reusable XSS harness: hostile strings, and a check that a page shows them only as text.

Usage: store a payload wherever users can type (a title, a nickname, a search query), render
the page, then `assert_shown_escaped(response, payload)`. The check parses the HTML and fails if
the payload became markup (an element with an on* handler, an executable script, a javascript:
URL), and also fails if the payload does not appear as text at all, so a test cannot pass by
rendering nothing.
"""
from html.parser import HTMLParser

MARK = "alert(1)"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">点我</a>',
    "javascript:alert(1)",
    "<details open ontoggle=alert(1)>",
    "<style>@import 'x';</style><b onmouseover=alert(1)>粗体</b>",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.texts, self._script = [], [], None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            self.texts.append(value)
            if name.startswith("on") and MARK in value:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            kind = (dict(attrs).get("type") or "").lower()
            self._script = [] if kind in EXECUTABLE_SCRIPT_TYPES else None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._script = None

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if "".join(self._script).strip() == MARK:
                self.problems.append(f"<script>{MARK}</script>")
            self._script = None

    def handle_data(self, data):
        self.texts.append(data)
        if self._script is not None:
            self._script.append(data)


def injections(html):
    """What in this HTML a payload turned into live markup or script."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


def assert_shown_escaped(response, payload):
    html = response if isinstance(response, str) else response.content.decode()
    problems = injections(html)
    assert not problems, f"{payload!r} became live markup: {problems}"
    inspector = _Inspector()
    inspector.feed(html)
    assert any(payload in text for text in inspector.texts), f"{payload!r} is not shown at all"


# In the browser: the live pages draw names and questions from socket frames with JavaScript.
# Before any page script runs, `alert` is replaced by a function that only records the call, so a
# payload that ever runs leaves `window.xssRan` set (the CSP would also block most of them: the
# DOM check below is what proves the text was never parsed as markup).
RECORD_ALERTS = "window.alert = function () { window.xssRan = (window.xssRan || 0) + 1; };"
# Nicknames have at most 12 characters: short payloads whose elements the check below recognises.
NICKNAME_PAYLOADS = ["<img src=x>", "<script>", '"><b id=x>', "<svg onload>", "<i id=x>斜", "'><u id=x>"]
FIND_INJECTED = """() => {
  const found = [];
  const describe = (element) => element.outerHTML.slice(0, 120);
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on")) found.push("handler: " + describe(element));
      if (["href", "src", "action", "formaction", "srcdoc", "data"].includes(attribute.name) &&
          /^\\s*javascript:/i.test(attribute.value)) found.push("javascript URL: " + describe(element));
    }
  }
  const executable = ["", "text/javascript", "application/javascript", "module"];
  for (const script of document.querySelectorAll("script:not([src])")) {
    if (executable.includes((script.type || "").toLowerCase())) found.push("inline script: " + describe(script));
  }
  document.querySelectorAll("img[src='x'], iframe, details, body style, [id='x']")
    .forEach((element) => found.push("element: " + describe(element)));
  if (window.xssRan) found.push("alert() ran " + window.xssRan + " times");
  return found;
}"""


def injected_in_browser(page):
    """What a payload turned into live elements or script on this page (empty if nothing)."""
    return page.evaluate(FIND_INJECTED)
