"""The workflow engine (``balai.core.workflow``) on a tiny declared workflow — a village budget draft
moved by a clerk and approved by the head of the same village — and the rules around it: the
application and ticket workflows are declarations on it, and no workflow key is tested by literal
outside the module that declares it.

The tiny workflow's subject is a ``core.TaskProgress`` row (its ``state`` is the status and its
``message`` remembers where a return came from), so the engine's compare-and-set runs on a real table.
"""

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from balai.core import workflow as engine
from balai.core.models import TaskProgress
from balai.core.workflow import BACK, REJECT, RESUBMIT, RETURN, Actor, Step, SubjectAdapter, Workflow

BALAI = Path(__file__).resolve().parents[2] / "balai"

DRAFT, PROPOSED, APPROVED, RETURNED, REJECTED = "draft", "proposed", "approved", "returned", "rejected"
DESK = "test_budget_desk"  # who-acts scope: the desk of the village whose budget it is


class RecordingSubject(SubjectAdapter):
    """Writes the event "row" into a list, so a test can read exactly what the engine handed over."""

    def __init__(self):
        self.events = []

    def write_event(self, subject, *, step, from_status, to_status, note, who, at=None):
        row = {"subject": subject.pk, "action": step.event_kind, "who": who.get("membership").name,
               "from": from_status, "to": to_status, "note": note, "at": at}
        self.events.append(row)
        return row


CLERK = Actor(DESK, ("clerk",))
HEAD = Actor(DESK, ("head",))


def budget_workflow(subject):
    return Workflow(
        "test_budget", "Anggaran (uji)", (
            Step("propose", DRAFT, PROPOSED, "Ajukan", (CLERK,)),
            Step("approve", PROPOSED, APPROVED, "Setujui", (HEAD,)),
            Step(RETURN, PROPOSED, RETURNED, "Kembalikan", (HEAD,), kind=RETURN, note_required=True),
            Step(REJECT, PROPOSED, REJECTED, "Tolak", (HEAD,), kind=REJECT, note_required=True),
            Step(RESUBMIT, RETURNED, BACK, "Kirim ulang", (CLERK,), kind=RESUBMIT),
        ),
        status_field="state", return_field="message", terminal={APPROVED, REJECTED},
        stops_clock={APPROVED, REJECTED}, pauses_clock={RETURNED}, flags={"test_publishes"},
        family="test_budgets", subject=subject, module=__name__)


@pytest.fixture
def budget(db):
    engine.register_scope(DESK, matches=lambda subject, membership=None, **who:
                          membership is not None and membership.village == subject.kind)
    subject = RecordingSubject()
    workflow = engine.register_workflow(budget_workflow(subject))
    yield SimpleNamespace(workflow=workflow, events=subject.events,
                          draft=TaskProgress.objects.create(kind="35.10.01.2001", state=DRAFT))
    engine.unregister_workflow(workflow.key)


def person(role, village="35.10.01.2001", name=None):
    return {"membership": SimpleNamespace(role=role, village=village, name=name or role)}


def actions(workflow, subject, who):
    return [s.action for s in engine.allowed_actions(workflow, subject, who=who)]


def test_each_person_is_offered_only_the_steps_their_scope_and_role_allow(budget):
    wf, draft = budget.workflow, budget.draft
    assert actions(wf, draft, person("clerk")) == ["propose"]
    assert actions(wf, draft, person("head")) == []
    engine.transition(wf, draft, "propose", who=person("clerk"))
    assert actions(wf, draft, person("head")) == ["approve", RETURN, REJECT]
    assert actions(wf, draft, person("clerk")) == []
    assert actions(wf, draft, person("head", village="35.10.01.2002")) == []  # the head of another village


def test_a_transition_is_one_compare_and_set_update_and_one_event_row_with_who_from_to_and_note(budget):
    wf, draft = budget.workflow, budget.draft
    with CaptureQueriesContext(connection) as queries:
        done = engine.transition(wf, draft, "propose", who=person("clerk", name="Siti"), note="  APBDes 2027 ")
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert '"state" = ' in updates[0].split("WHERE")[1] and "'draft'" in updates[0].split("WHERE")[1]
    assert (done.from_status, done.to_status) == (DRAFT, PROPOSED)
    assert budget.events == [{"subject": draft.pk, "action": "propose", "who": "Siti", "from": DRAFT,
                              "to": PROPOSED, "note": "APBDes 2027", "at": None}]
    assert TaskProgress.objects.get(pk=draft.pk).state == PROPOSED == draft.state


def test_the_transition_is_refused_when_someone_else_moved_the_subject_first(budget):
    wf, draft = budget.workflow, budget.draft
    stale = TaskProgress.objects.get(pk=draft.pk)
    engine.transition(wf, draft, "propose", who=person("clerk"))
    with pytest.raises(engine.TransitionRefused) as refused:
        engine.transition(wf, stale, "propose", who=person("clerk"))
    assert refused.value.reason == "moved" and refused.value.current == PROPOSED
    assert len(budget.events) == 1 and TaskProgress.objects.get(pk=draft.pk).state == PROPOSED


def test_a_step_from_another_status_or_by_the_wrong_person_is_refused_without_a_write(budget):
    wf, draft = budget.workflow, budget.draft
    with pytest.raises(engine.TransitionRefused) as wrong_status:
        engine.transition(wf, draft, "approve", who=person("head"))
    with pytest.raises(engine.TransitionRefused) as wrong_person:
        engine.transition(wf, draft, "propose", who=person("head"))
    assert (wrong_status.value.reason, wrong_person.value.reason) == ("wrong_status", "not_allowed")
    assert "Setujui" in wrong_status.value.messages[0]
    assert budget.events == [] and TaskProgress.objects.get(pk=draft.pk).state == DRAFT


def test_a_hook_runs_on_entering_its_status_inside_the_transaction_and_can_veto_it(budget):
    wf, draft = budget.workflow, budget.draft
    seen = []

    def hook(*, subject, from_status, to_status, who, **kwargs):
        seen.append((from_status, to_status, who["membership"].name, kwargs.get("signer")))
        if kwargs.get("signer") is None:
            raise ValidationError("Belum ditandatangani.")

    engine.register_enter_hook(hook, status=APPROVED, flag="test_publishes")
    try:
        engine.transition(wf, draft, "propose", who=person("clerk"))
        assert seen == []  # entering "proposed" is not its status
        with pytest.raises(ValidationError, match="Belum ditandatangani"):
            engine.transition(wf, draft, "approve", who=person("head"))
        assert TaskProgress.objects.get(pk=draft.pk).state == PROPOSED and len(budget.events) == 1
        draft.state = PROPOSED
        engine.transition(wf, draft, "approve", who=person("head"), context={"signer": "kades"})
    finally:
        engine.unregister_enter_hook(hook)
    assert seen == [(PROPOSED, APPROVED, "head", None), (PROPOSED, APPROVED, "head", "kades")]
    assert TaskProgress.objects.get(pk=draft.pk).state == APPROVED and len(budget.events) == 2


def test_return_needs_a_reason_remembers_where_it_came_from_and_resubmit_goes_back_there(budget):
    wf, draft = budget.workflow, budget.draft
    engine.transition(wf, draft, "propose", who=person("clerk"))
    with pytest.raises(engine.TransitionRefused) as silent:
        engine.transition(wf, draft, RETURN, who=person("head"), note="   ")
    assert silent.value.reason == "note_required"
    engine.transition(wf, draft, RETURN, who=person("head"), note="Belanja modal belum dirinci")
    assert TaskProgress.objects.values_list("state", "message").get(pk=draft.pk) == (RETURNED, PROPOSED)
    assert actions(wf, draft, person("clerk")) == [RESUBMIT]
    done = engine.transition(wf, draft, RESUBMIT, who=person("clerk"))
    assert done.to_status == PROPOSED
    assert TaskProgress.objects.values_list("state", "message").get(pk=draft.pk) == (PROPOSED, "")
    assert [(e["action"], e["from"], e["to"]) for e in budget.events] == [
        ("propose", DRAFT, PROPOSED), (RETURN, PROPOSED, RETURNED), (RESUBMIT, RETURNED, PROPOSED)]


def test_terminal_and_clock_statuses_are_declared_on_the_workflow_and_a_terminal_status_has_no_step(budget):
    wf = budget.workflow
    assert wf.terminal == {APPROVED, REJECTED} and wf.stops_clock == {APPROVED, REJECTED}
    assert wf.pauses_clock == {RETURNED} and engine.terminal_statuses("test_budgets") == {APPROVED, REJECTED}
    assert wf.path == [DRAFT, PROPOSED, APPROVED]  # the forward path, without return and reject
    with pytest.raises(ValueError, match="terminal status 'approved' has a step"):
        Workflow("broken", "Rusak", (Step("reopen", APPROVED, DRAFT, "Buka"),), terminal={APPROVED})
    with pytest.raises(ValueError, match="needs the workflow's return_field"):
        Workflow("broken", "Rusak", (Step(RETURN, DRAFT, RETURNED, "Kembalikan", kind=RETURN),))


def test_application_workflows_declare_return_reject_and_resubmit_as_steps():
    from balai.applications.workflows import DONE, PAUSED, TERMINAL, WORKFLOWS

    assert TERMINAL == {"rejected", "collected"} and DONE == {"ready", "collected", "rejected"}
    assert PAUSED == {"returned"}
    letter = WORKFLOWS["village_letter"]
    assert [(s.action, s.source) for s in letter.steps if s.kind in (RETURN, REJECT)] == [
        (RETURN, "submitted"), (REJECT, "submitted"), (RETURN, "verified"), (REJECT, "verified"),
        (RETURN, "checked"), (REJECT, "checked")]  # not from "ready": the clock has stopped there
    resubmit = letter.step("returned", RESUBMIT)
    assert resubmit.target == BACK and [a.scope for a in resubmit.actors] == ["applicant", "intake"]
    # the return from "checked" is taken by whoever may sign there: the village head
    assert letter.step("checked", RETURN).actors == letter.step("checked", "sign").actors
    assert letter.step("checked", RETURN).note_required and letter.step("checked", REJECT).note_required


def test_the_ticket_life_cycle_is_one_declared_workflow():
    from balai.queues.workflows import TICKET_WORKFLOW

    assert [(s.action, s.source, s.target) for s in TICKET_WORKFLOW.steps] == [
        ("call", "waiting", "called"), ("recall", "called", "called"), ("start", "called", "serving"),
        ("no_show", "called", "no_show"), ("transfer", "called", "waiting"), ("finish", "serving", "done"),
        ("transfer", "serving", "waiting")]
    assert TICKET_WORKFLOW.terminal == {"done", "no_show"}


def test_who_acts_scopes_of_offices_are_registered_by_accounts_and_unknown_to_core():
    assert {"village", "district", "agency", "hall", "regency"} <= set(engine.scope_names())
    tree = ast.parse((BALAI / "core" / "workflow.py").read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [m for m in imported if m and m.startswith("balai.") and not m.startswith("balai.core")]
    assert "Office" not in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def test_the_catalogue_lists_the_workflows_the_applications_app_registered():
    from balai.applications.workflows import WORKFLOWS
    from balai.services.models import Service

    field = Service._meta.get_field("workflow")
    assert [key for key, _label in field.choices] == list(WORKFLOWS)
    assert Service().workflow == "agency"  # the declared default
    with pytest.raises(ValidationError):
        field.clean("no_such_workflow", Service())


# --- no workflow key tested by literal outside its declaration ------------------------------------

def _literals(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for element in node.elts:
            yield from _literals(element)


def key_literals_tested(source: str, keys) -> list[tuple[int, str]]:
    """(line, key) for each comparison (``==``, ``!=``, ``in``) against a literal workflow key, and
    each ``workflow=`` / ``workflow__in=`` keyword argument given a literal key."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for side in [node.left, *node.comparators]:
                found += [(node.lineno, v) for v in _literals(side) if v in keys]
        elif isinstance(node, ast.keyword) and (node.arg or "").startswith("workflow"):
            found += [(node.value.lineno, v) for v in _literals(node.value) if v in keys]
    return sorted(found)


def test_the_literal_scan_catches_a_planted_workflow_key_test():
    keys = {"village_letter", "agency"}
    planted = (
        "if application.workflow == 'village_letter':\n    pass\n"
        "Service.objects.filter(workflow='agency')\n"
        "ok = kind == 'village' or office.kind in ('hall', 'district')\n"
        "x = service.workflow in ('agency', 'other')\n"
    )
    assert key_literals_tested(planted, keys) == [(1, "village_letter"), (3, "agency"), (5, "agency")]


def test_no_workflow_key_is_tested_by_literal_outside_the_module_that_declares_it():
    declared = {w.key: w.module for w in engine.workflows()}
    assert declared and all(declared.values()), "every workflow names its declaring module"
    offences = []
    for path in sorted(BALAI.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(BALAI.parent).with_suffix("").parts)
        keys = {key for key, home in declared.items() if home != module}
        for line, key in key_literals_tested(path.read_text(), keys):
            offences.append(f"{path.relative_to(BALAI.parent)}:{line} tests workflow key {key!r}")
    assert offences == []


# --- the real subjects: one compare-and-set write and their own event rows ------------------------

def _updates_of(queries, table):
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith(f'UPDATE "{table}"')]


def test_an_application_return_is_one_update_and_one_application_event_with_who_from_to_and_note(world):
    from balai.applications.models import ApplicationEvent
    from balai.applications.services import application_transition
    from tests.applications.factories import make_person, make_service, membership_of, submit

    operator = membership_of(world, "operator")
    application = submit(make_service("sktm"), make_person(), membership=operator)
    with CaptureQueriesContext(connection) as queries:
        application_transition(application=application, action=RETURN, user=world.users["operator"],
                               membership=operator, note="Foto KK buram")
    assert len(_updates_of(queries, "applications_application")) == 1
    application.refresh_from_db()
    assert (application.status, application.returned_from, application.current_office) == (
        "returned", "submitted", None)
    event = ApplicationEvent.objects.filter(application=application).last()
    assert (event.actor, event.office, event.role, event.action, event.from_status, event.to_status, event.note) == (
        world.users["operator"], operator.office, "operator", RETURN, "submitted", "returned", "Foto KK buram")


def test_a_counter_action_on_a_ticket_is_one_update_and_one_ticket_event(db):
    from datetime import UTC, datetime

    from balai.queues import services
    from balai.queues.models import TicketEvent
    from tests.queues.factories import light_offices, make_hall

    light_offices()
    mpp = make_hall()
    moment = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 in Jakarta, a Monday
    ticket = services.ticket_issue(hall=mpp["hall"], service=mpp["ktp"], now=moment)
    counter, other = mpp["counters"][0], mpp["counters"][1]
    services.counter_call_next(counter=counter, now=moment)
    with pytest.raises(ValidationError, match="tidak sedang ditangani loket ini"):
        services.ticket_start(ticket=ticket, counter=other, now=moment)  # not the holding counter
    with CaptureQueriesContext(connection) as queries:
        services.ticket_start(ticket=ticket, counter=counter, now=moment)
    [update] = _updates_of(queries, "queues_ticket")
    assert "\"status\" = 'called'" in update.split("WHERE")[1]
    assert list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", "counter")) == [
        ("issued", None), ("called", counter.pk), ("started", counter.pk)]
