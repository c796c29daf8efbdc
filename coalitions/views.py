"""Public lists of coalitions and learning networks (their detail pages compose across apps)."""

from django.shortcuts import render

from coalitions.filters import CoalitionFilter
from coalitions.models import Coalition, LearningNetwork
from kennisportaal.pagination import paginate


def coalition_list(request):
    coalition_filter = CoalitionFilter(
        request.GET, queryset=Coalition.objects.with_region().prefetch_related("municipalities")
    )
    page = paginate(request, coalition_filter.qs)
    return render(request, "coalitions/coalition_list.html", {"filter": coalition_filter, "page": page})


def network_list(request):
    page = paginate(request, LearningNetwork.objects.all())
    return render(request, "coalitions/network_list.html", {"page": page})
