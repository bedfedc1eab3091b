package io.dockwarden.compliance.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void findingIdsAreStableVersionFiveUuids() {
        String id = Uuids.findingId("host-1", "abc", "5.13");
        assertThat(id).isEqualTo(Uuids.findingId("host-1", "abc", "5.13"));
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void differentFindingsGetDifferentIds() {
        assertThat(Uuids.findingId("host-1", "abc", "5.13")).isNotEqualTo(Uuids.findingId("host-1", "abc", "5.12"))
                .isNotEqualTo(Uuids.findingId("host-2", "abc", "5.13"))
                .isNotEqualTo(Uuids.findingId("host-1", null, "5.13"));
    }
}
