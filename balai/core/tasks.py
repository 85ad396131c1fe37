"""Background work helpers. Tasks use Django's tasks API (django-tasks, DB backend in production,
immediate in tests); long tasks report progress through a ``TaskProgress`` row that the page which
started them polls."""

from django.db.models import F
from django_tasks import task

from .models import TaskProgress


def start_progress(kind: str, owner=None, total: int = 0, message: str = "") -> TaskProgress:
    return TaskProgress.objects.create(kind=kind, owner=owner, total=total, message=message)


def report_progress(progress_id, *, done=None, total=None, message=None, state=None, result=None, add=None):
    """Update a progress row from inside a task (one UPDATE, no read)."""
    if not progress_id:
        return
    fields = {}
    if done is not None:
        fields["done"] = done
    if add is not None:
        fields["done"] = F("done") + add
    if total is not None:
        fields["total"] = total
    if message is not None:
        fields["message"] = message[:300]
    if state is not None:
        fields["state"] = state
    if result is not None:
        fields["result"] = result
    if fields:
        TaskProgress.objects.filter(pk=progress_id).update(**fields)


@task()
def outbox_deliver(message_id: int):
    """Send one outbox message after the transaction that wrote it committed (see core/outbox.py)."""
    from .outbox import outbox_deliver_one

    return outbox_deliver_one(message_id)
