import time

from django.conf import settings

from balai.accounts.middleware import SESSION_LAST_SEEN


def test_staff_sessions_expire_after_inactivity(world, client):
    client.force_login(world.user("operator"))
    assert client.get("/akun/").status_code == 200
    session = client.session
    session[SESSION_LAST_SEEN] = int(time.time()) - settings.BALAI_STAFF_IDLE_SECONDS - 5
    session.save()
    response = client.get("/akun/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_an_active_staff_session_is_written_at_most_once_a_minute(world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.user("operator"))
    assert client.get("/akun/").status_code == 200
    seen = client.session[SESSION_LAST_SEEN]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/akun/").status_code == 200
    assert client.session[SESSION_LAST_SEEN] == seen
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]
    session = client.session
    session[SESSION_LAST_SEEN] = int(time.time()) - 61  # a minute later the time is refreshed
    session.save()
    assert client.get("/akun/").status_code == 200
    assert client.session[SESSION_LAST_SEEN] >= int(time.time()) - 2
