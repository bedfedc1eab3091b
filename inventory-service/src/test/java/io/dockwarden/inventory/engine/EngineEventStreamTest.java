package io.dockwarden.inventory.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.dockwarden.inventory.tracking.EngineAction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngineEventStreamTest {

    private static final ObjectMapper MAPPER = DefaultDockerClientConfig.createDefaultConfigBuilder().build()
            .getObjectMapper();

    @Test
    void readsAContainerActionAsTheEngineStreamsIt() throws Exception {
        Event event = MAPPER.readValue("""
                {"status":"health_status: healthy","id":"4f1e","from":"dockwarden-test/busybox:1",
                 "Type":"container","Action":"health_status: healthy",
                 "Actor":{"ID":"4f1e","Attributes":{"image":"dockwarden-test/busybox:1","name":"web"}},
                 "scope":"local","time":1795452825,"timeNano":1795452825123456789}
                """, Event.class);

        EngineAction action = EngineEventStream.toAction(event);

        assertThat(action).isNotNull();
        assertThat(action.type()).isEqualTo("container");
        assertThat(action.verb()).isEqualTo("health_status");
        assertThat(action.detail()).isEqualTo("healthy");
        assertThat(action.actorId()).isEqualTo("4f1e");
        assertThat(action.attribute("name")).isEqualTo("web");
        assertThat(action.time()).isEqualTo(Instant.ofEpochSecond(1795452825, 123456789));
    }

    @Test
    void readsAVolumeActionByItsActor() throws Exception {
        Event event = MAPPER.readValue("""
                {"Type":"volume","Action":"mount",
                 "Actor":{"ID":"data","Attributes":{"container":"4f1e","destination":"/data","driver":"local",
                 "propagation":"","read/write":"true"}},"scope":"local","time":1795452825,
                 "timeNano":1795452825000000000}
                """, Event.class);

        EngineAction action = EngineEventStream.toAction(event);

        assertThat(action).isNotNull();
        assertThat(action.type()).isEqualTo("volume");
        assertThat(action.actorId()).isEqualTo("data");
        assertThat(action.attribute("container")).isEqualTo("4f1e");
    }
}
