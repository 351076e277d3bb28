package org.convoy.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.convoy.support.test.LayeringRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String[] CHANNEL_ADAPTERS = { "org.convoy.notification.notice.mail..",
            "org.convoy.notification.notice.sms..", "org.convoy.notification.notice.whatsapp..",
            "org.convoy.notification.notice.phone.." };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.convoy.notification");

    @Test
    void domainKnowsNoWebNorMessagingAndOnlyTheWebLayerKnowsRequests() {
        assertThat(LayeringRules.violationsIn("org.convoy.notification")).isEmpty();
    }

    /**
     * A new channel is a new package: the dispatcher, the ledger, the retrier, preferences and every handler of events
     * know channels only through {@code NoticeChannel}, never an adapter by name.
     */
    @Test
    void nothingButTheAdaptersThemselvesKnowsAChannelAdapter() {
        noClasses().that().resideOutsideOfPackages(CHANNEL_ADAPTERS).should().dependOnClassesThat()
                .resideInAnyPackage(CHANNEL_ADAPTERS).check(classes);
    }
}
