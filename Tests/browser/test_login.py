#!/usr/bin/env python3
"""Browser test for TreEm: uses the app as a person would, in headless Chromium.

1. A wrong password shows the error "... không đúng." (one failed attempt only:
   the app throttles after 5).
2. Logging in as admin with the right password works.
3. /units?asOf=2024-06-01 lists the provinces as they were before the 2025 reform (one level
   at a time: no commune); clicking Hải Phòng shows its districts, Hải Dương's Huyện Kim Thành.
4. /units?asOf=2026-06-01 searched for "kim thanh" shows "Xã Kim Thành" (in Hải Phòng) and no
   longer "Huyện Kim Thành"; a screenshot of that page is saved as
   $TREEM_SCREENSHOT_DIR/treem-units.png.

Environment:
  TREEM_URL              base URL of a running server (default http://127.0.0.1:8080)
  TREEM_ADMIN_PASSWORD   the admin password the server was started with (required)
  TREEM_SCREENSHOT_DIR   where screenshots go (default /tmp)
  CHROMIUM_BINARY, CHROMEDRIVER   override /usr/bin/chromium, /usr/bin/chromedriver

Prints "N passed, M failed" as its last line; exits non-zero if anything failed.
Run by scripts/test (step 3).
"""

import os
import sys
import traceback
import unicodedata
from urllib.parse import urlparse

# Never let Selenium Manager try to download a browser or driver: there is no network.
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

BASE_URL = os.environ.get("TREEM_URL", "http://127.0.0.1:8080").rstrip("/")
ADMIN_USER = "admin"
ADMIN_PASSWORD = os.environ.get("TREEM_ADMIN_PASSWORD", "")
SCREENSHOT_DIR = os.environ.get("TREEM_SCREENSHOT_DIR") or "/tmp"
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

WAIT_SECONDS = 15
ERROR_TEXT = "không đúng"  # from "Tên đăng nhập hoặc mật khẩu không đúng."


def nfc(text):
    """Vietnamese can be written precomposed or with combining marks; compare in NFC."""
    return unicodedata.normalize("NFC", text)


def make_driver():
    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",  # we run as root in CI
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=vi-VN",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


def wait(driver, seconds=WAIT_SECONDS):
    # A page that is being replaced after a click leaves stale elements behind: try again.
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException,))


# What Chromium says of a node of a page that is being replaced: read again, on the new page.
PAGE_CHANGING = ("does not belong to the document", "not attached to the page document", "no such element")


def page_text(driver):
    """The visible text of the page now. While a click's page replaces the old one, the body
    read may belong to the old document (Chromium: stale, or "Node with given id does not belong
    to the document"); that is an empty text to wait past, not a failure."""
    try:
        return nfc(driver.find_element(By.TAG_NAME, "body").text)
    except StaleElementReferenceException:
        return ""
    except WebDriverException as error:
        if any(phrase in str(error) for phrase in PAGE_CHANGING):
            return ""
        raise


def excerpt(driver, limit=600):
    try:
        text = page_text(driver)
    except WebDriverException:
        text = "<no body>"
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit] + " …"
    return f"[url {driver.current_url}] page text: {text!r}"


def current_path(driver):
    return urlparse(driver.current_url).path


def open_page(driver, path):
    driver.get(BASE_URL + path)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "body")))


def wait_for_text(driver, needle, what):
    """Wait until the page's visible text contains needle; fail with a clear message."""
    needle = nfc(needle)
    try:
        wait(driver).until(lambda d: needle in page_text(d))
    except TimeoutException:
        raise AssertionError(f"{what}: expected the page to show {needle!r}; {excerpt(driver)}")


def gone(element):
    """A wait condition: the element left the document (the page navigated). Chromium sometimes
    reports a node of the old page as "does not belong to the document" rather than as stale;
    both mean the same here."""

    def check(_driver):
        try:
            element.is_enabled()
            return False
        except (StaleElementReferenceException, WebDriverException):
            return True

    return check


def submit_login(driver, username, password):
    """Open /login, type the credentials like a person, click the submit button."""
    open_page(driver, "/login")
    form_sel = 'form[method="post"][action="/login"]'
    try:
        form = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, form_sel)))
    except TimeoutException:
        raise AssertionError(f"/login has no <form method=post action=/login>; {excerpt(driver)}")
    # Find and type in one go, again if the page was still settling (a node can go stale
    # between being found and being typed into while Chromium finishes loading).
    for attempt in range(3):
        try:
            form = driver.find_element(By.CSS_SELECTOR, form_sel)
            user_box = wait(driver).until(
                EC.element_to_be_clickable((By.CSS_SELECTOR, form_sel + ' input[name="username"]'))
            )
            pass_box = wait(driver).until(
                EC.element_to_be_clickable((By.CSS_SELECTOR, form_sel + ' input[name="password"]'))
            )
            button = wait(driver).until(
                EC.element_to_be_clickable((By.CSS_SELECTOR, form_sel + ' button[type="submit"]'))
            )
            user_box.clear()
            user_box.send_keys(username)
            pass_box.clear()
            pass_box.send_keys(password)
            button.click()
            break
        except (StaleElementReferenceException, WebDriverException):
            if attempt == 2:
                raise
            open_page(driver, "/login")
    # The POST navigates: wait for the old form to go away and the new page to load.
    try:
        wait(driver).until(gone(form))
    except TimeoutException:
        raise AssertionError(f"submitting the login form did not load a new page; {excerpt(driver)}")
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


# ---------------------------------------------------------------------------
# tests (run in this order; they share one browser session)
# ---------------------------------------------------------------------------

def test_wrong_password_shows_error(driver):
    driver.delete_all_cookies()
    submit_login(driver, ADMIN_USER, "wrong-password")
    wait_for_text(driver, ERROR_TEXT, "login with a wrong password")
    # Start the real login from a clean session.
    driver.delete_all_cookies()


def test_admin_login_succeeds(driver):
    submit_login(driver, ADMIN_USER, ADMIN_PASSWORD)
    text = page_text(driver)
    assert nfc(ERROR_TEXT) not in text, (
        f"login as {ADMIN_USER!r} with the right password was refused; {excerpt(driver)}"
    )
    assert current_path(driver) != "/login", (
        f"after a successful login the browser should leave /login; {excerpt(driver)}"
    )
    assert driver.get_cookies(), "no cookie was set after logging in"


def check_not_sent_to_login(driver, path):
    assert current_path(driver) != "/login", (
        f"opening {path} sent the browser to /login: was the session lost? {excerpt(driver)}"
    )


def click_link(driver, name, what):
    """Click the link showing exactly `name` and wait for the next page."""
    try:
        link = wait(driver).until(EC.element_to_be_clickable((By.LINK_TEXT, name)))
    except TimeoutException:
        raise AssertionError(f"{what}: no link {name!r}; {excerpt(driver)}")
    link.click()
    wait(driver).until(gone(link))
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_units_before_reform(driver):
    path = "/units?asOf=2024-06-01"
    open_page(driver, path)
    check_not_sent_to_login(driver, path)
    for name in ("Thành phố Hải Phòng", "Tỉnh Hải Dương"):
        wait_for_text(driver, name, path)
    # One level at a time: the whole country's communes are never listed at once.
    text = page_text(driver)
    assert nfc("Quận Kiến An") not in text, f"{path}: districts listed with the provinces; {excerpt(driver)}"
    click_link(driver, "Thành phố Hải Phòng", path)
    wait_for_text(driver, "Quận Kiến An", "Hải Phòng's districts in 2024")
    click_link(driver, "Toàn quốc", "breadcrumbs back to the provinces")
    click_link(driver, "Tỉnh Hải Dương", path)
    wait_for_text(driver, "Huyện Kim Thành", "Hải Dương's districts in 2024")


def test_units_after_reform(driver):
    path = "/units?asOf=2026-06-01"
    open_page(driver, path)
    check_not_sent_to_login(driver, path)
    wait_for_text(driver, "Thành phố Hải Phòng", path)
    box = wait(driver).until(EC.element_to_be_clickable((By.ID, "q")))
    box.send_keys("kim thanh")
    box.submit()
    wait(driver).until(gone(box))
    wait_for_text(driver, "Xã Kim Thành — Thành phố Hải Phòng", f"{path}, searched for 'kim thanh'")
    text = page_text(driver)
    assert nfc("Huyện Kim Thành") not in text, (
        f"{path}: 'Huyện Kim Thành' no longer exists on that date but is still shown; {excerpt(driver)}"
    )
    save_screenshot(driver, "treem-units.png", full_page=True)


def agency_names(driver):
    return [nfc(option.text) for option in driver.find_elements(By.CSS_SELECTOR, "#agency option")]


def test_user_form_agencies_follow_unit(driver):
    """Choosing a unit in the user form brings that unit's agencies into the agency list at once;
    the password rules are stated before anyone types one. The system administrator sees the whole
    country, so the unit is typed by its code (provinces suggested), not picked from 3,400."""
    open_page(driver, "/users/new")
    wait_for_text(driver, "Cơ quan", "/users/new")
    city_agency = nfc("Sở Giáo dục và Đào tạo thành phố Hải Phòng")
    commune_agency = nfc("Trạm Y tế xã Kim Thành")
    unit = driver.find_element(By.ID, "unit")
    assert unit.tag_name == "input" and unit.get_attribute("list") == "unit-choices", \
        f"the whole country's user form should take a unit code; {excerpt(driver)}"
    suggested = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#unit-choices option")]
    assert "31" in suggested and "10804" not in suggested, f"suggestions: {suggested[:10]}"

    def choose(code):
        unit.clear()
        unit.send_keys(code)
        unit.send_keys(Keys.TAB)

    choose("31")
    wait(driver).until(lambda d: city_agency in agency_names(d))
    choose("10804")
    wait(driver).until(lambda d: commune_agency in agency_names(d) and city_agency not in agency_names(d)
                       and not d.find_element(By.ID, "agency").get_attribute("disabled"))
    # Back to the city: its agencies come back, fetched for the code just typed.
    choose("31")
    wait(driver).until(lambda d: city_agency in agency_names(d))
    save_screenshot(driver, "treem-user-form.png", full_page=True)
    open_page(driver, "/account/password")
    wait_for_text(driver, "Mật khẩu mới cần:", "/account/password states the rules")
    wait_for_text(driver, "ít nhất 10 ký tự", "/account/password states the rules")


TESTS = [
    test_wrong_password_shows_error,
    test_admin_login_succeeds,
    test_units_before_reform,
    test_units_after_reform,
    test_user_form_agencies_follow_unit,
]


# ---------------------------------------------------------------------------
# runner
# ---------------------------------------------------------------------------

def save_screenshot(driver, filename, full_page=False):
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    path = os.path.join(SCREENSHOT_DIR, filename)
    size = driver.get_window_size()
    try:
        if full_page:
            height = driver.execute_script(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"
            )
            driver.set_window_size(1280, max(900, min(int(height) + 120, 6000)))
        if not driver.save_screenshot(path):
            raise AssertionError(f"could not write screenshot {path}")
    finally:
        if full_page:
            driver.set_window_size(size["width"], size["height"])
    print(f"   screenshot: {path}")
    return path


def main():
    if not ADMIN_PASSWORD:
        print("TREEM_ADMIN_PASSWORD is not set", file=sys.stderr)
        print(f"0 passed, {len(TESTS)} failed")
        return 2

    print(f"browser test against {BASE_URL}")
    try:
        driver = make_driver()
    except Exception:  # noqa: BLE001 - report any start-up failure plainly
        traceback.print_exc()
        print(f"could not start headless Chromium ({CHROMIUM}) with {CHROMEDRIVER}", file=sys.stderr)
        print(f"0 passed, {len(TESTS)} failed")
        return 1

    passed = failed = 0
    try:
        for test in TESTS:
            name = test.__name__
            try:
                test(driver)
            except AssertionError as e:
                failed += 1
                print(f"FAIL {name}: {e}")
                try_failure_screenshot(driver, name)
            except Exception as e:  # noqa: BLE001 - a crashed test is a failed test
                failed += 1
                print(f"FAIL {name}: {type(e).__name__}: {e}")
                traceback.print_exc()
                try_failure_screenshot(driver, name)
            else:
                passed += 1
                print(f"PASS {name}")
    finally:
        driver.quit()

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def run_walk(name, success, walk):
    """Runs one walk through the pages (walk(driver)) as a single test; prints PASS or FAIL and
    the "N passed, M failed" line; returns the exit status."""
    if not ADMIN_PASSWORD:
        print("TREEM_ADMIN_PASSWORD is not set")
        print("0 passed, 1 failed")
        return 2
    driver = make_driver()
    try:
        walk(driver)
    except AssertionError as error:
        print(f"FAIL {name}: {error}")
        try_failure_screenshot(driver, name.replace(" ", "-"))
        print("0 passed, 1 failed")
        return 1
    finally:
        driver.quit()
    print(f"PASS {name}: {success}")
    print("1 passed, 0 failed")
    return 0


def try_failure_screenshot(driver, name):
    try:
        save_screenshot(driver, f"treem-fail-{name}.png")
    except Exception as e:  # noqa: BLE001
        print(f"   (no screenshot: {e})")


if __name__ == "__main__":
    sys.exit(main())
