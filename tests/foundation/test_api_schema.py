import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator


@pytest.mark.django_db
def test_the_openapi_schema_builds_without_errors_and_lists_the_v1_endpoints():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert GENERATOR_STATS._error_cache == {}, list(GENERATOR_STATS._error_cache)
    paths = schema["paths"]
    assert "/api/v1/regions/" in paths and "/api/v1/regions/{code}/" in paths and "/api/v1/me/" in paths


@pytest.mark.django_db
def test_the_schema_and_its_docs_are_served_publicly(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()
