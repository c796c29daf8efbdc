"""One way to paginate every list: ?pagina=N (or another parameter), tolerant of bad values."""

from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int | None = None, param: str = "pagina") -> Page:
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    page = paginator.get_page(request.GET.get(param))
    page.param = param
    return page
