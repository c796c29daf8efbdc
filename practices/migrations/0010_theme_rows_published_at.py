"""The practice–theme table also carries its practice's publication date, and its index the date before the
practice, so that a theme's list in a region reads a page's keys from that index (``practices.theme_rows``)."""

from django.db import migrations

from practices.theme_rows import drop_triggers, install_triggers

# This migration's copy and index, as they are here: a later one may change them.
COPIED = ("region_id", "state", "published_at")
INDEX_SQL = (
    "CREATE INDEX practice_themes_listing_idx ON practices_practice_themes "
    "(theme_id, state, region_id, published_at, practice_id)"
)
PREVIOUS_COPY = ("region_id", "state")
PREVIOUS_INDEX_SQL = (
    "CREATE INDEX practice_themes_listing_idx ON practices_practice_themes (theme_id, state, region_id, practice_id)"
)


def forwards(apps, schema_editor):
    column_type = schema_editor.connection.data_types["DateTimeField"]
    schema_editor.execute(f"ALTER TABLE practices_practice_themes ADD COLUMN published_at {column_type} NULL")
    install_triggers(schema_editor, COPIED)
    schema_editor.execute("DROP INDEX IF EXISTS practice_themes_listing_idx")
    schema_editor.execute(INDEX_SQL)


def backwards(apps, schema_editor):
    # SQLite drops no column that an index or a trigger uses.
    drop_triggers(schema_editor)
    schema_editor.execute("DROP INDEX IF EXISTS practice_themes_listing_idx")
    schema_editor.execute("ALTER TABLE practices_practice_themes DROP COLUMN published_at")
    install_triggers(schema_editor, PREVIOUS_COPY)
    schema_editor.execute(PREVIOUS_INDEX_SQL)


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0009_theme_rows'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
