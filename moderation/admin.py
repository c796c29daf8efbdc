from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from moderation.models import Flag, ModerationLogEntry


class ModerationLogInline(GenericTabularInline):
    model = ModerationLogEntry
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "from_state", "to_state", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ModerationLogEntry)
class ModerationLogEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "content_type", "object_id", "actor", "from_state", "to_state"]
    list_filter = ["to_state", "content_type"]
    search_fields = ["comment", "actor__email"]
    list_select_related = ["actor", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["created_at", "content_type", "object_id", "region", "reporter", "resolved_at", "dismissed"]
    list_filter = ["region", "resolved_at", "dismissed", "content_type"]
    search_fields = ["reason", "reporter__email"]
    list_select_related = ["region", "reporter", "content_type"]
    autocomplete_fields = ["reporter", "resolved_by", "region"]
