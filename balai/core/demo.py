"""Demo steps: `balai demo` runs the foundation's step and then every step registered by an app
(in its AppConfig.ready()), in order. Each step must be idempotent: running demo twice changes nothing."""

_STEPS = []


def register_demo_step(order: int, name: str, func):
    if all(existing[1] != name for existing in _STEPS):
        _STEPS.append((order, name, func))


def demo_steps():
    return sorted(_STEPS, key=lambda s: s[0])
