package io.dockwarden.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageHistoriesTest {

    @Test
    void parsesTheHistoryNewestFirst() {
        List<ImageHistoryItem> history = EngineFixtures.history("app");

        assertThat(history).hasSize(7);
        assertThat(history.get(0).createdBy()).isEqualTo("/bin/sh -c #(nop)  LABEL org.example.team=platform");
        assertThat(history.get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(1795452825));
        assertThat(history.get(6).comment()).isEqualTo("Imported from -");
        assertThat(history.get(6).sizeBytes()).isEqualTo(1984286);
    }

    @Test
    void tellsConfigurationStepsFromLayers() {
        assertThat(EngineFixtures.history("buildkit")).extracting(ImageHistoryItem::emptyLayer)
                .containsExactly(true, true, false, true, true, false, false);
    }

    @Test
    void countsARunThatChangedNothingAsALayer() {
        assertThat(new ImageHistoryItem("x", null, "|1 A=b /bin/sh -c true", 0, "").emptyLayer()).isFalse();
        assertThat(new ImageHistoryItem("x", null, "RUN /bin/sh -c true # buildkit", 0, "").emptyLayer()).isFalse();
        assertThat(new ImageHistoryItem("x", null, "/bin/sh -c #(nop) COPY file:abc in / ", 0, "").emptyLayer())
                .isFalse();
    }

    @Test
    void rejectsWhatIsNotAHistory() {
        assertThatThrownBy(() -> ImageHistories.parse("{\"message\":\"no such image\"}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a JSON array");
    }
}
