"""A bulk load (an import that at least doubles the register) drops the person and family indexes,
unique constraints and foreign keys, inserts, and rebuilds them inside the write transaction.
These tests lower the threshold so a small file takes that path, and check that the result, the
catalogue and a failure all look exactly as with the row-by-row path."""

import pytest
from django.db import connection

from balai.registry.importing import engine
from balai.registry.importing.engine import population_import
from balai.registry.models import Family, Person

from .builders import VILLAGE, balai_csv, family

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk load is PostgreSQL's path"),
    pytest.mark.django_db,
]


def rows():
    return family(1, 1, size=4) + family(2, 10, size=3) + family(3, 20, size=2, dusun="Sumberagung", rw="2", rt="7")


def catalogue():
    """Every index and constraint of the person and family tables, by name with its definition."""
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid IN ('registry_person'::regclass, 'registry_family'::regclass)
            UNION ALL
            SELECT k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
            WHERE k.conrelid IN ('registry_person'::regclass, 'registry_family'::regclass)
            ORDER BY 1, 2""")
        return cursor.fetchall()


def test_a_bulk_load_writes_what_a_row_by_row_import_writes_and_restores_every_index(regions, monkeypatch):
    monkeypatch.setattr(engine, "BULK_MIN_NEW", 1)
    before = catalogue()
    suspended = []
    original = engine._BulkLoad.suspend

    def spy(self):
        original(self)
        suspended.append((len(self.indexes), len(self.uniques), len(self.foreign_keys)))

    monkeypatch.setattr(engine._BulkLoad, "suspend", spy)
    report = population_import(source=balai_csv(rows()))
    assert report.ok and report.written and report.created == 9 and report.families_created == 3
    indexes, uniques, foreign_keys = suspended[0]
    # every foreign key of the two tables, including those an import leaves empty (account, household)
    assert indexes >= 6 and uniques >= 3 and foreign_keys == sum(d.startswith("FOREIGN KEY") for _n, d in before)
    assert foreign_keys >= 10
    assert catalogue() == before
    for fam in Family.objects.select_related("head", "rt"):
        assert fam.head.relationship == 1 and fam.head.family_id == fam.id and fam.village_id == VILLAGE
    assert Person.objects.filter(rt__isnull=False, family__isnull=False).count() == 9


def test_a_second_import_into_a_register_as_large_is_not_a_bulk_load(regions, monkeypatch):
    monkeypatch.setattr(engine, "BULK_MIN_NEW", 1)
    population_import(source=balai_csv(rows()[:4]))
    with connection.cursor() as cursor:
        assert engine._is_bulk_load(cursor, 4) is False  # 4 persons in the register, 4 new: not doubling
        assert engine._is_bulk_load(cursor, 5) is True
    monkeypatch.setattr(engine, "BULK_MIN_NEW", 50_000)
    with connection.cursor() as cursor:
        assert engine._is_bulk_load(cursor, 10) is False  # small files always take the row-by-row path


def test_a_bulk_load_that_fails_while_rebuilding_leaves_the_register_and_its_indexes_as_they_were(
        regions, monkeypatch):
    monkeypatch.setattr(engine, "BULK_MIN_NEW", 1)
    before = catalogue()

    def broken_restore(self):
        raise RuntimeError("disk full while building an index")

    monkeypatch.setattr(engine._BulkLoad, "restore", broken_restore)
    with pytest.raises(RuntimeError):
        population_import(source=balai_csv(rows()))
    assert Person.objects.count() == 0 and Family.objects.count() == 0
    assert catalogue() == before


def test_a_bulk_load_refuses_a_file_with_a_nik_twice_and_writes_nothing(regions, monkeypatch):
    monkeypatch.setattr(engine, "BULK_MIN_NEW", 1)
    duplicate = rows()
    duplicate[5]["nik"] = duplicate[0]["nik"]
    report = population_import(source=balai_csv(duplicate))
    assert not report.written and [p.row for p in report.errors] == [7]  # header is row 1
    assert "NIK ganda" in report.errors[0].message
    assert Person.objects.count() == 0
