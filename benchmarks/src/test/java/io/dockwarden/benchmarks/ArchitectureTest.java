package io.dockwarden.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * How figures are computed and written stays free of the parts they are measured on, so that the arithmetic is tested
 * in milliseconds and no benchmark can bend it.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dockwarden.benchmarks");

    @Test
    void resultsDependOnNoBrokerEngineStorageOrFramework() {
        noClasses().that().resideInAPackage("io.dockwarden.benchmarks.results..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "com.github.dockerjava..",
                        "io.minio..", "org.springframework..", "org.openjdk.jmh..", "io.dockwarden.testsupport..",
                        "io.dockwarden.localstack..")
                .check(classes);
    }

    @Test
    void resultsDoNotDependOnTheBenchmarks() {
        noClasses().that().resideInAPackage("io.dockwarden.benchmarks.results..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dockwarden.benchmarks.compliance..",
                        "io.dockwarden.benchmarks.backup..", "io.dockwarden.benchmarks.notification..",
                        "io.dockwarden.benchmarks.latency..", "io.dockwarden.benchmarks.jmh..",
                        "io.dockwarden.benchmarks.footprint..", "io.dockwarden.benchmarks.stack..")
                .check(classes);
    }
}
