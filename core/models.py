"""Base classes for models of several apps; no tables of its own."""

from django.db import models

# The one value of ``state`` that makes moderated content public (moderation.models.ModerationState uses it).
PUBLISHED = "published"


class ModeratedQuerySet(models.QuerySet):
    """The queryset of every model with a moderation ``state``: one definition of "published"."""

    def published(self):
        return self.filter(state=PUBLISHED)
