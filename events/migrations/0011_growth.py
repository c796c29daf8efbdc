"""Visit chains: the visits that follow on a batch of visits, found by index lookups instead of a scan.

Completing a chain asked for "follows_on_id IN (200 ids)": PostgreSQL filtered every row of
``event_visit_chain_idx`` (all public work visits of the country). This partial index holds only the visits that
follow on another, keyed by that visit, with the columns the chains read (index-only).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0010_digest_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='event',
            index=models.Index(
                condition=models.Q(('cancelled_at__isnull', True), ('follows_on__isnull', False),
                                   ('host_status', 'accepted'), ('kind', 'werkbezoek'), ('state', 'published')),
                fields=['follows_on', 'id', 'starts_at', 'organiser', 'host'], name='event_visit_follows_idx',
            ),
        ),
    ]
