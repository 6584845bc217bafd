from core.ranking import place, ranking


def test_equal_keys_share_a_place_and_the_next_place_skips():
    scores = {"a": 300, "b": 500, "c": 300, "d": 100}
    ranked = ranking(scores, key=lambda name: -scores[name])
    assert ranked == [(1, "b"), (2, "a"), (2, "c"), (4, "d")]


def test_order_only_orders_entries_sharing_a_place():
    entries = [("x", 5, 2), ("y", 5, 1), ("z", 9, 3)]
    ranked = ranking(entries, key=lambda entry: -entry[1], order=lambda entry: entry[2])
    assert [(rank, entry[0]) for rank, entry in ranked] == [(1, "z"), (2, "y"), (2, "x")]


def test_a_place_counted_by_a_query_agrees_with_the_ranking():
    scores = [7, 9, 7, 3]
    ranked = ranking(scores, key=lambda score: -score)
    assert all(rank == place(sum(other > score for other in scores)) for rank, score in ranked)
    assert ranking([], key=lambda entry: entry) == []
