"""One small interface for sending text messages: `send_code(phone, code)`.

settings.SMS_SENDER names the sender class (a dotted path); each class takes no arguments and reads
its own settings. Senders: `console.ConsoleSender` (development: the code goes to the log),
`memory.MemorySender` (tests: codes are kept in `memory.outbox`), `aliyun.AliyunSender` (Aliyun
SMS, configured from the environment, docs/deploy.md). No sender configured means no SMS sign-in.
"""
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


class SMSError(Exception):
    """The provider refused or could not be reached; the message is for the log, not the visitor."""


def configured():
    return bool(settings.SMS_SENDER)


def sender():
    if not settings.SMS_SENDER:
        raise ImproperlyConfigured("SMS_SENDER is not set: sign-in by text message is off")
    return import_string(settings.SMS_SENDER)()


def send_code(phone, code):
    sender().send_code(phone, code)
