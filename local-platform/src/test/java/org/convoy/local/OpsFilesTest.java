package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What compose gives Prometheus and Grafana, checked without Docker: the Prometheus configurations and alert rules as
 * promtool reads them, each alert firing on a synthetic series and quiet on a healthy one (alerts-test.yml), and the
 * dashboards as Grafana needs them, querying only metric names the services are tested to export
 * (ops/prometheus/metric-names.txt). The promtool checks are skipped where promtool is not installed.
 */
class OpsFilesTest {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Path PROMETHEUS = HOME.resolve("ops/prometheus");
    private static final Path DASHBOARDS = HOME.resolve("ops/grafana/dashboards");
    private static final List<String> CONCERNS = List.of("journeys", "event-backbone", "notifications", "gateway", "jvm");
    /** A word of PromQL that is not called like a function (once labels, ranges and strings are taken out). */
    private static final Pattern NAME = Pattern.compile("(?<![a-zA-Z0-9_:.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "and", "or", "unless", "on", "ignoring",
            "group_left", "group_right", "le", "offset", "bool");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void prometheusConfigurationsAreValid() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(promtool("check", "config", "prometheus-cluster.yml")).contains("SUCCESS");
    }

    @Test
    void alertRulesAreValidAndEachFiresOnTroubleOnly() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 4 rules found");
        assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertHasATestAndASummary() {
        List<Map<String, Object>> rules = rules();
        String tests = read(PROMETHEUS.resolve("alerts-test.yml"));

        assertThat(rules).extracting(rule -> rule.get("alert")).containsExactlyInAnyOrder("OutboxEventStuck",
                "DeadLettersGrowing", "NoticeFailureRateHigh", "ConsumerLagGrowing");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(tests).contains("alertname: " + rule.get("alert"));
            assertThat(rule.get("annotations").toString()).contains("summary=", "description=");
        });
    }

    @Test
    void theRulesUseOnlyExportedMetricNames() {
        Set<String> used = new TreeSet<>();
        rules().forEach(rule -> used.addAll(metricNames(rule.get("expr").toString())));

        assertThat(used).isNotEmpty().isSubsetOf(exported());
    }

    @Test
    void thereIsOneDashboardPerConcernWithWhatGrafanaNeeds() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(DASHBOARDS)) {
            files = listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(CONCERNS.stream().map(name -> name + ".json").toList());

        Set<String> uids = new TreeSet<>();
        for (String file : files) {
            JsonNode dashboard = JSON.readTree(DASHBOARDS.resolve(file).toFile());
            assertThat(dashboard.path("title").asString()).as(file).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asString())).as("%s has a uid of its own", file).isTrue();
            assertThat(dashboard.path("panels").isArray() && !dashboard.path("panels").isEmpty()).as(file).isTrue();
            for (JsonNode panel : dashboard.path("panels")) {
                String where = file + ": " + panel.path("title").asString();
                assertThat(panel.path("title").asString()).as(where).isNotBlank();
                assertThat(panel.path("type").asString()).as(where).isNotBlank();
                assertThat(panel.path("gridPos").has("w") && panel.path("gridPos").has("h")).as(where).isTrue();
                assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo("convoy-prometheus");
                assertThat(panel.path("targets").isEmpty()).as(where).isFalse();
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString();
                    assertThat(expr).as(where).isNotBlank();
                    assertThat(metricNames(expr)).as("%s queries %s", where, expr).isNotEmpty()
                            .isSubsetOf(exported());
                }
            }
        }
    }

    @Test
    void grafanaIsGivenThePrometheusDataSourceAndTheDashboards() {
        Map<String, Object> datasources = new Yaml().load(read(HOME.resolve(
                "ops/grafana/provisioning/datasources/prometheus.yml")));
        Map<String, Object> providers = new Yaml().load(read(HOME.resolve(
                "ops/grafana/provisioning/dashboards/convoy.yml")));

        assertThat(datasources.get("datasources").toString()).contains("uid=convoy-prometheus", "type=prometheus",
                "url=http://prometheus:9090");
        assertThat(providers.get("providers").toString()).contains("path=/var/lib/grafana/dashboards");
    }

    @Test
    void theNameFinderSeesMetricsNotFunctions() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le, channel) (rate(a_bucket{x=\"y\"}[10m])))"
                + " / max by (application) (b_total) > 60 and up"))
                .containsExactlyInAnyOrder("a_bucket", "b_total", "up");
    }

    static Set<String> metricNames(String expr) {
        String withoutLabels = expr.replaceAll("\"[^\"]*\"", " ").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(withoutLabels);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PROMQL_WORDS.contains(name) && !name.matches("\\d.*")) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> exported() {
        return read(PROMETHEUS.resolve("metric-names.txt")).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        Map<String, Object> file = new Yaml().load(read(PROMETHEUS.resolve("alerts.yml")));
        return ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs promtool in ops/prometheus; returns what it printed, failing on a non-zero exit. */
    private static String promtool(String... args) throws IOException, InterruptedException {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), "promtool is not installed (Debian: apt-get install prometheus)");
        List<String> command = new ArrayList<>(List.of(found.get().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
