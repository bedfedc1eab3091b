package io.dockwarden.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one image definition of the four services. */
class DockerfileTest {

    private final List<String> instructions = instructions(ProjectFiles.read("docker/Dockerfile"));

    @Test
    void isParameterisedByModuleAndBaseImage() {
        assertThat(instructions.get(0)).startsWith("ARG BASE_IMAGE=");
        assertThat(instructions).contains("ARG MODULE")
                .anySatisfy(line -> assertThat(line).isEqualTo("COPY ${MODULE}/target/${MODULE}.jar application.jar"));
        assertThat(instructions.stream().filter(line -> line.startsWith("FROM ")))
                .allMatch(line -> line.startsWith("FROM ${BASE_IMAGE}"));
    }

    @Test
    void runsTheLayeredJarAsTheNonRootServiceUser() {
        List<String> finalStage = finalStage();
        String user = finalStage.stream().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the final stage sets no USER"));
        assertThat(user).isEqualTo("USER " + ProjectFiles.SERVICE_USER_ID + ":" + ProjectFiles.SERVICE_USER_ID);
        assertThat(finalStage).anySatisfy(line -> assertThat(line)
                .isEqualTo("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]"));
        assertThat(finalStage).anySatisfy(line -> assertThat(line).startsWith("ENV JDK_JAVA_OPTIONS=")
                .contains("-XX:MaxRAMPercentage=", "-Djava.io.tmpdir=/tmp"));
        assertThat(finalStage).filteredOn(line -> line.startsWith("COPY --from=layers"))
                .extracting(line -> line.split(" ")[2])
                .containsExactly("/layers/extracted/dependencies/", "/layers/extracted/spring-boot-loader/",
                        "/layers/extracted/snapshot-dependencies/", "/layers/extracted/application/");
        assertThat(finalStage).noneMatch(line -> line.startsWith("RUN "));
    }

    @Test
    void theBuildContextHoldsOnlyTheServiceJars() {
        List<String> patterns = ProjectFiles.read(".dockerignore").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> expected = new ArrayList<>(List.of("**"));
        ProjectFiles.SERVICES.forEach(service -> expected.add("!" + service + "/target/" + service + ".jar"));
        assertThat(patterns).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<String> finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    /** The instructions, continuation lines joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = stripped.endsWith("\\");
            current.append(current.length() == 0 ? "" : " ")
                    .append(continues ? stripped.substring(0, stripped.length() - 1).strip() : stripped);
            if (!continues) {
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        return instructions;
    }
}
