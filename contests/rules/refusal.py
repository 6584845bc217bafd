"""The one error type for anything refused: by a game's rules, a command runner or the socket layer.

`code` is machine-readable (it is the `code` of the socket's error frame, docs/protocol.md);
`message` is for people. Nothing has changed when it is raised.
"""


class Refusal(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message
