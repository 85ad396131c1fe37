"""Counting the queries one request makes, for "the number of queries does not grow with the rows" tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_of(client, url, **extra):
    """(number of queries, response) of one GET; the caller warms the session first."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), response

