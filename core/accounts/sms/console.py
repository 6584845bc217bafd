"""Development sender: the code goes to the server's log (the console of `make run`)."""
import logging

logger = logging.getLogger("core.accounts.sms")


class ConsoleSender:
    def send_code(self, phone, code):
        logger.warning("SMS sign-in code for %s: %s", phone, code)
