"""The practice–theme rows in date order, for the newest rows of a practice's themes (``practices.theme_rows``)."""

from django.db import migrations

from practices.theme_rows import NEWEST_INDEX_SQL


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0010_theme_rows_published_at'),
    ]

    operations = [
        migrations.RunSQL(NEWEST_INDEX_SQL, "DROP INDEX practice_themes_newest_idx"),
    ]
