"""A tiny randomly initialised Llama and a tokenizer trained here, written as a local HF model folder.

Nothing is downloaded: the tokenizer is a byte-level BPE trained with `tokenizers` on the toy corpus, and
the model is LlamaForCausalLM(LlamaConfig(...)) with seeded random weights."""
from __future__ import annotations

import json
import os

EOS = "<|endoftext|>"


def toy_rows(n_things: int = 12, seed: int = 0) -> list[dict]:
    """A task a random tiny model can learn in ~100 CPU steps: each thing has one colour."""
    import random

    colours = ["red", "green", "blue", "gold"]
    things = [f"item{chr(97 + i)}" for i in range(n_things)]
    rng = random.Random(seed)
    answer = {t: colours[rng.randrange(len(colours))] for t in things}
    return [{"prompt": f"colour of {t}:", "completion": f" {answer[t]}"} for t in things]


def write_tiny_llama(folder: str, corpus: list[str], seed: int = 0, hidden: int = 64, layers: int = 2) -> dict:
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=320, special_tokens=[EOS], initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(corpus, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=EOS, pad_token=EOS)
    fast.save_pretrained(folder)

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=hidden,
        intermediate_size=hidden * 2,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=256,
        tie_word_embeddings=False,
        # 0.02 (the default) caps the logits of a 64-wide lm_head near 1: no head could learn anything.
        initializer_range=0.2,
        eos_token_id=tok.token_to_id(EOS),
        bos_token_id=tok.token_to_id(EOS),
        pad_token_id=tok.token_to_id(EOS),
    )
    LlamaForCausalLM(config).save_pretrained(folder)
    return {"vocab": tok.get_vocab_size(), "hidden": hidden, "layers": layers}


def write_job(job: str, base: dict, rows: list[dict], eval_rows: list[dict] | None, lora: dict, train: dict) -> None:
    os.makedirs(job, exist_ok=True)
    with open(os.path.join(job, "config.json"), "w") as f:
        json.dump({"kolm_train": 1, "base": base, "lora": lora, "train": train}, f)
    for name, data in (("train.jsonl", rows), ("eval.jsonl", eval_rows)):
        if data is None:
            continue
        with open(os.path.join(job, name), "w") as f:
            for r in data:
                f.write(json.dumps(r) + "\n")
