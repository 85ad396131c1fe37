"""The queue ticket's life cycle, declared on the workflow engine (``balai.core.workflow``)::

    waiting --call--> called --start--> serving --finish--> done
                      called --recall--> called (called once more)
                      called --no_show--> no_show
    called | serving --transfer--> waiting (another counter or service; keeps the number)

Only the counter holding a ticket moves it (scope ``ticket_counter``); a counter calls the next
waiting ticket from its own queue (scope ``queue_counter``). Every step is one compare-and-set write
of the ticket plus one ``TicketEvent`` row (the source of the analytics).
"""

from django.utils.translation import gettext

from balai.core.workflow import Actor, Step, SubjectAdapter, Workflow, register_scope, register_workflow

from .models import Ticket, TicketEvent

QUEUE_TICKETS = "queue_ticket"  # the family (and the one workflow) of queue tickets

WAITING, CALLED, SERVING = Ticket.Status.WAITING, Ticket.Status.CALLED, Ticket.Status.SERVING
DONE, NO_SHOW = Ticket.Status.DONE, Ticket.Status.NO_SHOW

CALL, RECALL, START, FINISH, MISSED, TRANSFER = "call", "recall", "start", "finish", "no_show", "transfer"

HOLDING_COUNTER_SCOPE = "ticket_counter"  # the counter the ticket is with
QUEUE_COUNTER_SCOPE = "queue_counter"  # a counter whose queue the waiting ticket is in


def _holds(ticket, counter=None, **who):
    return counter is not None and ticket.counter_id == counter.pk


def _serves(ticket, counter=None, **who):
    if counter is None or ticket.hall_id != counter.hall_id:
        return False
    if ticket.target_counter_id:
        return ticket.target_counter_id == counter.pk
    return counter.services.filter(pk=ticket.service_id).exists() or \
        counter.agencies.filter(pk=ticket.service.agency_id).exists()


HOLDER = Actor(HOLDING_COUNTER_SCOPE)
QUEUE_COUNTER = Actor(QUEUE_COUNTER_SCOPE)


class TicketSubject(SubjectAdapter):
    def write_event(self, ticket, *, step, from_status, to_status, note, who, at=None):
        actor = who.get("user")
        fields = {"at": at} if at is not None else {}
        return TicketEvent.objects.create(ticket=ticket, hall_id=ticket.hall_id, kind=step.event_kind,
                                          counter=who.get("counter"),
                                          actor=actor if getattr(actor, "is_authenticated", False) else None,
                                          note=(note or "")[:200], **fields)

    def refusal(self, subject, *, reason, workflow, action, step=None, current=None) -> str:
        return gettext("Nomor %(number)s tidak sedang ditangani loket ini.") % {"number": subject.number}


TICKET_WORKFLOW = Workflow(
    QUEUE_TICKETS, Ticket._meta.verbose_name, (
        Step(CALL, WAITING, CALLED, TicketEvent.Kind.CALLED.label, (QUEUE_COUNTER,), event=TicketEvent.Kind.CALLED),
        Step(RECALL, CALLED, CALLED, TicketEvent.Kind.RECALLED.label, (HOLDER,), event=TicketEvent.Kind.RECALLED),
        Step(START, CALLED, SERVING, TicketEvent.Kind.STARTED.label, (HOLDER,), event=TicketEvent.Kind.STARTED),
        Step(MISSED, CALLED, NO_SHOW, TicketEvent.Kind.NO_SHOW.label, (HOLDER,), event=TicketEvent.Kind.NO_SHOW),
        Step(TRANSFER, CALLED, WAITING, TicketEvent.Kind.TRANSFERRED.label, (HOLDER,),
             event=TicketEvent.Kind.TRANSFERRED),
        Step(FINISH, SERVING, DONE, TicketEvent.Kind.FINISHED.label, (HOLDER,), event=TicketEvent.Kind.FINISHED),
        Step(TRANSFER, SERVING, WAITING, TicketEvent.Kind.TRANSFERRED.label, (HOLDER,),
             event=TicketEvent.Kind.TRANSFERRED),
    ),
    initial=WAITING, labels=dict(Ticket.Status.choices), terminal={DONE, NO_SHOW},
    stops_clock={DONE, NO_SHOW}, family=QUEUE_TICKETS, subject=TicketSubject(), module=__name__)

def register():
    """Called by ``QueuesConfig.ready()``."""
    register_scope(HOLDING_COUNTER_SCOPE, matches=_holds)
    register_scope(QUEUE_COUNTER_SCOPE, matches=_serves)
    register_workflow(TICKET_WORKFLOW, default=True)

