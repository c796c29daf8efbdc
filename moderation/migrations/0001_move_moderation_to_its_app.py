"""Flags and the moderation log move from practices to their own app; the tables and their rows stay."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """Keep the admin permissions of both models: their content types change app, not identity."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("flag", "moderationlogentry"):
        if not ContentType.objects.filter(app_label="moderation", model=model).exists():
            ContentType.objects.filter(app_label="practices", model=model).update(app_label="moderation")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('coalitions', '0002_contributions'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('practices', '0004_move_moderation_to_its_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='Flag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('reason', models.TextField(max_length=1000, verbose_name='reason')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='reported')),
                ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='resolved')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='flags', to='coalitions.region', verbose_name='region')),
                ('reporter', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='flags', to=settings.AUTH_USER_MODEL, verbose_name='reported by')),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='resolved by')),
            ],
            options={
                'verbose_name': 'flag',
                'verbose_name_plural': 'flags',
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['region', 'resolved_at'], name='flag_region_open_idx')],
                'db_table': 'practices_flag',
            },
        ),
        migrations.CreateModel(
            name='ModerationLogEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('from_state', models.CharField(blank=True, choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('published', 'Published'), ('changes_requested', 'Changes requested'), ('rejected', 'Rejected'), ('hidden', 'Hidden')], max_length=20, verbose_name='from')),
                ('to_state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('published', 'Published'), ('changes_requested', 'Changes requested'), ('rejected', 'Rejected'), ('hidden', 'Hidden')], max_length=20, verbose_name='to')),
                ('comment', models.TextField(blank=True, verbose_name='comment')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'moderation log entry',
                'verbose_name_plural': 'moderation log',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['content_type', 'object_id', '-created_at'], name='modlog_item_idx')],
                'db_table': 'practices_moderationlogentry',
            },
        ),
        ]),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
        migrations.AlterModelTable(name='flag', table=None),
        migrations.AlterModelTable(name='moderationlogentry', table=None),
    ]
