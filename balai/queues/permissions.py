"""Queue permissions (compositions of the generic predicates), shared by views, API and services."""

from balai.accounts import permissions as perms

# The counter console: a counter officer of a service hall (at the counters of that hall only).
console_access = perms.counter_officer & perms.at_hall
# Queue analytics: the hall's counter staff, administrators, auditors and viewers.
analytics_access = (perms.counter_officer & perms.at_hall) | perms.administrator | perms.auditor | perms.viewer
