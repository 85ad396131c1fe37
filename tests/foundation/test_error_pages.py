import pytest


@pytest.mark.django_db
def test_an_unknown_page_answers_with_a_friendly_404_in_indonesian(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
