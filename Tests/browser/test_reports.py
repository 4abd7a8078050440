#!/usr/bin/env python3
"""Browser walk through a reporting round, as the city and a commune would use it.

Set-up through the API: the admin creates an officer of Thành phố Hải Phòng (31) and of Xã Kim
Thành (10804); the city officer creates and issues a 2026 Action Month plan whose communes report
by 10/7/2026.

Then in headless Chromium:
1. the city officer opens the plan and presses "Mở đợt báo cáo kết quả": the round's page lists
   the five communes of the demo data as expected;
2. the commune officer finds the report on the home page, types figures (one that is not a number:
   the form comes back with every typed value and that cell marked, treem-report-refused.png; one
   breakdown that does not add up: the page says so), corrects them and sends it; the page says
   to which committee it went (screenshot treem-report.png);
3. the city's round page shows 1 of 5 sent, the commune's figure in the totals and a bar chart
   (screenshot treem-round.png); the XLSX export and the results report (DOCX) download and are
   saved for LibreOffice ($TREEM_SCREENSHOT_DIR/treem-round.xlsx, treem-round.docx).

Environment as for test_login.py (TREEM_URL, TREEM_ADMIN_PASSWORD, TREEM_SCREENSHOT_DIR).
"""

import os
import sys
import urllib.request
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_login import (  # noqa: E402
    ADMIN_PASSWORD, BASE_URL, SCREENSHOT_DIR, By, EC, excerpt, open_page, run_walk, save_screenshot,
    submit_login, wait, wait_for_text,
)
from test_tasks import NEW_PASSWORD, api, fill, token  # noqa: E402


def officer(admin, username, unit):
    created = api("POST", "/users", admin, {"username": username, "displayName": f"Cán bộ {username}",
                                            "role": "officer", "unitCode": unit})
    first = token(username, created["oneTimePassword"])
    api("POST", "/me/password", first, {"currentPassword": created["oneTimePassword"], "newPassword": NEW_PASSWORD})
    return token(username, NEW_PASSWORD)


def set_up():
    admin = token("admin", ADMIN_PASSWORD)
    city = officer(admin, "hp.vanxa", "31")
    officer(admin, "kt.baocao", "10804")
    document = {
        "kind": "actionMonth", "issuerName": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "place": "Hải Phòng",
        "issueDate": {"year": 2026, "month": 4, "day": 30},
        "title": "Triển khai Tháng hành động vì trẻ em thành phố Hải Phòng năm 2026",
        "bases": [{"text": "Luật Trẻ em năm 2016"}], "purposes": ["Bảo đảm quyền trẻ em."], "requirements": [], "targets": [],
        "theme": "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số",
        "period": {"start": "2026-06-01", "end": "2026-06-30"}, "sections": [], "funding": [], "assignments": [],
        "reporting": {"deadline": "2026-07-10", "reportTo": "Ủy ban nhân dân thành phố", "via": "Sở Y tế"},
        "recipients": ["UBND các xã, phường"], "appendices": [],
        "signature": {"onBehalfOf": "ỦY BAN NHÂN DÂN", "authority": "deputy", "headTitle": "CHỦ TỊCH",
                      "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Tùng"},
    }
    plan = api("POST", "/plans", city, {"unitCode": "31", "document": document})
    api("POST", f"/plans/{plan['id']}/issue", city, {"number": "157/KH-UBND", "issueDate": "2026-04-30",
                                                     "signerName": "Nguyễn Văn Tùng"})
    return plan["id"]


def sign_in(driver, username):
    driver.delete_all_cookies()
    submit_login(driver, username, NEW_PASSWORD)


def walk(driver):
    plan_id = set_up()

    # 1. The city opens the round from its plan.
    sign_in(driver, "hp.vanxa")
    open_page(driver, f"/plans/{plan_id}")
    button = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, f'form[action="/plans/{plan_id}/round"] button')))
    button.click()
    wait_for_text(driver, "Các đơn vị báo cáo lên", "round page after opening")
    round_path = urlparse(driver.current_url).path
    for name in ("Xã Kim Thành", "Xã Phú Thái", "Phường Kiến An"):
        wait_for_text(driver, name, "round page lists the communes")

    # 2. The commune fills its report.
    sign_in(driver, "kt.baocao")
    open_page(driver, "/")
    wait_for_text(driver, "Báo cáo phải gửi và chờ duyệt", "commune home page")
    driver.find_element(By.CSS_SELECTOR, 'a[href^="/reports/"]').click()
    wait(driver).until(EC.presence_of_element_located((By.NAME, "v:AM-QUA-TRE:total")))
    typed = (("v:AM-QUA-DS:total", "60"), ("v:AM-QUA-TRE:total", "55"), ("v:AM-QUA-TRE:male", "30"),
             ("v:AM-QUA-TRE:female", "24"), ("v:AM-TIEN-NS:total", "16.500.000"), ("v:AM-LOP-BOI:total", "ba lớp"),
             ("v:AM-HOC-BOI:total", "75"))
    for name, value in typed:
        fill(driver, name, value)
    results = "Tổ chức lễ phát động; thăm, tặng 55 suất quà; 3 lớp dạy bơi cho 75 trẻ em."
    fill(driver, "results", results)
    driver.find_element(By.CSS_SELECTOR, 'button[name="then"][value="save"]').click()
    # One cell is not a number: the same form comes back with every typed value in place and that
    # cell marked; the rest is saved (the breakdown that does not add up is checked on them).
    wait_for_text(driver, "Các ô dưới đây chưa hợp lệ nên chưa được lưu", "a refused cell")
    wait_for_text(driver, "\"ba lớp\" không phải là số.", "the refused cell's reason")
    for name, value in typed:
        shown = driver.find_element(By.NAME, name).get_attribute("value")
        assert shown == value, f"{name}: typed {value!r}, the form shows {shown!r}; {excerpt(driver)}"
    assert driver.find_element(By.NAME, "results").get_attribute("value") == results, "the results text was lost"
    marked = driver.find_element(By.ID, "cell-AM-LOP-BOI-total")
    assert marked.get_attribute("aria-invalid") == "true", "the bad cell is not marked"
    link = driver.find_element(By.CSS_SELECTOR, '#refused a[href="#cell-AM-LOP-BOI-total"]')
    save_screenshot(driver, "treem-report-refused.png", full_page=True)
    link.click()
    assert driver.switch_to.active_element == marked or driver.current_url.endswith("#cell-AM-LOP-BOI-total"), \
        "the error list does not lead to the cell"
    wait_for_text(driver, "cộng theo giới tính được 54, khác tổng số 55", "a breakdown that does not add up")
    fill(driver, "v:AM-LOP-BOI:total", "3")
    fill(driver, "v:AM-QUA-TRE:female", "25")
    driver.find_element(By.CSS_SELECTOR, 'button[name="then"][value="submit"]').click()
    wait_for_text(driver, "Đã gửi báo cáo lên Ủy ban nhân dân thành phố Hải Phòng.", "report after sending")
    wait_for_text(driver, "Đã gửi, chờ duyệt", "report after sending")
    save_screenshot(driver, "treem-report.png", full_page=True)

    # 3. The city sees it arrive, in the totals and on the chart.
    sign_in(driver, "hp.vanxa")
    open_page(driver, round_path + "?indicator=AM-QUA-TRE")
    wait_for_text(driver, "Xã Kim Thành", "round page")
    assert driver.find_elements(By.CSS_SELECTOR, "figure svg rect"), f"no bar in the chart; {excerpt(driver)}"
    figures = driver.find_element(By.CSS_SELECTOR, "table.figures").text
    assert "16.500.000" in figures and "55" in figures, f"the totals do not show the commune's figures: {figures[:400]!r}"
    save_screenshot(driver, "treem-round.png", full_page=True)
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    for kind in ("xlsx", "docx"):
        export = urllib.request.Request(BASE_URL + round_path + f"/export/{kind}", headers={"Cookie": cookie})
        with urllib.request.urlopen(export) as response:
            data = response.read()
        assert data[:2] == b"PK", f"the {kind} export is not a ZIP package"
        path = os.path.join(SCREENSHOT_DIR, f"treem-round.{kind}")
        with open(path, "wb") as out:
            out.write(data)
        print(f"   export: {path}")


def main():
    return run_walk("report walk", "the city opens a round, a commune reports, the city sees the totals", walk)


if __name__ == "__main__":
    sys.exit(main())
