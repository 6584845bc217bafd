from datetime import datetime, time

from django.utils import timezone

from base.feeds import IndexPageFeed


class ArticleFeed(IndexPageFeed):
    def items(self, index_page):
        return index_page.articles()[: self.limit]

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8)))
