package org.convoy.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as plain text people may type into a name, a title or a reason. */
class TextsTest {

    @ParameterizedTest
    @ValueSource(strings = { "María Hernández Núñez", "Gobierno Municipal de Zapopan", "Ñuu Savi", "O'Brien-Smith",
            "Jürgen Groß", "محمد", "דוד", "李小龙", "👩‍💼 Delegación", "क्षत्रिय" })
    void namesOfEveryScriptArePlain(String name) {
        assertThat(Texts.isPlain(name, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mar\u0000ía", "Hernández\r\nBcc: x", "tab\there", "Org \u202egnp.exe", "\u2067Presidenta\u2069",
            "\u200e\u200fMaría", "Mar\u200bía", "\ufeffMaría", "\u200b\u200b\u2060", "   ", "\u2028", "soft\u00adhyphen",
            "lone \ud800 surrogate", "private \ue000 use" })
    void controlInvisibleAndDirectionChangingCharactersAreNot(String text) {
        assertThat(Texts.isPlain(text, false)).isFalse();
    }

    @Test
    void aReasonMayHaveSeveralLinesButStillNoHiddenCharacters() {
        assertThat(Texts.isPlain("La empresa pospuso la visita.\nNueva fecha por confirmar.", true)).isTrue();
        assertThat(Texts.isPlain("Reason\u202e", true)).isFalse();
        assertThat(Texts.isPlain("\n\t\n", true)).isFalse();
    }

    @Test
    void textIsKeptInNormalizationFormC() {
        assertThat(Texts.nfc("Mari\u0301a")).isEqualTo("Mar\u00eda");
        String composed = "Mar\u00eda";
        assertThat(Texts.nfc(composed)).as("already normal: kept as it is").isSameAs(composed);
        assertThat(Texts.nfc(null)).isNull();
    }
}
