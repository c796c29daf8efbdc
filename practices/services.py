"""Domain functions for practice examples and tips written by members."""

from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

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


class IncompletePractice(Exception):
    """A practice that lacks what the review needs; the message names the fields."""


def missing_for_review(practice: Practice) -> list[str]:
    """The labels of the required fields a draft has left empty (drafts may be saved with only a title)."""
    missing = [
        str(capfirst(field.verbose_name)) for field in Practice._meta.concrete_fields
        if field.editable and not field.blank and getattr(practice, field.attname) in ("", None)
    ]
    if not practice.themes.exists():
        missing.append(str(capfirst(Practice._meta.get_field("themes").verbose_name)))
    return missing


def submit_practice(practice: Practice, *, actor) -> Practice:
    """Send a saved draft to the region's coordinators; refused while required fields are empty."""
    with transaction.atomic():
        if missing := missing_for_review(practice):
            raise IncompletePractice(
                _("Fill in these fields before you submit your practice example: %(fields)s.")
                % {"fields": ", ".join(missing)}
            )
        return transition(practice, "submit", actor=actor)


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
