"""Pages of the tools register: the list, a tool, submitting one, moderation, "we use this too", "we want to join"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from core.permissions import require
from core.redirects import safe_next
from moderation.handlers import handle_moderation
from moderation.models import ModerationLogEntry
from moderation.permissions import can_moderate
from moderation.services import TransitionNotAllowed, available_actions
from tools.filters import ToolFilter
from tools.forms import JoinForm, ToolForm, UseForm
from tools.models import JoinRequest, Tool, attach_user_counts
from tools.permissions import (
    adopting_coalitions,
    can_ask_to_join,
    can_edit_tool,
    can_record_use,
    can_see_moderation_log,
    can_view_tool,
    is_author,
)
from tools.services import IncompleteTool, ask_to_join, record_use, save_tool, submit_tool


def tool_list(request):
    tool_filter = ToolFilter(request.GET, queryset=Tool.objects.published().for_list())
    page = paginate(request, tool_filter.qs, capped=True)
    if page.object_list:
        attach_user_counts(page.object_list)
    return render(request, "tools/tool_list.html", {"filter": tool_filter, "page": page})


def tool_detail(request, slug):
    tool = get_object_or_404(Tool.objects.for_detail(), slug=slug)
    user = request.user
    require(can_view_tool(user, tool))
    context = {"tool": tool}
    if user.is_authenticated:
        moderator = can_moderate(user, tool)
        users = {coalition.pk for coalition in tool.users.all()}
        use_choices = (
            [c for c in adopting_coalitions(user, tool) if c.pk not in users] if can_record_use(user, tool) else []
        )
        may_join = can_ask_to_join(user, tool)
        context.update(
            is_author=is_author(user, tool),
            can_edit=can_edit_tool(user, tool),
            moderator=moderator,
            moderation_actions=available_actions(tool, moderator=True) if moderator else [],
            moderation_log=ModerationLogEntry.objects.for_item(tool) if can_see_moderation_log(user, tool) else [],
            use_choices=use_choices,
            may_join=may_join,
            asked_to_join=may_join and JoinRequest.objects.filter(tool=tool, user=user).exists(),
            join_form=JoinForm(),
        )
    return render(request, "tools/tool_detail.html", context)


def _tool_form_page(request, tool=None):
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        form = ToolForm(request.POST, instance=tool or Tool(), draft=not submit)
        if form.is_valid():
            tool = save_tool(form.save(commit=False), author=request.user, themes=form.cleaned_data["themes"],
                             submit=submit)
            if submit:
                messages.success(request, _("Thank you! The tool has been sent to the regional coordinators for "
                                            "review."))
            else:
                messages.success(request, _("Your draft has been saved. Submit it when it is ready."))
            return redirect(tool)
        messages.error(request, _("The tool has not been saved yet: please correct the fields marked below."))
    else:
        form = ToolForm(instance=tool)
    return render(request, "tools/tool_form.html", {"form": form, "tool": tool})


@login_required
def tool_create(request):
    return _tool_form_page(request)


@login_required
def tool_edit(request, slug):
    tool = get_object_or_404(Tool, slug=slug, author=request.user)
    if not can_edit_tool(request.user, tool):
        messages.error(request, _("This tool is being reviewed or has been decided on, so it can no longer be "
                                  "edited."))
        return redirect(tool)
    return _tool_form_page(request, tool)


@login_required
@require_POST
def tool_submit(request, slug):
    tool = get_object_or_404(Tool.objects.select_related("developer__region"), slug=slug, author=request.user)
    try:
        submit_tool(tool, actor=request.user)
    except IncompleteTool as error:
        messages.error(request, str(error))
        return redirect("tools:edit", slug=tool.slug)
    except TransitionNotAllowed as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The tool has been sent to the regional coordinators."))
    return redirect(tool)


@login_required
@require_POST
def tool_moderate(request, slug):
    tool = get_object_or_404(Tool.objects.select_related("developer__region", "author"), slug=slug)
    require(can_moderate(request.user, tool))
    return handle_moderation(request, tool, safe_next(request, tool.get_absolute_url()))


@login_required
@require_POST
def tool_use(request, slug):
    """"We use this too": a project leader adds their coalition to the tool's users."""
    tool = get_object_or_404(Tool.objects.select_related("developer"), slug=slug)
    require(can_record_use(request.user, tool))
    form = UseForm(request.POST, coalitions=adopting_coalitions(request.user, tool))
    if form.is_valid():
        coalition = form.cleaned_data["coalition"]
        if record_use(tool, coalition=coalition, actor=request.user):
            messages.success(request, _("%(coalition)s now shows as a user of this tool; the developers have "
                                        "been told.") % {"coalition": coalition.name})
        else:
            messages.info(request, _("%(coalition)s already shows as a user of this tool.")
                          % {"coalition": coalition.name})
    else:
        messages.error(request, form.errors["coalition"][0])
    return redirect(tool)


@login_required
def tool_join(request, slug):
    """"We want to join": a member asks the developer's project leaders to take part, with a short message."""
    tool = get_object_or_404(Tool.objects.select_related("developer"), slug=slug)
    require(can_ask_to_join(request.user, tool))
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            if ask_to_join(tool, user=request.user, message=form.cleaned_data["message"]):
                messages.success(request, _("Your message has been sent to the project leaders of %(coalition)s.")
                                 % {"coalition": tool.developer.name})
            else:
                messages.info(request, _("You already asked to join; the project leaders have your message."))
            return redirect(tool)
        messages.error(request, _("Your message has not been sent yet: please correct the field marked below."))
    else:
        form = JoinForm()
    return render(request, "tools/tool_join.html", {"tool": tool, "form": form})
