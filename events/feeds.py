"""Atom feeds: upcoming events."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.feeds import PlainTextAtomFeed
from events.models import Event


class UpcomingEventsFeed(Feed):
    feed_type = PlainTextAtomFeed
    title = _("Kennisportaal: upcoming events")
    subtitle = _("Inspiration afternoons, work visits, trainings and more of the coalitions.")
    link = "/bijeenkomsten/"

    def items(self):
        return (
            Event.objects.published().upcoming().filter(cancelled_at__isnull=True)
            .select_related("organiser").order_by("starts_at")[:50]
        )

    def item_title(self, item):
        return f"{timezone.localtime(item.starts_at):%d-%m-%Y} · {item.title}"

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return item.organiser.name

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"{settings.SITE_URL}{item.get_absolute_url()}"

    item_guid_is_permalink = True
