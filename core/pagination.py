"""One way to paginate every list: ?pagina=N (or another parameter), tolerant of bad values.

Lists that can grow with the country (practices, events, search results) use ``capped=True``: the count stops
at ``settings.PAGINATION_COUNT_CAP`` rows, so counting costs the same with a thousand or a million matches, and
the pages reach as far as the cap (like the big search engines; the page asks to narrow the search instead).
"""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.utils.formats import number_format
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """A paginator whose count reads at most ``cap + 1`` rows; ``capped`` tells whether there were more.
    ``count_from``: a queryset with one row for each of the list's rows that is cheaper to count."""

    def __init__(self, object_list, per_page, cap: int, count_from=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.capped = False
        self.count_from = count_from

    @cached_property
    def count(self) -> int:
        object_list = self.object_list if self.count_from is None else self.count_from
        if hasattr(object_list, "order_by"):
            found = object_list.order_by().values("pk")[: self.cap + 1].count()
        else:
            found = len(object_list[: self.cap + 1])
        self.capped = found > self.cap
        return min(found, self.cap)

    @property
    def count_display(self) -> str:
        """The count as the page shows it: "1.000+" once capped."""
        shown = number_format(self.count, force_grouping=True)
        return f"{shown}+" if self.capped else shown


class ShortListPaginator(Paginator):
    """For a list that mostly fits on one page (a member's own items): the first page's rows are read with one
    more than fit, in one query, and the rows are only counted when there are more."""

    first_rows: list | None = None

    @cached_property
    def count(self) -> int:
        rows = list(self.object_list[: self.per_page + 1])
        self.first_rows = rows[: self.per_page]
        return len(rows) if len(rows) <= self.per_page else Paginator.count.func(self)

    def page(self, number):
        number = self.validate_number(number)
        if number == 1 and self.first_rows is not None:
            return self._get_page(self.first_rows, number, self)
        return super().page(number)


def _requested_page(number, per_page: int, cap: int | None) -> int:
    """The page number asked for: 1 for a missing or bad value, and no page past the cap."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    return number if cap is None else min(number, max(-(-cap // per_page), 1))


class LookAheadPaginator(Paginator):
    """For a list that is costly to count or to walk: reads only the page asked for and one row more, in one
    read, so it knows whether a next page exists but not how many pages follow (``open_ended``). A page past
    the end falls back to counting (the last page is shown). A list with a ``cap`` reads no further."""

    def __init__(self, object_list, per_page, number, cap: int | None = None):
        super().__init__(object_list, per_page)
        self.number = _requested_page(number, per_page, cap)
        self.cap = cap
        self.open_ended = False
        self.rows: list | None = None

    @cached_property
    def count(self) -> int:
        bottom = (self.number - 1) * self.per_page
        top = bottom + self.per_page + 1
        if self.cap is not None:
            top = min(top, self.cap)
        rows = list(self.object_list[bottom:top])
        if not rows and bottom:  # past the end
            if self.cap is not None:
                return len(self.object_list[: self.cap])
            return Paginator.count.func(self)
        self.rows = rows[: self.per_page]
        # One more row than the page: there is a next page, how many is unknown.
        self.open_ended = len(rows) > self.per_page
        return bottom + len(rows)

    def page(self, number):
        number = self.validate_number(number)
        if self.rows is not None and number == self.number:
            return self._get_page(self.rows, number, self)
        return super().page(number)


class RowCountPaginator(CappedPaginator):
    """For a list whose every row carries the list's length (a window count, ``COUNT(*) OVER ()``), up to a
    cap: the page asked for is read once and the count taken from its first row, so nothing is counted apart.
    Only a page past the end reads the first row again for the count (the last page is then shown)."""

    def __init__(self, object_list, per_page, number, cap: int, counted_by: str):
        super().__init__(object_list, per_page, cap=cap)
        self.number = _requested_page(number, per_page, cap)
        self.counted_by = counted_by
        self.rows: list | None = None

    @cached_property
    def count(self) -> int:
        bottom = (self.number - 1) * self.per_page
        rows = list(self.object_list[bottom:min(bottom + self.per_page, self.cap)])
        if rows:
            self.rows = rows
        elif bottom:  # past the end
            rows = list(self.object_list[:1])
        found = getattr(rows[0], self.counted_by) if rows else 0
        self.capped = found > self.cap
        return min(found, self.cap)

    def page(self, number):
        number = self.validate_number(number)
        if self.rows is not None and number == self.number:
            return self._get_page(self.rows, number, self)
        return super().page(number)


class KeyedRows:
    """A list read a page at a time by key: ``keys`` (a flat ``values_list``) gives the list's primary keys in
    the list's order from a table cheaper to walk (an index in that order), and a page is the ``queryset``'s rows
    with the page's keys, which the queryset's ordering puts in the same order. The queryset's own filters still
    apply to the rows. Counted by its keys."""

    ordered = True  # for the paginator: the keys are read in order

    def __init__(self, queryset, keys):
        if not queryset.ordered or not keys.ordered:
            raise TypeError("KeyedRows needs an ordered queryset and keys in the same order")
        self.queryset = queryset
        self.keys = keys

    def count(self) -> int:
        return self.keys.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("KeyedRows is read a page, a slice, at a time")
        return self.queryset.filter(pk__in=self.keys[index])


def paginate(
    request, queryset, per_page: int | None = None, param: str = "pagina", *, capped: bool = False,
    cap: int | None = None, count: int | None = None, count_from=None, counted_by: str | None = None,
    short: bool = False, look_ahead: bool = False, keys=None,
) -> Page:
    """``count``: the number of rows, when the caller counted them more cheaply than ``queryset.count()`` could
    (the same rows without the joins its annotations need, or adding up counts it shows anyway); ``count_from``:
    with ``capped``, a queryset with one row for each of the list's rows, counted (to the cap) instead. ``short``: the
    list is usually shorter than a page, so its first page is read without a count (``ShortListPaginator``).
    ``look_ahead``: the list reads only as far as the page asked for (``LookAheadPaginator``), up to ``cap``.
    ``counted_by``: with ``capped``, the annotation in which every row carries the list's length
    (``RowCountPaginator``). ``keys``: the list's keys in its order, from a table cheaper to walk; a page's keys
    are read there and its rows by key (``KeyedRows``), and, without ``count_from``, the keys are counted."""
    per_page = per_page or settings.PAGE_SIZE
    if keys is not None:
        queryset = KeyedRows(queryset, keys)
        count_from = keys if count_from is None else count_from
    if look_ahead:
        paginator = LookAheadPaginator(queryset, per_page, request.GET.get(param), cap=cap)
    elif short and request.GET.get(param, "1") == "1":
        paginator = ShortListPaginator(queryset, per_page)
    elif capped and counted_by:
        paginator = RowCountPaginator(queryset, per_page, request.GET.get(param),
                                      cap=cap or settings.PAGINATION_COUNT_CAP, counted_by=counted_by)
    elif capped:
        paginator = CappedPaginator(queryset, per_page, cap=cap or settings.PAGINATION_COUNT_CAP, count_from=count_from)
    else:
        paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # the cached property, set
    page = paginator.get_page(request.GET.get(param))
    page.param = param
    return page
