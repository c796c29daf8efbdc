"""Flags and the moderation log move to the moderation app (state only: the tables stay, moderation renames them)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0003_contributions'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='Flag'),
            migrations.DeleteModel(name='ModerationLogEntry'),
        ]),
    ]
