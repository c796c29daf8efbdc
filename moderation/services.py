"""The moderation state machine shared by practices, tips and events, and flagging.

Every transition is checked against the allowed source states, applied with a conditional update (so two
coordinators clicking at once cannot both succeed), logged, and announced by email after commit.

A moderated model has a ``state`` field and tells this module three things about itself:
``moderation_region`` (whose coordinators moderate it), ``moderation_author`` (who is told of decisions)
and, optionally, ``MODERATION_ACTIONS`` (the action names allowed for it; all when absent).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalitions.models import Region
from moderation.models import Flag, ModerationLogEntry, ModerationState
from notifications.services import queue_templated_email

S = ModerationState


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    by_moderator: bool
    comment_required: bool = False


ACTIONS = {
    action.name: action
    for action in [
        Action("submit", _("Submit for review"), frozenset({S.DRAFT, S.CHANGES_REQUESTED}), S.SUBMITTED, False),
        Action("publish", _("Publish"), frozenset({S.SUBMITTED}), S.PUBLISHED, True),
        Action("request_changes", _("Request changes"), frozenset({S.SUBMITTED, S.PUBLISHED}),
               S.CHANGES_REQUESTED, True, comment_required=True),
        Action("reject", _("Reject"), frozenset({S.SUBMITTED}), S.REJECTED, True, comment_required=True),
        Action("hide", _("Hide"), frozenset({S.PUBLISHED}), S.HIDDEN, True, comment_required=True),
        Action("unhide", _("Show again"), frozenset({S.HIDDEN}), S.PUBLISHED, True),
    ]
}


class TransitionNotAllowed(ValidationError):
    pass


class DismissalNotAllowed(ValidationError):
    pass


def region_of(item) -> Region | None:
    """The region whose coordinators moderate the item."""
    return item.moderation_region


def _allowed_for(item, action: Action) -> bool:
    allowed = getattr(item, "MODERATION_ACTIONS", None)
    return allowed is None or action.name in allowed


def available_actions(item, *, moderator: bool) -> list[Action]:
    return [
        a for a in ACTIONS.values()
        if a.by_moderator == moderator and item.state in a.sources and _allowed_for(item, a)
    ]


def transition(item: Model, action_name: str, *, actor, comment: str = "") -> Model:
    """Apply a moderation action to a practice, tip or event; raise TransitionNotAllowed if it may not."""
    action = ACTIONS.get(action_name)
    if action is None or not _allowed_for(item, action):
        raise TransitionNotAllowed(_("This action is not possible for this item; nothing was changed."))
    comment = comment.strip()
    if action.comment_required and not comment:
        raise TransitionNotAllowed(_("Please explain your decision to the author in a comment."))
    model = type(item)
    with transaction.atomic():
        current = model.objects.select_for_update().filter(pk=item.pk).values_list("state", flat=True).first()
        if current not in action.sources:
            raise TransitionNotAllowed(
                _("“%(action)s” is not possible for an item that is “%(state)s”; nothing was changed.")
                % {"action": action.label, "state": S(current).label if current else "?"}
            )
        now = timezone.now()
        changes = {"state": action.target}
        if action.target == S.PUBLISHED and hasattr(item, "published_at") and item.published_at is None:
            changes["published_at"] = now
        updated = model.objects.filter(pk=item.pk, state=current).update(**changes)
        if not updated:
            raise TransitionNotAllowed(_("Someone else changed this item just now; nothing was changed."))
        for field, value in changes.items():
            setattr(item, field, value)
        ModerationLogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk, actor=actor,
            from_state=current, to_state=action.target, comment=comment,
        )
        if action.by_moderator:
            Flag.objects.for_item(item).open().update(resolved_at=now, resolved_by=actor)
        _announce(item, action, actor=actor, comment=comment)
    return item


def _announce(item, action: Action, *, actor, comment: str) -> None:
    log_count = ModerationLogEntry.objects.for_item(item).count()
    context = {"item": item, "comment": comment, "actor": actor,
               "kind_label": item._meta.verbose_name, "region": region_of(item)}
    if action.name == "submit":
        for coordinator in _coordinators(region_of(item)):
            queue_templated_email(
                to=coordinator.email, user=coordinator, kind="moderation-submitted",
                key=f"moderation:{item._meta.label_lower}:{item.pk}:{log_count}:{coordinator.pk}",
                template="emails/moderation_submitted", context={**context, "recipient": coordinator},
            )
        return
    author = item.moderation_author
    if author is not None and author != actor:
        queue_templated_email(
            to=author.email, user=author, kind="moderation-decision",
            key=f"moderation:{item._meta.label_lower}:{item.pk}:{log_count}:author",
            template="emails/moderation_decision", context={**context, "recipient": author},
        )


def _coordinators(region):
    if region is None:
        return []
    return [rc.user for rc in region.regioncoordinator_set.select_related("user")]


def flag_item(item: Model, *, reporter, reason: str) -> Flag:
    """Report an item to its region's coordinators."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Please say why this item needs attention."))
    region = region_of(item)
    with transaction.atomic():
        flag = Flag.objects.create(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk, region=region,
            reporter=reporter, reason=reason,
        )
        for coordinator in _coordinators(region):
            queue_templated_email(
                to=coordinator.email, user=coordinator, kind="moderation-flag",
                key=f"flag:{flag.pk}:{coordinator.pk}", template="emails/moderation_flag",
                context={"item": item, "flag": flag, "recipient": coordinator,
                         "kind_label": item._meta.verbose_name},
            )
    return flag


def dismiss_flag(flag: Flag, *, actor, note: str) -> Flag:
    """Close a report as unfounded: the item stays as it is, the log records it and the reporter hears why."""
    note = note.strip()
    if not note:
        raise DismissalNotAllowed(_("Please explain to the reporter why the report is dismissed."))
    item = flag.item
    with transaction.atomic():
        now = timezone.now()
        # Conditional, so a second click or a second coordinator cannot dismiss it again (or undo a decision).
        updated = Flag.objects.filter(pk=flag.pk, resolved_at__isnull=True).update(
            resolved_at=now, resolved_by=actor, dismissed=True, resolution_note=note,
        )
        if not updated:
            raise DismissalNotAllowed(_("This report has already been dealt with; nothing was changed."))
        flag.resolved_at, flag.resolved_by, flag.dismissed, flag.resolution_note = now, actor, True, note
        ModerationLogEntry.objects.create(
            content_type_id=flag.content_type_id, object_id=flag.object_id, actor=actor,
            from_state=item.state, to_state=item.state, comment=note, dismissed_flag=flag,
        )
        reporter = flag.reporter
        if reporter is not None and reporter != actor:
            queue_templated_email(
                to=reporter.email, user=reporter, kind="flag-dismissed", key=f"flag-dismissed:{flag.pk}",
                template="emails/flag_dismissed",
                context={"item": item, "flag": flag, "note": note, "recipient": reporter,
                         "kind_label": item._meta.verbose_name},
            )
    return flag
