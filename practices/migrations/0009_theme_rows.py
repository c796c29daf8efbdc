"""The practice–theme table carries its practice's region and state, kept by triggers, so that a list filtered
by theme (and region) is counted from one index (``practices.theme_rows``; 0010 adds the publication date)."""

from django.db import migrations, models

from practices.theme_rows import drop_triggers, install_triggers

# This migration's copy, as it was: 0010 changes the index and the copied columns.
COPIED = ("region_id", "state")
INDEX_SQL = (
    "CREATE INDEX practice_themes_listing_idx ON practices_practice_themes (theme_id, state, region_id, practice_id)"
)


def forwards(apps, schema_editor):
    schema_editor.execute("ALTER TABLE practices_practice_themes ADD COLUMN region_id bigint NULL")
    schema_editor.execute("ALTER TABLE practices_practice_themes ADD COLUMN state varchar(20) NULL")
    install_triggers(schema_editor, COPIED)
    schema_editor.execute(INDEX_SQL)


def backwards(apps, schema_editor):
    drop_triggers(schema_editor)
    schema_editor.execute("DROP INDEX IF EXISTS practice_themes_listing_idx")
    schema_editor.execute("ALTER TABLE practices_practice_themes DROP COLUMN state")
    schema_editor.execute("ALTER TABLE practices_practice_themes DROP COLUMN region_id")


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0008_growth'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.CreateModel(
            name='PracticeThemeRow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(max_length=20, null=True)),
            ],
            options={
                'db_table': 'practices_practice_themes',
                'managed': False,
            },
        ),
    ]
