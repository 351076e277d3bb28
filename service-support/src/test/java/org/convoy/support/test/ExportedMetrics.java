package org.convoy.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names the dashboards and alert rules may use ({@code ops/prometheus/metric-names.txt}), and the names a
 * service's {@code /actuator/prometheus} actually serves: each service's integration test checks that the names
 * listed for it are served, so a dashboard never queries a name nothing exports.
 */
public final class ExportedMetrics {

    public static final String LIST = "ops/prometheus/metric-names.txt";

    private ExportedMetrics() {
    }

    /** The names the list gives for {@code service} (or for every service, {@code *}). */
    public static List<String> listedFor(String service) {
        try {
            return Files.readAllLines(list()).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+"))
                    .filter(fields -> fields.length > 1 && Arrays.stream(fields[1].split(","))
                            .anyMatch(name -> name.equals(service) || name.equals("*")))
                    .map(fields -> fields[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the samples in a Prometheus text scrape. */
    public static Set<String> namesIn(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }

    /**
     * The value of the sample named {@code name} whose labels include every {@code label="value"} given (as
     * {@code "group", "notification", "topic", "convoy.delegates"}); empty when the scrape has none.
     */
    public static OptionalDouble valueIn(String scrape, String name, String... labels) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.add(labels[i] + "=\"" + labels[i + 1] + "\"");
        }
        return scrape.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> wanted.stream().allMatch(label -> line.contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }

    private static Path list() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(LIST))) {
                return dir.resolve(LIST);
            }
        }
        throw new IllegalStateException(LIST + " not found above " + Path.of("").toAbsolutePath());
    }
}
