from django_tasks import task

from balai.core.models import TaskProgress
from balai.core.tasks import report_progress


@task()
def count_to(progress_id: str, n: int) -> int:
    report_progress(progress_id, total=n, state=TaskProgress.State.RUNNING)
    for _ in range(n):
        report_progress(progress_id, add=1)
    report_progress(progress_id, state=TaskProgress.State.DONE)
    return n
