"""Answers to signed-in requests (staff and citizen pages, the API, with a session or a token) carry
``Cache-Control: no-store``, so no browser or proxy cache keeps personal data; public pages that show
none (the service catalogue) stay cacheable."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return "no-store" in directives and "private" in directives


@pytest.mark.parametrize(("role", "url_name"), [
    ("operator", "registry:search"),
    ("agency_officer", "registry:search"),
    ("operator", "person-list"),
    ("operator", "registry_import:template"),
    ("citizen", "registry:my_record"),
    ("citizen", "api-me"),
])
def test_every_answer_to_a_signed_in_user_is_marked_no_store(world, role, url_name):
    name = f"registry:{url_name}" if url_name.startswith("registry_import") else url_name
    response = world.client(role).get(reverse(name))
    assert response.status_code in (200, 302), response.status_code
    assert no_store(response), response.get("Cache-Control")


def test_an_api_answer_to_a_token_is_marked_no_store(world):
    token = Token.objects.create(user=world.user("citizen"))
    response = Client().get(reverse("api-me"), HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200 and no_store(response)


def test_a_public_page_without_personal_data_is_not_marked(world):
    response = Client().get(reverse("services:index"))
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")
