package io.dockwarden.events.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.events.EventData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A normalised alert, as the Kafka channel publishes it for other systems.
 *
 * @param fingerprint stable identity of the alert (same labels, same fingerprint)
 * @param status {@code firing} or {@code resolved}
 * @param severity critical, high, medium, low or info
 * @param title one line
 * @param summary a few lines for people
 * @param labels what the alert is about: type, host, container, image, check, volume, ...
 * @param links related URLs
 * @param sourceEventId the {@code ce_id} of the event it came from
 * @param startsAt when it started firing
 * @param endsAt when it resolved, if it did
 * @param receiver the receiver it was routed to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertPublished(String fingerprint, String status, String severity, String title, String summary,
        Map<String, String> labels, List<String> links, String sourceEventId, Instant startsAt,
        @Nullable Instant endsAt, String receiver) implements EventData {

    public AlertPublished {
        labels = Map.copyOf(labels);
        links = List.copyOf(links);
    }

    @Override
    public String subject() {
        return fingerprint;
    }
}
