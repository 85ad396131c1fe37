from decimal import Decimal

import pytest

from balai.applications.feedback import grade_for, ikm_for, ikm_from_sums, survey_submit
from balai.applications.models import SurveyResponse

# Four respondents, nine elements (U1..U9), worked by hand with the PermenPAN-RB 14/2017 method:
# NRR = 3.50 3.50 2.75 3.75 3.25 3.25 3.75 3.00 3.25 (sum 30.00)
# IKM = 30 × 1/9 = 3.3333 → ×25 = 83.33 → B "Baik"; with the printed weight 0.111: 3.33 → 83.25 (also B).
ANSWERS = [
    [4, 4, 3, 3, 4, 3, 4, 3, 3],
    [3, 3, 3, 4, 3, 3, 3, 3, 4],
    [4, 3, 3, 4, 3, 4, 4, 3, 3],
    [3, 4, 2, 4, 3, 3, 4, 3, 3],
]


@pytest.mark.django_db
def test_ikm_matches_the_hand_computed_example_with_its_grade():
    for row in ANSWERS:
        survey_submit(scores={f"u{i + 1}": v for i, v in enumerate(row)})
    result = ikm_for(SurveyResponse.objects.all())
    assert result.respondents == 4
    assert [result.nrr[f"u{i}"] for i in range(1, 10)] == [Decimal(x) for x in (
        "3.5000", "3.5000", "2.7500", "3.7500", "3.2500", "3.2500", "3.7500", "3.0000", "3.2500")]
    assert result.ikm == Decimal("3.3333")
    assert result.converted == Decimal("83.33")
    assert result.ikm_printed == Decimal("3.3300") and result.converted_printed == Decimal("83.25")
    assert (result.grade, result.grade_label) == ("B", "Baik")


def test_grades_follow_the_regulations_intervals():
    assert grade_for(Decimal("100.00"))[0] == "A"
    assert grade_for(Decimal("88.31"))[0] == "A"
    assert grade_for(Decimal("88.30"))[0] == "B"
    assert grade_for(Decimal("76.61"))[0] == "B"
    assert grade_for(Decimal("76.60"))[0] == "C"
    assert grade_for(Decimal("65.00"))[0] == "C"
    assert grade_for(Decimal("64.99"))[0] == "D"


def test_all_very_good_answers_give_100_and_no_respondents_give_no_index():
    sums = {f"u{i}": 4 * 7 for i in range(1, 10)}
    result = ikm_from_sums(sums, 7)
    assert (result.converted, result.grade) == (Decimal("100.00"), "A")
    assert ikm_from_sums({f"u{i}": 0 for i in range(1, 10)}, 0) is None


@pytest.mark.django_db
def test_scores_outside_one_to_four_are_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        survey_submit(scores={**{f"u{i}": 3 for i in range(1, 9)}, "u9": 5})
    assert not SurveyResponse.objects.exists()
