package io.dockwarden.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (alerts, routing, grouping, silences, delivery, digests, secrets) stays plain Java. */
@AnalyzeClasses(packages = "io.dockwarden.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAnyPackage("io.dockwarden.notification.alerts", "io.dockwarden.notification.routing",
                    "io.dockwarden.notification.grouping", "io.dockwarden.notification.silences",
                    "io.dockwarden.notification.delivery", "io.dockwarden.notification.digests",
                    "io.dockwarden.notification.secrets", "io.dockwarden.notification.templates")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.github.dockerjava..", "io.minio..", "jakarta.mail..");
}
