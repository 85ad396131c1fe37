"""50 letters issued at once for one village and type get 50 distinct, consecutive numbers (PostgreSQL:
real row locks between real connections)."""

import threading

import pytest
from django.db import connection, connections

from balai.letters import services
from balai.letters.models import Letter
from tests.letters.factories import HOLDER, head_membership
from tests.support.world import VILLAGE, build_world

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks between connections"),
    pytest.mark.django_db(transaction=True),
]


def test_fifty_concurrent_issuances_get_fifty_consecutive_numbers(monkeypatch):
    world = build_world()
    membership = head_membership(world)
    # The PDF is replaced by a stub so that the test measures numbering, not WeasyPrint: the number,
    # the counter row lock and the letter row are the real ones, in the real issuing transaction.
    monkeypatch.setattr(services, "letter_render_pdf", lambda letter: f"%PDF-stub {letter.number}".encode())
    services.letter_issue(letter_type="sktm", village=VILLAGE, holder=dict(HOLDER), signer_user=membership.user,
                          membership=membership)  # warm up: letter types exist, counter row exists
    Letter.objects.all().delete()
    from balai.core.models import Document, Sequence

    Document.objects.all().delete()
    Sequence.objects.all().delete()  # the first concurrent issuance must also create the counter
    barrier = threading.Barrier(50)
    errors = []

    def issue():
        try:
            barrier.wait()
            services.letter_issue(letter_type="sktm", village=VILLAGE, holder=dict(HOLDER),
                                  signer_user=membership.user, membership=membership)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sequences = sorted(Letter.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, 51))
    assert Letter.objects.values("number").distinct().count() == 50
