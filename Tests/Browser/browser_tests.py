"""Browser tests of esp serve in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium).

Each test prints its name and result; the run ends with the line 'N passed, N failed' and exits 1 on a failure.
Screenshots at 1024x768 (a tablet) and 390x844 (a phone) go to $SCREENSHOTS for a person to look at.
"""
import base64
import json
import os
import sys
import tempfile
import traceback
import urllib.request

from axe_selenium_python import Axe
from openapi_spec_validator import validate
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ["ESP_URL"].rstrip("/")
SHOTS = os.environ.get("SCREENSHOTS", ".")
# esp serve over an office register with logins (make test starts it beside its throw-away PostgreSQL cluster).
OFFICE = os.environ.get("ESP_OFFICE_URL", "").rstrip("/")


def browser(width=1024, height=768):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=de-DE", f"--user-data-dir={tempfile.mkdtemp()}"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(width, height)
    return driver


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def full_shot(driver, name):
    """The whole page, not only the window, to look at everything it shows."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000), "scale": 1}
    data = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
    with open(os.path.join(SHOTS, name + "-full.png"), "wb") as out:
        out.write(base64.b64decode(data))


def field(driver, name):
    return driver.find_element(By.NAME, name)


def type_into(driver, name, text):
    element = field(driver, name)
    element.clear()
    element.send_keys(text)


def choose(driver, name, value):
    driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()


def present(driver, name):
    return bool(driver.find_elements(By.NAME, name))


def replaced(old):
    """Whether the page of `old` (its html element) was replaced. Chromium may report a replaced node as "does not
    belong to the document" rather than as stale; both mean the next page is there."""

    def predicate(_driver):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    return predicate


def submit(driver, button):
    """Clicks a submit button and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 30).until(replaced(old))


def enter(driver, element, text=""):
    """Types `text` and Enter into an element and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.send_keys(text + Keys.ENTER)
    WebDriverWait(driver, 30).until(replaced(old))


def next_page(driver):
    submit(driver, driver.find_element(By.CSS_SELECTOR, 'button[name="action"][value="next"]'))


def step(driver):
    return driver.current_url.rstrip("/").rsplit("/", 1)[-1]


# The answers of a pensioner in Nuremberg, screen by screen, by field name.
def fill_screen(driver, visit_id):
    name = step(driver)
    if name in ("new", "haushalt"):
        choose(driver, "q:city", "nuernberg")
        type_into(driver, "q:date", "17.02.2026")
        type_into(driver, "q:visitId", visit_id)
        type_into(driver, "q:household.persons", "1")
        type_into(driver, "q:household.livingAreaM2", "48")
    elif name == "strom":
        choose(driver, "q:electricity.hotWater", "electric-instantaneous")
        type_into(driver, "q:electricity.annualKWh", "2300")
        type_into(driver, "q:electricity.monthlyInstallmentEUR", "68")
    elif name == "lampen":
        type_into(driver, "q:lighting[0]:room", "Küche")
        type_into(driver, "q:lighting[0]:lamps", "2")
        type_into(driver, "q:lighting[0]:watts", "60")
        type_into(driver, "q:lighting[0]:hours", "4")
    elif name == "geraete":
        type_into(driver, "q:cooling[0].ageYears", "20")
        type_into(driver, "q:cooling[0].measuredKWhPerDay", "0,95")
        type_into(driver, "q:standby[0]:label", "Fernseher")
        type_into(driver, "q:standby[0]:watts", "8")
    elif name == "wasser":
        type_into(driver, "q:showers.flowLitresPerMinute", "1 l in 5 s")
    elif name == "heizung":
        type_into(driver, "q:heating.annualKWh", "6050")
    elif name == "abschluss":
        choose(driver, "q:household.benefit", "grundsicherung")
    next_page(driver)


def test_openapi_document_validates():
    with urllib.request.urlopen(URL + "/api/v1/openapi.json") as response:
        document = json.load(response)
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_a_visit_from_empty_to_the_printed_sheet():
    driver = browser()
    try:
        driver.get(URL + "/")
        shot(driver, "start-1024")
        driver.find_element(By.LINK_TEXT, "Neuen Besuch beginnen").click()
        shot(driver, "form-haushalt-1024")
        for _ in range(14):
            if "/zusammenfassung" in driver.current_url or "/visits/WEB-" in driver.current_url:
                break
            if step(driver) in ("lampen", "geraete", "wasser", "soforthilfen", "heizung", "abschluss"):
                full_shot(driver, f"form-{step(driver)}-1024")
            fill_screen(driver, "WEB-0001")
        assert "/zusammenfassung" in driver.current_url, driver.current_url
        full_shot(driver, "form-recap-1024")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button.button"))
        assert driver.current_url.endswith("/visits/WEB-0001"), driver.current_url
        shot(driver, "visit-1024")
        link = driver.find_element(By.CSS_SELECTOR, 'a[href$="/sheet.pdf"]').get_attribute("href")
        with urllib.request.urlopen(link) as response:
            assert response.headers["Content-Type"] == "application/pdf"
            assert response.read(5) == b"%PDF-"
        submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Ins Register aufnehmen')]"))
        assert "Ins Register aufgenommen." in driver.page_source, driver.page_source[-3000:]
        driver.get(URL + "/programme")
        shot(driver, "programme-1024")
        assert "report.pdf" in driver.page_source
    finally:
        driver.quit()


def test_a_draft_resumes_after_the_browser_was_closed():
    driver = browser()
    try:
        driver.get(URL + "/visits/new")
        fill_screen(driver, "WEB-0002")
        assert step(driver) == "strom", driver.current_url
        type_into(driver, "q:electricity.annualKWh", "2500")
        next_page(driver)
        draft = driver.current_url.rsplit("/", 1)[0]
    finally:
        driver.quit()
    driver = browser()
    try:
        driver.get(URL + "/")
        driver.find_element(By.CSS_SELECTOR, f'a[href="{draft[len(URL):]}"]').click()
        assert step(driver) == "lampen", driver.current_url
        driver.find_element(By.LINK_TEXT, "Strom (erledigt)").click() if driver.find_elements(By.LINK_TEXT, "Strom (erledigt)") else driver.get(draft + "/strom")
        assert field(driver, "q:electricity.annualKWh").get_attribute("value") == "2500"
    finally:
        driver.quit()


def test_a_bad_answer_is_asked_again_at_the_field():
    driver = browser()
    try:
        driver.get(URL + "/visits/new")
        choose(driver, "q:city", "bremen")
        type_into(driver, "q:household.persons", "30")
        type_into(driver, "q:household.livingAreaM2", "55,5")
        next_page(driver)
        persons = field(driver, "q:household.persons")
        assert persons.get_attribute("aria-invalid") == "true"
        assert persons.get_attribute("value") == "30"
        assert field(driver, "q:household.livingAreaM2").get_attribute("value") == "55,5"
        error = driver.find_element(By.ID, "q-household-persons-error").text
        assert "Erlaubt: von 1 bis 12 Personen." in error, error
        shot(driver, "form-error-1024")
        driver.set_window_size(390, 844)
        shot(driver, "form-error-390")
    finally:
        driver.quit()


def tab_to(driver, name, value=None, limit=400):
    """Presses Tab until the element named `name` (with `value`, for a check box) has the focus."""
    for _ in range(limit):
        active = driver.switch_to.active_element
        if active.get_attribute("name") == name and (value is None or active.get_attribute("value") == value):
            return active
        active.send_keys(Keys.TAB)
    raise AssertionError(f"Tab never reached {name}")


def test_the_whole_form_by_keyboard_alone():
    driver = browser()
    try:
        driver.get(URL + "/visits/new")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        radio = tab_to(driver, "q:city")
        radio.send_keys(Keys.ARROW_RIGHT)  # bremen -> leipzig
        radio = driver.switch_to.active_element
        radio.send_keys(Keys.ARROW_RIGHT)  # leipzig -> nuernberg
        assert driver.switch_to.active_element.get_attribute("value") == "nuernberg"
        tab_to(driver, "q:visitId").send_keys("WEB-KEYS")
        enter(driver, tab_to(driver, "q:household.persons"), "2")
        assert step(driver) == "strom", driver.current_url
        enter(driver, tab_to(driver, "q:electricity.annualKWh"), "2800")
        assert step(driver) == "lampen", driver.current_url
        tab_to(driver, "q:lighting[0]:room").send_keys("Flur")
        enter(driver, tab_to(driver, "q:lighting[0]:watts"), "40")
        for _ in range(8):
            if "/zusammenfassung" in driver.current_url:
                break
            current = step(driver)
            enter(driver, tab_to(driver, "action", "next"))
            assert step(driver) != current or "/zusammenfassung" in driver.current_url, driver.page_source[:2000]
        assert "/zusammenfassung" in driver.current_url, driver.current_url
        button = driver.find_element(By.CSS_SELECTOR, "main form button.button")
        for _ in range(200):
            if driver.switch_to.active_element == button:
                break
            driver.switch_to.active_element.send_keys(Keys.TAB)
        enter(driver, driver.switch_to.active_element)
        assert driver.current_url.endswith("/visits/WEB-KEYS"), driver.current_url
    finally:
        driver.quit()


def test_no_serious_or_critical_accessibility_violation():
    driver = browser()
    problems = []
    try:
        pages = ["/", "/visits/new", "/visits", "/programme", "/data", "/visits/WEB-0001"]
        for page in pages:
            driver.get(URL + page)
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            for violation in results["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    problems.append(f"{page}: {violation['id']} ({violation['impact']}): {violation['help']}")
        # A screen with a refused answer, and the lamps.
        driver.get(URL + "/visits/new")
        choose(driver, "q:city", "bremen")
        type_into(driver, "q:household.persons", "0")
        next_page(driver)
        axe = Axe(driver)
        axe.inject()
        for violation in axe.run()["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"form with an error: {violation['id']}: {violation['help']}")
    finally:
        driver.quit()
    assert not problems, "\n".join(problems)


def test_phone_and_tablet_screenshots():
    for width, height in [(1024, 768), (390, 844)]:
        driver = browser(width, height)
        try:
            for page, name in [("/", "start"), ("/visits/new", "form-haushalt"), ("/visits/WEB-0001", "visit"),
                               ("/programme", "programme"), ("/data", "data")]:
                driver.get(URL + page)
                shot(driver, f"{name}-{width}")
                full_shot(driver, f"{name}-{width}")
                # Nothing wider than the window: no sideways scrolling on a phone.
                overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                wide = driver.execute_script(
                    "var w = document.documentElement.clientWidth, out = [];"
                    "document.querySelectorAll('body *').forEach(function (e) {"
                    "  var r = e.getBoundingClientRect();"
                    "  if (r.right > w + 1 && !e.closest('.table-wrap, ol.steps')) out.push(e.tagName + '.' + e.className);"
                    "}); return out.slice(0, 8).join(', ');")
                assert overflow <= 0, f"{page} at {width}px is {overflow}px too wide: {wide}"
        finally:
            driver.quit()


def test_signing_in_to_the_office_register():
    if not OFFICE:
        raise AssertionError("no office register: run beside Scripts/with-test-postgres.sh (make test does)")
    driver = browser()
    try:
        driver.get(OFFICE + "/visits")
        assert driver.current_url == OFFICE + "/login", driver.current_url
        axe = Axe(driver)
        axe.inject()
        serious = [v["id"] for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"login page: {serious}"
        type_into(driver, "name", "anna_browser")
        type_into(driver, "password", "falsch")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.login button"))
        assert "Name oder Passwort stimmt nicht." in driver.page_source
        assert driver.find_element(By.ID, "name").get_attribute("value") == "anna_browser", "the name is kept"
        type_into(driver, "password", "Anna-ihr-langes-Passwort")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.login button"))
        assert driver.current_url == OFFICE + "/", driver.current_url
        assert "Angemeldet: anna_browser" in driver.page_source
        cookie = driver.get_cookie("esp_login")
        assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict", cookie
        driver.get(OFFICE + "/visits")
        assert driver.find_element(By.TAG_NAME, "h1").text, "the visits page answers"
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.sign-out button"))
        assert driver.current_url == OFFICE + "/login", driver.current_url
        driver.get(OFFICE + "/")
        assert driver.current_url == OFFICE + "/login", "signed out: the pages ask for a login again"
    finally:
        driver.quit()


TESTS = [test_openapi_document_validates, test_a_visit_from_empty_to_the_printed_sheet,
         test_a_draft_resumes_after_the_browser_was_closed, test_a_bad_answer_is_asked_again_at_the_field,
         test_the_whole_form_by_keyboard_alone, test_no_serious_or_critical_accessibility_violation,
         test_phone_and_tablet_screenshots, test_signing_in_to_the_office_register]

if __name__ == "__main__":
    passed = failed = 0
    for test in TESTS:
        try:
            test()
            passed += 1
            print(f"ok     {test.__name__}")
        except Exception:
            failed += 1
            print(f"FAILED {test.__name__}")
            traceback.print_exc()
    print(f"browser tests: {passed} passed, {failed} failed")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
