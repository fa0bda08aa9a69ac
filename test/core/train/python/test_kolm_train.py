"""kolm_train.py on CPU: a tiny random Llama learns a toy task through TRL + PEFT, and the outputs keep
their contract (PEFT adapter with the job's rank/alpha/targets, JSON progress lines, the final record)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from safetensors import safe_open

from tiny_hf import toy_rows, write_job, write_tiny_llama

HERE = os.path.dirname(os.path.abspath(__file__))
ENTRY = os.path.join(HERE, "..", "..", "..", "..", "core", "train", "python", "kolm_train.py")
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def train_config(**over):
    base = {
        "epochs": 24,
        "learning_rate": 0.01,
        "batch_size": 4,
        "gradient_accumulation_steps": 1,
        "lr_scheduler": "constant",
        "warmup_ratio": 0.0,
        "weight_decay": 0.0,
        "optimizer": "adamw_torch",
        "max_grad_norm": 1.0,
        "seed": 7,
        "gradient_checkpointing": False,
        "logging_steps": 1,
        "precision": "fp32",
        "cpu_threads": 1,
    }
    base.update(over)
    return base


def run_entry(job: str, out: str):
    p = subprocess.run([sys.executable, ENTRY, "--job", job, "--out", out], capture_output=True, text=True, timeout=600)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    return p, [json.loads(l) for l in lines]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    root = tmp_path_factory.mktemp("kolm-train")
    rows = toy_rows(12)
    base_dir = str(root / "base")
    write_tiny_llama(base_dir, [r["prompt"] + r["completion"] for r in rows] * 4)
    lora = {"r": 4, "alpha": 8, "dropout": 0.0, "target_modules": TARGETS, "use_rslora": False}
    job = str(root / "job")
    write_job(job, {"path": base_dir}, rows, rows[:6], lora, train_config())
    p, events = run_entry(job, str(root / "out"))
    assert p.returncode == 0, p.stderr[-4000:]
    return {"root": root, "out": root / "out", "events": events, "lora": lora, "stdout": p.stdout}


def test_loss_falls_under_a_third_of_its_start(trained):
    curve = [e["loss"] for e in trained["events"] if e["event"] == "progress"]
    assert len(curve) >= 50, f"only {len(curve)} logged steps"
    start = curve[0]
    end = sum(curve[-5:]) / 5
    assert end < start / 3, f"loss {start:.3f} -> {end:.3f}"
    result = json.loads((trained["out"] / "result.json").read_text())
    assert result["eval_loss"] < result["eval_loss_start"] / 3, (result["eval_loss_start"], result["eval_loss"])
    assert [c["loss"] for c in result["loss_curve"]] == curve


def test_adapter_has_the_jobs_rank_alpha_and_targets(trained):
    adapter = trained["out"] / "adapter"
    cfg = json.loads((adapter / "adapter_config.json").read_text())
    assert cfg["r"] == trained["lora"]["r"]
    assert cfg["lora_alpha"] == trained["lora"]["alpha"]
    assert sorted(cfg["target_modules"]) == sorted(TARGETS)
    assert cfg["use_rslora"] is False and cfg["use_dora"] is False and cfg["bias"] == "none"
    with safe_open(str(adapter / "adapter_model.safetensors"), "pt") as f:
        keys = list(f.keys())
        # Every target in every layer has both halves, A of rank r.
        for layer in range(2):
            for t in TARGETS:
                mod = "self_attn" if t.endswith(("q_proj", "k_proj", "v_proj", "o_proj")) else "mlp"
                a = f"base_model.model.model.layers.{layer}.{mod}.{t}.lora_A.weight"
                b = f"base_model.model.model.layers.{layer}.{mod}.{t}.lora_B.weight"
                assert a in keys and b in keys, (a, keys[:4])
                assert f.get_tensor(a).shape[0] == trained["lora"]["r"]
                assert f.get_tensor(b).shape[1] == trained["lora"]["r"]
        assert len(keys) == 2 * 2 * len(TARGETS)


def test_progress_lines_parse_and_count_up_to_the_total(trained):
    events = trained["events"]
    assert all(e["kolm_train"] == 1 for e in events)
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and kinds[-1] == "done"
    progress = [e for e in events if e["event"] == "progress"]
    total = progress[0]["total"]
    assert total == events[0]["total"] == 72  # 12 rows / batch 4 = 3 steps a epoch, 24 epochs
    steps = [e["step"] for e in progress]
    assert steps == sorted(steps) and steps[-1] == total
    for e in progress:
        for k in ("step", "total", "loss", "lr", "epoch", "tokens_per_s", "eta_s", "elapsed_s"):
            assert k in e, (k, e)
        assert e["tokens_per_s"] > 0
    assert progress[-1]["eta_s"] == 0
    assert any(e["event"] == "eval" for e in events)


def test_final_record_names_device_engines_and_memory(trained):
    r = json.loads((trained["out"] / "result.json").read_text())
    assert r["device"]["type"] == "cpu"
    import peft, torch, transformers, trl

    assert r["versions"] == {**r["versions"], "trl": trl.__version__, "peft": peft.__version__, "transformers": transformers.__version__, "torch": torch.__version__}
    assert r["peak_memory"]["host_rss_bytes"] > 0
    assert r["seconds"] > 0 and r["steps"] == 72
    assert r["max_length"] >= 4


def test_a_hub_base_without_a_revision_is_one_error_line(tmp_path):
    job = str(tmp_path / "job")
    write_job(job, {"id": "someone/model"}, toy_rows(4), None, {"r": 2, "alpha": 4, "dropout": 0.0, "target_modules": ["q_proj"], "use_rslora": False}, train_config())
    p, events = run_entry(job, str(tmp_path / "out"))
    assert p.returncode == 1
    assert events[-1]["event"] == "error" and "pinned revision" in events[-1]["message"]


def test_the_token_is_never_printed(trained):
    assert "hf_" not in trained["stdout"]
