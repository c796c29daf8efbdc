from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from practices.models import Flag, Mechanism, ModerationLogEntry, Practice, PracticeAttachment, PracticeLink, Tip


@admin.register(Mechanism)
class MechanismAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    search_fields = ["name"]


class LinkInline(admin.TabularInline):
    model = PracticeLink
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = PracticeAttachment
    extra = 0


class ModerationLogInline(GenericTabularInline):
    model = ModerationLogEntry
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "from_state", "to_state", "comment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "coalition", "school_type", "state", "published_at"]
    list_filter = ["state", "region", "school_type", "themes", "mechanisms"]
    search_fields = ["title", "summary", "coalition__name", "organisation__name"]
    list_select_related = ["region", "coalition"]
    autocomplete_fields = ["organisation", "coalition", "region", "author", "themes"]
    filter_horizontal = ["mechanisms"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    inlines = [LinkInline, AttachmentInline, ModerationLogInline]


@admin.register(Tip)
class TipAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "region", "state", "published_at"]
    list_filter = ["state", "source", "themes"]
    search_fields = ["title", "body"]
    list_select_related = ["region"]
    autocomplete_fields = ["practice", "region", "author", "themes"]
    inlines = [ModerationLogInline]


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
    list_display = ["created_at", "content_type", "object_id", "region", "reporter", "resolved_at"]
    list_filter = ["region", "resolved_at", "content_type"]
    search_fields = ["reason", "reporter__email"]
    list_select_related = ["region", "reporter", "content_type"]
    autocomplete_fields = ["reporter", "resolved_by", "region"]
