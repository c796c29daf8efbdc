"""The list orders by (published_at, id) newest first: indexes that end in the id need no sort step."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0006_adoption'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='practice',
            name='practice_state_published_idx',
        ),
        migrations.RemoveIndex(
            model_name='practice',
            name='practice_region_state_idx',
        ),
        migrations.RemoveIndex(
            model_name='tip',
            name='tip_state_published_idx',
        ),
        migrations.AddIndex(
            model_name='practice',
            index=models.Index(fields=['state', '-published_at', '-id'], name='practice_published_list_idx'),
        ),
        migrations.AddIndex(
            model_name='practice',
            index=models.Index(fields=['region', 'state', '-published_at', '-id'], name='practice_region_list_idx'),
        ),
        migrations.AddIndex(
            model_name='tip',
            index=models.Index(fields=['state', '-published_at', '-id'], name='tip_published_list_idx'),
        ),
    ]
