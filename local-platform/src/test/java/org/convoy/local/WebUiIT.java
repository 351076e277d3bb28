package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web UI in a real headless Chromium against the real platform (service jars as processes, Kafka, the store and
 * SMTP in this JVM), everything through the gateway as a delegate's phone or an organizer's laptop would reach it.
 * Each test leaves a screenshot of the page it ends on in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern LINK = Pattern.compile("/registration#token=([A-Za-z0-9._~%-]+)");
    private static final Pattern PREFERENCES = Pattern.compile("/preferences#token=(p1\\.[A-Za-z0-9._-]+)");

    @TempDir
    static Path dataDir;

    private static Platform platform;
    private static PrintStream log;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void startPlatformAndBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The web UI tests need Debian's chromium and chromium-driver at %s and %s: "
                        + "apt-get install -y chromium chromium-driver (.ci/run does it)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Path home = Path.of("").toAbsolutePath().getParent();
        List<String> args = new ArrayList<>(List.of("--home=" + home, "--data-dir=" + dataDir));
        for (String name : List.of(PlatformConfig.GATEWAY, PlatformConfig.REGISTRATION, PlatformConfig.SCHEDULING,
                PlatformConfig.NOTIFICATION, PlatformConfig.KAFKA, PlatformConfig.KAFKA_CONTROLLER, PlatformConfig.MONGO,
                PlatformConfig.SMTP, PlatformConfig.MAIL_PAGE)) {
            args.add("--" + PlatformConfig.portKey(name) + "=" + Ports.anyFree());
        }
        Files.createDirectories(SCREENSHOTS);
        log = new PrintStream(new FileOutputStream(Path.of("target", "web-ui-platform.log").toFile()), true,
                StandardCharsets.UTF_8);
        platform = new Platform(PlatformConfig.from(args.toArray(String[]::new), Map.of()), new Console(log, false));
        platform.start(Duration.ofMinutes(4));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=es-MX");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowserAndPlatform() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
        if (log != null) {
            log.close();
        }
    }

    /** Every test starts as a first visit: Spanish, nobody logged in, no personal link kept. */
    @BeforeEach
    void freshVisit() {
        open("");
        browser.executeScript("localStorage.clear(); sessionStorage.clear();");
        browser.manage().logs().get(LogType.BROWSER);
    }

    /**
     * No page may break its content policy or throw: Chromium reports both as errors in the console. Refused calls
     * (a 400 the page shows beside a field, a wrong password) are expected and are the only errors let through.
     */
    @AfterEach
    void theBrowserConsoleHasNoErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of"))
                .toList();
        assertThat(errors).as("errors in the browser console (scripts, content policy)").isEmpty();
    }

    @Test
    void aDelegateRegistersInSpanishWithACompanionAndTheWelcomeEmailArrives() throws Exception {
        open("");
        screenshot("01-landing");
        browser.findElement(By.id("home-register")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(label("f-givenName")).isEqualTo("Nombre(s) *");
        String email = unique("maria") + "@zapopan.gob.mx";
        String companionEmail = unique("jorge") + "@zapopan.gob.mx";

        fillLead("María", "Hernández Núñez", email);
        browser.findElement(By.id("add-companion")).click();
        type("f-companions-0-givenName", "Jorge");
        type("f-companions-0-familyName", "Ramírez Soto");
        type("f-companions-0-email", companionEmail);
        type("f-companions-0-position", "Secretario particular");
        browser.findElement(By.id("f-privacyConsent")).click();
        screenshot("02-registration-form");
        browser.findElement(By.id("submit")).click();

        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done-view")));
        assertThat(done.getText()).contains("¡Registro recibido!", "Su lugar está apartado", "María Hernández Núñez",
                "Jorge Ramírez Soto", "En revisión");
        screenshot("03-registration-received");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).isEqualTo(email);
                    assertThat(mail.get("subject")).isEqualTo("Convoy: recibimos tu registro, María");
                    assertThat(mail.get("text")).contains("/registration#token=");
                }));
    }

    @Test
    void switchingToEnglishChangesTheLabelsAndTheChoiceIsRemembered() {
        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(label("f-email")).isEqualTo("Correo electrónico *");

        browser.findElement(By.id("lang-toggle")).click();

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(label("f-givenName")).isEqualTo("Given name(s) *");
        assertThat(label("f-email")).isEqualTo("Email *");
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Submit registration");
        assertThat(new Select(browser.findElement(By.id("f-role"))).getOptions())
                .extracting(WebElement::getText).contains("Mayor", "State representative");
        assertThat(browser.findElement(By.id("lang-toggle")).getText()).isEqualTo("Español");
        screenshot("04-registration-english");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(label("f-givenName")).isEqualTo("Given name(s) *");
        browser.findElement(By.id("lang-toggle")).click();
        assertThat(label("f-givenName")).isEqualTo("Nombre(s) *");
    }

    @Test
    void invalidInputIsShownBesideTheFieldsFromTheBrowsersChecksAndFromTheServer() {
        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));

        type("f-email", "no-es-un-correo");
        browser.findElement(By.id("submit")).click();

        assertThat(error("e-givenName")).isEqualTo("Este campo es obligatorio.");
        assertThat(error("e-email")).startsWith("Escriba un correo válido");
        assertThat(error("e-role")).isEqualTo("Elija una opción.");
        assertThat(error("e-privacyConsent")).isEqualTo("Debe aceptar el aviso de privacidad para registrarse.");
        assertThat(browser.findElement(By.id("f-givenName")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("f-givenName")).getDomAttribute("aria-describedby")).contains("e-givenName");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("f-givenName");
        assertThat(browser.findElement(By.id("form-alert")).getText()).startsWith("Revise los campos marcados");
        screenshot("05-registration-client-errors");

        // Eight digits pass the form's pattern, but are no mobile number the server can normalise: its 400 names
        // the field, and the message appears beside it in Spanish.
        fillLead("Rosa", "Medina", unique("rosa") + "@colima.gob.mx");
        type("f-phone", "1234 5678");
        browser.findElement(By.id("f-privacyConsent")).click();
        browser.findElement(By.id("submit")).click();

        wait.until(driver -> !error("e-phone").isEmpty());
        assertThat(error("e-phone")).isEqualTo("Escriba un celular como +52 33 1234 5678 o +1 415 555 0100.");
        assertThat(error("e-givenName")).isEmpty();
        assertThat(browser.findElement(By.id("done-view")).isDisplayed()).isFalse();
        screenshot("06-registration-server-error");
    }

    @Test
    void anOrganizerApprovesADelegateAndPlansAMeetingThatTheDelegateSeesInTheirAgendaUntilItIsCancelled() throws Exception {
        String email = unique("ana") + "@guadalajara.gob.mx";
        String delegateId = register("Ana", "Torres Vega", email);
        String link = personalLink(email);

        open("console");
        type("username", PlatformConfig.DEVELOPMENT_ADMIN_USERNAME);
        type("password", "wrong-password-for-sure");
        browser.findElement(By.id("login")).click();
        wait.until(driver -> driver.findElement(By.id("login-error")).getText().equals("Usuario o contraseña incorrectos."));
        type("password", PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-dashboard")));
        wait.until(driver -> Integer.parseInt(driver.findElement(By.id("count-total")).getText()) >= 1);

        // Live: a registration arriving while the dashboard is open shows up without reloading.
        int before = Integer.parseInt(browser.findElement(By.id("count-total")).getText());
        register("Luis", "Pérez", unique("luis") + "@leon.gob.mx");
        wait.until(driver -> Integer.parseInt(driver.findElement(By.id("count-total")).getText()) > before);
        assertThat(browser.findElement(By.id("arrivals")).getText()).startsWith("Registros nuevos");
        screenshot("07-console-dashboard");
        browser.findElement(By.id("lang-toggle")).click();
        assertThat(browser.findElement(By.id("tab-planner")).getText()).isEqualTo("Day planner");
        wait.until(driver -> driver.findElement(By.id("count-status")).getText().contains("Under review"));
        browser.findElement(By.id("lang-toggle")).click();
        assertThat(browser.findElement(By.id("tab-planner")).getText()).isEqualTo("Planeación del día");

        browser.findElement(By.id("tab-delegates")).click();
        By row = By.cssSelector("tr[data-delegate-id='" + delegateId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        browser.findElement(By.cssSelector("input[data-delegate-id='" + delegateId + "']")).click();
        browser.findElement(By.id("approve")).click();
        wait.until(driver -> driver.findElement(By.id("delegates-status")).getText().startsWith("Hecho: 1."));
        wait.until(driver -> driver.findElement(row).getText().contains("Aprobado"));
        screenshot("08-console-delegates");

        String token = organizerToken();
        await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(
                json.readTree(get("api/scheduling/delegates/" + delegateId, token)).path("status").asString()));

        browser.findElement(By.id("tab-hosts")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-host-id='produce-pay']"))).click();
        WebElement suggestions = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions-title")));
        assertThat(suggestions.getText()).isEqualTo("Delegados aprobados afines a Produce Pay");
        assertThat(browser.findElement(By.id("suggestions")).getText()).contains("Ana Torres Vega");
        screenshot("08b-console-hosts-suggestions");

        browser.findElement(By.id("tab-planner")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-form")));
        new Select(browser.findElement(By.id("day"))).selectByValue("2023-02-27");
        By attendee = By.cssSelector("#m-cohort input[value='" + delegateId + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(attendee));

        // Too early for the host: the draft shows why it cannot be confirmed, before anyone is told anything.
        new Select(browser.findElement(By.id("m-host"))).selectByValue("produce-pay");
        time("m-start", "07:00");
        browser.findElement(attendee).click();
        browser.findElement(By.id("m-draft")).click();
        By draftCard = By.cssSelector("article.meeting-card[data-status='DRAFT']");
        WebElement early = wait.until(ExpectedConditions.visibilityOfElementLocated(draftCard));
        assertThat(early.findElement(By.cssSelector("li[data-code='HOST_UNAVAILABLE']")).getText())
                .isEqualTo("El anfitrión no recibe delegaciones en ese horario.");
        assertThat(early.getText()).contains("07:00", "Produce Pay", "Ana Torres Vega");
        early.findElement(By.xpath(".//button[text()='Descartar borrador']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(draftCard));

        time("m-start", "10:00");
        if (!browser.findElement(attendee).isSelected()) {
            browser.findElement(attendee).click();
        }
        type("m-title", "Financiamiento agrícola");
        browser.findElement(By.id("m-draft")).click();
        WebElement draft = wait.until(ExpectedConditions.visibilityOfElementLocated(draftCard));
        assertThat(draft.getText()).contains("Sin conflictos", "10:00");
        screenshot("09-console-planner-draft");
        draft.findElement(By.cssSelector("button.confirm-meeting")).click();
        WebElement confirmed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.meeting-card[data-status='CONFIRMED']")));
        assertThat(confirmed.getText()).contains("Confirmada", "10:00", "Produce Pay");
        assertThat(browser.findElement(By.id("planner-status")).getText()).startsWith("Reunión confirmada");
        screenshot("10-console-planner-confirmed");

        // The host asks for an hour and a half later: the meeting moves, its length kept.
        WebElement newStart = confirmed.findElement(By.cssSelector("input[type='time']"));
        time(newStart.getDomAttribute("id"), "11:30");
        confirmed.findElement(By.xpath(".//button[text()='Cambiar horario']")).click();
        wait.until(driver -> driver.findElement(By.id("planner-status")).getText().startsWith("Reunión movida"));
        assertThat(browser.findElement(By.cssSelector("article.meeting-card[data-status='CONFIRMED']")).getText())
                .contains("11:30–12:30");

        browser.findElement(By.id("tab-notices")).click();
        wait.until(driver -> driver.findElement(By.id("notices")).getText().contains(email));
        screenshot("11-console-notices");

        // The delegate opens the link from her email: her registration is approved and the meeting is on her agenda.
        open("registration#token=" + link);
        WebElement agenda = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#agenda .meeting")));
        assertThat(browser.findElement(By.id("self-status")).getText()).isEqualTo("Aprobado");
        assertThat(agenda.getText()).contains("11:30", "12:30", "Produce Pay", "Financiamiento agrícola");
        assertThat(browser.findElement(By.id("agenda")).getText()).contains("Lunes, 27 de febrero — Los Angeles");
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        String feed = browser.findElement(By.id("ics-download")).getDomProperty("href");
        assertThat(feed).contains("/agenda.ics?token=");
        assertThat(send(HttpRequest.newBuilder(URI.create(feed)).GET()).body())
                .contains("BEGIN:VEVENT", "Produce Pay", "TZID=America/Los_Angeles");
        screenshot("12-delegate-page");

        // Back in the console (the tab kept the session), the organizer cancels it with a reason.
        open("console");
        browser.findElement(By.id("tab-planner")).click();
        WebElement meeting = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.meeting-card[data-status='CONFIRMED']")));
        meeting.findElement(By.cssSelector("input[type='text']")).sendKeys("La empresa pospuso la visita");
        meeting.findElement(By.xpath(".//button[text()='Cancelar reunión']")).click();
        WebElement cancelled = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.meeting-card[data-status='CANCELLED']")));
        assertThat(cancelled.getText()).contains("Cancelada", "La empresa pospuso la visita");
        screenshot("16-console-planner-cancelled");
    }

    @Test
    void registeringAnEmailTwiceSaysSoBesideTheEmailAndSendsANewLinkOnRequest() throws Exception {
        String email = unique("carmen") + "@tepic.gob.mx";
        register("Carmen", "Luna", email);
        personalLink(email);

        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        fillLead("Carmen", "Luna", email);
        browser.findElement(By.id("f-privacyConsent")).click();
        browser.findElement(By.id("submit")).click();

        wait.until(driver -> !error("e-email").isEmpty());
        assertThat(error("e-email")).startsWith("Este correo ya está registrado en el convoy.");
        WebElement again = browser.findElement(By.id("link-email"));
        assertThat(again.isDisplayed()).isTrue();
        assertThat(again.getDomProperty("value")).isEqualTo(email);
        browser.findElement(By.cssSelector("#link-form button[type='submit']")).click();
        wait.until(driver -> driver.findElement(By.id("link-status")).getText().startsWith("Si el correo está registrado"));
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to"))).count() >= 2);
    }

    @Test
    void aDelegateChangesTheirDetailsAndWithdrawsThroughTheirPersonalLink() throws Exception {
        String email = unique("elena") + "@morelia.gob.mx";
        register("Elena", "Ruiz", email);
        String link = personalLink(email);

        open("registration#token=" + link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-form")));
        assertThat(browser.findElement(By.id("self-status")).getText()).isEqualTo("En revisión");
        assertThat(browser.findElement(By.id("agenda")).getText()).isNotEmpty();
        type("f-municipality", "Morelia");
        type("f-phone", "33 1234 5678");
        browser.findElement(By.id("save")).click();
        wait.until(driver -> driver.findElement(By.id("edit-status")).getText().equals("Cambios guardados."));
        assertThat(browser.findElement(By.id("self-summary")).getText()).contains("Morelia, Jalisco");

        browser.findElement(By.id("withdraw")).click();
        assertThat(browser.findElement(By.id("withdraw-confirm")).getText()).startsWith("¿Seguro que desea retirar");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("withdraw-no");
        browser.findElement(By.id("withdraw-yes")).click();

        wait.until(driver -> driver.findElement(By.id("self-status")).getText().equals("Retirado"));
        assertThat(browser.findElement(By.id("page-status")).getText()).startsWith("Su registro fue retirado");
        assertThat(browser.findElement(By.id("edit-panel")).isDisplayed()).isFalse();
        screenshot("13-delegate-withdrawn");
    }

    @Test
    void aDelegateTurnsOffRoutineEmailFromTheLinkAtTheFootOfHerEmail() throws Exception {
        String email = unique("sofia") + "@puebla.gob.mx";
        register("Sofía", "Castro", email);
        String token = await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to")))
                .map(mail -> PREFERENCES.matcher(mail.getOrDefault("text", "")))
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst().orElse(null), found -> found != null);

        open("preferences#token=" + token);
        WebElement routineEmail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("routine-email")));
        assertThat(routineEmail.isSelected()).isTrue();
        routineEmail.click();
        browser.findElement(By.id("pref-save")).click();

        wait.until(driver -> driver.findElement(By.id("pref-status")).getText().equals("Preferencias guardadas."));
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        assertThat(json.readTree(send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "api/notifications/preferences/" + token)).GET()).body()).path("routineEmail").asBoolean()).isFalse();
        screenshot("15-notice-preferences");
    }

    @Test
    void theRegistrationFormFitsAPhoneScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("registration");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
            screenshot("14-registration-phone", 390);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    // ---------------------------------------------------------------- the browser

    private void open(String path) {
        browser.get(platform.gatewayUrl() + path);
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Time inputs take keystrokes in the browser's locale; setting the value is what a picker does. */
    private void time(String id, String value) {
        browser.executeScript("const input = document.getElementById(arguments[0]);"
                + "input.value = arguments[1]; input.dispatchEvent(new Event('change'));", id, value);
    }

    private String label(String inputId) {
        return browser.findElement(By.cssSelector("label[for='" + inputId + "']")).getText();
    }

    private String error(String id) {
        WebElement error = browser.findElement(By.id(id));
        return error.isDisplayed() ? error.getText().replaceFirst("^⚠ ", "") : "";
    }

    private void fillLead(String givenName, String familyName, String email) {
        type("f-givenName", givenName);
        type("f-familyName", familyName);
        type("f-email", email);
        new Select(browser.findElement(By.id("f-role"))).selectByValue("MAYOR");
        new Select(browser.findElement(By.id("f-state"))).selectByValue("MX-JAL");
        type("f-municipality", "Zapopan");
        type("f-organization", "Gobierno Municipal de Zapopan");
        type("f-position", "Presidenta Municipal");
        browser.findElement(By.cssSelector("input[name='sectors'][value='CINEMATOGRAPHY']")).click();
        browser.findElement(By.cssSelector("input[name='axes'][value='ECONOMIC']")).click();
    }

    /** The whole page, not only the window, so a reviewer sees every field and message. */
    private void screenshot(String name) {
        screenshot(name, 1280);
    }

    private void screenshot(String name, int width) {
        ChromeDriver chrome = browser;
        Map<String, Object> layout = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) layout.get("cssContentSize");
        long height = Math.min(6000, Math.round(((Number) size.get("height")).doubleValue()));
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the platform over HTTP

    private String register(String givenName, String familyName, String email) throws Exception {
        String body = """
                {"convoyId":"california-2023","givenName":"%s","familyName":"%s","email":"%s",
                 "preferredLanguage":"es","role":"MAYOR","state":"MX-JAL","municipality":"Guadalajara",
                 "organization":"Gobierno de Guadalajara","sectors":["AGRIBUSINESS","FINTECH"],"axes":["ECONOMIC"],
                 "channels":["EMAIL"],"privacyConsent":true}""".formatted(givenName, familyName, email);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asString();
    }

    /** The token of the personal link in the delegate's welcome email. */
    private String personalLink(String email) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to")))
                .map(mail -> LINK.matcher(mail.getOrDefault("text", "")))
                .filter(Matcher::find)
                .map(matcher -> URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8))
                .findFirst().orElse(null), token -> token != null);
    }

    private String organizerToken() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + PlatformConfig.DEVELOPMENT_ADMIN_USERNAME
                        + "\",\"password\":\"" + PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode body = json.readTree(login.body());
        return body.path("accessToken").asString();
    }

    private String get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).GET()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
