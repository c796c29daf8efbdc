"""The practice–theme rows in date order, for the newest rows of a practice's themes (``practices.theme_rows``)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0010_theme_rows_published_at'),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX practice_themes_newest_idx ON practices_practice_themes "
            "(state, published_at, practice_id, theme_id)",
            "DROP INDEX practice_themes_newest_idx",
        ),
    ]
