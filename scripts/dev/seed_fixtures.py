#!/usr/bin/env python3
"""Builds the structured test fixtures (PlanDocument JSON) of seed plans 002 and 003.

The seeds are plain text; this script cuts them at their known headings. It is a one-off
helper for the fixtures under Tests/Fixtures/plans, not the plan importer (issue 4). These are
plans as an officer would enter them in TreEm: for 002 the report deadline (05/7) and the two
slogans are added by hand — the seed document states neither.
Usage: python3 scripts/dev/seed_fixtures.py ../shared/seeds Tests/Fixtures/plans
"""
import json
import re
import sys
import unicodedata
import uuid

MASS = ("Đề nghị", "UBMTTQ", "Ủy ban Mặt trận", "Đoàn ", "Hội ")
KINDS = [("Y tế", "healthStation"), ("Sở Y tế", "healthOffice"), ("Công an", "police"), ("Giáo dục", "educationOffice"),
         ("trường học", "school"), ("Lao động", "labourSocialOffice"), ("Văn hóa - Xã hội", "cultureSocialOffice"),
         ("Kinh tế", "economicOffice"), ("Các thôn", "villageHead"), ("UBND các", "peoplesCommittee")]


def kind_of(name):
    if name.startswith(MASS):
        return "fatherlandFront"
    found = None
    for needle, kind in KINDS:
        if needle in name:
            found = kind
    return found


def lines_of(path):
    raw = open(path, encoding="utf-8").read()
    raw = unicodedata.normalize("NFC", raw).replace("**", "")
    out = []
    for line in raw.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            continue
        # A line broken by extraction continues in lower case: join it to the previous one.
        if out and line[0].islower() and not out[-1].endswith((".", ":", ";")):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def section(lines, start, end):
    i = next(k for k, l in enumerate(lines) if l.startswith(start))
    j = next((k for k, l in enumerate(lines) if k > i and l.startswith(end)), len(lines)) if end else len(lines)
    return lines[i + 1:j]


def bullets(items):
    return [re.sub(r"^[-+•]\s*", "", l) for l in items]


def outline(items):
    nodes = []
    for l in items:
        m = re.match(r"^(\d+)\.\s+(.*)$", l)
        if m:
            nodes.append({"kind": "heading", "text": m.group(2), "children": []})
            continue
        kind = "bullet" if l.startswith(("-", "+")) else "paragraph"
        node = {"kind": kind, "text": re.sub(r"^[-+]\s*", "", l), "children": []}
        (nodes[-1]["children"] if nodes and nodes[-1]["kind"] == "heading" else nodes).append(node)
    return nodes


def assignments(items):
    result = []
    for l in items:
        m = re.match(r"^(\d+)\.\s+(.*)$", l)
        if m:
            name = m.group(2)
            kind = kind_of(name)
            result.append({"agencyName": name, "role": "lead", "mode": "request" if kind == "fatherlandFront" else "assign",
                           "agencyKind": kind, "tasks": []})
        elif result:
            result[-1]["tasks"].append({"id": str(uuid.uuid5(uuid.NAMESPACE_URL, l)), "text": re.sub(r"^[-+]\s*", "", l)})
    for a in result:
        if a["agencyKind"] is None:
            del a["agencyKind"]
    return result


def kim_thanh(seeds):
    L = lines_of(f"{seeds}/002_70fa31cfd4f9f8fe.txt")
    content = section(L, "II. NỘI DUNG", "V. TỔ CHỨC")
    # "1. Thời gian, phạm vi, chủ đề" becomes the period, scope and theme; "7. Kinh phí" the funding.
    body = [n for n in outline(content) if not n["text"].startswith(("Thời gian, phạm vi", "Kinh phí"))]
    return {
        "kind": "actionMonth", "issuerName": "ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH", "place": "Kim Thành",
        "issueDate": {"year": 2026, "month": 5}, "title": "Triển khai Tháng hành động vì trẻ em năm 2026",
        "bases": [{"text": "Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng về việc triển khai Tháng hành động vì trẻ em trên địa bàn thành phố năm 2026"}],
        "preamble": "Ủy ban nhân dân xã Kim Thành xây dựng Kế hoạch triển khai Tháng hành động vì trẻ em trên địa bàn xã năm 2026, như sau:",
        "purposes": bullets(section(L, "1. Mục đích", "2. Yêu cầu")),
        "requirements": bullets(section(L, "2. Yêu cầu", "II. NỘI DUNG")),
        "targets": [],
        "theme": "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số",
        "period": {"start": "2026-06-01", "end": "2026-06-30"},
        "scope": "Trên địa bàn xã Kim Thành.",
        "sections": body,
        "funding": [
            {"source": "stateBudget", "text": "Ngân sách xã: quà cho 55 trẻ em vượt khó và 35 trẻ em khuyết tật đặc biệt nặng, mỗi trẻ 01 phần quà trị giá 350.000 đồng gồm 300.000 tiền mặt và 50.000 tiền quà", "amount": 31500000},
            {"source": "mobilized", "text": "Vận động nguồn lực hợp pháp từ các tổ chức, doanh nghiệp, cá nhân trên địa bàn xã"},
        ],
        "assignments": assignments(section(L, "V. TỔ CHỨC THỰC HIỆN", "Trên đây")),
        "reporting": {"deadline": "2026-07-05", "reportTo": "UBND thành phố Hải Phòng", "via": "Phòng Văn hóa - Xã hội xã"},
        "closing": next(l for l in L if l.startswith("Trên đây")),
        "recipients": bullets(section(L, "Nơi nhận:", "KT. CHỦ TỊCH")),
        "signature": {"onBehalfOf": "", "authority": "deputy", "headTitle": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Tình"},
        "appendices": [{"title": "Khẩu hiệu tuyên truyền", "items": ["Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số.", "Tổng đài 111 - tiếp nhận thông tin mọi lúc, bảo vệ trẻ em mọi nơi."]}],
    }


def lai_chau(seeds):
    L = lines_of(f"{seeds}/003_a85a19afab6becd2.txt")
    content = section(L, "II. NỘI DUNG HOẠT ĐỘNG", "III. TỔ CHỨC")
    slogans = bullets(section(L, "3. Thông điệp, khẩu hiệu truyền thông", "4. Những hoạt động chính"))
    body = [n for n in outline(content) if not n["text"].startswith(("Chủ đề", "Thời gian triển khai", "Thông điệp"))]
    return {
        "kind": "actionMonth", "issuerName": "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "place": "Lai Châu",
        "issueDate": {"year": 2024}, "title": "Triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024",
        "bases": [{"text": "Luật Trẻ em năm 2016"},
                  {"text": "Công văn số 982/LĐTBXH-CTE ngày 12/3/2024 của Bộ Lao động - Thương binh và Xã hội về việc hướng dẫn triển khai Tháng hành động vì trẻ em năm 2024"}],
        "preamble": "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai Tháng hành động vì trẻ em tỉnh Lai Châu năm 2024, như sau:",
        "purposes": [re.sub(r"^\d+\.\s*", "", l) for l in section(L, "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG")],
        "requirements": [], "targets": [],
        "theme": "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em",
        "period": {"start": "2024-06-01", "end": "2024-06-30"},
        "sections": body, "funding": [],
        "assignments": assignments(section(L, "III. TỔ CHỨC THỰC HIỆN", "IV. CHẾ ĐỘ BÁO CÁO")),
        "reporting": {"deadline": "2024-07-20", "reportTo": "UBND tỉnh", "via": "Sở Lao động - Thương binh và Xã hội",
                      "text": section(L, "IV. CHẾ ĐỘ BÁO CÁO", "Nơi nhận:")[0]},
        "closing": "", "recipients": bullets(section(L, "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN")),
        "signature": {"onBehalfOf": "ỦY BAN NHÂN DÂN", "authority": "deputy", "headTitle": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Tổng Thanh Hải"},
        "appendices": [{"title": "Thông điệp, khẩu hiệu truyền thông", "items": slogans}],
    }


if __name__ == "__main__":
    seeds, out = sys.argv[1], sys.argv[2]
    for name, plan in (("seed-002-kim-thanh-2026.json", kim_thanh(seeds)), ("seed-003-lai-chau-2024.json", lai_chau(seeds))):
        with open(f"{out}/{name}", "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=1)
        print(name, sum(len(a["tasks"]) for a in plan["assignments"]), "tasks,", len(plan["sections"]), "sections")
