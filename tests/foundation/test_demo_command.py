def test_demo_command_is_idempotent_and_creates_an_office_per_village(db, capsys):
    from django.core.management import call_command

    from balai.accounts.models import Office, User

    call_command("demo", people=0)
    counts = (Office.objects.count(), User.objects.count())
    call_command("demo", people=0)
    assert (Office.objects.count(), User.objects.count()) == counts
    assert Office.objects.filter(kind="village").count() == 217
    assert Office.objects.filter(kind="district").count() == 25
    assert Office.objects.filter(kind="hall").exists()
    out = capsys.readouterr().out
    assert "balai-demo-2026" in out and "operator" in out
