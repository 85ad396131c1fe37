"""Signals for modules above the registry (they must not be imported from here).

``person_left`` is sent after a death or a move-out (also missing/left) is recorded, once the
transaction commits: ``sender=Person, person=<Person>, event=<LifeEvent>``. Receivers end what
depends on the person living in the village (programme enrolments, open applications, …).
"""

from django.dispatch import Signal

person_left = Signal()
