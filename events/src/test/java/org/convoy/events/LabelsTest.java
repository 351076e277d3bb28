package org.convoy.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Sectors and axes have a name people read in each language, never their code. */
class LabelsTest {

    @Test
    void everySectorAndAxisHasASpanishAndAnEnglishName() {
        for (String language : new String[] { "es", "en" }) {
            assertThat(Arrays.stream(Sector.values()).map(sector -> Labels.of(sector, language)))
                    .doesNotContainAnyElementsOf(Arrays.stream(Sector.values()).map(Sector::name).toList());
            assertThat(Arrays.stream(Axis.values()).map(axis -> Labels.of(axis, language)))
                    .doesNotContainAnyElementsOf(Arrays.stream(Axis.values()).map(Axis::name).toList());
        }
        assertThat(Labels.of(Sector.CINEMATOGRAPHY, "es")).isEqualTo("Cinematografía");
        assertThat(Labels.of(Sector.CINEMATOGRAPHY, "en")).isEqualTo("Cinematography");
        assertThat(Labels.ofCode("axis", "CREATIVE_INDUSTRIES", "es")).isEqualTo("Industrias creativas");
    }

    @Test
    void aCodeOfANewerProducerIsShownAsItIs() {
        assertThat(Labels.ofCode("sector", "SPACE", "es")).isEqualTo("SPACE");
    }
}
