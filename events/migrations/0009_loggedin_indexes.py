"""Indexes for the logged-in pages at national scale: a region's events as index-only scans (the cockpit),
and agreements given to an address without an account (my portal)."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0008_event_speed'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['organiser', 'id'], name='event_organiser_pk_idx'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['host', 'host_status', 'id'], name='event_host_pk_idx'),
        ),
        migrations.AddIndex(
            model_name='followupagreement',
            index=models.Index(django.db.models.functions.text.Upper('owner_email'), name='agreement_owner_email_idx'),
        ),
    ]
