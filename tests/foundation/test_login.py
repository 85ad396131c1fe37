from tests.foundation.logins import login
from tests.support.world import VILLAGE


def test_village_operator_lands_on_the_village_page_after_login(world, client):
    response = login(client, "t-operator")
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.request["PATH_INFO"] == f"/desa/{VILLAGE}/"
    assert "Sarongan" in response.content.decode()


def test_wrong_password_gives_a_clear_message(world, client):
    response = login(client, "t-operator", "salah-sekali")
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()
