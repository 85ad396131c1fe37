"""Issue letters in tests without the application workflow (the holder's data given directly)."""

from balai.accounts.models import Membership, Role
from balai.letters.services import letter_issue

HOLDER = {
    "name": "Siti Aminah", "nik": "3510014101900001", "birth_place": "Banyuwangi", "birth_date": "1990-01-01",
    "sex": "Perempuan", "religion": "Islam", "occupation": "Petani/Pekebun", "marital_status": "Kawin",
    "citizenship": "WNI", "address": "Dusun Krajan, RT 001, RW 002, Desa Sarongan",
}


def head_membership(world):
    return Membership.objects.select_related("office").get(user=world.user("head"), role=Role.HEAD)


def issue_letter(world, *, village="35.10.01.2001", letter_type="sktm", holder=None, **kwargs):
    membership = head_membership(world)
    return letter_issue(letter_type=letter_type, village=village, holder=holder or dict(HOLDER),
                        signer_user=membership.user, membership=membership, **kwargs)


def load_letter_services(codes=("sktm",)):
    """The village-letter services from the real catalogue file (only those asked for, to stay fast)."""
    from balai.services.catalogue import load_catalogue, read_catalogue
    from balai.services.models import Service

    data = read_catalogue()
    data = {"life_events": data.get("life_events", []),
            "services": [s for s in data["services"] if s["code"] in codes]}
    load_catalogue(data=data)
    return {s.code: s for s in Service.objects.filter(code__in=codes)}


def make_resident(village="35.10.01.2001", *, nik="3510014101900001", name="Siti Aminah"):
    """A registered resident with a family card, address and RT/RW/dusun (through registry services)."""
    import datetime

    from balai.regions.models import Region, UnitKind, VillageUnit
    from balai.registry import codes
    from balai.registry.services import family_create, person_create

    region = Region.objects.get(code=village)
    dusun = VillageUnit.objects.create(village=region, kind=UnitKind.DUSUN, name="Krajan")
    rw = VillageUnit.objects.create(village=region, kind=UnitKind.RW, name="002", parent=dusun)
    rt = VillageUnit.objects.create(village=region, kind=UnitKind.RT, name="001", parent=rw)
    family = family_create(village=region, kk_number=nik[:6] + "0201150001", address="Jl. Pantai Rajegwesi No. 7",
                           dusun=dusun, rw=rw, rt=rt)
    return person_create(village=region, nik=nik, name=name, sex=codes.Sex.FEMALE, birth_place="Banyuwangi",
                         birth_date=datetime.date(1990, 1, 1), occupation=codes.Occupation.HOMEMAKER,
                         marital_status=codes.MaritalStatus.MARRIED, family=family, rt=rt)


# A valid 1×1 PNG (uploads are opened with Pillow: the earlier constant had a broken IDAT checksum).
PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082")


def uploads_for(service):
    """A small PNG for every document the service requires to be uploaded."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {r["name"]: SimpleUploadedFile("berkas.png", PNG_1PX, "image/png") for r in service.upload_requirements}


def membership(world, role):
    return world.users[role].memberships.get()
