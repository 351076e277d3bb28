package org.convoy.support.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps. A service includes them with
 * {@code @ArchTest static final ArchTests layering = ArchTests.in(LayeringRules.class);}.
 */
public final class LayeringRules {

    @ArchTest
    static final ArchRule domainKnowsNoWebNorMessaging = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "org.springframework.web..",
                    "org.springframework.kafka..", "org.springframework.cloud.stream..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsControllersAndRequests = noClasses().that()
            .resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.convoy..web..");

    private LayeringRules() {
    }
}
