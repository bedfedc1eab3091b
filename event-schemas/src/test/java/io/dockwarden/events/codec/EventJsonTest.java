package io.dockwarden.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.container.ContainerRemoved;
import io.dockwarden.events.finding.FindingOpened;
import io.dockwarden.events.fixtures.EventFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventJsonTest {

    @Test
    void writesInstantsAsIsoStrings() {
        JsonNode json = json(EventFixtures.sampleOf(EventCatalog.CONTAINER_DIED));

        assertThat(json.get("occurredAt").isString()).isTrue();
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-03-02T08:15:30Z");
        assertThat(json.at("/snapshot/finishedAt").asString()).isEqualTo("2026-03-02T09:15:30Z");
    }

    @Test
    void omitsAbsentOptionalFieldsRatherThanWritingNull() {
        ContainerRemoved removed = EventFixtures.minimalOf(EventCatalog.CONTAINER_REMOVED);

        String json = new String(EventJson.toJson(removed), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("null").doesNotContain("snapshot");
    }

    @Test
    void writesFieldsInRecordOrderAndSeveritiesInLowerCase() {
        FindingOpened opened = EventFixtures.sampleOf(EventCatalog.FINDING_OPENED);

        JsonNode json = json(opened);

        assertThat(List.copyOf(json.propertyNames())).startsWith("findingId", "hostId", "containerId", "containerName",
                "image", "checkId");
        assertThat(json.get("severity").asString()).isEqualTo("critical");
    }

    @Test
    void doesNotWriteDerivedAccessorsSuchAsTheSubject() {
        JsonNode json = json(EventFixtures.sampleOf(EventCatalog.CONTAINER_STARTED));

        assertThat(json.has("subject")).isFalse();
        assertThat(json.at("/snapshot/healthcheck").has("disabled")).isFalse();
    }

    private static JsonNode json(EventData data) {
        return EventJson.mapper().readTree(EventJson.toJson(data));
    }
}
