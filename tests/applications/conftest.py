import pytest

from balai.applications import hooks


@pytest.fixture(autouse=True)
def isolated_hooks(monkeypatch):
    """Tests of this app run without the hooks other apps (letters) register; tests add their own."""
    monkeypatch.setattr(hooks, "_hooks", [])


@pytest.fixture
def today(monkeypatch):
    """Set the local date the application services see: ``today("2026-04-06")``."""
    import datetime as dt

    from balai.applications import deadlines

    def set_today(value):
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        monkeypatch.setattr(deadlines, "local_today", lambda: day)
        return day

    return set_today
