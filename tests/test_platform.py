"""Guards on the platform under the app: the Qt binding must not corrupt Python's objects."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(str, str)


def test_signals_leave_reference_counts_alone(qapp):
    # PySide6 6.12.0 dropped a reference to True on every emit, so under Python 3.11 the
    # app aborted after about a thousand selections. This fails on such a binding.
    emitter = _Emitter()
    seen = []
    emitter.fired.connect(lambda kind, value: seen.append(kind))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        emitter.fired.emit("event", "x")
    assert len(seen) == 500
    # A few references come and go elsewhere; a broken binding loses one per emit.
    assert abs(sys.getrefcount(True) - before[0]) < 50
    assert abs(sys.getrefcount(None) - before[1]) < 50
