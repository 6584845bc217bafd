from base.feeds import IndexPageFeed


class CaseFeed(IndexPageFeed):
    def items(self, index_page):
        return index_page.cases()[: self.limit]

    def item_description(self, item):
        return item.facts
