"""Domain functions for practice examples and tips written by members."""

from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from coalitions.models import CoalitionMembership
from core.rows import RowChanges, save_rows
from core.slugs import unique_slug
from moderation.models import ModerationState
from moderation.services import transition
from notifications.services import queue_templated_email
from practices.models import Adoption, Practice, Tip


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


def record_adoption(adoption: Adoption, *, practice: Practice, author) -> Adoption:
    """Save a member's "wij doen dit ook" (its fields already set) and send it to its region's coordinators."""
    with transaction.atomic():
        adoption.practice = practice
        adoption.author = author
        adoption.state = ModerationState.DRAFT
        adoption.save()
        return transition(adoption, "submit", actor=author)


def moderate_adoption(adoption: Adoption, action: str, *, actor, comment: str = "") -> Adoption:
    """Apply a coordinator's decision; once published, the practice's author and its coalition hear of it."""
    with transaction.atomic():
        transition(adoption, action, actor=actor, comment=comment)
        if adoption.state == ModerationState.PUBLISHED:
            _announce_adoption(adoption)
        return adoption


def adoption_recipients(adoption: Adoption) -> list:
    """The practice's author and the project leaders of the practice's coalition, once each, not the adopter."""
    practice = adoption.practice
    recipients = {}
    if practice.author is not None:
        recipients[practice.author.pk] = practice.author
    if practice.coalition_id is not None:
        leaders = CoalitionMembership.objects.project_leaders_of(practice.coalition_id).select_related("user")
        for membership in leaders.order_by("user__pk"):
            recipients.setdefault(membership.user.pk, membership.user)
    recipients.pop(adoption.author_id, None)
    return [user for user in recipients.values() if user.is_active]


def _announce_adoption(adoption: Adoption) -> None:
    for recipient in adoption_recipients(adoption):
        queue_templated_email(
            to=recipient.email, user=recipient, kind="adoption-published",
            key=f"adoption-published:{adoption.pk}:{recipient.pk}", template="emails/adoption_published",
            context={"adoption": adoption, "practice": adoption.practice, "recipient": recipient},
        )
