package org.convoy.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.convoy.support.layeringfixture.Clean;
import org.convoy.support.layeringfixture.domain.Broadcaster;
import org.convoy.support.layeringfixture.domain.Meeting;
import org.convoy.support.layeringfixture.host.Host;
import org.convoy.support.layeringfixture.meeting.Meetings;
import org.convoy.support.layeringfixture.visit.Visits;
import org.convoy.support.layeringfixture.visit.web.VisitView;
import org.convoy.support.layeringfixture.web.MeetingRequest;
import org.junit.jupiter.api.Test;

/** The layering rules catch what they are meant to, on a small made-up service. */
class LayeringRulesTest {

    private static final String FIXTURE = "org.convoy.support.layeringfixture";

    @Test
    void domainCodeThatKnowsAWebRequestOrKafkaIsReported() {
        var violations = LayeringRules.violationsIn(new ClassFileImporter()
                .importClasses(Meeting.class, Broadcaster.class, MeetingRequest.class), FIXTURE);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains(Meeting.class.getName(),
                MeetingRequest.class.getName()));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains(Broadcaster.class.getName(), "KafkaTemplate"));
    }

    @Test
    void twoFeaturesThatDependOnEachOtherAreReportedAsACycle() {
        var violations = LayeringRules.violationsIn(new ClassFileImporter()
                .importClasses(Host.class, Meetings.class), FIXTURE);

        assertThat(violations).anySatisfy(cycle -> assertThat(cycle)
                .contains("Cycle detected", "feature host", "feature meeting"));
        assertThat(violations).anySatisfy(cycle -> assertThat(cycle)
                .contains("Cycle detected", "package host", "package meeting"));
    }

    @Test
    void aLayerThatCallsBackIntoItsOwnFeatureIsReportedAsACycle() {
        var violations = LayeringRules.violationsIn(new ClassFileImporter()
                .importClasses(Visits.class, VisitView.class), FIXTURE);

        assertThat(violations).anySatisfy(cycle -> assertThat(cycle)
                .contains("Cycle detected", "package visit", "package visit.web"));
    }

    @Test
    void aDependencyOneWayIsNoCycle() {
        assertThat(LayeringRules.violationsIn(new ClassFileImporter().importClasses(Meetings.class, Clean.class),
                FIXTURE)).isEmpty();
    }

    @Test
    void codeThatKeepsTheLayeringHasNoViolations() {
        assertThat(LayeringRules.violationsIn(new ClassFileImporter().importClasses(MeetingRequest.class, Clean.class),
                FIXTURE)).isEmpty();
    }
}
