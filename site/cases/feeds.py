from datetime import datetime, time

from django.utils import timezone

from base.feeds import IndexPageFeed


class CaseFeed(IndexPageFeed):
    def items(self, index_page):
        return index_page.cases()[: self.limit]

    def item_description(self, item):
        return item.facts

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.decision_date, time(8)))
