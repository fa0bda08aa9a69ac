"""A stand-in `sky` CLI for the cloud runtime's tests (no cloud is reachable here): launch / status / down.

It reads the task with SkyPilot's own parser (sky.Task.from_yaml, SkyPilot from PyPI, run in its pinned
venv), "provisions" a cluster that is this machine reached through the loopback sshd (it writes the
cluster's SSH alias the way SkyPilot adds one to ~/.ssh/config), copies the file mounts, runs setup and run
with bash, and streams run's lines with SkyPilot's "(task, pid=N) " prefix. Every call is logged to
$FAKE_SKY_STATE/calls.jsonl; cluster states live in $FAKE_SKY_STATE/clusters.json."""
import json
import os
import shutil
import subprocess
import sys

state = os.environ["FAKE_SKY_STATE"]
os.makedirs(state, exist_ok=True)
clusters_file = os.path.join(state, "clusters.json")


def log_call(argv):
    with open(os.path.join(state, "calls.jsonl"), "a") as f:
        f.write(json.dumps(argv) + "\n")


def clusters():
    return json.load(open(clusters_file)) if os.path.exists(clusters_file) else {}


def save(c):
    json.dump(c, open(clusters_file, "w"))


def launch(args):
    import sky

    name, idle, secrets, yaml_path, yes = None, None, [], None, False
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-c", "--cluster"):
            name = args[i + 1]; i += 2; continue
        if a in ("-i", "--idle-minutes-to-autostop"):
            idle = int(args[i + 1]); i += 2; continue
        if a == "--secret":
            secrets.append(args[i + 1]); i += 2; continue
        if a in ("-y", "--yes"):
            yes = True; i += 1; continue
        if a.startswith("-"):
            print(f"fake sky: unsupported flag {a}", file=sys.stderr); return 2
        yaml_path = a; i += 1
    if not (name and yaml_path and yes):
        print("fake sky: launch needs -c NAME, -y and a YAML", file=sys.stderr); return 2
    task = sky.Task.from_yaml(yaml_path)
    res = list(task.resources)[0]
    print(f"Considered resources: {res}")
    c = clusters()
    c[name] = {"status": "UP", "accelerators": res.accelerators, "spot": res.use_spot, "idle": idle}
    save(c)
    host, port, user = os.environ["FAKE_SKY_SSH"].split()
    with open(os.environ["FAKE_SKY_SSH_CONFIG"], "a") as f:
        f.write(f"\nHost {name}\n  HostName {host}\n  Port {port}\n  User {user}\n")
    for dst, src in (task.file_mounts or {}).items():
        dst = os.path.expanduser(dst)
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst)
    env = {**os.environ, **(task.envs or {})}
    for s in secrets:
        env[s] = os.environ.get(s, "")
    if task.setup:
        r = subprocess.run(["bash", "-c", task.setup], env=env)
        if r.returncode != 0:
            print(f"ERROR: setup failed with code {r.returncode}"); return 100
    p = subprocess.Popen(["bash", "-c", task.run], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        for line in p.stdout:
            print(f"({task.name}, pid={p.pid}) {line}", end="", flush=True)
        code = p.wait()
    except KeyboardInterrupt:
        os.killpg(p.pid, 15)
        p.wait()
        return 130
    print(f"Job finished (status: {'SUCCEEDED' if code == 0 else 'FAILED'}).")
    return 0 if code == 0 else 100


def main(argv):
    log_call(argv)
    cmd, args = argv[0], argv[1:]
    if cmd == "launch":
        return launch(args)
    if cmd == "down":
        c = clusters()
        for name in [a for a in args if not a.startswith("-")]:
            if name in c:
                c[name]["status"] = "TERMINATED"
                print(f"Terminating cluster {name}...done.")
        save(c)
        return 0
    if cmd == "status":
        c = clusters()
        names = [a for a in args if not a.startswith("-")] or list(c)
        live = [(n, c[n]) for n in names if n in c and c[n]["status"] != "TERMINATED"]
        if not live:
            print("No existing clusters.")
        for n, v in live:
            print(f"{n}  {v['status']}")
        return 0
    print(f"fake sky: unknown command {cmd}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
