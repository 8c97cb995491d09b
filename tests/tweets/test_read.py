"""Reading tweet streams: JSON lines or a JSON array, from paths or file objects, as a stream."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from pressroom.errors import InputError
from pressroom.tweets import Tweet, read_tweets
from pressroom.tweets import reader

DATA = Path(__file__).resolve().parents[1] / "data" / "tweets"
STREAM = DATA / "stream-2025.jsonl"
ARRAY = DATA / "stream-2025-monologue.json"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


class Trickle(io.RawIOBase):
    """A read-only, unseekable stream that hands out at most ``size`` bytes a read and
    remembers how far it has been read."""

    def __init__(self, data: bytes, size: int = 5):
        self.data, self.size, self.pos = data, size, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        chunk = self.data[self.pos:self.pos + min(self.size, n if n >= 0 else self.size)]
        self.pos += len(chunk)
        return chunk


# ------------------------------------------------------------------ formats

def test_json_lines_file_gives_every_tweet_with_its_fields():
    tweets = list(read_tweets(STREAM))
    assert len(tweets) == len(_lines(STREAM)) >= 300
    first = tweets[0]
    assert isinstance(first, Tweet)
    assert first.user == "reelnerd88"
    assert first.id == "1875980000000000000"
    assert first.timestamp_ms == 1736114405000
    assert first.text.startswith("Golden Globes tonight")
    assert first.retweet_of is None


def test_json_array_gives_the_same_tweets_as_json_lines():
    from_array = list(read_tweets(ARRAY))
    ids = {t.id for t in from_array}
    from_lines = [t for t in read_tweets(STREAM) if t.id in ids]
    assert len(from_array) == 45
    assert from_array == from_lines


@pytest.mark.parametrize("path", [STREAM, ARRAY])
def test_file_objects_read_like_paths(path):
    with open(path, "rb") as handle:
        assert list(read_tweets(handle)) == list(read_tweets(path))


@pytest.mark.parametrize("path", [STREAM, ARRAY])
def test_tiny_chunks_split_records_anywhere(path, monkeypatch):
    monkeypatch.setattr(reader, "CHUNK", 7)
    data = path.read_bytes()
    assert list(read_tweets(Trickle(data, size=7))) == list(read_tweets(io.BytesIO(data)))


@pytest.mark.parametrize("path", [STREAM, ARRAY])
def test_reading_is_a_stream_not_a_load(path, monkeypatch):
    """The first tweet comes out after one chunk of a large input, not after the whole of it."""
    monkeypatch.setattr(reader, "CHUNK", 4096)
    data = path.read_bytes()
    if path.suffix == ".jsonl":
        data *= 50
    else:  # a long array: the same elements fifty times over
        body = data.strip()[1:-1].strip()
        data = b"[" + b",\n".join([body] * 50) + b"]"
    source = Trickle(data, size=4096)
    tweets = read_tweets(source)
    next(tweets)
    assert source.pos <= 2 * 4096 < len(data)


def test_gzipped_stream_is_read_through():
    data = gzip.compress(STREAM.read_bytes())
    assert list(read_tweets(io.BytesIO(data))) == list(read_tweets(STREAM))


def test_gzipped_file_by_path(tmp_path):
    path = tmp_path / "gg.json.gz"
    path.write_bytes(gzip.compress(ARRAY.read_bytes()))
    assert len(list(read_tweets(path))) == 45


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"[]", b"[ ]\n"])
def test_empty_inputs_give_no_tweets_and_no_errors(data):
    errors: list = []
    assert list(read_tweets(io.BytesIO(data), errors=errors)) == []
    assert errors == []


def test_byte_order_mark_is_skipped():
    data = b"\xef\xbb\xbf" + b'{"text": "hello #GoldenGlobes", "id": 1}\n'
    assert [t.text for t in read_tweets(io.BytesIO(data))] == ["hello #GoldenGlobes"]


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError) as info:
        list(read_tweets(tmp_path / "nope.json"))
    assert "nope.json" in str(info.value)


# ------------------------------------------------------------------ bad records

def test_bad_lines_are_skipped_and_reported_with_line_numbers():
    errors: list = []
    tweets = list(read_tweets(DATA / "bad-lines.jsonl", errors=errors))
    assert [t.id for t in tweets] == ["101", "107", "108"]
    assert all(isinstance(e, InputError) and e.source.endswith("bad-lines.jsonl") for e in errors)
    problems = [e.problem for e in errors]
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 4", "line 5", "line 6", "line 7", "line 9"]
    assert "not JSON" in problems[0]
    assert "expected a tweet object, got list" in problems[1]
    assert "got str" in problems[2]
    assert problems[3].endswith("no text") and problems[4].endswith("no text")


def test_bad_array_elements_are_skipped_and_reported_with_item_numbers():
    data = (b'[{"text": "one", "id": 1},\n 42,\n {"id": 3},\n'
            b' {"text": "four" "id": 4},\n {"text": "five", "id": 5}]')
    errors: list = []
    tweets = list(read_tweets(io.BytesIO(data), errors=errors))
    assert [t.text for t in tweets] == ["one", "five"]
    assert [e.problem.split(":")[0] for e in errors] == ["line 2, item 2", "line 3, item 3", "line 4, item 4"]
    assert "not JSON" in errors[2].problem


def test_without_an_error_list_bad_records_are_still_skipped():
    assert len(list(read_tweets(DATA / "bad-lines.jsonl"))) == 3


def test_dicts_in_memory_are_read_and_bad_items_numbered():
    errors: list = []
    tweets = list(read_tweets([{"text": "a", "id": 1}, "nope", {"text": "RT @x: a", "id": 2}], errors=errors))
    assert [t.text for t in tweets] == ["a", "RT @x: a"]
    assert [e.problem for e in errors] == ["item 2: expected a tweet object, got str"]


# ------------------------------------------------------------------ fields

@pytest.mark.parametrize("record, retweet_of", [
    ({"text": "RT @ok_one: Nikki Glaser hosting tonight"}, "Nikki Glaser hosting tonight"),
    ({"text": "RT @ok_one Nikki Glaser hosting tonight"}, "Nikki Glaser hosting tonight"),
    ({"text": "RT @a_b: RT @c: nested"}, "RT @c: nested"),
    ({"text": "ART @ok_one: not a retweet"}, None),
    ({"text": "no RT @ok_one: here"}, None),
    ({"text": "RT @x: cut sh…", "retweeted_status": {"text": "cut short but whole"}}, "cut short but whole"),
])
def test_retweets_are_told_with_the_original_text(record, retweet_of):
    assert reader.tweet_from_record(record).retweet_of == retweet_of


@pytest.mark.parametrize("record, expected", [
    ({"text": "t", "timestamp_ms": "1736125200000"}, 1736125200000),
    ({"text": "t", "timestamp_ms": 1736125200000}, 1736125200000),
    ({"text": "t", "created_at": "Mon Jan 06 03:33:00 +0000 2025"}, 1736134380000),
    ({"text": "t", "timestamp_ms": "soon"}, None),
    ({"text": "t"}, None),
])
def test_timestamps(record, expected):
    assert reader.tweet_from_record(record).timestamp_ms == expected


@pytest.mark.parametrize("record, user, tweet_id", [
    ({"text": "t", "user": {"screen_name": "sam", "id": 9}, "id": 12}, "sam", "12"),
    ({"text": "t", "user": "plain", "id_str": "34", "id": 34.0}, "plain", "34"),
    ({"text": "t", "screen_name": "flat"}, "flat", ""),
])
def test_users_and_ids(record, user, tweet_id):
    tweet = reader.tweet_from_record(record)
    assert (tweet.user, tweet.id) == (user, tweet_id)


def test_extended_text_is_preferred():
    record = {"text": "short…", "extended_tweet": {"full_text": "short and then the rest"}}
    assert reader.tweet_from_record(record).text == "short and then the rest"


def test_retweets_and_duplicates_in_the_stream():
    tweets = list(read_tweets(STREAM))
    retweets = [t for t in tweets if t.retweet_of is not None]
    assert len(retweets) >= 30
    originals = {t.text for t in tweets if t.retweet_of is None}
    assert sum(t.retweet_of in originals for t in retweets) >= 25
    texts = [t.text for t in tweets if t.retweet_of is None]
    assert len(texts) - len(set(texts)) >= 5  # the same words from different accounts


def test_gzip_read_a_byte_at_a_time():
    data = gzip.compress(ARRAY.read_bytes())
    assert len(list(read_tweets(Trickle(data, size=1)))) == 45


def test_damaged_gzip_raises_input_error():
    data = gzip.compress(STREAM.read_bytes())
    with pytest.raises(InputError) as info:
        list(read_tweets(io.BytesIO(data[: len(data) // 2])))
    assert "cannot read" in str(info.value)
