"""Migration 0002: the one reminders preference split into event and agreement reminders, keeping each choice."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import User

BEFORE = ("accounts", "0001_initial")
AFTER = ("accounts", "0002_split_reminder_preferences")


@pytest.fixture
def migrate(transactional_db):
    """Move the accounts app to a migration; migrated to the end again afterwards."""
    def to(target):
        executor = MigrationExecutor(connection)
        executor.migrate([target])
        return MigrationExecutor(connection).loader.project_state(target).apps

    yield to
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_both_new_preferences_start_as_the_old_one_was(migrate):
    old_user = migrate(BEFORE).get_model("accounts", "User")
    old_user.objects.create(email="wil@example.org", reminders_enabled=True)
    old_user.objects.create(email="wil-niet@example.org", reminders_enabled=False)
    migrate(AFTER)
    assert sorted(User.objects.values_list("email", "event_reminders_enabled", "agreement_reminders_enabled")) == [
        ("wil-niet@example.org", False, False),
        ("wil@example.org", True, True),
    ]


def test_going_back_keeps_off_what_either_kind_had_off(migrate):
    migrate(AFTER)
    for email, events, agreements in [("beide@example.org", True, True),
                                      ("geen-bijeenkomsten@example.org", False, True),
                                      ("geen-afspraken@example.org", True, False)]:
        User.objects.create(email=email, event_reminders_enabled=events, agreement_reminders_enabled=agreements)
    old_user = migrate(BEFORE).get_model("accounts", "User")
    assert sorted(old_user.objects.values_list("email", "reminders_enabled")) == [
        ("beide@example.org", True), ("geen-afspraken@example.org", False), ("geen-bijeenkomsten@example.org", False),
    ]
