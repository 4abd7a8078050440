#!/usr/bin/env python3
"""Builds Sources/TreEmCore/Resources/vietnam-units.csv, the whole country TreEm loads.

Source: the open dataset of the PyPI package vietnamadminunits (pinned below, MIT licence):
  - data/dataset.db, table admin_units_legacy: the 63 provinces, 696 districts and 10,035
    communes (wards, townships) with their GSO codes, as they stood before the 2025 reform;
  - data/dataset.db, table admin_units: the 34 provinces and 3,321 communes from 1 July 2025;
  - data/converter_2025.json: which old provinces form each new one, which old communes form each
    new commune, and, for an old commune divided between several new ones, all of them with the
    default new commune marked.

The script downloads the pinned wheel with pip into a temporary folder, checks its SHA-256, reads
those files without running any of the package's code and writes TreEm's own format:

  code,name,level,parent_code,valid_from,valid_to,successors

Units before the reform are valid until 2025-06-30 and the new ones from 2025-07-01 (Nghị quyết
202/2025/QH15 for provinces, the Standing Committee's resolutions of June 2025 for communes).
A province whose code, name and territory did not change is one version with no end. `successors`
lists the codes a unit became on 2025-07-01, separated by ';'; when there are several, the
default one (where the unit's own figures are counted) carries a '*'. The five island districts
that had no communes become a commune-level special zone (đặc khu) directly.

Usage (from the repository root): python3 scripts/dev/national-units.py [OUTPUT]
It refuses to write a file that breaks a rule TreEm relies on (every old commune has a successor,
every new commune a predecessor, codes unique per day).
"""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35"
DEFAULT_OUTPUT = "Sources/TreEmCore/Resources/vietnam-units.csv"
LAST_OLD_DAY = "2025-06-30"
FIRST_NEW_DAY = "2025-07-01"


def fold(key):
    """The dataset's keys are names without diacritics or spaces, except where two names would fold
    alike ('phườngsapa' beside 'phuongsapa'), and one converter entry kept its diacritics
    ('xãcẩmgiàng') where the table has none. Keys are looked up exactly first, folded second."""
    key = key.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", key)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


class Keys:
    """A lookup by exact key, falling back to the folded key when that is unambiguous."""

    def __init__(self):
        self.exact, self.folded = {}, {}

    def add(self, key, value):
        self.exact[key] = value
        self.folded.setdefault(fold(key), []).append(value)

    def get(self, key):
        if key in self.exact:
            return self.exact[key]
        candidates = self.folded.get(fold(key), [])
        return candidates[0] if len(candidates) == 1 else None


def fetch(folder):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", folder, f"{PACKAGE}=={VERSION}"],
        check=True, stdout=sys.stderr)
    path = os.path.join(folder, WHEEL)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{WHEEL}: SHA-256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(path) as wheel:
        wheel.extract(f"{PACKAGE}/data/dataset.db", folder)
        converter = json.loads(wheel.read(f"{PACKAGE}/data/converter_2025.json"))
        licence = wheel.read(f"{PACKAGE}-{VERSION}.dist-info/licenses/LICENSE").decode("utf-8")
    return os.path.join(folder, PACKAGE, "data", "dataset.db"), converter, licence


def convert(db_path, converter):
    db = sqlite3.connect(db_path)
    legacy = db.execute(
        "SELECT provinceCode, province, provinceKey, districtCode, district, districtKey, wardCode, ward, wardKey "
        "FROM admin_units_legacy").fetchall()
    current = db.execute(
        "SELECT provinceCode, province, provinceKey, wardCode, ward, wardKey FROM admin_units").fetchall()

    old_provinces, old_districts, old_communes = {}, {}, {}
    old_key_to_code = Keys()  # "province_district_ward" → commune or island district code
    old_province_code = Keys()
    for p_code, p_name, p_key, d_code, d_name, d_key, w_code, w_name, w_key in legacy:
        old_provinces[p_code] = p_name
        old_province_code.add(p_key, p_code)
        old_districts[d_code] = (d_name, p_code)
        if w_code is None:  # an island district without communes
            old_key_to_code.add(f"{p_key}_{d_key}_", ("district", d_code))
        else:
            old_communes[w_code] = (w_name, d_code)
            old_key_to_code.add(f"{p_key}_{d_key}_{w_key}", ("commune", w_code))

    new_provinces, new_communes = {}, {}
    new_province_code, new_commune_code = Keys(), Keys()
    for p_code, p_name, p_key, w_code, w_name, w_key in current:
        new_provinces[p_code] = p_name
        new_province_code.add(p_key, p_code)
        new_communes[w_code] = (w_name, p_code)
        new_commune_code.add(f"{p_key}_{w_key}", w_code)

    # Successors of old units: {(level, code): {new code: is_default}}
    successors = {}

    def link(old, new_code, default):
        successors.setdefault(old, {})
        successors[old][new_code] = successors[old].get(new_code, False) or default

    problems = []
    province_sources = {}
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        new_code = new_province_code.get(new_key)
        province_sources[new_code] = [old_province_code.get(k) for k in old_keys]
    for new_p_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w_key, old_keys in wards.items():
            new_code = new_commune_code.get(f"{new_p_key}_{new_w_key}")
            if new_code is None:
                problems.append(f"new commune {new_p_key}/{new_w_key} is not in admin_units")
                continue
            for old_key in old_keys:
                old = old_key_to_code.get(old_key)
                if old is None:
                    problems.append(f"old unit {old_key} is not in admin_units_legacy")
                    continue
                link(old, new_code, True)
    for new_p_key, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in divided.items():
            old = old_key_to_code.get(old_key)
            if old is None:
                problems.append(f"old unit {old_key} is not in admin_units_legacy")
                continue
            for target in targets:
                new_code = new_commune_code.get(f"{new_p_key}_{target['newWardKey']}")
                if new_code is None:
                    problems.append(f"new commune {new_p_key}/{target['newWardKey']} is not in admin_units")
                    continue
                link(old, new_code, bool(target["isDefaultNewWard"]))

    # A province that kept its code, name and territory stays one version.
    unchanged = {
        code for code, sources in province_sources.items()
        if sources == [code] and old_provinces.get(code) == new_provinces[code]}

    rows = []

    def successor_field(old):
        targets = successors.get(old, {})
        if len(targets) == 1:
            return next(iter(targets))
        defaults = [c for c, d in targets.items() if d]
        if len(defaults) != 1:
            problems.append(f"{old}: {len(defaults)} default successors among {sorted(targets)}")
        return ";".join(c + ("*" if d else "") for c, d in sorted(targets.items()))

    old_province_successor = {}
    for new_code, sources in province_sources.items():
        for source in sources:
            old_province_successor[source] = new_code
    for code, name in sorted(old_provinces.items()):
        if code in unchanged:
            rows.append((code, name, "province", "", "", "", ""))
        else:
            rows.append((code, name, "province", "", "", LAST_OLD_DAY, old_province_successor[code]))
    for code, name in sorted(new_provinces.items()):
        if code not in unchanged:
            rows.append((code, name, "province", "", FIRST_NEW_DAY, "", ""))
    for code, (name, province) in sorted(old_districts.items()):
        island = ("district", code) in successors
        rows.append((code, name, "district", province, "", LAST_OLD_DAY,
                     successor_field(("district", code)) if island else ""))
    for code, (name, district) in sorted(old_communes.items()):
        if ("commune", code) not in successors:
            problems.append(f"old commune {code} {name} has no successor")
        rows.append((code, name, "commune", district, "", LAST_OLD_DAY, successor_field(("commune", code))))
    has_predecessor = {c for targets in successors.values() for c in targets}
    for code, (name, province) in sorted(new_communes.items()):
        if code not in has_predecessor:
            problems.append(f"new commune {code} {name} has no predecessor")
        rows.append((code, name, "commune", province, FIRST_NEW_DAY, "", ""))

    for row in rows:
        if any("," in field or '"' in field or "\n" in field for field in row):
            problems.append(f"{row[0]}: a field holds a comma, quote or line break")
    seen = set()
    for code, _, _, _, start, end, _ in rows:
        period = "old" if end else ("new" if start else "always")
        for day in (["old", "new"] if period == "always" else [period]):
            if (code, day) in seen:
                problems.append(f"code {code} twice on one day ({day})")
            seen.add((code, day))
    if problems:
        sys.exit("refused:\n  " + "\n  ".join(problems[:50]))
    return rows


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUTPUT
    with tempfile.TemporaryDirectory() as folder:
        db_path, converter, licence = fetch(folder)
        rows = convert(db_path, converter)
    header = [
        f"# Vietnam's administrative units before and after the 2025 reform, for TreEm.",
        f"# Converted by scripts/dev/national-units.py from the open dataset of the PyPI package",
        f"# {PACKAGE} {VERSION} ({WHEEL}, SHA-256 {WHEEL_SHA256}),",
        f"# https://github.com/tranngocminhhieu/vietnamadminunits, under the MIT licence below.",
        "#",
    ] + [("# " + line).rstrip() for line in licence.strip().splitlines()] + ["#"]
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(header) + "\n")
        out.write("code,name,level,parent_code,valid_from,valid_to,successors\n")
        for row in rows:
            out.write(",".join(row) + "\n")
    counts = {}
    for row in rows:
        key = (row[2], "old" if row[5] else ("new" if row[4] else "both"))
        counts[key] = counts.get(key, 0) + 1
    print(f"{output}: {len(rows)} units", file=sys.stderr)
    for key in sorted(counts):
        print(f"  {key[0]} {key[1]}: {counts[key]}", file=sys.stderr)


if __name__ == "__main__":
    main()
