from django.contrib import admin

from moderation.admin import ModerationLogInline
from tools.models import JoinRequest, Tool


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ["name", "developer", "status", "state", "published_at"]
    list_filter = ["state", "status", "themes"]
    search_fields = ["name", "description", "developer__name", "developer_organisation"]
    list_select_related = ["developer"]
    autocomplete_fields = ["developer", "users", "author", "themes"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ModerationLogInline]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["tool", "user", "created_at"]
    list_select_related = ["tool", "user"]
    autocomplete_fields = ["tool", "user"]
