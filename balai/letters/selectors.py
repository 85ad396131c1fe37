"""Reads of letters, already scoped to the acting membership."""

from django.db.models import Q

from balai.accounts.scope import scope_for

from .models import Letter


def letters_visible_to(request):
    scope = scope_for(request)
    if scope.is_nothing:
        return Letter.objects.none()
    return Letter.objects.filter(scope.q("village_id"))


def letter_list_page(request, *, before=None, letter_type=None, query="", size=25):
    """One keyset page (newest first) of the letters the request may see: no COUNT over the table."""
    queryset = letters_visible_to(request).select_related("letter_type", "village", "document").defer("holder", "data")
    if letter_type:
        queryset = queryset.filter(letter_type__key=letter_type)
    if query:
        queryset = queryset.filter(Q(number__startswith=query) | Q(holder_name__icontains=query))
    if before:
        queryset = queryset.filter(id__lt=before)
    rows = list(queryset.order_by("-id")[: size + 1])
    next_before = rows[size - 1].id if len(rows) > size else None
    return rows[:size], next_before
