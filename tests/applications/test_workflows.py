import pytest
from django.core.exceptions import ValidationError

from balai.applications.hooks import register_transition_hook
from balai.applications.models import ApplicationEvent
from balai.applications.services import allowed_actions, application_submit, application_transition
from tests.support.world import VILLAGE

from .factories import make_person, make_service, membership_of, submit


def act(world, application, role, action, note=""):
    return application_transition(application=application, action=action, user=world.users[role],
                                  membership=membership_of(world, role), note=note)


def test_village_letter_goes_operator_secretary_head_and_is_handed_over(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"),
                         user=world.users["operator"])
    assert application.current_office.region_id == VILLAGE
    for role, action, status in [("operator", "verify", "verified"), ("secretary", "check", "checked"),
                                 ("head", "sign", "ready"), ("operator", "collect", "collected")]:
        act(world, application, role, action)
        assert application.status == status
    application.refresh_from_db()
    assert application.status == "collected" and application.completed_at is not None
    assert application.current_office is None
    trail = list(ApplicationEvent.objects.filter(application=application).values_list("from_status", "to_status"))
    assert trail == [("", "submitted"), ("submitted", "verified"), ("verified", "checked"), ("checked", "ready"),
                     ("ready", "collected")]
    event = ApplicationEvent.objects.filter(application=application, action="sign").get()
    assert event.actor == world.users["head"] and event.office.region_id == VILLAGE and event.role == "head"


def test_mpp_service_with_an_agency_step_is_processed_by_the_services_agency(world):
    service = make_service("paspor-kk", workflow="agency", agency="dispendukcapil")
    application = application_submit(service=service, channel="counter", data={"keperluan": "Pindah"},
                                     applicant_name="Budi Tamu", applicant_nik="3201010101900001",
                                     user=world.users["counter_officer"],
                                     membership=membership_of(world, "counter_officer"))
    assert application.village is None and application.current_office.code == "mpp"
    act(world, application, "counter_officer", "process")
    assert application.status == "processing" and application.current_office.code == "dispendukcapil"
    with pytest.raises(ValidationError):
        act(world, application, "counter_officer", "approve")  # approval belongs to the agency
    act(world, application, "agency_officer", "approve")
    assert application.status == "ready"
    act(world, application, "counter_officer", "collect")
    assert application.status == "collected"


def test_village_to_agency_needs_the_kecamatan_before_the_agency(world):
    application = submit(make_service("akta", workflow="village_to_agency"), make_person(),
                         membership=membership_of(world, "operator"))
    act(world, application, "operator", "verify")
    assert application.current_office.code == "kec-351001"
    assert allowed_actions(application, user=world.users["agency_officer"],
                           membership=membership_of(world, "agency_officer")) == []
    act(world, application, "verifier", "approve")
    assert application.current_office.code == "dispendukcapil"
    act(world, application, "agency_officer", "process")
    act(world, application, "agency_officer", "complete")
    assert application.status == "ready"


def test_return_for_correction_needs_a_reason_and_the_resubmission_goes_back_to_the_same_step(world):
    citizen = world.users["citizen"]
    person = make_person(user=citizen)
    application = submit(make_service("sktm"), person, channel="online", user=citizen)
    act(world, application, "operator", "verify")
    with pytest.raises(ValidationError, match="alasan"):
        act(world, application, "secretary", "return")
    act(world, application, "secretary", "return", note="Foto KTP buram")
    assert application.status == "returned" and application.current_office is None
    assert [a for a, _ in allowed_actions(application, user=citizen)] == ["resubmit"]
    application_transition(application=application, action="resubmit", user=citizen, note="Foto baru")
    assert application.status == "verified"
    assert application.current_office.region_id == VILLAGE
    assert ApplicationEvent.objects.filter(application=application, action="return", note="Foto KTP buram").exists()


def test_rejection_with_reasons_closes_the_application(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    act(world, application, "operator", "reject", note="Bukan penduduk desa ini")
    application.refresh_from_db()
    assert application.status == "rejected" and application.completed_at is not None
    assert allowed_actions(application, user=world.users["operator"],
                           membership=membership_of(world, "operator")) == []


def test_a_transition_not_allowed_from_the_current_status_is_refused_with_a_clear_message(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    with pytest.raises(ValidationError) as refused:
        act(world, application, "head", "sign")  # the head signs only after the secretary checked
    assert "Diajukan" in refused.value.messages[0]
    application.refresh_from_db()
    assert application.status == "submitted"
    assert not ApplicationEvent.objects.filter(application=application, action="sign").exists()


def test_a_stale_page_cannot_move_an_application_someone_else_already_moved(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    stale = type(application).objects.get(pk=application.pk)
    act(world, application, "operator", "verify")
    with pytest.raises(ValidationError, match="sudah diproses oleh petugas lain"):
        act(world, stale, "operator", "verify")
    assert ApplicationEvent.objects.filter(application=application, action="verify").count() == 1


def test_a_hook_sees_the_transition_and_can_veto_it(world):
    seen = []

    def hook(*, application, from_status, to_status, actor, membership, **kwargs):
        seen.append((from_status, to_status, actor.username, membership.role))
        if to_status == "ready":
            raise ValidationError("Surat belum dapat diterbitkan.")

    register_transition_hook(hook)
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    act(world, application, "operator", "verify")
    act(world, application, "secretary", "check")
    with pytest.raises(ValidationError, match="belum dapat diterbitkan"):
        act(world, application, "head", "sign")
    application.refresh_from_db()
    assert application.status == "checked"
    assert not ApplicationEvent.objects.filter(application=application, to_status="ready").exists()
    assert seen[:2] == [("submitted", "verified", "t-operator", "operator"),
                        ("verified", "checked", "t-secretary", "secretary")]
