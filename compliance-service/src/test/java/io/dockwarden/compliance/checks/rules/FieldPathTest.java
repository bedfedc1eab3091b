package io.dockwarden.compliance.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void splitsDotsAndQuotedKeys() {
        assertThat(FieldPath.segments("labels[\"com.acme.team\"]")).containsExactly("labels", "com.acme.team");
        assertThat(FieldPath.segments("mounts[*].source")).containsExactly("mounts", "source");
        assertThat(FieldPath.segments("resources.pidsLimit")).containsExactly("resources", "pidsLimit");
    }

    @Test
    void resolvesNestedRecordsMapsAndLists() {
        ContainerSnapshot container = ContainerSnapshots.hardened();
        assertThat(FieldPath.compile("image.ref", ContainerSnapshot.class).resolve(container))
                .containsExactly("registry.example.com/shop/api:2.4.1");
        assertThat(FieldPath.compile("labels[\"com.example.team\"]", ContainerSnapshot.class).resolve(container))
                .containsExactly("shop");
        assertThat(FieldPath.compile("mounts.destination", ContainerSnapshot.class).resolve(container))
                .containsExactly("/data", "/tmp");
        assertThat(FieldPath.compile("labels.missing", ContainerSnapshot.class).resolve(container)).isEmpty();
        assertThat(FieldPath.compile("health", ContainerSnapshot.class).resolve(ContainerSnapshots.minimal()))
                .isEmpty();
    }

    @Test
    void knowsWhatThePathEndsOn() {
        assertThat(FieldPath.compile("resources.memoryBytes", ContainerSnapshot.class).kind())
                .isEqualTo(FieldPath.Kind.NUMBER);
        assertThat(FieldPath.compile("capAdd", ContainerSnapshot.class).kind()).isEqualTo(FieldPath.Kind.LIST);
        assertThat(FieldPath.compile("createdAt", ContainerSnapshot.class).kind()).isEqualTo(FieldPath.Kind.TIME);
        assertThat(FieldPath.compile("ports.hostIp", ContainerSnapshot.class).kind()).isEqualTo(FieldPath.Kind.STRING);
    }

    @Test
    void refusesWhatDoesNotExist() {
        assertThatThrownBy(() -> FieldPath.compile("name.first", ContainerSnapshot.class))
                .hasMessageContaining("'name' is a single value");
        assertThatThrownBy(() -> FieldPath.compile("env", ContainerSnapshot.class))
                .hasMessageContaining("a snapshot has no field 'env'");
        assertThatThrownBy(() -> FieldPath.compile("a..b", ContainerSnapshot.class))
                .hasMessageContaining("empty segment");
    }

    @Test
    void readsNoEnvironmentValuesBecauseSnapshotsHaveNone() {
        assertThat(FieldPath.compile("envNames", ContainerSnapshot.class).resolve(ContainerSnapshots.privileged()))
                .containsExactly(List.of("PATH", "API_TOKEN", "DB_PASSWORD"));
    }
}
