"""Duplicate NIKs are impossible even when two operators save the same NIK at the same moment."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from balai.regions.models import Region
from balai.registry import codes, services
from balai.registry.models import Person


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_registrations_of_one_nik_store_exactly_one(regions):
    village = Region.objects.get(code="35.10.01.2001")
    barrier = threading.Barrier(2)
    outcomes = []

    def register(name):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            services.person_create(village=village, nik="3510011208900012", name=name, sex=codes.Sex.MALE,
                                   birth_date=datetime.date(1990, 8, 12))
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(error.message_dict["nik"][0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(f"Orang {i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Person.objects.filter(nik="3510011208900012").count() == 1
    assert sorted(outcomes)[-1] == "saved" and "sudah terdaftar" in sorted(outcomes)[0]
