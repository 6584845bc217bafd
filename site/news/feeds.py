from base.feeds import IndexPageFeed


class ArticleFeed(IndexPageFeed):
    def items(self, index_page):
        return index_page.articles()[: self.limit]

    def item_description(self, item):
        return item.summary
