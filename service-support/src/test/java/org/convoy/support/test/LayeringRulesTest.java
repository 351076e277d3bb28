package org.convoy.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.convoy.support.layeringfixture.Clean;
import org.convoy.support.layeringfixture.domain.Broadcaster;
import org.convoy.support.layeringfixture.domain.Meeting;
import org.convoy.support.layeringfixture.web.MeetingRequest;
import org.junit.jupiter.api.Test;

/** The layering rules catch what they are meant to, on a small made-up service. */
class LayeringRulesTest {

    @Test
    void domainCodeThatKnowsAWebRequestOrKafkaIsReported() {
        var violations = LayeringRules.violationsIn(new ClassFileImporter()
                .importClasses(Meeting.class, Broadcaster.class, MeetingRequest.class));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains(Meeting.class.getName(),
                MeetingRequest.class.getName()));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains(Broadcaster.class.getName(), "KafkaTemplate"));
    }

    @Test
    void codeThatKeepsTheLayeringHasNoViolations() {
        assertThat(LayeringRules.violationsIn(new ClassFileImporter().importClasses(MeetingRequest.class, Clean.class)))
                .isEmpty();
    }
}
