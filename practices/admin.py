from django.contrib import admin

from moderation.admin import ModerationLogInline
from practices.models import Adoption, Mechanism, Practice, PracticeAttachment, PracticeLink, Tip


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


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "practice", "region", "result", "state", "tried_on"]
    list_filter = ["state", "result", "region"]
    search_fields = ["organisation_name", "practice__title", "changes", "lesson"]
    list_select_related = ["practice", "region"]
    autocomplete_fields = ["practice", "coalition", "region", "author"]
    inlines = [ModerationLogInline]
