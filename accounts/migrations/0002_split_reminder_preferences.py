"""Split the one reminders preference into one for event reminders and one for agreement reminders.

Both new preferences start as the old one was, so nobody starts or stops getting an email by this change.
"""

from django.db import migrations, models


def carry_over(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(reminders_enabled=False).update(
        event_reminders_enabled=False, agreement_reminders_enabled=False
    )


def carry_back(apps, schema_editor):
    # The old single flag is off when either kind was turned off: nobody gets an email they declined.
    User = apps.get_model("accounts", "User")
    User.objects.filter(
        models.Q(event_reminders_enabled=False) | models.Q(agreement_reminders_enabled=False)
    ).update(reminders_enabled=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="event_reminders_enabled",
            field=models.BooleanField(default=True, verbose_name="event reminders"),
        ),
        migrations.AddField(
            model_name="user",
            name="agreement_reminders_enabled",
            field=models.BooleanField(default=True, verbose_name="agreement reminders"),
        ),
        migrations.RunPython(carry_over, carry_back),
        migrations.RemoveField(
            model_name="user",
            name="reminders_enabled",
        ),
    ]
