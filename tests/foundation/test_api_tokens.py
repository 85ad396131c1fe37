import pytest

from tests.support.world import VILLAGE


@pytest.mark.django_db
def test_the_api_token_authenticates_with_the_same_permissions(world, client):
    response = client.post("/api/v1/token/", {"username": "t-operator", "password": "rahasia-uji-123"})
    token = response.json()["token"]
    me = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200
    assert me.json()["memberships"][0]["region"] == VILLAGE
    assert client.get("/api/v1/me/").status_code in (401, 403)
