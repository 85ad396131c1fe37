"""Loading the Kemendagri region list, idempotently and set-based."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .models import Region, kind_of, level_of, parent_code
from .scope import RegionScope

DATA_FILE = Path(__file__).resolve().parent / "data" / "wilayah.csv"


@dataclass
class LoadResult:
    created: int = 0
    renamed: int = 0
    unchanged: int = 0

    @property
    def total(self):
        return self.created + self.renamed + self.unchanged


def read_rows(path: Path = DATA_FILE):
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield row["code"].strip(), row["name"].strip()


def load_regions(prefix: str | None = None, path: Path = DATA_FILE, batch_size: int = 5000) -> LoadResult:
    """Load ``prefix`` with its subtree and its parents, or the whole country when prefix is None.

    Loading twice changes nothing; a renamed region is renamed in place (codes are the key)."""
    wanted = {}
    parents_of_prefix = set()
    wanted_scope = RegionScope(prefix) if prefix else RegionScope.everything()
    if prefix:
        parts = prefix.split(".")
        parents_of_prefix = {".".join(parts[:i]) for i in range(1, len(parts))}
    for code, name in read_rows(path):
        if prefix is None or wanted_scope.covers(code) or code in parents_of_prefix:
            wanted[code] = name
    if prefix and prefix not in wanted:
        raise ValueError(f"Kode wilayah {prefix} tidak ada dalam daftar Kemendagri.")

    result = LoadResult()
    if prefix:
        scope = Region.objects.within(prefix) | Region.objects.filter(code__in=parents_of_prefix)
    else:
        scope = Region.objects.all()
    existing = dict(scope.values_list("code", "name"))
    new, renamed = [], []
    for code, name in wanted.items():
        old = existing.get(code)
        if old is None:
            new.append(Region(code=code, name=name, level=level_of(code), kind=kind_of(code, name),
                              parent_id=parent_code(code)))
        elif old != name:
            renamed.append(Region(code=code, name=name, kind=kind_of(code, name)))
        else:
            result.unchanged += 1
    # Parents first so that foreign keys always point at existing rows.
    new.sort(key=lambda r: (r.level, r.code))
    with transaction.atomic():
        Region.objects.bulk_create(new, batch_size=batch_size)
        Region.objects.bulk_update(renamed, ["name", "kind"], batch_size=batch_size)
    result.created = len(new)
    result.renamed = len(renamed)
    return result
