"""Atom feed of newly published practice examples."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from core.feeds import PlainTextAtomFeed
from practices.models import Practice


class NewPracticesFeed(Feed):
    feed_type = PlainTextAtomFeed
    title = _("Kennisportaal: new practice examples")
    subtitle = _("What schools and their partners tried, and what it brought.")
    link = "/praktijkvoorbeelden/"

    def items(self):
        return Practice.objects.published().select_related("region").order_by("-published_at", "-pk")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.region.name]
