"""Deadlines: due dates in working days (``balai.core.calendar``), the pause while an application
waits for the citizen, and the on-track / at-risk / breached state."""

import datetime as dt

from django.utils import timezone

from balai.core.calendar import WorkCalendar

from .workflows import VILLAGE_OWNED, get_workflow

AT_RISK_WORKING_DAYS = 1  # at risk when at most this many working days are left


def local_today():
    return timezone.localdate()


def calendar_for(application) -> WorkCalendar:
    """The calendar of the office that owns the deadline: the village office for village letters,
    otherwise the service's agency (the MPP's agencies work Mon–Sat when their office says so).
    Village letters: workflows flagged ``VILLAGE_OWNED``."""
    from balai.accounts.models import Office

    office = None
    if get_workflow(application.workflow).has(VILLAGE_OWNED) and application.village_id:
        office = Office.objects.filter(region_id=application.village_id, kind=Office.Kind.VILLAGE).first()
    if office is None:
        office = application.agency
    return WorkCalendar(office.work_week if office else "mon-fri", application.village_id or "")


def due_date_for(application, start: dt.date) -> dt.date:
    return calendar_for(application).add_working_days(start, application.service.processing_days)


def pause_length(application, resumed_on: dt.date) -> int:
    """Working days between the return for correction and the resubmission."""
    if not application.paused_since:
        return 0
    return calendar_for(application).working_days_between(application.paused_since, resumed_on)


def sla_state(application, today=None) -> str:
    workflow = get_workflow(application.workflow)
    if application.status in workflow.stops_clock:
        finished = timezone.localtime(application.completed_at).date() if application.completed_at else None
        return "breached" if finished and finished > application.due_date else "on-track"
    today = today or local_today()
    if application.status in workflow.pauses_clock and application.paused_since:
        today = application.paused_since  # the clock stands still
    if today > application.due_date:
        return "breached"
    left = WorkCalendar("mon-fri", local=False).working_days_between(today, application.due_date) if today < application.due_date else 0
    return "at-risk" if left <= AT_RISK_WORKING_DAYS else "on-track"
