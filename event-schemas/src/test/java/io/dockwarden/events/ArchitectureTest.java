package io.dockwarden.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract is plain Java, JSON and JSON Schema: any system can use it without our frameworks or clients. */
class ArchitectureTest {

    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackagesOf(EventCatalog.class);

    @Test
    void contractDependsOnNoFrameworkKafkaDockerOrStorageClient() {
        noClasses().that().resideInAPackage("io.dockwarden.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.github.dockerjava..", "io.minio..", "software.amazon..")
                .check(CONTRACT);
    }

    @Test
    void recordsAndTheCatalogDependOnlyOnAnnotationsBesidesTheJdk() {
        noClasses().that().resideInAPackage("io.dockwarden.events..")
                .and().resideOutsideOfPackage("io.dockwarden.events.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.networknt..")
                .check(CONTRACT);
    }
}
