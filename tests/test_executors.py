import pytest

from sukien.executors import DaskExecutor, LocalExecutor, make_executor
from sukien.pipeline import Pipeline
from sukien.store import Store


def snapshot(store: Store) -> dict:
    articles = {a.id: a for a in store.iter_articles()}
    events = {e.id: (sorted(e.article_ids), e.summary_text) for e in store.list_events()}
    return {"articles": {i: (a.title, a.text, a.event_id) for i, a in articles.items()}, "events": events}


@pytest.mark.slow
def test_dask_local_cluster_gives_the_local_result(tmp_path, seeds_dir, vims_sample):
    local = Store(tmp_path / "local.db")
    Pipeline(local, batch_size=8, executor=LocalExecutor()).run([seeds_dir, vims_sample])
    executor = DaskExecutor(workers=2)
    try:
        assert executor.workers == 2
        distributed = Store(tmp_path / "dask.db")
        Pipeline(distributed, batch_size=8, executor=executor).run([seeds_dir, vims_sample])
    finally:
        executor.close()
    assert snapshot(distributed) == snapshot(local)
    assert len(snapshot(local)["articles"]) == 37


def test_unknown_executor_and_missing_scheduler_are_clear_errors():
    with pytest.raises(ValueError, match="unknown executor"):
        make_executor("spark")
    with pytest.raises(ValueError, match="--scheduler"):
        make_executor("dask")
