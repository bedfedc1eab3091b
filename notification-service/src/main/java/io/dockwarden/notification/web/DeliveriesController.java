package io.dockwarden.notification.web;

import io.dockwarden.notification.delivery.DeliveryLog;
import io.dockwarden.notification.delivery.DeliveryRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log: delivered, retrying, failed and silenced, newest first. */
@RestController
class DeliveriesController {

    private static final int MAX_LIMIT = 1000;

    private final DeliveryLog deliveryLog;

    DeliveriesController(DeliveryLog deliveryLog) {
        this.deliveryLog = deliveryLog;
    }

    @GetMapping("/api/deliveries")
    List<DeliveryRecord> deliveries(@RequestParam(required = false) @Nullable String receiver,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String fingerprint,
            @RequestParam(defaultValue = "100") int limit) {
        return deliveryLog.latest(record -> (receiver == null || receiver.equals(record.receiver()))
                && (outcome == null || outcome.equals(record.outcome()))
                && (fingerprint == null || record.alertFingerprints().contains(fingerprint)),
                Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
