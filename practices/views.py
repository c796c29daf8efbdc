"""Public pages for practice examples and tips."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from coalitions.models import Theme
from kennisportaal.pagination import paginate
from practices.filters import PracticeFilter
from practices.models import Practice, Tip


def practice_list(request):
    practice_filter = PracticeFilter(request.GET, queryset=Practice.objects.published().for_list())
    page = paginate(request, practice_filter.qs)
    return render(request, "practices/practice_list.html", {"filter": practice_filter, "page": page})


def practice_detail(request, slug):
    practice = get_object_or_404(
        Practice.objects.published()
        .select_related("region", "coalition", "organisation")
        .prefetch_related("themes", "mechanisms", "links"),
        slug=slug,
    )
    theme_ids = [theme.pk for theme in practice.themes.all()]
    related = (
        Practice.objects.published()
        .filter(themes__in=theme_ids)
        .exclude(pk=practice.pk)
        .annotate(shared_themes=Count("themes"))
        .select_related("region")
        .order_by("-shared_themes", "-published_at")[:3]
    )
    presented_at = practice.presented_at.published().select_related("organiser").order_by("-starts_at")[:10]
    return render(
        request,
        "practices/practice_detail.html",
        {"practice": practice, "related": related, "presented_at": presented_at},
    )


def tip_list(request):
    themes = Theme.objects.all()
    tips = Tip.objects.published().prefetch_related("themes")
    theme = None
    if slug := request.GET.get("thema"):
        theme = get_object_or_404(Theme, slug=slug)
        tips = tips.filter(themes=theme)
    page = paginate(request, tips)
    return render(request, "practices/tip_list.html", {"page": page, "themes": themes, "theme": theme})
