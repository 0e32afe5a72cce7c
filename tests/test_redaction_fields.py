"""redaction._field with its per-shape cache: records of different headers share one cache, and the
first non-empty value under any header meaning the field wins (as without the cache)."""
from assets.validate.redaction import _field
from schemas.card import header_aliases


def test_field_cache_keeps_each_shape_apart_and_first_non_empty_wins():
    aliases = header_aliases("person")
    cache: dict = {}
    records = [
        ({"person_id": "P1", "ФИО": "Иванова Анна"}, "Иванова Анна"),
        ({"person_id": "P2", "name": "Petrov Ivan"}, "Petrov Ivan"),
        ({"name": "", "фио": "Сидоров Олег"}, "Сидоров Олег"),       # the first header is empty: the next one
        ({"фио": "Первая", "Name": "Second"}, "Первая"),
        ({"person_id": "P3", "ФИО": ""}, None),                      # the shape of the first record, empty now
        ({"person_id": "P4", "role": "detainee"}, None),
        ({"person_id": "P5", "ФИО": "Кузнецова Мария"}, "Кузнецова Мария"),
    ]
    for data, expected in records * 2:  # the second pass reads every shape from the cache
        assert _field(data, aliases, "name", cache) == expected
        assert _field(data, aliases, "name") == expected
    assert _field({"публичное лицо": "да"}, aliases, "public", {}) == "да"
