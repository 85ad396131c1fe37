from django.conf import settings

from tests.foundation.logins import login


def test_repeated_failed_logins_lock_the_account(world, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "t-operator", "salah-sekali")
    response = login(client, "t-operator")  # right password, but locked now
    assert response.status_code == 429
    assert "dikunci sementara" in response.content.decode()
