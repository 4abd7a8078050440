#!/usr/bin/env python3
"""The `treem` commands as an operator runs them: against a throwaway SQLite file.

Usage: TREEM_BIN=.build/debug/treem python3 Tests/cli/test_commands.py
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import socket
import tempfile
import time
import urllib.error
import urllib.request

BIN = os.environ.get("TREEM_BIN", ".build/debug/treem")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = tempfile.mkdtemp(prefix="treem-cli-")
DB = os.path.join(WORK, "cli.sqlite")
ENV = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
ENV.update(TREEM_DATABASE=DB, TREEM_BCRYPT_COST="4")

results = []


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, env=ENV, timeout=120)


def count(sql):
    with sqlite3.connect(DB) as db:
        return db.execute(sql).fetchone()[0]


def check(name, condition, detail=""):
    results.append(condition)
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else f"\n     {detail}"))


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def write_bytes(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return None, ""


class Served:
    """`binary serve` in `folder` on a free loopback port, stopped when the block ends."""

    def __init__(self, binary, folder, env):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        self.server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=folder,
                                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        deadline = time.monotonic() + 90
        while fetch(self.base + "/health")[0] != 200 and time.monotonic() < deadline and self.server.poll() is None:
            time.sleep(0.5)
        return self

    def __exit__(self, *_):
        self.server.terminate()
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()


def serve_from_elsewhere_checks():
    """`treem serve` started from another folder still finds its pages and styles."""
    elsewhere = tempfile.mkdtemp(prefix="treem-elsewhere-")
    env = dict(ENV, TREEM_DATABASE=os.path.join(elsewhere, "elsewhere.sqlite"))
    with Served(os.path.abspath(BIN), elsewhere, env) as served:
        status, page = fetch(served.base + "/login")
        check("serve from another folder renders the login page", status == 200 and "Đăng nhập" in page, f"{status} {page[:200]}")
        status, page = fetch(served.base + "/khong-co-trang-nay")
        check("serve from another folder renders the Vietnamese 404 page", status == 404 and "Không tìm thấy" in page and "<html" in page,
              f"{status} {page[:200]}")
        check("serve from another folder serves the stylesheet", fetch(served.base + "/css/treem.css")[0] == 200)


def serve_without_resources_checks():
    """A copy of the executable away from the checkout refuses to start, saying what is missing;
    pointed at the checkout with TREEM_RESOURCES it serves the pages."""
    alone = tempfile.mkdtemp(prefix="treem-alone-")
    binary = os.path.join(alone, "treem")
    shutil.copy2(os.path.abspath(BIN), binary)
    env = dict(ENV, TREEM_DATABASE=os.path.join(alone, "alone.sqlite"))
    refused = subprocess.run([binary, "serve", "--hostname", "127.0.0.1", "--port", "1"], cwd=alone, env=env,
                             capture_output=True, text=True, timeout=60)
    check("serve without its templates refuses with exit 2, naming what is missing and TREEM_RESOURCES",
          refused.returncode == 2 and "Resources/Views/layout.leaf" in refused.stderr
          and "TREEM_RESOURCES" in refused.stderr and refused.stdout.strip() == "",
          f"exit {refused.returncode}: {refused.stderr[-300:]!r}")
    wrong = subprocess.run([binary, "serve"], cwd=alone, env=dict(env, TREEM_RESOURCES=alone),
                           capture_output=True, text=True, timeout=60)
    check("TREEM_RESOURCES pointing at a folder without them is a configuration error (exit 2)",
          wrong.returncode == 2 and "TREEM_RESOURCES=" in wrong.stderr, f"exit {wrong.returncode}: {wrong.stderr[-300:]!r}")
    with Served(binary, alone, dict(env, TREEM_RESOURCES=ROOT)) as served:
        status, page = fetch(served.base + "/login")
        check("with TREEM_RESOURCES a lone executable renders the login page", status == 200 and "Đăng nhập" in page,
              f"{status} {page[:200]}")


def import_plan_checks():
    seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "import")
    seed = os.path.join(seeds, "000_8a2ec5e1df028a95.txt")
    out = run("import-plan", seed, "--json")
    try:
        got = json.loads(out.stdout)
    except ValueError:
        got = None
    with open(os.path.join(seeds, "000_8a2ec5e1df028a95.json"), encoding="utf-8") as f:
        expected = json.load(f)
    check("import-plan --json prints the seed's canonical form", out.returncode == 0 and got == expected, out.stderr[-500:])

    plans_before = count("select count(*) from plans")
    drafts_before = count("select count(*) from plans where status = 'draft'")
    import zipfile, io
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    bad_inputs = [
        ("an empty file", write_bytes("empty.txt", b""), "Tệp trống"),
        ("a binary file", write_bytes("binary.bin", b"KE HOACH\x00\x01\x02" * 100), "nhị phân"),
        ("a spreadsheet", write_bytes("bang.xlsx", xlsx.getvalue()), "không phải văn bản kế hoạch"),
        ("a text that is not a plan", write("thu.txt", "Kính gửi anh Nam,\nHẹn gặp lại tuần sau.\n"), "Không thấy đây là một kế hoạch"),
        ("a 20 MB file", write_bytes("lon.txt", b"KE HOACH " * (20 * 1024 * 1024 // 9)), "quá lớn"),
        ("invalid UTF-8", write_bytes("sai.txt", "KẾ HOẠCH\nThực hiện\n".encode("utf-8") + b"\xff\xfe abc\n"), "dòng 3"),
    ]
    for name, path, needle in bad_inputs:
        result = run("import-plan", path, "--save", "--unit", "10804")
        check(f"import-plan refuses {name} with exit 2 and says why on stderr, nothing on stdout",
              result.returncode == 2 and needle in result.stderr and result.stdout.strip() == "",
              f"exit {result.returncode}: stdout {result.stdout[-200:]!r} stderr {result.stderr[-300:]!r}")
    # `--json > plan.json` never writes an error into the JSON file.
    empty_json = run("import-plan", bad_inputs[0][1], "--json")
    check("import-plan --json of a bad file writes nothing to stdout", empty_json.returncode == 2 and empty_json.stdout == "",
          repr(empty_json.stdout[-200:]))
    usage = run("--help")
    check("treem --help documents the exit statuses", "0 thành công" in usage.stdout and "2 dữ liệu vào sai" in usage.stdout,
          usage.stdout[:300])
    unknown = run("khong-co-lenh-nay")
    check("an unknown command exits 2 with the reason on stderr", unknown.returncode == 2 and "khong-co-lenh-nay" in unknown.stderr,
          f"exit {unknown.returncode}: {unknown.stderr[-200:]}")
    check("nothing was saved from the bad files", count("select count(*) from plans") == plans_before)

    saved = run("import-plan", os.path.join(seeds, "002_70fa31cfd4f9f8fe.txt"), "--save", "--unit", "10804")
    last = saved.stdout.strip().splitlines()[-1] if saved.stdout.strip() else ""
    check("import-plan --save prints 'saved plan <id>' last", saved.returncode == 0 and last.startswith("saved plan "),
          saved.stdout[-300:] + saved.stderr[-300:])
    check("the saved plan is a draft of the commune", count("select count(*) from plans where status = 'draft'") == drafts_before + 1)


def main():
    help_text = run("user", "add", "--help")
    check("user add --help explains its options", help_text.returncode == 0 and "--password-stdin" in help_text.stdout,
          help_text.stdout + help_text.stderr)

    loaded = run("demo-data")
    check("demo-data loads the seed units", loaded.returncode == 0 and count("select count(*) from administrative_units") > 40,
          loaded.stdout + loaded.stderr)
    def valid_on(level, day):
        return count(f"select count(*) from administrative_units where level = '{level}' "
                     f"and (valid_from is null or valid_from <= '{day}') and (valid_to is null or valid_to >= '{day}')")
    check("the demo is the whole country: 63 provinces, 696 districts, 10,035 communes on 1 June 2024",
          (valid_on("province", "2024-06-01"), valid_on("district", "2024-06-01"), valid_on("commune", "2024-06-01"))
          == (63, 696, 10035))
    check("... and 34 provinces, no district, 3,321 communes on 1 June 2026",
          (valid_on("province", "2026-06-01"), valid_on("district", "2026-06-01"), valid_on("commune", "2026-06-01"))
          == (34, 0, 3321))
    before = count("select count(*) from administrative_units")
    links = count("select count(*) from unit_successions")
    national = run("import-units", "--national")
    check("import-units --national over a loaded country changes nothing and says so",
          national.returncode == 0 and "thêm 0, sửa 0" in national.stdout
          and count("select count(*) from administrative_units") == before
          and count("select count(*) from unit_successions") == links,
          national.stdout + national.stderr)
    both = run("import-units", "--national", "extra.csv")
    check("import-units --national with a file is refused with exit 2 and the usage",
          both.returncode == 2 and "treem import-units --national" in both.stderr and both.stdout == "",
          both.stdout + both.stderr)
    check("import-units without a file exits 2", run("import-units").returncode == 2)

    bad = write("bad.csv", "code,name,level,parent_code,valid_from,valid_to\n"
                           "99001,Xã Tốt,commune,31,2025-07-01,\n"
                           "99002,Xã Không Cha,commune,99999,2025-07-01,\n"
                           "99003,Xã Sai Ngày,commune,31,2025-13-01,\n")
    rejected = run("import-units", bad)
    output = rejected.stdout + rejected.stderr
    check("a bad file is refused with a non-zero exit", rejected.returncode != 0, output)
    check("every bad line is named with its column",
          "Dòng 3, cột parent_code: không tìm thấy đơn vị cấp trên có mã 99999" in output and "Dòng 4, cột valid_from" in output,
          output)
    check("nothing of the bad file was imported", count("select count(*) from administrative_units") == before)

    good = write("good.csv", "code,name,level,parent_code,valid_from,valid_to\n10804-70,Thôn Thử,village,10804,2026-01-01,\n")
    imported = run("import-units", good)
    check("a good file is imported", imported.returncode == 0 and count("select count(*) from administrative_units") == before + 1,
          imported.stdout + imported.stderr)

    added = run("user", "add", "--username", "kt.officer", "--unit", "10804", "--role", "officer", "--name", "Phạm Văn Minh")
    check("user add prints a one-time password", added.returncode == 0 and "Mật khẩu dùng một lần" in added.stdout,
          added.stdout + added.stderr)
    check("the new user must change it at first sign-in",
          count("select must_change_password from users where username = 'kt.officer'") == 1)

    scripted = run("user", "add", "--username", "kt.script", "--unit", "10804", "--role", "viewer", "--password-stdin",
                   stdin="mat-khau-kich-ban-2026\n")
    check("user add --password-stdin sets the given password",
          scripted.returncode == 0 and count("select must_change_password from users where username = 'kt.script'") == 0,
          scripted.stdout + scripted.stderr)

    wrong_unit = run("user", "add", "--username", "x.y", "--unit", "00000", "--role", "officer")
    check("user add names an unknown unit", wrong_unit.returncode != 0 and "00000" in wrong_unit.stdout + wrong_unit.stderr,
          wrong_unit.stdout + wrong_unit.stderr)

    ministry = run("user", "add", "--username", "boyte.xem", "--unit", "VN", "--role", "viewer", "--name", "Cục Bà mẹ và Trẻ em")
    check("user add --unit VN makes a whole-country account (the ministry), bound to no unit",
          ministry.returncode == 0 and count("select count(*) from users where username = 'boyte.xem' and unit_id is null") == 1,
          ministry.stdout + ministry.stderr)
    member = run("user", "add", "--username", "boyte.cq", "--unit", "VN", "--role", "agencyMember")
    check("an agency member cannot be bound to the whole country (exit 2, says why)",
          member.returncode == 2 and "VN" in member.stderr and count("select count(*) from users where username = 'boyte.cq'") == 0,
          member.stdout + member.stderr)

    reset = run("user", "reset-password", "kt.script")
    check("reset-password prints a new one-time password",
          reset.returncode == 0 and "kt.script" in reset.stdout
          and count("select must_change_password from users where username = 'kt.script'") == 1,
          reset.stdout + reset.stderr)

    audited = count("select count(*) from audit_entries where action in ('unit.imported', 'user.created', 'user.password_reset')")
    check("the commands write the audit log", audited >= 4, str(audited))

    import_plan_checks()
    serve_from_elsewhere_checks()
    serve_without_resources_checks()

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
