"""The command's receipts: the dataset's SHA-256 (compared with Python's hashlib, computed apart
from the library's nettle and cmake/embed.cmake), and an MCI update file for 2027 applied from
KZPENALTY_UPDATES and from the XDG data directory, priced and named in every receipt; a broken
update file stops the command with its name and exit 3, and prints no answer.
Usage: updates_and_sha256.py KZPENALTY SOURCE_DIR"""
import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile

kzp, src = sys.argv[1], pathlib.Path(sys.argv[2])
DATASET = src / "data" / "kzpenalty.json"
EXAMPLE = src / "examples" / "mci-update-example.json"
failures = []


def run(args, env_extra=None, code=0):
    env = {k: v for k, v in os.environ.items() if k not in ("KZPENALTY_UPDATES", "XDG_DATA_HOME", "XDG_DATA_DIRS")}
    env["HOME"] = tempfile.gettempdir() + "/kzp-no-home"  # no user's own updates
    env["XDG_DATA_DIRS"] = "/nonexistent"
    env.update(env_extra or {})
    p = subprocess.run([kzp, *args], capture_output=True, text=True, env=env, check=False)
    if p.returncode != code:
        failures.append(f"{args} {env_extra}: exit {p.returncode}, want {code}; stderr {p.stderr!r}")
    return p


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


dataset_sha = hashlib.sha256(DATASET.read_bytes()).hexdigest()
example_sha = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()

# the embedded dataset, and the same file given with --data, have the file's SHA-256
v = json.loads(run(["--version", "--json"]).stdout)
VERSIONS = v
expect("embedded dataset_sha256", v["dataset_sha256"], dataset_sha)
expect("no updates", v["updates"], [])
v = json.loads(run(["--version", "--json", "--data", str(DATASET)]).stdout)
expect("--data dataset_sha256", v["dataset_sha256"], dataset_sha)
minimal = src / "docs" / "examples" / "dataset-minimal.json"
v = json.loads(run(["--version", "--json", "--data", str(minimal)]).stdout)
expect("minimal dataset_sha256", v["dataset_sha256"], hashlib.sha256(minimal.read_bytes()).hexdigest())

# without the update, a 2027 offence is refused as stale (exit 2); with it, priced at its value
run(["fine", "200", "--date", "15.03.2027", "--json"], code=2)
with tempfile.TemporaryDirectory() as tmp:
    for env in ({"KZPENALTY_UPDATES": str(EXAMPLE)},
                {"XDG_DATA_HOME": tmp}):
        if "XDG_DATA_HOME" in env:
            d = pathlib.Path(tmp, "kzpenalty", "updates")
            d.mkdir(parents=True)
            (d / "2027.json").write_bytes(EXAMPLE.read_bytes())
            where = str(d / "2027.json")
        else:
            where = str(EXAMPLE)
        out = json.loads(run(["fine", "200", "--date", "15.03.2027", "--json"], env).stdout)
        # 200 MCI x 4,500 tenge (the example's made-up, hypothetical value) = 900,000 tenge = 90,000,000 tiyn
        expect(f"{env}: amount", out["amount_tiyn"], 90000000)
        expect(f"{env}: certainty", out["certainty"], "hypothetical")
        want_update = [{"file": where, "sha256": example_sha, "from": "2027-01-01", "tenge": 4500, "purpose": "all",
                        "citation": "example-2027", "status": "hypothetical"}]
        expect(f"{env}: receipt updates", out["receipt"]["updates"], want_update)
        expect(f"{env}: receipt sha256", out["receipt"]["dataset_sha256"], dataset_sha)
        # 2026 is priced as before: 200 x 4,325 = 865,000 tenge
        out = json.loads(run(["fine", "200", "--date", "10.02.2026", "--json"], env).stdout)
        expect(f"{env}: 2026 amount", out["amount_tiyn"], 86500000)
        expect(f"{env}: 2026 receipt names the update", out["receipt"]["updates"], want_update)
        # the human answer ends with the version, SHA-256 and update lines
        text = run(["range", "115-1", "--date", "2027-03-15"], env).stdout.splitlines()
        expect(f"{env}: text receipt", text[-2:], [
            f"kzpenalty {VERSIONS['program']} (library {VERSIONS['library']}); dataset {VERSIONS['dataset']} "
            f"{VERSIONS['dataset_version']}, SHA-256 {dataset_sha}",
            f"MCI update: {where} (SHA-256 {example_sha}): 4,500 KZT from 2027-01-01, fines and benefits; "
            f"example-2027 (hypothetical)"])
        v = run(["--version"], env).stdout.splitlines()
        expect(f"{env}: --version update line", v[-1].startswith(f"MCI update: {where} (SHA-256 {example_sha})"), True)
        # every batch answer carries the receipt
        p = subprocess.run([kzp, "batch"], input='{"op":"fine","mci_count":"1","date":"01.01.2027"}\n', text=True,
                           capture_output=True, env={**os.environ, "KZPENALTY_UPDATES": where}, check=False)
        ans = json.loads(p.stdout)
        expect(f"{env}: batch amount", ans.get("amount_tiyn"), 450000)  # 1 x 4,500 tenge
        expect(f"{env}: batch receipt", ans["receipt"]["updates"], want_update)

    # a broken update: named, exit 3, no answer on stdout but the JSON error
    bad = pathlib.Path(tmp, "broken.json")
    bad.write_text('{"periods": [{"from": "2027-01-01", "tenge": 0, "purpose": "all", "citation": "mci-2026"}]}')
    p = run(["fine", "200", "--date", "10.02.2026"], {"KZPENALTY_UPDATES": str(bad)}, code=3)
    expect("broken: stderr names the file", str(bad) in p.stderr, True)
    expect("broken: no answer printed", p.stdout, "")
    p = run(["fine", "200", "--date", "10.02.2026", "--json"], {"KZPENALTY_UPDATES": str(bad)}, code=3)
    expect("broken: JSON error names the file", str(bad) in json.loads(p.stdout)["error"]["message"], True)
    # a named file that does not exist
    p = run(["--version"], {"KZPENALTY_UPDATES": tmp + "/nope.json"}, code=3)
    expect("missing: stderr names it", "nope.json" in p.stderr, True)
    # ...and still says which release refused it, on one line of its own
    expect("missing: --version still names the program", p.stdout.splitlines()[0].startswith("kzpenalty "), True)
    expect("missing: --version prints no dataset line", len(p.stdout.splitlines()), 1)
    p = run(["--version", "--json"], {"KZPENALTY_UPDATES": tmp + "/nope.json"}, code=3)
    expect("missing: --version --json prints the error alone", list(json.loads(p.stdout)), ["error"])
    # KZPENALTY_UPDATES set and empty: none, even with an XDG file present
    v = json.loads(run(["--version", "--json"], {"KZPENALTY_UPDATES": "", "XDG_DATA_HOME": tmp}).stdout)
    expect("empty KZPENALTY_UPDATES", v["updates"], [])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: SHA-256 of 3 datasets, the 2027 update from 2 places, 4 refusals")
