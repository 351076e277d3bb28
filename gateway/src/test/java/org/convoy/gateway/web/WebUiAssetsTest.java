package org.convoy.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The web UI's files keep the promises the gateway's content policy and the users rely on: no inline script or style
 * (the policy would block them), server data never parsed as HTML, and every word in both languages.
 */
class WebUiAssetsTest {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");

    @Test
    void pagesLoadScriptsAndStylesOnlyFromFilesOfTheirOwnOrigin() throws IOException {
        for (Path page : files(".html")) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(html).as(page.toString())
                    .doesNotContain("<style")
                    .doesNotContainPattern("\\sstyle=")
                    .doesNotContainPattern("\\son[a-z]+=")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)")
                    .doesNotContain("http://", "https://");
        }
    }

    @Test
    void scriptsNeverParseTextAsHtml() throws IOException {
        for (Path script : files(".js")) {
            assertThat(Files.readString(script, StandardCharsets.UTF_8)).as(script.toString())
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                            "new Function");
        }
    }

    @Test
    void everyTextExistsInSpanishAndEnglish() throws IOException {
        String dictionary = Files.readString(STATIC.resolve("js/i18n.js"), StandardCharsets.UTF_8);
        Set<String> spanish = keys(between(dictionary, "const es = {", "\n};"));
        Set<String> english = keys(between(dictionary, "const en = {", "\n};"));

        assertThat(spanish).hasSizeGreaterThan(100).isEqualTo(english);
        Set<String> used = new TreeSet<>();
        for (Path file : Stream.concat(files(".js").stream(), files(".html").stream()).toList()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            collect(Pattern.compile("\\bt\\('([\\w.]+)'[,)]"), text, used);
            collect(Pattern.compile("<[^>]*\\sdata-i18n(?:-[a-z-]+)?=\"([\\w.]+)\""), text, used);
            collect(Pattern.compile("'data-i18n': '([\\w.]*\\w)'(?! \\+)"), text, used);
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(spanish).containsAll(used);
    }

    @Test
    void everyNoticeChannelTheFormsOfferIsNamedInBothLanguages() throws IOException {
        String dictionary = Files.readString(STATIC.resolve("js/i18n.js"), StandardCharsets.UTF_8);
        String vocabulary = Files.readString(STATIC.resolve("js/vocab.js"), StandardCharsets.UTF_8);
        Set<String> channels = new TreeSet<>();
        collect(Pattern.compile("'(\\w+)'"), between(vocabulary, "export const CHANNELS = [", "];"), channels);

        assertThat(channels).containsExactlyInAnyOrder("EMAIL", "SMS", "WHATSAPP");
        for (String channel : channels) {
            assertThat(keys(between(dictionary, "const es = {", "\n};"))).contains("channel." + channel);
            assertThat(keys(between(dictionary, "const en = {", "\n};"))).contains("channel." + channel);
        }
    }

    private static Set<String> keys(String block) {
        Set<String> keys = new TreeSet<>();
        collect(Pattern.compile("(?m)^\\s*'([\\w.-]+)':"), block, keys);
        return keys;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return text.substring(from, text.indexOf(end, from));
    }

    private static java.util.List<Path> files(String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(STATIC)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
