"""A counter action checks, inside the service, that the acting membership is a counter officer of the
hall owning the counter: the console and the API both call ``counter_action``."""

import pytest
from django.core.exceptions import PermissionDenied

from balai.accounts.models import Membership, Office, Role, User
from balai.queues import services
from balai.queues.models import Hall, Ticket


def _membership(world, role):
    return world.user(role).memberships.get()


@pytest.mark.parametrize("role", ["operator", "agency_officer", "administrator", "viewer"])
def test_a_counter_action_is_refused_to_anyone_but_a_counter_officer_of_the_hall(mpp_world, world, role):
    services.ticket_issue(hall=mpp_world["hall"], service=mpp_world["ktp"])
    counter = mpp_world["counters"][0]
    with pytest.raises(PermissionDenied, match="Anda tidak bertugas di loket ini"):
        services.counter_action(counter=counter, action="call", data={}, actor=world.user(role),
                                membership=_membership(world, role))
    assert Ticket.objects.get().status == Ticket.Status.WAITING


def test_a_counter_officer_of_another_hall_is_refused_at_the_mpp_counters(mpp_world, world):
    office = Office.objects.create(code="gerai-genteng", name="Gerai Pasar Genteng", kind=Office.Kind.HALL,
                                   region_id="35.10")
    Hall.objects.create(office=office)
    user = User.objects.create_user(username="t-genteng", password="rahasia-uji-123")
    membership = Membership.objects.create(user=user, office=office, role=Role.COUNTER_OFFICER)
    services.ticket_issue(hall=mpp_world["hall"], service=mpp_world["ktp"])
    with pytest.raises(PermissionDenied, match="Anda tidak bertugas di loket ini"):
        services.counter_action(counter=mpp_world["counters"][0], action="call", data={}, actor=user,
                                membership=membership)
    assert Ticket.objects.get().status == Ticket.Status.WAITING


def test_the_mpp_counter_officer_calls_the_next_number_through_the_same_service(mpp_world, world):
    ticket = services.ticket_issue(hall=mpp_world["hall"], service=mpp_world["ktp"])
    called = services.counter_action(counter=mpp_world["counters"][0], action="call", data={},
                                     actor=world.user("counter_officer"),
                                     membership=_membership(world, "counter_officer"))
    assert called.pk == ticket.pk and called.status == Ticket.Status.CALLED
    with pytest.raises(PermissionDenied):  # someone else's membership does not lend its rights
        services.counter_action(counter=mpp_world["counters"][0], action="start", data={},
                                actor=world.user("viewer"), membership=_membership(world, "counter_officer"))
