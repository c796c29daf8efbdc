"""Domain functions for practice examples and tips written by members."""

from django.db import transaction

from kennisportaal.slugs import unique_slug
from practices.models import ModerationState, Practice, Tip
from practices.moderation import transition


@transaction.atomic
def save_practice(*, form, link_formset, attachment_formset, author, submit: bool) -> Practice:
    """Create or update a practice from validated forms; optionally submit it for review."""
    practice = form.save(commit=False)
    if practice.pk is None:
        practice.author = author
        practice.state = ModerationState.DRAFT
        practice.slug = unique_slug(Practice, practice.title)
    practice.save()
    form.save_m2m()
    link_formset.instance = practice
    link_formset.save()
    attachment_formset.instance = practice
    attachment_formset.save()
    if submit:
        transition(practice, "submit", actor=author)
    return practice


@transaction.atomic
def save_tip(*, form, author, submit: bool) -> Tip:
    tip = form.save(commit=False)
    if tip.pk is None:
        tip.author = author
        tip.state = ModerationState.DRAFT
        tip.source = Tip.Source.MEMBER
    tip.save()
    form.save_m2m()
    if submit:
        transition(tip, "submit", actor=author)
    return tip
