"""Queue test objects: the MPP as a hall open all day, two services in two groups, three counters."""

from datetime import time

from balai.accounts.models import Office
from balai.queues.models import Counter, Hall, HallService, QueueGroup
from balai.regions.models import Kind, Level, Region
from balai.services.models import Service

OFFICES = [("mpp", "Mal Pelayanan Publik Banyuwangi", "hall"), ("dispendukcapil", "Dispendukcapil", "agency"),
           ("dpmptsp", "DPMPTSP", "agency"), ("dinsos", "Dinas Sosial", "agency")]


def light_offices():
    """Just the regency and the offices the queue tests need (the full test world is slow to build)."""
    Region.objects.get_or_create(code="35", defaults={"name": "Jawa Timur", "level": Level.PROVINCE,
                                                      "kind": Kind.PROVINCE})
    regency = Region.objects.get_or_create(code="35.10", defaults={
        "name": "Kabupaten Banyuwangi", "level": Level.REGENCY, "kind": Kind.REGENCY, "parent_id": "35"})[0]
    for code, name, kind in OFFICES:
        Office.objects.get_or_create(code=code, defaults={"name": name, "kind": kind, "region": regency})


def make_service(code, agency_code="dispendukcapil", name=None):
    agency = Office.objects.get(code=agency_code)
    return Service.objects.get_or_create(code=code, defaults={
        "name": name or code.replace("-", " ").title(), "agency": agency, "channels": ["counter"]})[0]


def make_hall(office_code="mpp", *, daily_quota=100, slot_quota=2):
    """Hall + groups A (Dukcapil) and B (perizinan) + counters 1, 2 (Dukcapil) and 3 (perizinan)."""
    office = Office.objects.get(code=office_code)
    hall = Hall.objects.get_or_create(office=office, defaults={
        # Open the whole day, to the last microsecond: closing at 23:59 made every "take a ticket now" test
        # fail when the suite ran during the last minute of a WIB day.
        "opens_at": time(0, 0), "closes_at": time(23, 59, 59, 999999), "open_days": "0123456", "slot_minutes": 30})[0]
    group_a = QueueGroup.objects.get_or_create(hall=hall, prefix="A", defaults={"name": "Kependudukan"})[0]
    group_b = QueueGroup.objects.get_or_create(hall=hall, prefix="B", defaults={"name": "Perizinan"})[0]
    ktp = make_service("uji-ktp-el", "dispendukcapil", "Perekaman KTP-el")
    kk = make_service("uji-kk", "dispendukcapil", "Kartu Keluarga")
    izin = make_service("uji-nib", "dpmptsp", "Nomor Induk Berusaha")
    for order, (service, group) in enumerate([(ktp, group_a), (kk, group_a), (izin, group_b)]):
        HallService.objects.get_or_create(hall=hall, service=service, defaults={
            "group": group, "daily_quota": daily_quota, "slot_quota": slot_quota, "order": order})
    counters = []
    for number, agency in [(1, "dispendukcapil"), (2, "dispendukcapil"), (3, "dpmptsp")]:
        counter, made = Counter.objects.get_or_create(hall=hall, number=number)
        if made:
            counter.agencies.set([Office.objects.get(code=agency)])
        counters.append(counter)
    return {"hall": hall, "A": group_a, "B": group_b, "ktp": ktp, "kk": kk, "izin": izin, "counters": counters}
