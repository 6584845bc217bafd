"""Test sender: every code sent is kept in `outbox` as (phone, code), newest last."""
outbox = []


def last_code(phone):
    """The newest code sent to `phone`, or None."""
    for sent_phone, code in reversed(outbox):
        if sent_phone == phone:
            return code
    return None


class MemorySender:
    def send_code(self, phone, code):
        outbox.append((phone, code))
