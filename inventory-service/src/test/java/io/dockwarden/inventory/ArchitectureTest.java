package io.dockwarden.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.dockwarden.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** What the inventory decides stays plain Java: unit-tested in milliseconds, adapters around it stay thin. */
    @ArchTest
    static final ArchRule trackingIsPlainJava = noClasses().that().resideInAPackage("..inventory.tracking..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.github.dockerjava..", "io.minio..", "io.dockwarden.stream..", "io.dockwarden.snapshots..",
                    "io.micrometer..");

    @ArchTest
    static final ArchRule engineAdapterKnowsNothingOfKafkaOrSpring = noClasses().that()
            .resideInAPackage("..inventory.engine..").should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.dockwarden.stream..");

    @ArchTest
    static final ArchRule publishingKnowsNothingOfTheEngine = noClasses().that()
            .resideInAPackage("..inventory.publishing..").should().dependOnClassesThat()
            .resideInAnyPackage("com.github.dockerjava..", "..inventory.engine..");
}
