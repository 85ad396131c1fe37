"""Demo step (order 20): ~20,000 synthetic residents across Banyuwangi, a good share in Desa
Sarongan, and the demo citizen ``warga`` linked to an adult resident of Sarongan. Idempotent."""

from django.conf import settings

from balai.accounts.models import User

from . import codes
from .generator import insert_population, regency_villages
from .models import Person
from .statistics import population_summary_refresh

SARONGAN = "35.10.01.2001"
SARONGAN_SHARE = 1500


def link_demo_citizen():
    user = User.objects.filter(username="warga", kind=User.Kind.CITIZEN).first()
    if user is None or Person.objects.filter(user=user).exists():
        return None
    person = (Person.objects.filter(village_id=SARONGAN, user__isnull=True, life_status=codes.LifeStatus.ALIVE,
                                    relationship=codes.Relationship.HEAD, nik_is_temporary=False)
              .exclude(family=None).order_by("id").first())
    if person is not None:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    return person


def demo_step(*, stdout, people=20000, seed=2026) -> str:
    if Person.objects.exists():
        linked = link_demo_citizen()
        return "penduduk sudah ada" + (f"; warga ditautkan ke {linked.name}" if linked else "")
    villages = regency_villages(None, settings.BALAI_REGENCY)
    fixed = {SARONGAN: min(SARONGAN_SHARE, people)} if any(v.code == SARONGAN for v in villages) else {}
    count = insert_population(people=people, seed=seed, villages=villages, fixed=fixed)
    population_summary_refresh()
    linked = link_demo_citizen()
    return f"{count} penduduk sintetis" + (f"; akun warga = {linked.name} (NIK {linked.nik})" if linked else "")
