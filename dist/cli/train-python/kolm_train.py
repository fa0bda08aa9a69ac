"""kolm's trainer entry point: one job folder in, one PEFT LoRA adapter out.

The engine is Hugging Face TRL (SFTTrainer) with PEFT LoRA; this file only translates kolm's job folder
into their configs, with every hyperparameter set explicitly (TRL's, PEFT's and Ludwig's defaults differ),
and reports progress as JSON lines a parent process can read.

Job folder (written by core/train/job.ts):
  config.json   {"kolm_train": 1, "base": {...}, "lora": {...}, "train": {...}}
  train.jsonl   {"prompt": ..., "completion": ...} per line; prompts already rendered by kolm's TS template
                renderer, exactly as serving renders them, so no template logic lives here
  eval.jsonl    optional, same shape
Outputs (under --out, default <job>/out):
  adapter/      adapter_config.json + adapter_model.safetensors
  result.json   the final record (loss curve, eval loss, seconds, device, peak memory, engine versions)
stdout: one JSON object per line, each with "kolm_train": 1 and an "event" (start, progress, eval, done, error).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import sys
import time
import traceback

PROTOCOL = 1


def emit(event: str, **fields) -> None:
    # One line, flushed: the parent reads progress as it comes (over SSH too).
    print(json.dumps({"kolm_train": PROTOCOL, "event": event, **fields}, allow_nan=False), flush=True)


def read_jsonl(path: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("prompt"), str) or not isinstance(row.get("completion"), str):
                raise ValueError(f"{path}:{n}: each line needs string fields prompt and completion")
            rows.append({"prompt": row["prompt"], "completion": row["completion"]})
    if not rows:
        raise ValueError(f"{path} has no rows")
    return rows


def finite(x):
    return None if x is None or not math.isfinite(float(x)) else float(x)


def load_base(base: dict):
    """The tokenizer and model, from a local folder or a hub id at a pinned revision."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if base.get("path"):
        if not os.path.isdir(base["path"]):
            raise ValueError(f"the base weights folder {base['path']} does not exist on this machine")
        # A local folder means no network: nothing is fetched from a hub behind the user's back.
        os.environ["HF_HUB_OFFLINE"] = "1"
        source, kwargs = base["path"], {}
    else:
        if not base.get("revision"):
            raise ValueError("a hub base model needs a pinned revision (spec base_revision)")
        # The token only ever comes from the environment and goes straight to the hub client.
        token = os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN") or None
        source, kwargs = base["id"], {"revision": base["revision"], "token": token}
    tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
    model = AutoModelForCausalLM.from_pretrained(source, dtype="auto", **kwargs)
    if tokenizer.eos_token is None:
        raise ValueError("the base model's tokenizer has no EOS token; kolm appends EOS to every completion")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer, model


def max_length_of(tokenizer, rows: list[dict]) -> int:
    """The longest prompt + completion + EOS in tokens: nothing is truncated, nothing padded beyond it."""
    longest = 0
    for r in rows:
        n = len(tokenizer(r["prompt"] + r["completion"])["input_ids"]) + 1
        longest = max(longest, n)
    return longest


def planned_steps(rows: int, train: dict) -> int:
    """Optimizer steps the Trainer will take (its own formula), so the first line can show the total."""
    batches = math.ceil(rows / int(train["batch_size"]))
    per_epoch = max(math.ceil(batches / int(train["gradient_accumulation_steps"])), 1)
    return math.ceil(float(train["epochs"]) * per_epoch)


def device_info():
    import torch

    if torch.cuda.is_available():
        return {"type": "cuda", "name": torch.cuda.get_device_name(0), "count": torch.cuda.device_count()}
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return {"type": "mps", "name": platform.machine(), "count": 1}
    return {"type": "cpu", "name": platform.processor() or platform.machine(), "count": os.cpu_count() or 1}


def peak_memory(dev: dict) -> dict:
    import torch

    if dev["type"] == "cuda":
        return {"gpu_bytes": int(torch.cuda.max_memory_allocated()), "host_rss_bytes": rss_bytes()}
    return {"gpu_bytes": None, "host_rss_bytes": rss_bytes()}


def rss_bytes() -> int:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(r if sys.platform == "darwin" else r * 1024)


def engine_versions() -> dict:
    import accelerate, peft, tokenizers, torch, transformers, trl

    return {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "trl": trl.__version__,
        "peft": peft.__version__,
        "accelerate": accelerate.__version__,
        "tokenizers": tokenizers.__version__,
    }


def build_configs(cfg: dict, out_dir: str, max_length: int, dev: dict, has_eval: bool, planned: int = 1):
    """SFTConfig + LoraConfig with every field that matters set from the job, none left to a default."""
    from peft import LoraConfig
    from trl import SFTConfig

    lora, train = cfg["lora"], cfg["train"]
    lora_config = LoraConfig(
        task_type="CAUSAL_LM",
        r=int(lora["r"]),
        lora_alpha=float(lora["alpha"]),
        lora_dropout=float(lora["dropout"]),
        target_modules=lora["target_modules"],
        use_rslora=bool(lora["use_rslora"]),
        bias="none",
        use_dora=False,
        modules_to_save=None,
        init_lora_weights=True,
    )
    precision = train.get("precision", "auto")
    if precision == "auto":
        precision = "bf16" if dev["type"] == "cuda" and _bf16_ok() else "fp32"
    sft_config = SFTConfig(
        output_dir=os.path.join(out_dir, "checkpoints"),
        num_train_epochs=float(train["epochs"]),
        learning_rate=float(train["learning_rate"]),
        per_device_train_batch_size=int(train["batch_size"]),
        per_device_eval_batch_size=int(train["batch_size"]),
        gradient_accumulation_steps=int(train["gradient_accumulation_steps"]),
        lr_scheduler_type=train["lr_scheduler"],
        warmup_steps=float(train["warmup_ratio"]),  # a float in [0, 1) is a ratio of the total steps
        weight_decay=float(train["weight_decay"]),
        optim=train["optimizer"],
        max_grad_norm=float(train["max_grad_norm"]),
        seed=int(train["seed"]),
        data_seed=int(train["seed"]),
        max_length=max_length,
        packing=False,
        completion_only_loss=True,
        eos_token=None,  # the tokenizer's own EOS, appended to every completion by TRL
        bf16=precision == "bf16",
        fp16=precision == "fp16",
        use_cpu=dev["type"] == "cpu",
        gradient_checkpointing=bool(train["gradient_checkpointing"]),
        logging_steps=int(train["logging_steps"]),
        logging_first_step=True,
        # About ten eval points whatever the length of the run (per epoch would be hundreds on small sets).
        eval_strategy="steps" if has_eval else "no",
        eval_steps=max(1, planned // 10),
        save_strategy="no",
        report_to="none",
        disable_tqdm=True,
        dataloader_num_workers=0,
        shuffle_dataset=False,
        include_num_input_tokens_seen="non_padding",
    )
    return sft_config, lora_config


def _bf16_ok() -> bool:
    import torch

    return bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())


def make_callback(total_tokens_per_epoch: int, clock=time.monotonic):
    from transformers import TrainerCallback

    class JsonLinesProgress(TrainerCallback):
        """Progress as JSON lines: the CLI draws its bar from them, the Action logs them."""

        def __init__(self):
            self.started = None
            self.curve = []
            self.evals = []

        def on_train_begin(self, args, state, control, **kw):
            self.started = clock()

        def on_log(self, args, state, control, logs=None, **kw):
            logs = logs or {}
            elapsed = max(clock() - (self.started or clock()), 1e-9)
            if "eval_loss" in logs:
                rec = {"step": state.global_step, "epoch": finite(state.epoch), "eval_loss": finite(logs["eval_loss"])}
                if self.evals and self.evals[-1]["step"] == rec["step"]:
                    return  # the closing evaluate() after a last-step eval: the same point again
                self.evals.append(rec)
                emit("eval", **rec)
                return
            if "loss" not in logs:
                return
            step, total = state.global_step, state.max_steps
            seen = getattr(state, "num_input_tokens_seen", 0) or (state.epoch or 0) * total_tokens_per_epoch
            rec = {"step": step, "loss": finite(logs["loss"]), "lr": finite(logs.get("learning_rate")), "epoch": finite(state.epoch)}
            self.curve.append(rec)
            emit(
                "progress",
                **rec,
                total=total,
                tokens_per_s=finite(seen / elapsed),
                elapsed_s=round(elapsed, 3),
                eta_s=round(elapsed / step * (total - step), 3) if step > 0 else None,
            )

    return JsonLinesProgress()


def run(job: str, out_dir: str) -> dict:
    import torch
    from datasets import Dataset
    from transformers import set_seed
    from trl import SFTTrainer

    with open(os.path.join(job, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    if cfg.get("kolm_train") != PROTOCOL:
        raise ValueError(f"config.json is not a kolm trainer config of version {PROTOCOL}")
    seed = int(cfg["train"]["seed"])
    set_seed(seed)
    torch.use_deterministic_algorithms(bool(cfg["train"].get("deterministic", False)), warn_only=True)
    threads = cfg["train"].get("cpu_threads")
    if threads:
        torch.set_num_threads(int(threads))

    train_rows = read_jsonl(os.path.join(job, "train.jsonl"))
    eval_path = os.path.join(job, "eval.jsonl")
    eval_rows = read_jsonl(eval_path) if os.path.exists(eval_path) else None
    dev = device_info()
    versions = engine_versions()
    tokenizer, model = load_base(cfg["base"])
    max_length = max_length_of(tokenizer, train_rows + (eval_rows or []))
    planned = planned_steps(len(train_rows), cfg["train"])
    sft_config, lora_config = build_configs(cfg, out_dir, max_length, dev, eval_rows is not None, planned)
    tokens_per_epoch = sum(len(tokenizer(r["prompt"] + r["completion"])["input_ids"]) + 1 for r in train_rows)
    callback = make_callback(tokens_per_epoch)
    trainer = SFTTrainer(
        model=model,
        args=sft_config,
        train_dataset=Dataset.from_list(train_rows),
        eval_dataset=Dataset.from_list(eval_rows) if eval_rows else None,
        processing_class=tokenizer,
        peft_config=lora_config,
        callbacks=[callback],
    )
    # disable_tqdm makes the Trainer print each log as a Python dict on stdout; our JSON lines replace it.
    from transformers.trainer_callback import PrinterCallback, ProgressCallback

    trainer.remove_callback(PrinterCallback)
    trainer.remove_callback(ProgressCallback)
    emit(
        "start",
        total=planned,
        rows=len(train_rows),
        eval_rows=len(eval_rows) if eval_rows else 0,
        max_length=max_length,
        device=dev,
        versions=versions,
        trainable_params=sum(p.numel() for p in trainer.model.parameters() if p.requires_grad),
    )
    eval_start = finite(trainer.evaluate()["eval_loss"]) if eval_rows else None
    t0 = time.monotonic()
    out = trainer.train()
    seconds = time.monotonic() - t0
    eval_end = finite(trainer.evaluate()["eval_loss"]) if eval_rows else None
    adapter_dir = os.path.join(out_dir, "adapter")
    trainer.model.save_pretrained(adapter_dir)
    record = {
        "kolm_train": PROTOCOL,
        "adapter_dir": "adapter",
        "steps": trainer.state.global_step,
        "epochs": finite(trainer.state.epoch),
        "train_loss": finite(out.training_loss),
        "loss_curve": callback.curve,
        "eval_loss": eval_end,
        "eval_loss_start": eval_start,
        "eval_curve": callback.evals,
        "seconds": round(seconds, 3),
        "steps_per_s": round(trainer.state.global_step / seconds, 4) if seconds > 0 else None,
        "device": dev,
        "peak_memory": peak_memory(dev),
        "versions": versions,
        "max_length": max_length,
        "rows": {"train": len(train_rows), "eval": len(eval_rows) if eval_rows else 0},
        "config": {"lora": cfg["lora"], "train": cfg["train"]},
    }
    with open(os.path.join(out_dir, "result.json.tmp"), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2)
    os.replace(os.path.join(out_dir, "result.json.tmp"), os.path.join(out_dir, "result.json"))
    return record


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Train a LoRA adapter from a kolm job folder (TRL SFTTrainer + PEFT).")
    p.add_argument("--job", required=True, help="the job folder (config.json, train.jsonl, eval.jsonl)")
    p.add_argument("--out", help="where to write adapter/ and result.json (default <job>/out)")
    a = p.parse_args(argv)
    out_dir = a.out or os.path.join(a.job, "out")
    os.makedirs(out_dir, exist_ok=True)
    try:
        record = run(a.job, out_dir)
    except Exception as e:  # reported as one line the parent can show; the traceback goes to stderr
        traceback.print_exc()
        emit("error", type=type(e).__name__, message=str(e))
        return 1
    emit("done", seconds=record["seconds"], steps=record["steps"], train_loss=record["train_loss"], eval_loss=record["eval_loss"], out=out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
