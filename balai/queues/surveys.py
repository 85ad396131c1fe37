"""The visitor's satisfaction survey (SKM) after a served ticket: a write of the queue, kept apart
from services.py by topic.

The answer is stored by ``balai.applications.feedback.survey_submit`` — one SKM store and one set of
rules for the regency (nine elements on the 1–4 scale; the same refusal messages as the online survey
and the hall kiosk), with the ticket's service, its agency and the hall. A ticket takes at most one
answer: ``surveyed_at`` is claimed with a conditional UPDATE in the same transaction as the answer,
so a refused answer leaves the ticket open for another try and two simultaneous answers store one.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.applications.feedback import survey_submit

from .models import Ticket


def ticket_survey_submit(*, ticket: Ticket, scores: dict, comment: str = ""):
    """Store the SKM answer for a finished ticket; returns the ``SurveyResponse``, or None when the
    ticket was already surveyed. Raises ``ValidationError`` (survey_submit's messages) on a bad answer."""
    if ticket.status != Ticket.Status.DONE:
        raise ValidationError(_("Survei dibuka setelah layanan selesai."))
    with transaction.atomic():
        claimed = Ticket.objects.filter(pk=ticket.pk, surveyed_at__isnull=True).update(surveyed_at=timezone.now())
        if not claimed:
            return None
        return survey_submit(scores=scores, service=ticket.service, hall=ticket.hall.office, comment=comment)
