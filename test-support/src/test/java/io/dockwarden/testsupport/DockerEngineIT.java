package io.dockwarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.dockwarden.testsupport.docker.DockerEngine;
import io.dockwarden.testsupport.docker.RequiresDocker;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerEngineIT {

    private final DockerEngine engine = DockerEngine.local();

    @Test
    void runsContainersOfTheLocallyMadeImageWithoutANetwork() {
        String id = engine.createAndStart("dw-test-engine-it", create -> create.withLabels(Map.of("team", "a")));
        InspectContainerResponse inspect = engine.client().inspectContainerCmd(id).exec();
        assertThat(inspect.getState().getRunning()).isTrue();
        assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(inspect.getConfig().getLabels()).containsEntry("team", "a")
                .containsEntry(DockerEngine.TEST_LABEL, DockerEngine.RUN_ID);
    }

    @Test
    void removesWhatTestsMade() {
        engine.createContainer("dw-test-cleanup", create -> { });
        engine.createVolume("dw-test-cleanup-volume", Map.of());
        engine.removeTestResources();
        assertThat(engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerEngine.TEST_LABEL, DockerEngine.RUN_ID)).exec()).isEmpty();
        assertThat(engine.client().listVolumesCmd().withFilter("label", java.util.List.of(DockerEngine.TEST_LABEL
                + "=" + DockerEngine.RUN_ID)).exec().getVolumes()).isEmpty();
    }
}
