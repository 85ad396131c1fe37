"""Logging in through the login form, shared by the login, lockout and two-factor tests."""


def login(client, username, password="rahasia-uji-123"):
    return client.post("/masuk/", {"username": username, "password": password})
