"""Drive `kolm serve` with the real Python clients, unmodified: lorax-client (what the Predibase SDK wraps)
and openai. Run by test/clients/clients.test.ts against a server it started; prints one JSON line per
named check, {"check", "ok", "detail"}, and the uvu test asserts each by name.

    python drive.py URL LABELS_JSON
"""

import asyncio
import json
import sys
import traceback
from typing import List, Literal, Optional

import lorax
import openai
import pydantic
from lorax.errors import GenerationError, ValidationError

URL = sys.argv[1]
LABELS: List[str] = json.loads(sys.argv[2])
CHECKS = []

QUESTION = "How many miles is it from London to Paris ?"
# The bus artifact reads its object input back from the prompt its template renders.
BUS = "Utterance: I want to go from Fresno to Boston.\nSlots: from_location,to_location\n### Response:"
BUS_SPACES = "Utterance: I want to go from Fresno to Boston.   Slots: from_location,to_location ### Response:"
BUS_BAD = "this was not rendered from the template"


def check(fn):
    CHECKS.append(fn)
    return fn


def expect_raises(kind, fn, contains):
    try:
        fn()
    except kind as e:
        message = str(e)
        assert contains in message, f"{kind.__name__} message {message!r} lacks {contains!r}"
        return e
    raise AssertionError(f"expected {kind.__name__}")


def oa():
    # No retries: a refusal must surface once, as the SDK's own exception.
    return openai.OpenAI(base_url=f"{URL}/v1", api_key="kolm-test", max_retries=0)


# ---- lorax-client ----


@check
def lorax_generate_details():
    r = lorax.Client(URL).generate(QUESTION, max_new_tokens=16)
    assert r.generated_text in LABELS, r.generated_text
    assert r.details.finish_reason in ("eos_token", "length", "stop_sequence")
    assert r.details.generated_tokens == len(r.details.tokens) > 0


@check
def lorax_predibase_ids_route_to_the_artifact():
    c = lorax.Client(URL)
    base = c.generate(QUESTION).generated_text
    for adapter_id in ("trec-questions/1", "trec-questions", "trec-classifier"):
        got = c.generate(QUESTION, adapter_id=adapter_id, adapter_source="pbase").generated_text
        assert got == base, (adapter_id, got, base)
    slots = json.loads(c.generate(BUS, adapter_id="bus-slots/2").generated_text)
    assert slots == {"from_location": "Fresno", "to_location": "Boston"}, slots


@check
def lorax_predibase_sdk_style_client():
    # The Predibase SDK's deployment client is a lorax Client with a fixed host and a Bearer token.
    c = lorax.Client(URL, headers={"Authorization": "Bearer pb_token"})
    r = c.generate(QUESTION, adapter_id="trec-questions/1", api_token="pb_token", max_new_tokens=8)
    assert r.generated_text in LABELS


@check
def lorax_unknown_adapter_is_generation_error():
    expect_raises(GenerationError, lambda: lorax.Client(URL).generate(QUESTION, adapter_id="trec-questions/9"), "trec-questions/9")


@check
def lorax_generate_stream_matches_generate():
    c = lorax.Client(URL)
    whole = c.generate(BUS, adapter_id="bus-slots/2").generated_text
    events = list(c.generate_stream(BUS, adapter_id="bus-slots/2"))
    assert "".join(e.token.text for e in events if not e.token.special) == whole
    assert events[-1].generated_text == whole
    assert events[-1].details.generated_tokens == len(events)


@check
def lorax_stream_error_is_the_clients_exception():
    c = lorax.Client(URL)
    expect_raises(ValidationError, lambda: list(c.generate_stream(QUESTION, stop_sequences=["a", "b", "c", "d", "e"])), "stop sequences")
    expect_raises(ValidationError, lambda: list(c.generate_stream(BUS_BAD, adapter_id="bus-slots/2")), "takes an object input")


@check
def lorax_best_of():
    r = lorax.Client(URL).generate(QUESTION, best_of=2, do_sample=True)
    assert len(r.details.best_of_sequences) == 1
    assert r.details.best_of_sequences[0].generated_text == r.generated_text


@check
def lorax_async_client():
    async def go():
        c = lorax.AsyncClient(URL)
        r = await c.generate(QUESTION, adapter_id="trec-questions/1")
        parts = [e async for e in c.generate_stream(QUESTION, adapter_id="trec-questions/1")]
        return r, parts

    r, parts = asyncio.run(go())
    assert r.generated_text in LABELS
    assert parts[-1].generated_text == r.generated_text


@check
def lorax_response_format_label_enum():
    schema = {"type": "string", "enum": LABELS}
    r = lorax.Client(URL).generate(QUESTION, response_format={"type": "json_object", "schema": schema})
    assert json.loads(r.generated_text) in LABELS, r.generated_text


@check
def lorax_response_format_extract_object():
    schema = {"type": "object", "properties": {"from_location": {"type": "string"}, "to_location": {"type": "string"}}, "required": ["from_location", "to_location"]}
    r = lorax.Client(URL).generate(BUS, adapter_id="bus-slots/2", response_format={"type": "json_object", "schema": schema})
    assert json.loads(r.generated_text) == {"from_location": "Fresno", "to_location": "Boston"}


@check
def lorax_response_format_refused_with_why():
    schema = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a", "b"]}
    e = expect_raises(ValidationError, lambda: lorax.Client(URL).generate(QUESTION, response_format={"type": "json_object", "schema": schema}), "response_format")
    assert "one label" in str(e), str(e)


@check
def lorax_template_whitespace_tolerated():
    c = lorax.Client(URL)
    assert c.generate(BUS_SPACES, adapter_id="bus-slots/2").generated_text == c.generate(BUS, adapter_id="bus-slots/2").generated_text


@check
def lorax_adapter_artifact_generates():
    c = lorax.Client(URL)
    r = c.generate("Q: the cat\nA:", adapter_id="tiny-adapter/3", max_new_tokens=6)
    assert r.details.generated_tokens > 0
    streamed = list(c.generate_stream("Q: the cat\nA:", adapter_id="tiny-adapter/3", max_new_tokens=6))
    assert streamed[-1].generated_text == r.generated_text


# ---- openai (Python) ----


@check
def openai_models_list_and_retrieve():
    c = oa()
    ids = [m.id for m in c.models.list()]
    for want in ("trec-classifier", "trec-questions/1", "trec-questions", "bus", "bus-slots/2", "tiny", "tiny-adapter/3"):
        assert want in ids, (want, ids)
    assert c.models.retrieve("trec-questions/1").id == "trec-questions/1"
    e = expect_raises(openai.NotFoundError, lambda: c.models.retrieve("nope/1"), "nope/1")
    assert e.code == "model_not_found", e.code


@check
def openai_completions_with_predibase_id():
    c = oa()
    r = c.completions.create(model="trec-questions/1", prompt=QUESTION, max_tokens=8)
    assert r.choices[0].text in LABELS
    assert r.model == "trec-questions/1"
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens
    again = c.completions.create(model="trec-questions/1", prompt=QUESTION)
    assert again.id != r.id and r.id.startswith("cmpl-")


@check
def openai_completions_list_prompt():
    r = oa().completions.create(model="bus-slots/2", prompt=[BUS, BUS_SPACES])
    assert [ch.index for ch in r.choices] == [0, 1]
    assert json.loads(r.choices[0].text) == json.loads(r.choices[1].text) == {"from_location": "Fresno", "to_location": "Boston"}


@check
def openai_chat_and_stream_with_usage():
    c = oa()
    r = c.chat.completions.create(model="bus-slots/2", messages=[{"role": "user", "content": BUS}], temperature=0)
    assert json.loads(r.choices[0].message.content)["to_location"] == "Boston"
    chunks = list(c.chat.completions.create(model="bus-slots/2", messages=[{"role": "user", "content": BUS}], stream=True, stream_options={"include_usage": True}))
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    assert text == r.choices[0].message.content
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens > 0
    assert all(ch.usage is None for ch in chunks[:-1])


@check
def openai_parse_pydantic_label():
    class Answer(pydantic.BaseModel):
        label: Literal[tuple(LABELS)]  # type: ignore[valid-type]

    r = oa().chat.completions.parse(model="trec-questions/1", messages=[{"role": "user", "content": QUESTION}], response_format=Answer)
    assert r.choices[0].message.parsed.label in LABELS


@check
def openai_parse_pydantic_extract():
    class Slots(pydantic.BaseModel):
        from_location: Optional[str]
        to_location: Optional[str]

    r = oa().chat.completions.parse(model="bus-slots/2", messages=[{"role": "user", "content": BUS}], response_format=Slots)
    assert r.choices[0].message.parsed == Slots(from_location="Fresno", to_location="Boston")
    one = oa().chat.completions.parse(
        model="bus-slots/2", messages=[{"role": "user", "content": BUS.replace("from Fresno to Boston", "to Reno")}], response_format=Slots,
    )
    assert one.choices[0].message.parsed == Slots(from_location=None, to_location="Reno"), one.choices[0].message.parsed


@check
def openai_parse_refused_with_why():
    class Wrong(pydantic.BaseModel):
        count: int

    e = expect_raises(openai.BadRequestError, lambda: oa().chat.completions.parse(model="trec-questions/1", messages=[{"role": "user", "content": QUESTION}], response_format=Wrong), "response_format")
    assert e.param == "response_format", e.param


@check
def openai_unknown_model_not_found():
    c = oa()
    e = expect_raises(openai.NotFoundError, lambda: c.completions.create(model="trec-questions/7", prompt=QUESTION), "trec-questions/7")
    assert (e.code, e.type, e.param) == ("model_not_found", "invalid_request_error", "model"), (e.code, e.type, e.param)
    expect_raises(openai.NotFoundError, lambda: list(c.chat.completions.create(model="nope", messages=[{"role": "user", "content": "x"}], stream=True)), "nope")


@check
def openai_unsupported_parameters_named():
    c = oa()
    msgs = [{"role": "user", "content": QUESTION}]
    for kwargs, param in (
        ({"n": 2}, "n"),
        ({"logprobs": True}, "logprobs"),
        ({"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}]}, "tools"),
        ({"temperature": 3}, "temperature"),
        ({"top_p": 1.5}, "top_p"),
    ):
        e = expect_raises(openai.BadRequestError, lambda: c.chat.completions.create(model="trec-questions/1", messages=msgs, **kwargs), param)
        assert e.param == param, (kwargs, e.param)


@check
def openai_stream_error_mid_stream():
    c = oa()
    stream = c.completions.create(model="bus-slots/2", prompt=[BUS, BUS_BAD], stream=True)
    got = []
    try:
        for ch in stream:
            got.extend(ch.choices)
    except openai.APIError as e:
        assert "takes an object input" in e.message, e.message
        assert got and got[0].index == 0, "the first choice streamed before the error"
        return
    raise AssertionError("expected an APIError during the stream")


@check
def openai_adapter_artifact_chat_stream():
    c = oa()
    whole = c.completions.create(model="tiny-adapter/3", prompt="Q: the cat\nA:", max_tokens=6, temperature=0).choices[0].text
    parts = list(c.completions.create(model="tiny-adapter/3", prompt="Q: the cat\nA:", max_tokens=6, temperature=0, stream=True))
    assert "".join(p.choices[0].text for p in parts if p.choices) == whole


def main():
    for fn in CHECKS:
        try:
            fn()
            print(json.dumps({"check": fn.__name__, "ok": True}), flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is reported by name
            detail = f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=4)}"
            print(json.dumps({"check": fn.__name__, "ok": False, "detail": detail}), flush=True)


if __name__ == "__main__":
    main()
