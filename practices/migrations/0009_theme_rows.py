"""The practice–theme table carries its practice's region and state, kept by triggers, so that a list filtered
by theme (and region) is counted from one index (``practices.theme_rows``)."""

from django.db import migrations, models

from practices.theme_rows import install, uninstall


def forwards(apps, schema_editor):
    install(schema_editor)


def backwards(apps, schema_editor):
    uninstall(schema_editor)


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
