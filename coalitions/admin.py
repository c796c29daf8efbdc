from django.contrib import admin

from coalitions.models import (
    Coalition,
    CoalitionMembership,
    HelpRequest,
    Invitation,
    LearningNetwork,
    MemberProfile,
    Municipality,
    Organisation,
    Province,
    Region,
    RegionCoordinator,
    Theme,
    VisitProfile,
)


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class RegionCoordinatorInline(admin.TabularInline):
    model = RegionCoordinator
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["provinces"]
    inlines = [RegionCoordinatorInline]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "province"]
    list_filter = ["province"]
    search_fields = ["name"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name", "municipality__name"]
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}


class MembershipInline(admin.TabularInline):
    model = CoalitionMembership
    autocomplete_fields = ["user"]
    extra = 0


class VisitProfileInline(admin.StackedInline):
    model = VisitProfile
    filter_horizontal = ["offer_themes", "wish_themes"]


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "contact_email"]
    list_filter = ["region"]
    search_fields = ["name", "municipalities__name"]
    list_select_related = ["region"]
    autocomplete_fields = ["region", "municipalities", "partners"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline, VisitProfileInline]


@admin.register(CoalitionMembership)
class CoalitionMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "coalition", "role", "joined_at"]
    list_filter = ["role", "coalition__region"]
    search_fields = ["user__email", "user__full_name", "coalition__name"]
    list_select_related = ["user", "coalition"]
    autocomplete_fields = ["user", "coalition"]


@admin.register(RegionCoordinator)
class RegionCoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "region", "public_email"]
    list_filter = ["region"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user", "region"]
    autocomplete_fields = ["user", "region"]


@admin.register(LearningNetwork)
class LearningNetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "audience", "started_on"]
    list_filter = ["audience"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["members"]


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "email", "region", "answered_at"]
    list_filter = ["region", "answered_at"]
    search_fields = ["name", "email", "question"]
    date_hierarchy = "created_at"
    list_select_related = ["region"]
    autocomplete_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "coalition", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "accepted_at"]
    search_fields = ["email", "coalition__name"]
    list_select_related = ["coalition"]
    autocomplete_fields = ["coalition", "invited_by", "accepted_by"]
    readonly_fields = ["token"]


@admin.register(MemberProfile)
class MemberProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "region"]
    list_filter = ["region"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user", "region"]
    autocomplete_fields = ["user", "region", "followed_themes", "followed_regions", "followed_coalitions",
                           "followed_networks"]
