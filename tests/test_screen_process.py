"""Tests for rightsplan.screening._process: the last-call memo and the collector switch."""

from __future__ import annotations

import gc

from rightsplan.screening._process import LastCall, collector_off


class TestLastCall:
    def test_the_same_objects_and_an_equal_key_give_the_result_back(self) -> None:
        """A call with the very same objects, in order, and an equal key gets the result."""
        plans = [object(), object()]
        last: LastCall[str] = LastCall()
        assert last.get("key", plans) is None
        last.put("result", "key", plans)
        assert last.get("key", list(plans)) == "result"
        assert last.get("other key", plans) is None
        assert last.get("key", plans[::-1]) is None
        assert last.get("key", plans[:1]) is None
        last.clear()
        assert last.get("key", plans) is None

    def test_equal_objects_that_are_not_the_same_miss(self) -> None:
        """Objects are compared by reference: equal but distinct objects are another call."""
        last: LastCall[int] = LastCall()
        last.put(1, None, [[1]])
        assert last.get(None, [[1]]) is None


class TestCollectorOff:
    def test_the_collector_is_off_inside_and_restored_after(self) -> None:
        """Off inside the block; on again after, nothing frozen unless asked."""
        assert gc.isenabled()
        with collector_off():
            assert not gc.isenabled()
            with collector_off():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() == 0

    def test_freezing_moves_the_objects_out_of_sight(self) -> None:
        """With freeze, the objects alive at the end are frozen (thawed here after)."""
        frozen = gc.get_freeze_count()
        try:
            with collector_off(freeze=True):
                kept = [[index] for index in range(100)]
            assert gc.get_freeze_count() > frozen and kept
            assert gc.isenabled()
        finally:
            if not frozen:
                gc.unfreeze()
