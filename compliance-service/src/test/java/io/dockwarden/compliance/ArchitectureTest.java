package io.dockwarden.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain logic stays plain Java: checks, rules, waivers, the lifecycle and reports know no framework or client. */
@AnalyzeClasses(packages = "io.dockwarden.compliance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"io.dockwarden.compliance.checks..",
        "io.dockwarden.compliance.definitions..", "io.dockwarden.compliance.waivers..",
        "io.dockwarden.compliance.findings", "io.dockwarden.compliance.reports"};

    @ArchTest
    static final ArchRule domainKnowsNoFrameworkOrClient = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.github.dockerjava..", "io.minio..", "okhttp3..", "io.micrometer..", "jakarta..")
            .because("domain logic is unit-tested in milliseconds and must not need a broker, S3 or an engine");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.dockwarden.compliance.findings.kafka..",
                    "io.dockwarden.compliance.reports.s3..", "io.dockwarden.compliance.web..",
                    "io.dockwarden.compliance.policy..", "io.dockwarden.stream..");
}
