package org.convoy.support.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps: domain code knows neither the web layer nor messaging, only the web layer knows
 * controllers and request types, and no package depends on itself through others (features and their layers form
 * no cycle, so each can be read, tested and changed from the ones below it). A service checks itself with
 * {@code assertThat(LayeringRules.violationsIn("org.convoy.registration")).isEmpty()}.
 */
public final class LayeringRules {

    static final ArchRule DOMAIN_KNOWS_NO_WEB_NOR_MESSAGING = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "org.springframework.web..",
                    "org.springframework.kafka..", "org.springframework.cloud.stream..", "org.apache.kafka..");

    static final ArchRule ONLY_THE_WEB_LAYER_KNOWS_CONTROLLERS_AND_REQUESTS = noClasses().that()
            .resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.convoy..web..");

    private LayeringRules() {
    }

    /** The features below the service's root (delegate, meeting, …) with all their layers: none reaches itself again. */
    static ArchRule noFeatureCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
    }

    /** Every package below the service's root on its own (a feature and its web or domain layer, say): no cycle. */
    static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").namingSlices("package $1").should().beFreeOfCycles();
    }

    /** Every breach of the rules by the production classes under {@code rootPackage}, described; empty when none. */
    public static List<String> violationsIn(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        return violationsIn(classes, rootPackage);
    }

    static List<String> violationsIn(JavaClasses classes, String rootPackage) {
        return Stream.of(DOMAIN_KNOWS_NO_WEB_NOR_MESSAGING, ONLY_THE_WEB_LAYER_KNOWS_CONTROLLERS_AND_REQUESTS,
                        noFeatureCycles(rootPackage), noPackageCycles(rootPackage))
                .flatMap(rule -> rule.allowEmptyShould(true).evaluate(classes).getFailureReport().getDetails().stream())
                .toList();
    }
}
