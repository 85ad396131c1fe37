"""One workflow engine for every subject that moves through statuses (applications, queue tickets, and
next budgets, projects and programme cases), in the django-oscar style: the pipeline is declared as data.

A ``Workflow`` is a tuple of ``Step``s. A step moves a subject from one status (``source``) to another
(``target``) by an ``action`` and names who may take it (``actors``). An ``Actor`` is a who-acts
*scope* plus roles: the scope says which office (or person) acts for this subject — the applicant's
village office, its kecamatan, the service's agency, the service hall, the regency — and the roles say
who in that office. Scopes are not known here: the apps that know offices register them
(``register_scope``; ``balai.accounts.workflow_scopes`` registers the office scopes).

The engine gives:

* ``allowed_actions(workflow, subject, who=...)`` — the steps the person may take now;
* ``transition(workflow, subject, action, who=..., note=..., updates=...)`` — the only way a status
  changes: ONE compare-and-set write (``UPDATE … SET status = target, … WHERE pk = … AND status =
  expected``), refused when someone else moved the subject first; then the hooks for entering the
  target status, then one event row (who, when, from, to, note) written by the subject adapter; all in
  one transaction, so a hook that raises ``ValidationError`` vetoes the whole change;
* the declarations a selector needs instead of status literals: ``terminal`` (nothing happens any
  more), ``stops_clock`` (the service-level clock has stopped: finished or refused), ``pauses_clock``
  (waiting for the citizen, the clock stands still), and ``flags`` — facts a workflow states about
  itself (e.g. that it issues a village letter), so no code tests a workflow key by literal.

Return, reject and resubmit are steps like any other, with a ``kind``: a ``RETURN`` step remembers its
source in the workflow's ``return_field``; a step whose target is ``BACK`` (resubmit) goes back to that
remembered status. ``note_required`` makes the engine refuse a step without a written reason.

A workflow's ``subject`` is an adapter (``SubjectAdapter``) that names the model, writes the event row
and words the refusals for its kind of subject. Workflows are registered (``register_workflow``) by the
app that declares them, in its ``AppConfig.ready()``; lower apps read the registry (``workflow_keys``,
``get_workflow``) without importing the higher app (the service catalogue lists the keys this way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

# Step kinds.
FORWARD = "forward"
RETURN = "return"  # back to the citizen for correction: the source is remembered in ``return_field``
REJECT = "reject"
RESUBMIT = "resubmit"  # after a return: target BACK
KINDS = (FORWARD, RETURN, REJECT, RESUBMIT)

BACK = "<back>"  # a target: the status the subject was returned from (or the workflow's ``initial``)


@dataclass(frozen=True)
class Actor:
    """Who may take a step: anyone whom the registered ``scope`` accepts for the subject and, when
    ``roles`` is not empty, whose membership has one of these roles."""

    scope: str
    roles: tuple = ()


@dataclass(frozen=True)
class Step:
    action: str
    source: str
    target: str  # a status, or BACK
    label: object
    actors: tuple = ()
    next_hint: object = ""  # "what happens next", shown while the subject waits in ``source``
    kind: str = FORWARD
    note_required: bool = False
    event: str = ""  # what the event row records (default: the action)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown step kind {self.kind!r}")

    @property
    def event_kind(self) -> str:
        return self.event or self.action


@dataclass(frozen=True)
class Workflow:
    key: str
    label: object
    steps: tuple = ()
    initial: str = ""
    labels: dict = field(default_factory=dict)  # status -> label
    terminal: frozenset = frozenset()
    stops_clock: frozenset = frozenset()
    pauses_clock: frozenset = frozenset()
    flags: frozenset = frozenset()
    family: str = ""  # which kind of subject it moves; registries list workflows per family
    subject: object = None  # a SubjectAdapter
    status_field: str = "status"
    return_field: str = ""  # the subject's field that remembers where a RETURN came from
    on_enter: tuple = ()  # ((status, fn), …): hooks declared with the workflow
    module: str = ""  # the module that declares it: the only one that may name its key

    def __post_init__(self):
        object.__setattr__(self, "terminal", frozenset(self.terminal))
        object.__setattr__(self, "stops_clock", frozenset(self.stops_clock))
        object.__setattr__(self, "pauses_clock", frozenset(self.pauses_clock))
        object.__setattr__(self, "flags", frozenset(self.flags))
        if not self.initial and self.steps:
            object.__setattr__(self, "initial", self.steps[0].source)
        seen = set()
        for step in self.steps:
            if (step.source, step.action) in seen:
                raise ValueError(f"{self.key}: two steps {step.action!r} from {step.source!r}")
            seen.add((step.source, step.action))
            if step.source in self.terminal:
                raise ValueError(f"{self.key}: terminal status {step.source!r} has a step {step.action!r}")
            if (step.kind == RETURN or step.target == BACK) and not self.return_field:
                raise ValueError(f"{self.key}: step {step.action!r} needs the workflow's return_field")

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def steps_from(self, status):
        return [s for s in self.steps if s.source == status]

    def forward_from(self, status):
        return [s for s in self.steps if s.source == status and s.kind == FORWARD]

    def step(self, status, action):
        for s in self.steps:
            if s.source == status and s.action == action:
                return s
        return None

    @property
    def statuses(self):
        """Every status in the order the steps name them (forward path first)."""
        seen = []
        for s in sorted(self.steps, key=lambda s: s.kind != FORWARD):
            for st in (s.source, s.target):
                if st != BACK and st not in seen:
                    seen.append(st)
        return seen

    @property
    def path(self):
        """The statuses of the forward path only (for a progress display)."""
        seen = []
        for s in self.steps:
            if s.kind == FORWARD:
                for st in (s.source, s.target):
                    if st not in seen:
                        seen.append(st)
        return seen

    def status_label(self, status):
        return self.labels.get(status, status)


class SubjectAdapter:
    """What the engine needs to know about one kind of subject. Subclass per model."""

    def write_event(self, subject, *, step, from_status, to_status, note, who, at=None):
        """Write the event row of one transition (inside the engine's transaction); return it. ``at``
        is the moment to record (None: now)."""
        raise NotImplementedError

    def refusal(self, subject, *, reason, workflow, action, step=None, current=None) -> str:
        """The message for a refused transition. ``reason``: ``wrong_status`` (no such step from the
        current status), ``not_allowed`` (this person may not), ``note_required``, ``moved`` (someone
        moved it first; ``current`` is the status now)."""
        status = workflow.status_label(current if reason == "moved" else getattr(subject, workflow.status_field))
        if reason == "moved":
            return _("Data ini sudah diubah oleh petugas lain (status sekarang: “%(status)s”). Muat ulang "
                     "halaman.") % {"status": status}
        if reason == "note_required":
            return _("Tuliskan alasannya.")
        if reason == "wrong_status" and step is not None:
            return _("Tindakan “%(action)s” tidak dapat dilakukan pada status “%(status)s”.") % {
                "action": step.label, "status": status}
        return _("Anda tidak dapat melakukan tindakan ini pada status “%(status)s”.") % {"status": status}


class TransitionRefused(ValidationError):
    """A refused transition: ``reason`` as in ``SubjectAdapter.refusal``; ``current`` the status now."""

    def __init__(self, message, *, reason, current=None):
        super().__init__(message, code=reason)
        self.reason = reason
        self.current = current


# --- registries --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scope:
    """A who-acts scope. ``matches(subject, **who) -> bool`` says whether the person (``who``: user,
    membership, counter …) acts in this scope for the subject — roles are checked by the engine;
    ``office(subject)`` names the office that acts in it (None when the scope has no one office)."""

    name: str
    matches: Callable
    office: Callable | None = None


_scopes: dict[str, Scope] = {}
_workflows: dict[str, Workflow] = {}
_defaults: dict[str, str] = {}
_enter_hooks: list = []


def register_scope(name: str, *, matches, office=None) -> Scope:
    scope = Scope(name, matches, office)
    _scopes[name] = scope
    return scope


def get_scope(name: str) -> Scope:
    try:
        return _scopes[name]
    except KeyError:
        raise LookupError(f"no who-acts scope {name!r} registered") from None


def scope_names():
    return sorted(_scopes)


def office_for(scope: str, subject):
    found = get_scope(scope).office
    return found(subject) if found is not None else None


def register_workflow(workflow: Workflow, *, default: bool = False) -> Workflow:
    existing = _workflows.get(workflow.key)
    if existing is not None and existing is not workflow and existing != workflow:
        raise ValueError(f"workflow {workflow.key!r} registered twice")
    _workflows[workflow.key] = workflow
    if default:
        _defaults[workflow.family] = workflow.key
    return workflow


def unregister_workflow(key: str):
    workflow = _workflows.pop(key, None)
    if workflow is not None and _defaults.get(workflow.family) == key:
        del _defaults[workflow.family]


def get_workflow(key: str) -> Workflow:
    try:
        return _workflows[key]
    except KeyError:
        raise LookupError(f"no workflow {key!r} registered") from None


def workflows(family: str | None = None):
    return [w for w in _workflows.values() if family is None or w.family == family]


def workflow_keys(family: str | None = None):
    return [w.key for w in workflows(family)]


def workflow_choices(family: str):
    return [(w.key, w.label) for w in workflows(family)]


def default_workflow_key(family: str) -> str:
    return _defaults.get(family, "")


def keys_with_flag(flag: str, family: str | None = None):
    return [w.key for w in workflows(family) if w.has(flag)]


def register_enter_hook(fn, *, status: str | None, workflow: str | None = None, flag: str | None = None,
                        family: str | None = None):
    """Call ``fn(subject=, workflow=, step=, from_status=, to_status=, who=, **context)`` whenever a
    subject enters ``status`` (None: any status) in ``workflow`` (a key), in any workflow declaring
    ``flag``, or in any workflow of ``family`` (all given filters must hold). Runs inside the
    transition's transaction, after the status write and before the event row; raising
    ``ValidationError`` vetoes the transition. Hooks must accept ``**kwargs``."""
    entry = (fn, status, workflow, flag, family)
    if entry not in _enter_hooks:
        _enter_hooks.append(entry)
    return fn


def unregister_enter_hook(fn):
    _enter_hooks[:] = [e for e in _enter_hooks if e[0] is not fn]


def _hooks_for(workflow: Workflow, status: str):
    found = [fn for st, fn in workflow.on_enter if st == status]
    for fn, st, key, flag, family in list(_enter_hooks):
        if (st is None or st == status) and (key is None or key == workflow.key) \
                and (flag is None or workflow.has(flag)) and (family is None or family == workflow.family):
            found.append(fn)
    return found


# --- the engine --------------------------------------------------------------------------------

def actor_matches(actor: Actor, subject, who: dict) -> bool:
    if actor.roles:
        membership = who.get("membership")
        if membership is None or membership.role not in actor.roles:
            return False
    return bool(get_scope(actor.scope).matches(subject, **who))


def may_take(step: Step, subject, who: dict) -> bool:
    return any(actor_matches(a, subject, who) for a in step.actors)


def allowed_actions(workflow: Workflow, subject, *, who: dict) -> list[Step]:
    """The steps the person described by ``who`` may take on ``subject`` now, in declaration order."""
    status = getattr(subject, workflow.status_field)
    return [s for s in workflow.steps_from(status) if may_take(s, subject, who)]


def _refuse(workflow, subject, reason, *, action, step=None, current=None):
    adapter = workflow.subject or SubjectAdapter()
    message = adapter.refusal(subject, reason=reason, workflow=workflow, action=action, step=step, current=current)
    raise TransitionRefused(message, reason=reason, current=current)


def check_transition(workflow: Workflow, subject, action: str, *, who: dict, note: str = "") -> Step:
    """The step ``action`` names from the subject's status, if this person may take it now; refuses
    (``TransitionRefused``) otherwise. No write."""
    expected = getattr(subject, workflow.status_field)
    step = workflow.step(expected, action)
    if step is None:
        elsewhere = next((s for s in workflow.steps if s.action == action), None)
        _refuse(workflow, subject, "wrong_status" if elsewhere else "not_allowed", action=action, step=elsewhere)
    if not may_take(step, subject, who):
        _refuse(workflow, subject, "not_allowed", action=action, step=step)
    if step.note_required and not (note or "").strip():
        _refuse(workflow, subject, "note_required", action=action, step=step)
    return step


@dataclass
class Transition:
    step: Step
    from_status: str
    to_status: str
    event: object = None


def transition(workflow: Workflow, subject, action: str, *, who: dict, note: str = "", updates=None,
               check: bool = True, at=None, context: dict | None = None) -> Transition:
    """Take ``action`` on ``subject``. ``updates`` — a dict, or ``fn(step, target) -> dict`` — are
    further fields written by the same UPDATE (values may be expressions such as ``F("n") + 1``; those
    are read back). ``check=False`` skips the who-acts check when the caller already proved it (e.g. a
    counter claims a ticket from its own queue). ``at`` is the moment the event row records (None:
    now). ``context`` goes to the hooks."""
    note = (note or "").strip()
    expected = getattr(subject, workflow.status_field)
    if check:
        step = check_transition(workflow, subject, action, who=who, note=note)
    else:
        step = workflow.step(expected, action)
        if step is None:
            _refuse(workflow, subject, "wrong_status", action=action,
                    step=next((s for s in workflow.steps if s.action == action), None))
    target = step.target
    fields = {}
    if workflow.return_field:
        if step.kind == RETURN:
            fields[workflow.return_field] = expected
        if target == BACK:
            target = getattr(subject, workflow.return_field) or workflow.initial
            fields[workflow.return_field] = ""
    extra = updates(step, target) if callable(updates) else (updates or {})
    fields.update(extra)
    fields[workflow.status_field] = target
    model = type(subject)
    with transaction.atomic():
        changed = model._default_manager.filter(pk=subject.pk, **{workflow.status_field: expected}).update(**fields)
        if not changed:
            current = model._default_manager.filter(pk=subject.pk).values_list(
                workflow.status_field, flat=True).first()
            _refuse(workflow, subject, "moved", action=action, step=step, current=current)
        computed = [name for name, value in fields.items() if hasattr(value, "resolve_expression")]
        for name, value in fields.items():
            if name not in computed:
                setattr(subject, name, value)
        if computed:
            subject.refresh_from_db(fields=computed)
        for hook in _hooks_for(workflow, target):
            hook(subject=subject, workflow=workflow, step=step, from_status=expected, to_status=target, who=who,
                 **(context or {}))
        event = None
        if workflow.subject is not None:
            event = workflow.subject.write_event(subject, step=step, from_status=expected, to_status=target,
                                                 note=note, who=who, at=at)
    return Transition(step, expected, target, event)


# --- declarations across workflows ---------------------------------------------------------------

def terminal_statuses(family: str):
    return frozenset().union(*(w.terminal for w in workflows(family)))


def clock_stopping_statuses(family: str):
    return frozenset().union(*(w.stops_clock for w in workflows(family)))


def clock_pausing_statuses(family: str):
    return frozenset().union(*(w.pauses_clock for w in workflows(family)))
