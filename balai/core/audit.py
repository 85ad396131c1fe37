"""Audit helpers: the access log for reads of personal data, and change history rendering."""

from .client import client_ip
from .models import AccessLog

__all__ = ["client_ip", "log_access", "history_rows"]


def log_access(request, *, obj=None, object_type=None, object_id=None, label="", region_code="",
               action=AccessLog.Action.VIEW):
    """Record that the requesting user read (or exported) personal data."""
    membership = getattr(request, "membership", None)
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    return AccessLog.objects.create(
        user=request.user if request.user.is_authenticated else None,
        role=membership.role if membership else ("citizen" if request.user.is_authenticated else ""),
        office_code=membership.office.code if membership else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_label=str(label)[:200],
        region_code=region_code or "",
        path=request.get_full_path()[:300],
        ip_address=client_ip(request),
    )


def history_rows(instance, limit=50):
    """Change history of a simple-history model as dicts: when, who, what kind, which fields changed."""
    rows = []
    records = list(instance.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit + 1])
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            changes = [
                {"field": str(instance._meta.get_field(c.field).verbose_name), "old": c.old, "new": c.new}
                for c in delta.changes
            ]
        rows.append({
            "when": record.history_date,
            "who": record.history_user.display_name() if record.history_user else "sistem",
            "type": {"+": "dibuat", "~": "diubah", "-": "dihapus"}[record.history_type],
            "changes": changes,
        })
    return rows
