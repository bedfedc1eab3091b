package io.dockwarden.backup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain packages stay plain Java: no Spring, Kafka, docker-java or minio types; adapters depend on them, not back. */
@AnalyzeClasses(packages = "io.dockwarden.backup", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String[] DOMAIN = {"..backup.archive..", "..backup.crypto..", "..backup.policy..",
        "..backup.catalog..", "..backup.ports..", "..backup.backups..", "..backup.restores..",
        "..backup.verification.."};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworksAndClients = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.github.dockerjava..", "io.minio..", "okhttp3..", "io.micrometer..", "jakarta..")
            .because("domain logic is plain Java, unit-tested in milliseconds");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..backup.docker..", "..backup.s3..",
                    "..backup.commands..", "..backup.scheduling..", "..backup.api..")
            .because("adapters depend on the domain, not the other way round");
}
