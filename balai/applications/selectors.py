"""Reads, already scoped to the requester.

Scope of staff: a village office sees applications of its village; a kecamatan office those of its
villages; an agency those for its services; the service hall and the regency government all.
Citizens see their own (as applicant or submitter)."""

import datetime

from django.db.models import Count, Q

from balai.accounts.models import Office

from .models import Application, Complaint
from .services import is_own_application, membership_matches
from .workflows import DONE, PAUSED, TERMINAL, get_workflow

LIST_RELATED = ("service", "agency", "current_office")


def staff_scope_q(membership) -> Q | None:
    """The filter for applications a membership may see (None: nothing)."""
    if membership is None:
        return None
    office = membership.office
    if office.kind in (Office.Kind.VILLAGE, Office.Kind.DISTRICT):
        return membership.scope.q("village_id")
    if office.kind in (Office.Kind.AGENCY, Office.Kind.NATIONAL):
        return Q(agency_id=office.pk)
    if office.kind in (Office.Kind.HALL, Office.Kind.REGENCY):
        return Q()
    return None


def applications_visible_to(request):
    membership = getattr(request, "membership", None)
    scope = staff_scope_q(membership)
    if scope is not None:
        return Application.objects.filter(scope)
    user = request.user
    if user.is_authenticated and user.is_citizen:
        person = getattr(user, "person", None)
        q = Q(submitted_by=user)
        if person is not None:
            q |= Q(applicant=person)
        return Application.objects.filter(q)
    return Application.objects.none()


def can_see(request, application) -> bool:
    membership = getattr(request, "membership", None)
    if membership is not None:
        scope = staff_scope_q(membership)
        if scope is None:
            return False
        office = membership.office
        if office.kind in (Office.Kind.VILLAGE, Office.Kind.DISTRICT):
            return membership.scope.covers(application.village_id)
        if office.kind in (Office.Kind.AGENCY, Office.Kind.NATIONAL):
            return application.agency_id == office.pk
        return True
    return is_own_application(request.user, application)


def may_act_somewhere(membership, application) -> bool:
    wf = get_workflow(application.workflow)
    return any(membership_matches(membership, application, a) for s in wf.steps for a in s.actors)


QUEUES = ("new", "mine", "due", "overdue")
QUEUE_FIELDS = ("id", "public_id", "reference", "workflow", "status", "applicant_name", "applicant_nik", "due_date",
                "completed_at", "paused_since", "service__id", "service__name")


def work_queue(membership, tab: str, *, today, after=None, limit=50):
    """One page of an office's work queue, keyset-paginated.

    new: everything waiting for this office (whatever step), oldest first; mine: open and last handled by me; due: pending here,
    due within 2 working days; overdue: pending here, past due. ``after`` is the cursor returned with
    the previous page (``"<due_date>|<id>"`` or ``"<id>"``); a cursor that does not parse (a cut or
    edited link) starts again at the first page rather than failing."""
    after = _queue_cursor(after, dated=tab not in ("mine", "new"))
    office = membership.office
    qs = Application.objects.select_related("service").only(*QUEUE_FIELDS)
    if tab == "mine":
        qs = qs.filter(assignee=membership.user).exclude(status__in=sorted(TERMINAL)).order_by("-id")
        if after:
            qs = qs.filter(id__lt=after)
        rows = list(qs[:limit + 1])
        return rows[:limit], (str(rows[limit - 1].id) if len(rows) > limit else None)
    qs = qs.filter(current_office=office)
    if tab == "new":
        qs = qs.order_by("id")
        if after:
            qs = qs.filter(id__gt=after)
        rows = list(qs[:limit + 1])
        return rows[:limit], (str(rows[limit - 1].id) if len(rows) > limit else None)
    if tab == "overdue":
        qs = qs.filter(due_date__lt=today)
    elif tab == "due":
        from balai.core.calendar import WorkCalendar

        horizon = WorkCalendar(office.work_week, local=False).add_working_days(today, 2)
        qs = qs.filter(due_date__gte=today, due_date__lte=horizon)
    qs = qs.order_by("due_date", "id")
    if after:
        due, pk = after
        qs = qs.filter(Q(due_date__gt=due) | Q(due_date=due, id__gt=pk))
    rows = list(qs[:limit + 1])
    cursor = f"{rows[limit - 1].due_date.isoformat()}|{rows[limit - 1].id}" if len(rows) > limit else None
    return rows[:limit], cursor


def _queue_cursor(after, *, dated: bool):
    """``"<id>"`` -> id, or (dated) ``"<due_date>|<id>"`` -> (date, id); None when absent or malformed."""
    if not after:
        return None
    try:
        if not dated:
            return int(after)
        due, _sep, pk = after.partition("|")
        return datetime.date.fromisoformat(due), int(pk)
    except ValueError:
        return None


def sla_summary(queryset, group_field: str):
    """Per group: total, open, finished on time, finished late, open past due — one grouped query."""
    from django.db.models import F
    from django.utils import timezone

    today = timezone.localdate()
    done = Q(status__in=sorted(DONE))
    return list(
        queryset.values(group_field).annotate(
            total=Count("id"),
            open=Count("id", filter=~done),
            on_time=Count("id", filter=done & Q(completed_at__date__lte=F("due_date"))),
            late=Count("id", filter=done & Q(completed_at__date__gt=F("due_date"))),
            overdue=Count("id", filter=~done & ~Q(status__in=sorted(PAUSED)) & Q(due_date__lt=today)),
        ).order_by(group_field)
    )


def complaints_for(membership):
    if membership is None:
        return Complaint.objects.none()
    if membership.office.kind in (Office.Kind.REGENCY,):
        return Complaint.objects.all()
    return Complaint.objects.filter(office=membership.office)


COMPLAINT_PAGE_SIZE = 50


def complaints_page(membership, *, after: str | None = None, limit: int = COMPLAINT_PAGE_SIZE):
    """One page of the complaints list, keyset-paginated: the ones waiting for an answer first, each
    group by answer deadline then id. ``after`` is the cursor returned with the previous page
    (``"<0 waiting | 1 answered>|<response_due>|<id>"``); a cursor that does not parse starts again
    at the first page. Returns (rows, cursor of the next page or None)."""
    from django.db.models import Case, IntegerField, Value, When

    qs = (complaints_for(membership).select_related("office", "service")
          .annotate(answered_rank=Case(When(status=Complaint.Status.OPEN, then=Value(0)), default=Value(1),
                                       output_field=IntegerField()))
          .order_by("answered_rank", "response_due", "id"))
    key = _complaint_cursor(after)
    if key is not None:
        rank, due, pk = key
        qs = qs.filter(Q(answered_rank__gt=rank) | Q(answered_rank=rank, response_due__gt=due)
                       | Q(answered_rank=rank, response_due=due, id__gt=pk))
    rows = list(qs[:limit + 1])
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], f"{last.answered_rank}|{last.response_due.isoformat()}|{last.id}"


def _complaint_cursor(after):
    import datetime as dt

    if not after:
        return None
    try:
        rank, due, pk = after.split("|")
        return int(rank), dt.date.fromisoformat(due), int(pk)
    except ValueError:
        return None
