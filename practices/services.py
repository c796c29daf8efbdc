"""Domain functions for practice examples and tips written by members."""

from django.db import transaction

from core.rows import RowChanges, save_rows
from core.slugs import unique_slug
from moderation.models import ModerationState
from moderation.services import transition
from practices.models import Practice, Tip


def save_practice(
    practice: Practice, *, author, themes, mechanisms, links: RowChanges, attachments: RowChanges, submit: bool
) -> Practice:
    """Save a new or changed practice (its fields already set) with its children; optionally submit it."""
    with transaction.atomic():
        if practice.pk is None:
            practice.author = author
            practice.state = ModerationState.DRAFT
            practice.slug = unique_slug(Practice, practice.title)
        practice.save()
        practice.themes.set(themes)
        practice.mechanisms.set(mechanisms)
        save_rows(links, parent_field="practice", parent=practice)
        save_rows(attachments, parent_field="practice", parent=practice)
        if submit:
            transition(practice, "submit", actor=author)
        return practice


def save_tip(tip: Tip, *, author, themes, submit: bool) -> Tip:
    """Save a new or changed tip by a member (its fields already set); optionally submit it."""
    with transaction.atomic():
        if tip.pk is None:
            tip.author = author
            tip.state = ModerationState.DRAFT
            tip.source = Tip.Source.MEMBER
        tip.save()
        tip.themes.set(themes)
        if submit:
            transition(tip, "submit", actor=author)
        return tip
