package io.dockwarden.snapshots;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.dockwarden.snapshots", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule mappingIsPlainJava = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.apache.kafka..", "io.minio..", "io.dockwarden.stream..");
}
