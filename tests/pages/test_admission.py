"""Page builds take turns (components/admission.py): the entry file's whole run holds a turn, a
run waits for the one before it, and a run that waited too long goes ahead."""

from __future__ import annotations

import threading
import time

from components import admission
from tests.pages.apptest import open_page, texts


def test_a_page_waits_while_another_run_holds_the_turn_then_comes_up_whole():
    assert admission.PAGE_BUILDS == 1  # the default: one run at a time per process
    open_page()  # warm: a later run of the page takes a fraction of `held`
    held = 1.5
    result = {}

    def reader():
        result["at"] = open_page(timeout=60)
        result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=reader)
    with admission.page_build_turn() as got:  # another session's run, still building
        assert got
        started = time.monotonic()
        thread.start()
        time.sleep(held)
    thread.join(60)
    assert result["seconds"] >= held - 0.1, result  # it waited for the turn ...
    assert "Secretary-General" in texts(result["at"])  # ... and then drew the whole page


def test_turns_are_taken_one_after_the_other():
    turns, order = threading.BoundedSemaphore(1), []

    def run(name: str) -> None:
        with admission.page_build_turn(turns, wait=10):
            order.append(f"{name} in")
            time.sleep(0.2)
            order.append(f"{name} out")

    threads = [threading.Thread(target=run, args=(n,)) for n in "ab"]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join()
    assert order == ["a in", "a out", "b in", "b out"]


def test_a_run_that_waited_too_long_goes_ahead_without_a_turn(caplog):
    turns = threading.BoundedSemaphore(1)
    turns.acquire()  # a run that does not finish
    started = time.monotonic()
    with admission.page_build_turn(turns, wait=0.3) as got:
        waited = time.monotonic() - started
    assert not got and 0.3 <= waited < 2
    assert "goes ahead without" in caplog.text
    turns.release()  # its own turn was never taken, so there is exactly one to give back
    assert turns.acquire(blocking=False)


def test_no_limit_means_no_waiting():
    with admission.page_build_turn(None) as got:
        assert got is False


def test_the_number_of_turns_comes_from_the_environment_and_a_bad_value_is_named(caplog):
    assert [admission.page_builds(v) for v in (None, "", "1", "3", "0")] == [1, 1, 1, 3, 0]
    assert admission.page_builds("two") == 1 and admission.page_builds("-2") == 1
    assert "TRACKER_PAGE_BUILDS='two' is not a whole number" in caplog.text
