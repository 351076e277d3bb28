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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
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
    private static final Pattern LINK = Pattern.compile("/registration#code=([A-Za-z0-9_-]+)");
    private static final Pattern PREFERENCES = Pattern.compile("/preferences#token=(p1\\.[A-Za-z0-9._-]+)");
    private static final Pattern CHECK_IN_CODE = Pattern.compile("código de llegada: ([0-9A-Z]{4}-[0-9A-Z]{4})");
    private static final Pattern SURVEY = Pattern.compile("/survey#pass=(f1\\.[A-Za-z0-9._-]+)");
    private static final Pattern HOST_LINK = Pattern.compile("/host#code=([A-Za-z0-9_.%-]+)");
    private static final String REMINDER = "Recordatorio de Convoy: ";
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @TempDir
    static Path dataDir;

    private static Platform platform;
    private static PrintStream log;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** The convoy these tests register for, open for registration (California 2023 copied ahead). */
    private ConvoyCopy convoy;

    @BeforeAll
    void startPlatformAndBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The web UI tests need Debian's chromium and chromium-driver at %s and %s: "
                        + "apt-get install -y chromium chromium-driver (.ci/run does it)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Path home = Path.of("").toAbsolutePath().getParent();
        // Reminders and surveys are looked for every few seconds here, not every minute or five; the services' clock
        // follows <data dir>/clock, which the walk through a convoy's week moves (and puts back to now).
        List<String> args = new ArrayList<>(List.of("--home=" + home, "--data-dir=" + dataDir,
                "--service-java-opts=-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k "
                        + "-Dconvoy.notification.survey.poll=2s -Dconvoy.notification.reminders.poll=2s",
                "--adjustable-clock"));
        for (String name : List.of(PlatformConfig.GATEWAY, PlatformConfig.REGISTRATION, PlatformConfig.SCHEDULING,
                PlatformConfig.NOTIFICATION, PlatformConfig.KAFKA, PlatformConfig.KAFKA_CONTROLLER, PlatformConfig.MONGO,
                PlatformConfig.SMTP, PlatformConfig.MAIL_PAGE, PlatformConfig.GATEWAY_MANAGEMENT)) {
            args.add("--" + PlatformConfig.portKey(name) + "=" + Ports.anyFree());
        }
        Files.createDirectories(SCREENSHOTS);
        log = new PrintStream(new FileOutputStream(Path.of("target", "web-ui-platform.log").toFile()), true,
                StandardCharsets.UTF_8);
        platform = new Platform(PlatformConfig.from(args.toArray(String[]::new), Map.of()), new Console(log, false));
        platform.start(Duration.ofMinutes(4));
        convoy = ConvoyCopy.openCopyOfCalifornia(platform.gatewayUrl(), organizerToken(), "california-web");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=es-MX");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // Pages redraw what they show (the console polls every few seconds): every wait finds its element again and
        // shrugs off one that was replaced between finding and reading it.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
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
        click(By.id("home-register"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(label("f-givenName")).isEqualTo("Nombre(s) *");
        String email = unique("maria") + "@zapopan.gob.mx";
        String companionEmail = unique("jorge") + "@zapopan.gob.mx";

        fillLead("María", "Hernández Núñez", email);
        click(By.id("add-companion"));
        type("f-companions-0-givenName", "Jorge");
        type("f-companions-0-familyName", "Ramírez Soto");
        type("f-companions-0-email", companionEmail);
        type("f-companions-0-position", "Secretario particular");
        click(By.id("f-privacyConsent"));
        screenshot("02-registration-form");
        click(By.id("submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done-view")));
        assertThat(text(By.id("done-view"))).contains("¡Registro recibido!", "Su lugar está apartado", "María Hernández Núñez",
                "Jorge Ramírez Soto", "En revisión");
        screenshot("03-registration-received");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).isEqualTo(email);
                    assertThat(mail.get("subject")).isEqualTo("Convoy: recibimos tu registro, María");
                    assertThat(mail.get("text")).contains("/registration#code=");
                }));
    }

    /**
     * WhatsApp as her channel: she chooses it on the form with her mobile number; nothing goes to the number until
     * she opens her personal link (confirming it is hers); then her Spanish welcome, the template the provider would
     * send, shows in the console's Local messages, and nothing went by SMS, which she did not choose.
     */
    @Test
    void aDelegateChoosesWhatsAppConfirmsHerNumberAndTheLocalWhatsAppViewShowsHerSpanishWelcome() throws Exception {
        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        String email = unique("lupita") + "@tlaquepaque.gob.mx";
        String digits = String.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits())).substring(0, 8);
        fillLead("Guadalupe", "Ortega Ruiz", email);
        type("f-phone", "+52 33 " + digits.substring(0, 4) + " " + digits.substring(4));
        click(By.cssSelector("input[name='channels'][value='WHATSAPP']"));
        click(By.id("f-privacyConsent"));
        click(By.id("submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done-view")));
        String link = mailed(email, LINK);
        String token = organizerToken();
        assertThat(json.readTree(get("api/notifications/local-whatsapp", token)).valueStream()
                .filter(message -> message.path("to").asString().endsWith(digits)).toList())
                .as("nothing before her number is confirmed").isEmpty();

        open("registration#code=" + link);
        waitForText(By.id("self-status"), text -> !text.isBlank());
        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        click(By.id("tab-phone"));
        type("phone-filter", digits);
        By welcome = By.cssSelector("#phone-whatsapp li.phone-message[data-to='+5233" + digits + "']");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            click(By.id("phone-refresh"));
            return !browser.findElements(welcome).isEmpty();
        });

        assertThat(text(welcome)).contains("Hola Guadalupe, recibimos tu registro para",
                "Tu enlace personal está en tu correo.");
        assertThat(browser.findElements(By.cssSelector("#phone-sms li.phone-message[data-to='+5233" + digits + "']")))
                .as("she did not choose SMS").isEmpty();
        assertThat(json.readTree(get("api/notifications?status=SENT&limit=1000", token)).valueStream()
                .filter(notice -> "WHATSAPP".equals(notice.path("channel").asString())
                        && notice.path("to").asString().endsWith(digits))
                .map(notice -> notice.path("kind").asString()).toList()).containsExactly("REGISTRATION_RECEIVED");
        screenshot("26-console-local-whatsapp");
    }

    @Test
    void switchingToEnglishChangesTheLabelsAndTheChoiceIsRemembered() {
        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(label("f-email")).isEqualTo("Correo electrónico *");

        click(By.id("lang-toggle"));

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(label("f-givenName")).isEqualTo("Given name(s) *");
        assertThat(label("f-email")).isEqualTo("Email *");
        assertThat(text(By.id("submit"))).isEqualTo("Submit registration");
        assertThat(new Select(browser.findElement(By.id("f-role"))).getOptions())
                .extracting(WebElement::getText).contains("Mayor", "State representative");
        assertThat(text(By.id("lang-toggle"))).isEqualTo("Español");
        screenshot("04-registration-english");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(label("f-givenName")).isEqualTo("Given name(s) *");
        click(By.id("lang-toggle"));
        assertThat(label("f-givenName")).isEqualTo("Nombre(s) *");
    }

    @Test
    void invalidInputIsShownBesideTheFieldsFromTheBrowsersChecksAndFromTheServer() {
        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));

        type("f-email", "no-es-un-correo");
        click(By.id("submit"));

        assertThat(error("e-givenName")).isEqualTo("Este campo es obligatorio.");
        assertThat(error("e-email")).startsWith("Escriba un correo válido");
        assertThat(error("e-role")).isEqualTo("Elija una opción.");
        assertThat(error("e-privacyConsent")).isEqualTo("Debe aceptar el aviso de privacidad para registrarse.");
        assertThat(browser.findElement(By.id("f-givenName")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("f-givenName")).getDomAttribute("aria-describedby")).contains("e-givenName");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("f-givenName");
        assertThat(text(By.id("form-alert"))).startsWith("Revise los campos marcados");
        screenshot("05-registration-client-errors");

        // Eight digits pass the form's pattern, but are no mobile number the server can normalise: its 400 names
        // the field, and the message appears beside it in Spanish.
        fillLead("Rosa", "Medina", unique("rosa") + "@colima.gob.mx");
        type("f-phone", "1234 5678");
        click(By.id("f-privacyConsent"));
        click(By.id("submit"));

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
        click(By.id("login"));
        waitForText(By.id("login-error"), text -> text.equals("Usuario o contraseña incorrectos."));
        type("password", PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        click(By.id("login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-dashboard")));
        select(By.id("convoy-select"), convoy.id());
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#count-status[data-convoy='" + convoy.id() + "']")));
        By total = By.id("count-total");
        waitForText(total, text -> !text.isEmpty() && Integer.parseInt(text) >= 1);

        // Live: a registration arriving while the dashboard is open shows up without reloading.
        int before = Integer.parseInt(text(total));
        register("Luis", "Pérez", unique("luis") + "@leon.gob.mx");
        waitForText(total, text -> Integer.parseInt(text) > before);
        assertThat(text(By.id("arrivals"))).startsWith("Registros nuevos");
        screenshot("07-console-dashboard");
        click(By.id("lang-toggle"));
        assertThat(text(By.id("tab-planner"))).isEqualTo("Day planner");
        waitForText(By.id("count-status"), text -> text.contains("Under review"));
        click(By.id("lang-toggle"));
        assertThat(text(By.id("tab-planner"))).isEqualTo("Planeación del día");

        click(By.id("tab-delegates"));
        By row = By.cssSelector("tr[data-delegate-id='" + delegateId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        click(By.cssSelector("input[data-delegate-id='" + delegateId + "']"));
        click(By.id("approve"));
        waitForText(By.id("delegates-status"), text -> text.startsWith("Hecho: 1."));
        waitForText(row, text -> text.contains("Aprobado"));
        screenshot("08-console-delegates");

        String token = organizerToken();
        await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(
                json.readTree(get("api/scheduling/delegates/" + delegateId, token)).path("status").asString()));

        click(By.id("tab-hosts"));
        click(By.cssSelector("button[data-host-id='produce-pay']"));
        waitForText(By.id("suggestions-title"), text -> text.equals("Delegados aprobados afines a Produce Pay"));
        assertThat(text(By.id("suggestions"))).contains("Ana Torres Vega");
        screenshot("08b-console-hosts-suggestions");

        click(By.id("tab-planner"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-form")));
        select(By.id("day"), convoy.day("2023-02-27").toString());
        By attendee = By.cssSelector("#m-cohort input[value='" + delegateId + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(attendee));

        // Too early for the host: the draft shows why it cannot be confirmed, before anyone is told anything.
        select(By.id("m-host"), "produce-pay");
        time("m-start", "07:00");
        click(attendee);
        click(By.id("m-draft"));
        By draftCard = By.cssSelector("article.meeting-card[data-status='DRAFT']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(draftCard));
        assertThat(text(By.cssSelector("article.meeting-card[data-status='DRAFT'] li[data-code='HOST_UNAVAILABLE']")))
                .isEqualTo("El anfitrión no recibe delegaciones en ese horario.");
        assertThat(text(draftCard)).contains("07:00", "Produce Pay", "Ana Torres Vega");
        click(inCard("DRAFT", "Descartar borrador"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(draftCard));

        time("m-start", "10:00");
        if (!isSelected(attendee)) {
            click(attendee);
        }
        type("m-title", "Financiamiento agrícola");
        click(By.id("m-draft"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(draftCard));
        assertThat(text(draftCard)).contains("Sin conflictos", "10:00");
        screenshot("09-console-planner-draft");
        click(By.cssSelector("article.meeting-card[data-status='DRAFT'] button.confirm-meeting"));
        By confirmedCard = By.cssSelector("article.meeting-card[data-status='CONFIRMED']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(confirmedCard));
        assertThat(text(confirmedCard)).contains("Confirmada", "10:00", "Produce Pay");
        assertThat(text(By.id("planner-status"))).startsWith("Reunión confirmada");
        screenshot("10-console-planner-confirmed");

        // The host asks for an hour and a half later: the meeting moves, its length kept.
        String newStart = wait.until(driver -> driver.findElement(
                By.cssSelector("article.meeting-card[data-status='CONFIRMED'] input[type='time']")).getDomAttribute("id"));
        time(newStart, "11:30");
        click(inCard("CONFIRMED", "Cambiar horario"));
        waitForText(By.id("planner-status"), text -> text.startsWith("Reunión movida"));
        waitForText(confirmedCard, text -> text.contains("11:30–12:30"));

        click(By.id("tab-notices"));
        waitForText(By.id("notices"), text -> text.contains(email));
        screenshot("11-console-notices");

        // The delegate opens the link from her email: her registration is approved and the meeting is on her agenda.
        open("registration#code=" + link);
        By agenda = By.cssSelector("#agenda .meeting");
        wait.until(ExpectedConditions.visibilityOfElementLocated(agenda));
        assertThat(text(By.id("self-status"))).isEqualTo("Aprobado");
        assertThat(text(agenda)).contains("11:30", "12:30", "Produce Pay", "Financiamiento agrícola");
        assertThat(text(By.id("agenda"))).contains(DateTimeFormatter.ofPattern("d 'de' MMMM", Locale.forLanguageTag("es-MX"))
                .format(convoy.day("2023-02-27")) + " — Los Angeles");
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
        String feed = wait.until(driver -> driver.findElement(By.id("ics-download")).getDomProperty("href"));
        assertThat(feed).contains("/agenda.ics?token=c1.");
        assertThat(send(HttpRequest.newBuilder(URI.create(feed)).GET()).body())
                .contains("BEGIN:VEVENT", "Produce Pay", "TZID=America/Los_Angeles");
        screenshot("12-delegate-page");

        // Back in the console (the tab kept the session), the organizer cancels it with a reason.
        open("console");
        click(By.id("tab-planner"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(confirmedCard));
        wait.until(driver -> {
            WebElement reason = driver.findElement(By.cssSelector(
                    "article.meeting-card[data-status='CONFIRMED'] input[type='text']"));
            reason.clear();
            reason.sendKeys("La empresa pospuso la visita");
            return true;
        });
        click(inCard("CONFIRMED", "Cancelar reunión"));
        By cancelledCard = By.cssSelector("article.meeting-card[data-status='CANCELLED']");
        waitForText(cancelledCard, text -> text.contains("Cancelada") && text.contains("La empresa pospuso la visita"));
        screenshot("16-console-planner-cancelled");
    }

    /**
     * The next convoy, run from the console: an organizer copies California into Texas, changes its cities and
     * dates, opens registration and adds a host; a delegate registers for Texas on the registration page; the
     * organizer plans and confirms a meeting; the delegate's invitation names the convoy in her language.
     */
    @Test
    void anOrganizerRunsTheNextConvoyByCopyingCaliforniaIntoTexas() throws Exception {
        LocalDate startsOn = convoy.day("2023-02-27").plusWeeks(15);
        String id = "texas-" + startsOn.getYear();
        String name = "Convoy Texas " + startsOn.getYear();
        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));

        open("console");
        type("username", PlatformConfig.DEVELOPMENT_ADMIN_USERNAME);
        type("password", PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        click(By.id("login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-dashboard")));
        click(By.id("tab-convoys"));
        waitForText(By.id("convoy-list"), text -> text.contains("California 2023") && text.contains("Realizado"));
        click(By.id("cv-copy-california-2023"));
        waitForText(By.id("cv-heading"), text -> text.startsWith("Nuevo convoy a partir de"));
        assertThat(value("cv-city-name-1")).isEqualTo("San José");
        assertThat(value("cv-places-MAYOR")).isEqualTo("50");

        setValue("cv-id", id);
        setValue("cv-name-es", name);
        setValue("cv-name-en", "Texas " + startsOn.getYear() + " Convoy");
        setValue("cv-city-id-0", "HOUSTON");
        setValue("cv-city-name-0", "Houston");
        setValue("cv-city-zone-0", "America/Chicago");
        setValue("cv-city-id-1", "SAN_ANTONIO");
        setValue("cv-city-name-1", "San Antonio");
        setValue("cv-city-zone-1", "America/Chicago");
        setValue("cv-city-id-2", "AUSTIN");
        setValue("cv-city-name-2", "Austin");
        setValue("cv-city-zone-2", "America/Chicago");
        setValue("cv-starts", startsOn.toString());
        setValue("cv-ends", startsOn.plusDays(2).toString());
        select(By.id("cv-day-" + startsOn), "HOUSTON");
        select(By.id("cv-day-" + startsOn.plusDays(1)), "HOUSTON");
        select(By.id("cv-day-" + startsOn.plusDays(1) + "-then"), "SAN_ANTONIO");
        select(By.id("cv-day-" + startsOn.plusDays(2)), "AUSTIN");
        setValue("cv-leg-HOUSTON-SAN_ANTONIO", "200");
        setValue("cv-opens", today.toString());
        setValue("cv-closes", startsOn.minusDays(7).toString());
        setValue("cv-retain", startsOn.plusYears(1).toString());
        screenshot("17-console-convoy-copied");
        click(By.id("cv-save"));
        waitForText(By.id("convoys-status"), text -> text.equals(name + " quedó creado como borrador."));
        click(By.id("cv-status-OPEN"));
        waitForText(By.id("convoys-status"), text -> text.equals(name + ": Registro abierto."));
        waitForText(By.cssSelector("#convoy-list tr[data-convoy-id='" + id + "']"),
                text -> text.contains("Houston, San Antonio, Austin") && text.contains("Registro abierto"));
        screenshot("18-console-convoys");

        // Its first host, in the console.
        String chosen = wait.until(driver -> new Select(driver.findElement(By.id("convoy-select")))
                .getFirstSelectedOption().getDomAttribute("value"));
        assertThat(chosen).isEqualTo(id);
        click(By.id("tab-hosts"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hf-id")));
        type("hf-id", "port-of-houston");
        type("hf-name", "Port of Houston");
        type("hf-venue", "Port Houston Executive Office");
        type("hf-address", "111 East Loop North, Houston, TX 77029");
        select(By.id("hf-city"), "HOUSTON");
        click(By.id("hf-sector-AGRIBUSINESS"));
        click(By.id("hf-axis-ECONOMIC"));
        click(By.id("hf-save"));
        waitForText(By.id("hosts"), text -> text.contains("Port of Houston") && text.contains("Houston"));
        screenshot("19-console-host-added");

        // A delegate registers for Texas on the registration page, which lists it with its year and cities.
        String email = unique("maria.texas") + "@monterrey.gob.mx";
        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("convoy-" + id)));
        assertThat(text(By.id("convoy-choice"))).contains(name, "Houston, San Antonio, Austin",
                "Registro abierto hasta el");
        click(By.id("convoy-" + id));
        type("f-givenName", "María");
        type("f-familyName", "Garza Treviño");
        type("f-email", email);
        select(By.id("f-role"), "MAYOR");
        select(By.id("f-state"), "MX-NLE");
        type("f-municipality", "Monterrey");
        type("f-organization", "Gobierno de Monterrey");
        click(By.cssSelector("input[name='sectors'][value='AGRIBUSINESS']"));
        click(By.cssSelector("input[name='axes'][value='ECONOMIC']"));
        click(By.id("f-privacyConsent"));
        screenshot("20-registration-texas");
        click(By.id("submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done-view")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).isEqualTo(email);
                    assertThat(mail.get("text")).contains(name);
                }));
        String token = organizerToken();
        String delegateId = json.readTree(get("api/registrations?convoyId=" + id, token)).path("items").get(0)
                .path("delegateId").asString();
        approve(delegateId, token);

        // The organizer plans the first day in Houston and confirms the meeting.
        open("console");
        confirmMeeting(startsOn, "port-of-houston", "10:00", delegateId);
        assertThat(text(By.cssSelector("article.meeting-card[data-status='CONFIRMED']"))).contains("Port of Houston");
        screenshot("21-console-texas-meeting");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).isEqualTo(email);
                    assertThat(mail.get("subject")).startsWith("Convoy: reunión con Port of Houston");
                    assertThat(mail.get("text")).contains("Tienes una reunión confirmada con Port of Houston en el "
                            + name, "de 10:00 a 11:00", "(America/Chicago)");
                    assertThat(mail.get("attachments")).isEqualTo("checkin-qr.png, invite.ics");
                }));
    }

    @Test
    void anOrganizerKeepsAHostInTheDirectoryAndHasItTakePartInAConvoy() throws Exception {
        String hostId = "bay-trade-" + UUID.randomUUID().toString().substring(0, 8);
        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        select(By.id("convoy-select"), convoy.id());
        click(By.id("tab-hosts"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-hostId")));
        waitForText(By.id("directory-list"), text -> text.contains("The Walt Disney Company"));

        type("f-hostId", hostId);
        type("f-organization", "Bay Trade Council " + hostId);
        type("f-contacts-0-name", "Ana Ruiz");
        type("f-contacts-0-email", "ana.ruiz@baytrade.example");
        type("f-contacts-0-phone", "415 555");
        click(By.id("dir-contact-add"));
        type("f-contacts-1-name", "Bob Lee");
        type("f-contacts-1-email", "bob.lee@baytrade.example");
        select(By.id("f-contacts-1-language"), "en");
        click(By.id("dir-venue-add"));
        type("f-venues-0-city", "SAN_FRANCISCO");
        type("f-venues-0-name", "Bay Trade offices");
        type("f-venues-0-address", "1 Ferry Building, San Francisco, CA 94111");
        type("f-venues-0-roomCapacity", "18");
        type("f-venues-1-city", "HOUSTON");
        type("f-venues-1-name", "Houston office");
        type("f-venues-1-address", "1200 Smith St, Houston, TX 77002");
        click(By.cssSelector("#directory-form input[name='sectors'][value='FINTECH']"));
        click(By.cssSelector("#directory-form input[name='axes'][value='ECONOMIC']"));
        click(By.id("dir-save"));
        // Only the server knows the phone is not E.164; its answer lands beside the phone.
        waitForText(By.id("e-contacts-0-phone"), text -> text.contains("E.164"));
        assertThat(value("f-contacts-1-name")).isEqualTo("Bob Lee");
        type("f-contacts-0-phone", "+14155550100");
        click(By.id("dir-save"));
        waitForText(By.id("directory-status"), text -> text.equals("Bay Trade Council " + hostId
                + " quedó en el directorio."));
        By row = By.xpath("//table[@id='directory-list']//tr[th[text()='Bay Trade Council " + hostId + "']]");
        waitForText(row, text -> text.contains("HOUSTON, SAN_FRANCISCO") && text.contains("2"));

        // It takes part in the convoy in San Francisco, receiving in the host form's hours.
        time("hf-from", "10:00");
        time("hf-to", "16:00");
        click(By.id("dir-join-" + hostId + "-SAN_FRANCISCO"));
        waitForText(By.id("directory-status"), text -> text.equals("Bay Trade Council " + hostId
                + " participa en este convoy."));
        waitForText(By.id("hosts"), text -> text.contains("Bay Trade Council " + hostId) && text.contains("Bay Trade offices"));
        waitForText(row, text -> text.contains("Participa"));
        screenshot("22-console-host-directory");

        // Changed later: the form opens with what is stored, and the change keeps the contacts.
        click(By.id("dir-edit-" + hostId));
        waitForText(By.id("directory-form-title"), text -> text.equals("Editar Bay Trade Council " + hostId
                + " en el directorio"));
        assertThat(value("f-contacts-0-phone")).isEqualTo("+14155550100");
        type("f-organization", "Bay Area Trade Council " + hostId);
        click(By.id("dir-save"));
        waitForText(By.id("directory-status"), text -> text.equals("Se guardó Bay Area Trade Council " + hostId
                + " en el directorio."));

        JsonNode taking = json.readTree(get("api/scheduling/convoys/" + convoy.id() + "/hosts/" + hostId,
                organizerToken()));
        assertThat(taking.path("venue").path("roomCapacity").asInt()).isEqualTo(18);
        assertThat(taking.path("availability").findValuesAsString("startsAt"))
                .containsExactly(convoy.day("2023-03-03") + "T10:00:00-08:00");
        JsonNode listed = json.readTree(get("api/scheduling/hosts/" + hostId, organizerToken()));
        assertThat(listed.path("contacts").findValuesAsString("language")).containsExactly("es", "en");
        assertThat(listed.path("organization").asString()).isEqualTo("Bay Area Trade Council " + hostId);
    }

    @Test
    void anOrganizerReadsTheConvoysReportWithItsChartsAndDownloadsATableAsCsv() throws Exception {
        String delegateId = register("Rosa", "Ibáñez", unique("rosa") + "@morelia.gob.mx");
        String token = organizerToken();
        await().atMost(Duration.ofSeconds(60)).until(() -> delegateId.equals(
                json.readTree(get("api/scheduling/delegates/" + delegateId, token)).path("id").asString()));

        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        select(By.id("convoy-select"), convoy.id());
        click(By.id("tab-report"));
        By chart = By.id("chart-delegatesByStatus");
        wait.until(ExpectedConditions.visibilityOfElementLocated(chart));

        assertThat((Boolean) browser.executeScript("""
                const canvas = document.getElementById('chart-delegatesByStatus');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                return canvas.width > 0 && pixels.some((value, i) => i % 4 === 3 && value !== 0);""")).as("a chart drawn")
                .isTrue();
        assertThat(text(By.cssSelector("#report-delegatesByState table"))).contains("Jalisco");
        assertThat(text(By.cssSelector("#report-attendance"))).contains("Aún no hay registros de llegada");
        assertThat(text(By.cssSelector("#report-noticesByChannel table"))).contains("Correo electrónico");
        String csvPath = browser.findElement(By.cssSelector("#report-delegatesByState button.csv"))
                .getDomAttribute("data-csv");
        HttpResponse<String> csv = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + csvPath.substring(1)))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains(convoy.id() + "-delegatesByState.csv"));
        assertThat(csv.body()).startsWith("\uFEFFstate,delegates,approved\r\n").contains("MX-JAL,");
        click(By.cssSelector("#report-delegatesByState button.csv"));
        screenshot("23-console-report");
    }

    @Test
    void registeringAnEmailTwiceSaysSoBesideTheEmailAndSendsANewLinkOnRequest() throws Exception {
        String email = unique("carmen") + "@tepic.gob.mx";
        register("Carmen", "Luna", email);
        personalLink(email);

        open("registration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        fillLead("Carmen", "Luna", email);
        click(By.id("f-privacyConsent"));
        click(By.id("submit"));

        wait.until(driver -> !error("e-email").isEmpty());
        assertThat(error("e-email")).startsWith("Este correo ya está registrado en el convoy.");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-email")));
        String prefilled = wait.until(driver -> driver.findElement(By.id("link-email")).getDomProperty("value"));
        assertThat(prefilled).isEqualTo(email);
        click(By.cssSelector("#link-form button[type='submit']"));
        wait.until(driver -> driver.findElement(By.id("link-status")).getText().startsWith("Si el correo está registrado"));
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to"))).count() >= 2);
    }

    @Test
    void aDelegateChangesTheirDetailsAndWithdrawsThroughTheirPersonalLink() throws Exception {
        String email = unique("elena") + "@morelia.gob.mx";
        register("Elena", "Ruiz", email);
        String link = personalLink(email);

        open("registration#code=" + link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-form")));
        assertThat(text(By.id("self-status"))).isEqualTo("En revisión");
        // The agenda is asked for once the page shows the registration: it arrives a moment later.
        waitForText(By.id("agenda"), text -> !text.isEmpty());
        type("f-municipality", "Morelia");
        type("f-phone", "33 1234 5678");
        click(By.id("save"));
        wait.until(driver -> driver.findElement(By.id("edit-status")).getText().equals("Cambios guardados."));
        assertThat(text(By.id("self-summary"))).contains("Morelia, Jalisco");

        click(By.id("withdraw"));
        assertThat(text(By.id("withdraw-confirm"))).startsWith("¿Seguro que desea retirar");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("withdraw-no");
        click(By.id("withdraw-yes"));

        wait.until(driver -> driver.findElement(By.id("self-status")).getText().equals("Retirado"));
        assertThat(text(By.id("page-status"))).startsWith("Su registro fue retirado");
        assertThat(browser.findElement(By.id("edit-panel")).isDisplayed()).isFalse();
        screenshot("13-delegate-withdrawn");
    }

    @Test
    void aPersonalLinkOpensOnceAndOpenedAgainAsksForANewOne() throws Exception {
        String email = unique("irene") + "@colima.gob.mx";
        register("Irene", "Soto", email);
        String code = personalLink(email);

        open("registration#code=" + code);
        waitForText(By.id("self-status"), text -> text.equals("En revisión"));
        browser.navigate().refresh();
        waitForText(By.id("self-status"), text -> text.equals("En revisión"));

        browser.executeScript("sessionStorage.clear();");
        open("registration#code=" + code);
        waitForText(By.id("page-status"), text -> text.startsWith("Este enlace ya se usó"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-email")));
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
    }

    @Test
    void aDelegateWhoRegisteredInEnglishReadsHerPageInEnglishOnANewDevice() throws Exception {
        String email = unique("grace") + "@guadalajara.gob.mx";
        register("Grace", "Miller", email, "en");
        String link = personalLink(email);

        open("registration#code=" + link);

        waitForText(By.id("self-status"), text -> text.equals("Under review"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(text(By.id("lang-toggle"))).isEqualTo("Español");
        click(By.id("lang-toggle"));
        waitForText(By.id("self-status"), text -> text.equals("En revisión"));
        browser.navigate().refresh();
        waitForText(By.id("self-status"), text -> text.equals("En revisión"));
    }

    @Test
    void aDelegateTurnsOffRoutineEmailFromTheLinkAtTheFootOfHerEmail() throws Exception {
        String email = unique("sofia") + "@puebla.gob.mx";
        register("Sofía", "Castro", email);
        String token = mailed(email, PREFERENCES);

        open("preferences#token=" + token);
        By routineEmail = By.id("pref-EMAIL");
        wait.until(ExpectedConditions.visibilityOfElementLocated(routineEmail));
        assertThat(isSelected(routineEmail)).isTrue();
        click(routineEmail);
        click(By.id("pref-save"));

        wait.until(driver -> driver.findElement(By.id("pref-status")).getText().equals("Preferencias guardadas."));
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        assertThat(json.readTree(send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "api/notifications/preferences/" + token)).GET()).body()).path("optOuts").toString())
                .isEqualTo("[\"EMAIL\"]");
        screenshot("15-notice-preferences");
    }

    @Test
    void anAdministratorManagesAnOrganizersAccountAndTheOrganizerChangesHerPassword() {
        String name = unique("marta").toLowerCase(java.util.Locale.ROOT);
        By row = By.cssSelector("tr[data-username='" + name + "']");
        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        click(By.id("tab-accounts"));

        type("new-username", name);
        type("new-user-password", "marta-first-password");
        click(By.id("create-user"));
        waitForText(By.id("accounts-status"), text -> text.equals("Cuenta de " + name + " creada."));
        type("convoys-" + name, "Texas-2027, california-2023");
        click(By.cssSelector("tr[data-username='" + name + "'] form button"));
        waitForText(By.id("accounts-status"), text -> text.startsWith(name + " ahora ve solo: texas-2027, california-2023"));
        wait.until(driver -> "california-2023, texas-2027".equals(
                driver.findElement(By.id("convoys-" + name)).getDomProperty("value")));
        click(By.cssSelector("tr[data-username='" + name + "'] button[aria-label='Deshabilitar a " + name + "']"));
        waitForText(row, text -> text.contains("Deshabilitada"));
        click(By.cssSelector("tr[data-username='" + name + "'] button[aria-label='Habilitar a " + name + "']"));
        waitForText(row, text -> text.contains("Habilitada"));
        screenshot("16-console-accounts");
        click(By.id("logout"));

        logIntoConsole(name, "marta-first-password");
        click(By.id("tab-accounts"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        assertThat(browser.findElements(By.id("accounts"))).as("organizers see only their own password").isEmpty();
        type("current-password", "not-my-password-at-all");
        type("new-password", "marta-second-password");
        type("repeat-password", "marta-second-password");
        click(By.id("change-password"));
        waitForText(By.id("password-error"), text -> text.equals("La contraseña actual no es correcta."));
        type("current-password", "marta-first-password");
        click(By.id("change-password"));
        waitForText(By.id("accounts-status"), text -> text.equals("Contraseña cambiada. Sus demás sesiones se cerraron."));
        click(By.id("tab-dashboard"));
        waitForText(By.id("count-total"), text -> !text.isEmpty());
        assertThat(browser.findElement(By.id("app-view")).isDisplayed()).as("still logged in, with a new token").isTrue();
        click(By.id("logout"));

        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        click(By.id("tab-accounts"));
        click(By.cssSelector("tr[data-username='" + name + "'] button[aria-label='Quitar la cuenta de " + name + "']"));
        waitForText(row, text -> text.contains("¿Quitar la cuenta de " + name + "?"));
        click(By.xpath("//tr[@data-username='" + name + "']//button[text()='Sí, quitarla']"));
        waitForText(By.id("accounts-status"), text -> text.equals("Se quitó la cuenta de " + name + "."));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    }

    @Test
    void anOrganizerSeesWhatWaitsInEachServiceAndReplaysADeadLetterOfNotifications() throws Exception {
        String meetingId = UUID.randomUUID().toString();
        String token = organizerToken();
        // A meeting event nobody can read: notification, its only reader, puts it among its dead letters at once.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.MEETINGS, meetingId, "{not json");
            poison.headers().add(EventHeaders.EVENT_TYPE, "MeetingConfirmed".getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        String letterId = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(meetingId, token),
                id -> id != null);

        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        click(By.id("tab-system"));
        for (String service : List.of("registration-service", "scheduling-service", "notification-service")) {
            waitForText(By.cssSelector("li[data-service='" + service + "'] .backlog"), text -> text.equals("Ninguno."));
        }
        waitForText(By.cssSelector("li[data-service='notification-service'] .dead-letters"),
                text -> text.matches("\\d+ por reenviar \\(abajo\\)\\."));
        By row = By.cssSelector("#dead-letters tr[data-dead-letter-id='" + letterId + "']");
        waitForText(row, text -> text.contains("MeetingConfirmed") && text.contains(Topics.MEETINGS)
                && text.contains(meetingId));
        screenshot("17-console-system");

        click(By.cssSelector("#dead-letters tr[data-dead-letter-id='" + letterId + "'] button"));
        waitForText(By.id("system-status"), text -> text.equals("Evento enviado de nuevo a su tema."));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(json.readTree(get("api/notifications/dead-letters?limit=1000", token)).valueStream()
                .filter(letter -> letter.path("id").asString().equals(letterId)).findFirst().orElseThrow()
                .path("status").asString()).isEqualTo("REPLAYED");
        // Back on its topic and still unreadable, the event is a dead letter again: the replay reached Kafka.
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(meetingId, token), id -> id != null
                && !id.equals(letterId));
    }

    /** The id of the waiting dead letter of notification with this key, or null. */
    private String deadLetterOf(String key, String token) throws Exception {
        return json.readTree(get("api/notifications/dead-letters?status=DEAD&limit=1000", token)).valueStream()
                .filter(letter -> key.equals(letter.path("key").asString())).map(letter -> letter.path("id").asString())
                .findFirst().orElse(null);
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

    /**
     * The week on the road, on the platform's clock: an organizer confirms a meeting with a host that has a contact;
     * the contact and the delegate (who chose texts too) get their invitations; the clock moves to a day before (one
     * reminder email each) and to two hours before (one text to the delegate); the host's desk, on a phone with the
     * contact's session, checks her in with the short code of her email; after the meeting her survey arrives and she
     * answers it; the convoy's report shows her arrival and her score for the host. The clock is back at now after.
     */
    @Test
    void theWeekOnTheRoadFromTheConfirmationToTheReportOnThePlatformsClock() throws Exception {
        String token = organizerToken();
        ConvoyCopy week = ConvoyCopy.openCopyOfCaliforniaFromToday(platform.gatewayUrl(), token, "week-web");
        // The third day (11:00 in Los Angeles) is more than a day ahead whatever the time now: no reminder is due yet.
        LocalDate day = week.day("2023-03-01");
        Instant startsAt = day.atTime(11, 0).atZone(PACIFIC).toInstant();
        String contactEmail = unique("lucia") + "@cinelandia.example";
        String hostId = hostWithAContactTakingPart(week, day, contactEmail, token);
        String email = unique("paula") + "@tlaquepaque.gob.mx";
        String phone = "+5233" + (10_000_000 + Math.floorMod(email.hashCode(), 90_000_000));
        String delegateId = register(week.id(), "Paula", "Méndez Ríos", email, "es", phone);
        assertThat(send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/registrations/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\": \"" + personalLink(email) + "\"}"))).statusCode())
                .as("her personal link opened, which confirms her number").isEqualTo(201);
        approve(delegateId, token);

        logIntoConsole(PlatformConfig.DEVELOPMENT_ADMIN_USERNAME, PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD);
        select(By.id("convoy-select"), week.id());
        confirmMeeting(day, hostId, "11:00", delegateId);
        String meetingId = wait.until(driver -> driver.findElement(By.cssSelector(
                "article.meeting-card[data-status='CONFIRMED'] a.check-in")).getDomAttribute("href"))
                .replaceFirst(".*meeting=([0-9a-f-]+).*", "$1");
        String code = mailed(email, CHECK_IN_CODE);
        await().atMost(Duration.ofSeconds(60)).until(() -> !mails(contactEmail,
                "Convoy: una delegación visita Estudios Cinelandia el ").isEmpty());
        assertThat(mails(email, REMINDER)).as("no reminder before the clock moves").isEmpty();
        String hostLink = hostLink(hostId, contactEmail, token);

        try {
            clockAt(startsAt.minus(Duration.ofHours(24)).plusSeconds(60), week.id(), token);
            await().atMost(Duration.ofSeconds(60)).until(() -> mails(email, REMINDER).size() == 1
                    && mails(contactEmail, REMINDER).size() == 1);
            assertThat(mails(email, REMINDER).get(0).get("text")).contains("Estudios Cinelandia", "de 11:00 a 12:00",
                    "5555 Melrose Ave");

            clockAt(startsAt.minus(Duration.ofHours(2)).plusSeconds(60), week.id(), token);
            await().atMost(Duration.ofSeconds(60)).until(() -> remindersTexted(phone, token) == 1);

            // The host's desk: the contact opens her page and, from the visit, its check-in on a phone.
            browser.manage().window().setSize(new Dimension(390, 844));
            open("host#code=" + hostLink);
            waitForText(By.id("host-visits"), text -> text.contains("Paula Méndez Ríos"));
            click(By.cssSelector("article.meeting-card[data-meeting-id='" + meetingId + "'] a.check-in"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chk-code")));
            waitForText(By.id("chk-meeting"), text -> text.startsWith("Estudios Cinelandia") && text.contains("11:00"));
            type("chk-code", code.toLowerCase(Locale.ROOT).replace('-', ' '));
            click(By.id("chk-submit"));
            waitForText(By.id("chk-status"), text -> text.startsWith("Llegada registrada: Paula Méndez Ríos, Guadalajara"));
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
            screenshot("23-checkin-phone", 390);

            clockAt(startsAt.plus(Duration.ofHours(1)).plusSeconds(60), week.id(), token);
            open("survey#pass=" + mailed(email, SURVEY));
            click(By.cssSelector("input[name='rating'][value='4']"));
            click(By.cssSelector("input[name='followUp'][value='true']"));
            type("srv-comment", "Buena reunión; queremos visitar sus oficinas.");
            click(By.id("srv-submit"));
            waitForText(By.id("srv-status"), text -> text.equals("Gracias: su respuesta quedó guardada (versión 1)."));
            assertThat(browser.getCurrentUrl()).doesNotContain("pass=");
            screenshot("24-survey-phone", 390);
            assertThat(mails(email, REMINDER)).as("one reminder email, however often the reminders ran").hasSize(1);
            assertThat(mails(contactEmail, REMINDER)).hasSize(1);
            assertThat(remindersTexted(phone, token)).isEqualTo(1);

            browser.manage().window().setSize(new Dimension(1280, 900));
            open("console");
            select(By.id("convoy-select"), week.id());
            click(By.id("tab-report"));
            Map<String, String> attendance = reportRow("attendance", meetingId);
            assertThat(attendance).containsEntry("Anfitrión", "Estudios Cinelandia").containsEntry("Llegaron", "1")
                    .containsEntry("No llegaron", "0");
            assertThat(reportRow("surveyByHost", hostId)).containsEntry("Respuestas", "1")
                    .containsEntry("Calificación media", "4");
            screenshot("25-console-report-week");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
            moveClock(Duration.ZERO, convoy.id(), token);
        }
    }

    /** A host of the directory with one contact, taking part in the convoy in Los Angeles on the day, 8:00 to 20:00. */
    private String hostWithAContactTakingPart(ConvoyCopy week, LocalDate day, String contactEmail, String token)
            throws Exception {
        String hostId = "cinelandia";
        HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/scheduling/hosts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"hostId": "%s", "organization": "Estudios Cinelandia",
                         "contacts": [{"name": "Lucía Pérez", "email": "%s", "language": "es"}],
                         "venues": [{"city": "LOS_ANGELES", "name": "Foro Cinelandia",
                                     "address": "5555 Melrose Ave, Los Angeles, CA 90038", "roomCapacity": 12}],
                         "sectors": ["AGRIBUSINESS"], "axes": ["ECONOMIC"]}""".formatted(hostId, contactEmail))));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> takesPart = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                        + "api/scheduling/convoys/" + week.id() + "/hosts/" + hostId + "/participation"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"city": "LOS_ANGELES", "availability": [{"startsAt": "%s", "endsAt": "%s"}]}""".formatted(
                        week.at("2023-03-01T08:00"), week.at("2023-03-01T20:00")))));
        assertThat(takesPart.statusCode()).as(takesPart.body()).isBetween(200, 201);
        return hostId;
    }

    /** An organizer sends the host's (first) contact her personal link; the one-time code of its email. */
    private String hostLink(String hostId, String contactEmail, String token) throws Exception {
        String contactId = json.readTree(get("api/scheduling/hosts/" + hostId, token)).path("contacts").get(0)
                .path("id").asString();
        HttpResponse<String> sent = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/scheduling/hosts/"
                + hostId + "/contacts/" + contactId + "/link")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        return URLDecoder.decode(mailed(contactEmail, HOST_LINK), StandardCharsets.UTF_8);
    }

    /** The emails to this address whose subject starts so. */
    private List<Map<String, String>> mails(String email, String subject) {
        return platform.mail().messages().stream().filter(mail -> email.equals(mail.get("to"))
                && mail.getOrDefault("subject", "").startsWith(subject)).toList();
    }

    /** How many meeting reminders the local texts hold for this number. */
    private long remindersTexted(String phone, String token) throws Exception {
        return json.readTree(get("api/notifications/local-sms", token)).valueStream()
                .filter(text -> phone.equals(text.path("to").asString())
                        && text.path("text").asString().contains(", recordatorio: ")).count();
    }

    /** Moves the services' clock so that it reads this instant now. */
    private void clockAt(Instant target, String convoyId, String token) throws Exception {
        moveClock(Duration.between(Instant.now(), target), convoyId, token);
    }

    /**
     * Writes the offset into the platform's clock file and waits until scheduling and notification both live at it
     * (the time each names its report as made at).
     */
    private void moveClock(Duration offset, String convoyId, String token) throws Exception {
        Files.writeString(dataDir.resolve("clock"), offset + "\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (String report : List.of("api/scheduling/convoys/" + convoyId + "/report",
                    "api/notifications/report?convoyId=" + convoyId)) {
                Instant told = Instant.parse(json.readTree(get(report, token)).path("generatedAt").asString());
                if (Duration.between(Instant.now().plus(offset), told).abs().compareTo(Duration.ofSeconds(10)) > 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A row of a table of the console's report, found by its first cell, as the page shows it: heading → cell. */
    private Map<String, String> reportRow(String table, String firstCell) {
        return wait.until(driver -> {
            Object found = browser.executeScript("""
                    const block = document.getElementById('report-' + arguments[0]);
                    const row = block && [...block.querySelectorAll('tbody tr')]
                        .find((tr) => tr.cells[0].textContent === arguments[1]);
                    return row ? Object.fromEntries([...block.querySelectorAll('thead th')]
                        .map((th, i) => [th.textContent, row.cells[i].textContent])) : null;""", table, firstCell);
            @SuppressWarnings("unchecked")
            Map<String, String> row = (Map<String, String>) found;
            return row;
        });
    }

    // ---------------------------------------------------------------- the browser

    private void open(String path) {
        browser.get(platform.gatewayUrl() + path);
    }

    private void logIntoConsole(String username, String password) {
        open("console");
        // The form shows once the page's modules have run (the console has several to fetch first).
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        type("username", username);
        type("password", password);
        click(By.id("login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app-view")));
    }

    private void type(String id, String text) {
        wait.until(driver -> {
            WebElement input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
            return true;
        });
    }

    /** Clicks the element the locator finds now, finding it again if the page replaced it meanwhile. */
    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator));
        wait.until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    private void select(By locator, String value) {
        wait.until(driver -> {
            new Select(driver.findElement(locator)).selectByValue(value);
            return true;
        });
    }

    /** The element's text as the page shows it now. */
    private String text(By locator) {
        return wait.until(driver -> driver.findElement(locator).getText());
    }

    /** Whether the box is ticked now (a wait on a Boolean would wait for true, so the answer travels boxed). */
    private boolean isSelected(By locator) {
        return wait.until(driver -> Optional.of(driver.findElement(locator).isSelected())).get();
    }

    /** Waits until the element's text (read afresh each time) satisfies the condition. */
    private void waitForText(By locator, Predicate<String> condition) {
        wait.until(driver -> condition.test(driver.findElement(locator).getText()));
    }

    /** In the planner, on a day of the chosen convoy: drafts a meeting of one delegate with a host, and confirms it. */
    private void confirmMeeting(LocalDate day, String hostId, String start, String delegateId) {
        click(By.id("tab-planner"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-form")));
        select(By.id("day"), day.toString());
        By attendee = By.cssSelector("#m-cohort input[value='" + delegateId + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(attendee));
        select(By.id("m-host"), hostId);
        time("m-start", start);
        click(attendee);
        click(By.id("m-draft"));
        waitForText(By.cssSelector("article.meeting-card[data-status='DRAFT']"), text -> text.contains("Sin conflictos"));
        click(By.cssSelector("article.meeting-card[data-status='DRAFT'] button.confirm-meeting"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.meeting-card[data-status='CONFIRMED']")));
    }

    /** A button of the planner's meeting card in the given state, by its label. */
    private static By inCard(String status, String button) {
        return By.xpath("//article[contains(@class,'meeting-card') and @data-status='" + status + "']//button[text()='"
                + button + "']");
    }

    /** Time inputs take keystrokes in the browser's locale; setting the value is what a picker does. */
    private void time(String id, String value) {
        browser.executeScript("const input = document.getElementById(arguments[0]);"
                + "input.value = arguments[1]; input.dispatchEvent(new Event('change'));", id, value);
    }

    /** Sets a field as a person would leave it (date and time pickers included), and tells the page it changed. */
    private void setValue(String id, String value) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        browser.executeScript("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('input')); input.dispatchEvent(new Event('change'));", id, value);
    }

    private String value(String id) {
        return wait.until(driver -> driver.findElement(By.id(id)).getDomProperty("value"));
    }

    private String label(String inputId) {
        return text(By.cssSelector("label[for='" + inputId + "']"));
    }

    private String error(String id) {
        return wait.until(driver -> {
            WebElement error = driver.findElement(By.id(id));
            return error.isDisplayed() ? error.getText().replaceFirst("^⚠ ", "") : "";
        });
    }

    private void fillLead(String givenName, String familyName, String email) {
        click(By.id("convoy-" + convoy.id()));
        type("f-givenName", givenName);
        type("f-familyName", familyName);
        type("f-email", email);
        select(By.id("f-role"), "MAYOR");
        select(By.id("f-state"), "MX-JAL");
        type("f-municipality", "Zapopan");
        type("f-organization", "Gobierno Municipal de Zapopan");
        type("f-position", "Presidenta Municipal");
        click(By.cssSelector("input[name='sectors'][value='CINEMATOGRAPHY']"));
        click(By.cssSelector("input[name='axes'][value='ECONOMIC']"));
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
        return register(givenName, familyName, email, "es");
    }

    private String register(String givenName, String familyName, String email, String language) throws Exception {
        return register(convoy.id(), givenName, familyName, email, language);
    }

    private String register(String convoyId, String givenName, String familyName, String email, String language)
            throws Exception {
        return register(convoyId, givenName, familyName, email, language, null);
    }

    /** With a mobile number, texts are among her channels too. */
    private String register(String convoyId, String givenName, String familyName, String email, String language,
            String phone) throws Exception {
        String body = """
                {"convoyId":"%s","givenName":"%s","familyName":"%s","email":"%s",
                 "preferredLanguage":"%s","role":"MAYOR","state":"MX-JAL","municipality":"Guadalajara",
                 "organization":"Gobierno de Guadalajara","sectors":["AGRIBUSINESS","FINTECH"],"axes":["ECONOMIC"],
                 %s"privacyConsent":true}""".formatted(convoyId, givenName, familyName, email, language,
                phone == null ? "\"channels\":[\"EMAIL\"]," : "\"channels\":[\"EMAIL\",\"SMS\"],\"phone\":\"" + phone + "\",");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asString();
    }

    /** An organizer approves the delegate; scheduling knows her as approved. */
    private void approve(String delegateId, String token) throws Exception {
        send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/registrations/approvals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"delegateIds\": [\"" + delegateId + "\"]}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(
                json.readTree(get("api/scheduling/delegates/" + delegateId, token)).path("status").asString()));
    }

    /** What the pattern's first group finds in an email to this address, once one arrives. */
    private String mailed(String email, Pattern pattern) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to")))
                .map(mail -> pattern.matcher(mail.getOrDefault("text", "")))
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst().orElse(null), found -> found != null);
    }

    /** The one-time code of the personal link in the delegate's welcome email. */
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
