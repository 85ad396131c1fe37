"""Transition hooks for apps above this one (letters): ``register_transition_hook(fn)``.

``application_transition`` calls every hook inside its transaction, after the transition is validated
and the status row updated, before the commit::

    fn(application=..., from_status=..., to_status=..., actor=request_user, membership=..., action=...)

A hook may raise ``ValidationError`` to veto the transition (everything rolls back). Hooks must
accept ``**kwargs`` so that new arguments can be added.
"""

_hooks = []


def register_transition_hook(fn):
    if fn not in _hooks:
        _hooks.append(fn)
    return fn


def unregister_transition_hook(fn):
    if fn in _hooks:
        _hooks.remove(fn)


def run_transition_hooks(**kwargs):
    for fn in list(_hooks):
        fn(**kwargs)


# --- links on the status pages ---------------------------------------------------------------
# Apps above this one (letters) add links to an application's status pages (public tracking page and
# detail page): ``fn(application) -> [(label, url), …]``, e.g. "Unduh surat" once a letter is issued.

_status_links = []


def register_status_links(fn):
    if fn not in _status_links:
        _status_links.append(fn)
    return fn


def status_links(application):
    links = []
    for fn in list(_status_links):
        links.extend(fn(application) or [])
    return links
