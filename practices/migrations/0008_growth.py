"""Practice lists must not cost more as practices grow.

The list's capped count (``core.pagination.CappedPaginator``) of theme + region used to hash every published
practice of the region (12k at national scale) and every row of the theme before stopping at the cap. With
both sides read in id order from an index, PostgreSQL merge-joins them and stops at cap + 1 matches.
The through table is auto-created, so its index is plain SQL (valid on SQLite and PostgreSQL).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0007_practice_list_indexes'),
    ]

    operations = [
        # A coalition's page shows its six newest practices: with the order in the index they are read, not sorted.
        migrations.RemoveIndex(
            model_name='practice',
            name='practice_coalition_state_idx',
        ),
        migrations.AddIndex(
            model_name='practice',
            index=models.Index(fields=['coalition', 'state', '-published_at', '-id'], name='practice_coalition_list_idx'),
        ),
        migrations.AddIndex(
            model_name='practice',
            index=models.Index(fields=['region', 'state', 'id'], name='practice_region_id_idx'),
        ),
        migrations.AddIndex(
            model_name='practice',
            index=models.Index(fields=['state', 'id'], name='practice_state_id_idx'),
        ),
        migrations.RunSQL(
            'CREATE INDEX practice_themes_theme_practice_idx ON practices_practice_themes (theme_id, practice_id)',
            'DROP INDEX practice_themes_theme_practice_idx',
        ),
    ]
