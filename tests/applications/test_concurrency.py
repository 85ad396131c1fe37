import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from balai.applications.models import Application, ApplicationEvent
from balai.applications.services import application_transition

from .factories import make_person, make_service, membership_of, submit


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_officers_acting_at_once_move_the_application_once(world):
    from django.db import connections

    application = submit(make_service("sktm-c"), make_person(), membership=membership_of(world, "operator"))
    barrier = threading.Barrier(2)
    results = []

    def officer():
        try:
            mine = Application.objects.get(pk=application.pk)  # both load it while it is "submitted"
            barrier.wait(timeout=10)
            application_transition(application=mine, action="verify", user=world.users["operator"],
                                   membership=membership_of(world, "operator"))
            results.append("ok")
        except ValidationError as error:
            results.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results, key=len)[0] == "ok"
    assert results.count("ok") == 1
    assert any("sudah diproses oleh petugas lain" in r for r in results)
    assert ApplicationEvent.objects.filter(application=application, action="verify").count() == 1
    assert Application.objects.get(pk=application.pk).status == "verified"
