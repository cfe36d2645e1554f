from vesika.model import OffsetMap


def test_pieces_map_clean_spans_back_to_raw():
    raw = "müza-\nkere ve  askeri"
    m = OffsetMap()
    m.add(0, 4, 4, verbatim=True)        # "müza"
    m.add(4, 6, 0, verbatim=False)       # "-\n" dropped: no clean characters
    m.add(6, 13, 7, verbatim=True)       # "kere ve"
    m.add(13, 15, 1, verbatim=False)     # "  " -> " "
    m.add(15, 21, 6, verbatim=True)      # "askeri"
    clean = "müzakere ve askeri"
    assert m.clean_length == len(clean)
    assert m.raw_span(0, 8) == (0, 10)
    assert raw[slice(*m.raw_span(0, 8))] == "müza-\nkere"
    assert raw[slice(*m.raw_span(12, 18))] == "askeri"
    assert raw[slice(*m.raw_span(11, 12))] == "  "


def test_offset_map_round_trips_through_json():
    m = OffsetMap.identity(10)
    assert OffsetMap.from_json(m.to_json()) == m
    assert m.raw_span(3, 7) == (3, 7)
