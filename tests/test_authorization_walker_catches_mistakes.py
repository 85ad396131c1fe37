"""The test of the test: an undeclared view, or one missing from the matrix, makes the walk fail."""

import sys
import types

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path

from balai.accounts import permissions as perms
from balai.core.access import allow, public
from tests.support.walker import check_declarations, walk_role


def undeclared_view(request):
    return HttpResponse("secret")


@public
def declared_but_unlisted(request):
    return HttpResponse("hello")


@allow(perms.operator)
def operator_only(request):
    return HttpResponse("ok")


def _urlconf(*extra):
    module = types.ModuleType("tests_walker_urls")
    module.urlpatterns = [path("", include("balai.urls")), *extra]
    sys.modules[module.__name__] = module
    return module.__name__


def test_a_view_without_a_policy_is_reported_and_refused_to_everyone(client, db):
    urlconf = _urlconf(path("rahasia/", undeclared_view, name="undeclared"))
    problems = check_declarations(urlconf)
    assert any("undeclared: the view declares no access policy" in p for p in problems)
    with override_settings(ROOT_URLCONF=urlconf):
        assert client.get("/rahasia/").status_code == 403


def test_a_declared_view_missing_from_the_matrix_is_reported():
    urlconf = _urlconf(path("halo/", declared_but_unlisted, name="unlisted"))
    problems = check_declarations(urlconf)
    assert problems == ["unlisted: not in the access matrix tests/access/*.py"]


def test_a_role_reaching_a_view_the_matrix_denies_is_reported(world, monkeypatch):
    from tests.access import foundation

    monkeypatch.setitem(foundation.EXPECTED, "operator-only", {"secretary"})
    urlconf = _urlconf(path("operator/", operator_only, name="operator-only"))
    with override_settings(ROOT_URLCONF=urlconf):
        problems = walk_role(world, "operator", ["operator", "secretary"], urlconf)
    assert any("operator-only /operator/: operator reached" in p for p in problems), problems
    with override_settings(ROOT_URLCONF=urlconf):
        problems = walk_role(world, "secretary", ["operator", "secretary"], urlconf)
    assert any("operator-only /operator/: secretary was refused" in p for p in problems), problems


@pytest.mark.parametrize("path_", ["/beranda/", "/akun/", "/audit/akses/"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, path_):
    response = client.get(path_)
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=")
