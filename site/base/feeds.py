"""An Atom feed of an index page's live children, newest first."""
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed


class IndexPageFeed(Feed):
    feed_type = Atom1Feed
    limit = 20

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return index_page.title

    def link(self, index_page):
        return index_page.get_url(self.request)

    def subtitle(self, index_page):
        return index_page.search_description or index_page.title

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.listing_date, time(8)))
