#!/usr/bin/env python3
"""Browser walk through tasks: an agency member finishes a task with evidence; the officer's board shows it.

Set-up through the API (as an administrator would do it): the admin creates an officer and a
member of the health station of Xã Kim Thành (10804); the officer creates the commune's 2026
Action Month plan from Tests/Fixtures/plans/seed-002-kim-thanh-2026.json and issues it.

Then in headless Chromium:
1. the member signs in with the one-time password and must choose a new one;
2. "Nhiệm vụ" lists the station's tasks; the member opens one, writes progress with the number of
   children reached, attaches a PNG as evidence, marks it done; the task page shows all of it
   (screenshot treem-task.png);
3. the officer opens the plan's board and sees the station with one task done (treem-board.png).

Environment as for test_login.py (TREEM_URL, TREEM_ADMIN_PASSWORD, TREEM_SCREENSHOT_DIR).
"""

import json
import os
import struct
import sys
import tempfile
import urllib.error
import urllib.request
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_login import (  # noqa: E402
    ADMIN_PASSWORD, BASE_URL, By, EC, open_page, run_walk, save_screenshot,
    gone, submit_login, wait, wait_for_text, excerpt,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMUNE = "10804"
NEW_PASSWORD = "Mật-khẩu-mới-2026"


def api(method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE_URL + "/api/v1" + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{method} {path} → {error.code}: {error.read().decode()[:400]}")


def token(username, password):
    return api("POST", "/auth/token", body={"username": username, "password": password})["token"]


def png_file():
    """A real 8×8 PNG, as a phone photo would be (only smaller)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([200, 30, 30] * 8) for _ in range(8))
    body = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
    body += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path = os.path.join(tempfile.mkdtemp(), "danh-sach-ky-nhan.png")
    with open(path, "wb") as out:
        out.write(body)
    return path


def set_up():
    admin = token("admin", ADMIN_PASSWORD)
    station = next(a for a in api("GET", f"/units/{COMMUNE}/agencies", admin) if a["kind"] == "healthStation")
    officer = api("POST", "/users", admin, {"username": "kt.vanhoa", "displayName": "Công chức Văn hóa - Xã hội",
                                             "role": "officer", "unitCode": COMMUNE})
    member = api("POST", "/users", admin, {"username": "kt.tramyte", "displayName": "Trạm trưởng Trạm Y tế",
                                            "role": "agencyMember", "unitCode": COMMUNE, "agencyID": station["id"]})
    officer_token = token("kt.vanhoa", officer["oneTimePassword"])
    api("POST", "/me/password", officer_token, {"currentPassword": officer["oneTimePassword"], "newPassword": NEW_PASSWORD})
    officer_token = token("kt.vanhoa", NEW_PASSWORD)
    with open(os.path.join(ROOT, "Tests/Fixtures/plans/seed-002-kim-thanh-2026.json"), encoding="utf-8") as f:
        document = json.load(f)
    plan = api("POST", "/plans", officer_token, {"unitCode": COMMUNE, "document": document})
    api("POST", f"/plans/{plan['id']}/issue", officer_token, {"number": "45/KH-UBND", "issueDate": "2026-05-08"})
    return plan["id"], member["oneTimePassword"]


def fill(driver, name, value):
    box = wait(driver).until(EC.element_to_be_clickable((By.NAME, name)))
    box.clear()
    box.send_keys(value)


def walk(driver):
    plan_id, one_time = set_up()

    # 1. First sign-in: the one-time password must be replaced.
    driver.delete_all_cookies()
    submit_login(driver, "kt.tramyte", one_time)
    wait(driver).until(EC.presence_of_element_located((By.NAME, "new_password")))
    fill(driver, "current_password", one_time)
    fill(driver, "new_password", NEW_PASSWORD)
    fill(driver, "confirmation", NEW_PASSWORD)
    password_form = driver.find_element(By.CSS_SELECTOR, 'form[action="/account/password"]')
    password_form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    wait(driver).until(gone(password_form))
    wait_for_text(driver, "Đã đổi mật khẩu.", "first sign-in: new password")

    # 2. My tasks → a task → progress with evidence, done.
    open_page(driver, "/tasks")
    wait_for_text(driver, "Nhiệm vụ của cơ quan tôi", "/tasks")
    links = driver.find_elements(By.CSS_SELECTOR, 'a[href^="/tasks/"]')
    assert links, f"the station has no task listed; {excerpt(driver)}"
    links[0].click()
    wait_for_text(driver, "Ghi tiến độ", "task page")
    task_url = driver.current_url
    fill(driver, "text", "Khám sàng lọc cho 42 trẻ em ngày 12/6")
    fill(driver, "children_reached", "42")
    driver.find_element(By.NAME, "evidence[]").send_keys(png_file())
    driver.find_element(By.CSS_SELECTOR, '#status option[value="done"]').click()
    form = driver.find_element(By.CSS_SELECTOR, 'form[action$="/progress"]')
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    wait(driver).until(gone(form))
    wait_for_text(driver, "Khám sàng lọc cho 42 trẻ em ngày 12/6", "task page after progress")
    wait_for_text(driver, "Đã hoàn thành", "task page after progress")
    wait_for_text(driver, "danh-sach-ky-nhan.png", "the evidence file is listed")
    assert driver.current_url == task_url, f"expected to stay on {task_url}; {excerpt(driver)}"
    save_screenshot(driver, "treem-task.png", full_page=True)

    # 3. The officer's board.
    driver.delete_all_cookies()
    submit_login(driver, "kt.vanhoa", NEW_PASSWORD)
    open_page(driver, f"/plans/{plan_id}/board")
    # The board counts the station's task as done (the plan names the station its own way, so count, not name).
    wait_for_text(driver, "1 đã hoàn thành", "plan board")
    save_screenshot(driver, "treem-board.png", full_page=True)


def main():
    return run_walk("task walk", "member records progress with evidence, officer sees it on the board", walk)


if __name__ == "__main__":
    sys.exit(main())
