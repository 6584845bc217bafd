"""daphne's requests without Twisted's own form parsing (called by config/server.py).

daphne's `WebRequest` is a `twisted.web.http.Request`, and once a POST's body has arrived Twisted
parses a `multipart/form-data` body into `request.args` with the standard library's email parser
(and an urlencoded one with `parse_qs`) before daphne hands the body, untouched, to the ASGI
application. daphne never reads `request.args`, Django parses the body itself; the email parser
alone held about ten times the body at its peak (a 20 MB video: 235 MB above the process's
resident size, docs/uploads.md). Twisted's `parsePOSTFormSubmission=False` skips that parsing;
daphne's HTTP factory builds its requests without arguments, so `leave_forms_unparsed()` gives it
a request class that passes the flag.
"""
from daphne import http_protocol


class UnparsedFormRequest(http_protocol.WebRequest):
    def __init__(self, *args, **kwargs):
        kwargs["parsePOSTFormSubmission"] = False
        super().__init__(*args, **kwargs)


def leave_forms_unparsed():
    """Make daphne's HTTP factory build requests that leave the body to the application."""
    http_protocol.WebRequest = UnparsedFormRequest
