import pytest

from balai.core.models import TaskProgress
from balai.core.tasks import report_progress, start_progress


@pytest.mark.django_db
def test_background_tasks_run_and_report_progress():
    from tests.foundation.sample_tasks import count_to

    progress = start_progress("uji", total=0)
    result = count_to.enqueue(str(progress.pk), 5)
    assert result.return_value == 5
    progress.refresh_from_db()
    assert progress.state == TaskProgress.State.DONE and progress.done == 5 and progress.percent == 100


@pytest.mark.django_db
def test_report_progress_without_an_id_does_nothing():
    report_progress(None, done=3)
    assert TaskProgress.objects.count() == 0
