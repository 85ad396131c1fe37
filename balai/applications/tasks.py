"""Background delivery of notifications with retries (django-tasks; immediate in tests)."""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from balai.core.notify import DeliveryError, get_channel

MAX_ATTEMPTS = 4
BACKOFF_MINUTES = [1, 5, 30]


def deliver(notification_id, channel_factory=get_channel) -> str:
    """One delivery attempt; returns the resulting status. Retries are scheduled by the task."""
    from .models import Notification

    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None or notification.status == Notification.Status.SENT:
        return "sent" if notification else "missing"
    attempts = notification.attempts + 1
    try:
        ref = channel_factory(notification.channel).send(
            to=notification.recipient, subject=notification.subject, body=notification.body)
    except DeliveryError as exc:
        status = Notification.Status.FAILED if attempts >= MAX_ATTEMPTS else Notification.Status.PENDING
        Notification.objects.filter(pk=notification.pk).update(attempts=attempts, error=str(exc)[:1000], status=status)
        return status
    Notification.objects.filter(pk=notification.pk).update(
        attempts=attempts, status=Notification.Status.SENT, provider_ref=ref[:200], sent_at=timezone.now(), error="")
    return Notification.Status.SENT


@task()
def deliver_notification(notification_id: int):
    from .models import Notification

    status = deliver(notification_id)
    if status == Notification.Status.PENDING:
        attempts = Notification.objects.filter(pk=notification_id).values_list("attempts", flat=True).first() or 1
        retry = deliver_notification
        if retry.get_backend().supports_defer:
            delay = BACKOFF_MINUTES[min(attempts - 1, len(BACKOFF_MINUTES) - 1)]
            retry = retry.using(run_after=timezone.now() + dt.timedelta(minutes=delay))
        retry.enqueue(notification_id)
    return status
