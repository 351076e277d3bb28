package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.convoy.support.test.LayeringRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainKnowsNoWebNorMessagingAndOnlyTheWebLayerKnowsRequests() {
        assertThat(LayeringRules.violationsIn("org.convoy.registration")).isEmpty();
    }
}
