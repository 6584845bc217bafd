import pytest

from core.accounts.sms import memory


@pytest.fixture
def sms_outbox(settings):
    """Sign-in codes go to the test sender; yields its outbox."""
    settings.SMS_SENDER = "core.accounts.sms.memory.MemorySender"
    memory.outbox.clear()
    yield memory.outbox
    memory.outbox.clear()
