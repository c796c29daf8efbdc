from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.forms import AgreementAdminForm
from events.models import Event, EventReport, FollowUpAgreement, ProgrammeItem, Registration, Stand
from moderation.admin import ModerationLogInline


class ProgrammeInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0


class StandInline(admin.TabularInline):
    model = Stand
    autocomplete_fields = ["organisation"]
    extra = 0


class AgreementInline(admin.TabularInline):
    model = FollowUpAgreement
    form = AgreementAdminForm
    autocomplete_fields = ["owner", "coalition"]
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organiser", "host", "host_answer", "starts_at", "capacity", "state",
                    "cancelled_at"]
    list_filter = ["kind", "state", "host_status", "organiser__region", "themes"]
    readonly_fields = ["host_requested_at", "host_answered_at", "host_answered_by"]
    search_fields = ["title", "summary", "organiser__name", "host__name", "city"]
    list_select_related = ["organiser", "host"]
    autocomplete_fields = [
        "organiser", "host", "learning_network", "follows_on", "themes", "practices", "tips", "created_by",
    ]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    inlines = [ProgrammeInline, StandInline, AgreementInline, ModerationLogInline]

    @admin.display(description=_("host's answer"), ordering="host_status")
    def host_answer(self, event):
        return event.get_host_status_display() if event.host_id else "—"


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["event__title", "user__email", "user__full_name"]
    list_select_related = ["event", "user"]
    autocomplete_fields = ["event", "user"]


@admin.register(EventReport)
class EventReportAdmin(admin.ModelAdmin):
    list_display = ["event", "participant_count", "author", "updated_at"]
    search_fields = ["event__title", "summary"]
    list_select_related = ["event", "author"]
    autocomplete_fields = ["event", "author", "related_practices"]


@admin.register(FollowUpAgreement)
class FollowUpAgreementAdmin(admin.ModelAdmin):
    form = AgreementAdminForm
    list_display = ["description", "event", "owner_display", "due_date", "status"]
    list_filter = ["status", "coalition__region"]
    search_fields = ["description", "owner__email", "owner_email", "event__title"]
    list_select_related = ["event", "owner"]
    autocomplete_fields = ["event", "owner", "coalition"]
    date_hierarchy = "due_date"


