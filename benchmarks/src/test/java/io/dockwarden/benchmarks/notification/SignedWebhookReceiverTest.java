package io.dockwarden.benchmarks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignedWebhookReceiverTest {

    private final String secret = WebhookSignature.newSecret();
    private final SignedWebhookReceiver receiver = new SignedWebhookReceiver(secret);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void acceptsSignedRequestsOnceEachAndCountsTheirAlerts() throws Exception {
        assertThat(post("msg-1", "{\"alerts\":[{},{}]}", true).statusCode()).isEqualTo(204);
        assertThat(post("msg-1", "{\"alerts\":[{},{}]}", true).statusCode()).isEqualTo(204);
        assertThat(post("msg-2", "{\"type\":\"digest\",\"digest\":{}}", true).statusCode()).isEqualTo(204);
        assertThat(receiver.acceptedAlerts()).isEqualTo(3);
        assertThat(receiver.distinctIds()).isEqualTo(2);
        assertThat(receiver.duplicateIds()).isEqualTo(1);
    }

    @Test
    void refusesABadSignature() throws Exception {
        assertThat(post("msg-1", "{\"alerts\":[{}]}", false).statusCode()).isEqualTo(401);
        assertThat(receiver.rejectedSignatures()).isEqualTo(1);
        assertThat(receiver.acceptedAlerts()).isZero();
    }

    @Test
    void throttlesWithRetryAfterThenAcceptsAgain() throws Exception {
        receiver.throttle(7);
        HttpResponse<String> throttled = post("msg-1", "{\"alerts\":[{}]}", true);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
        receiver.accept();
        assertThat(post("msg-1", "{\"alerts\":[{}]}", true).statusCode()).isEqualTo(204);
        assertThat(receiver.throttled()).isEqualTo(1);
    }

    @Test
    void refusesConnectionsWhileDownAndComesBackOnTheSamePort() throws Exception {
        receiver.down();
        assertThatThrownBy(() -> post("msg-1", "{\"alerts\":[{}]}", true)).isInstanceOf(IOException.class);
        receiver.up();
        assertThat(post("msg-1", "{\"alerts\":[{}]}", true).statusCode()).isEqualTo(204);
    }

    @Test
    void thePlainPosterReplaysAcceptedDeliveriesAsTheyWere() throws Exception {
        for (int i = 0; i < 20; i++) {
            post("msg-" + i, "{\"alerts\":[{}]}", true);
        }
        var deliveries = receiver.accepted();
        receiver.reset();
        long millis = new PlainPoster().post(receiver.url(), deliveries, 4);
        assertThat(millis).isNotNegative();
        assertThat(receiver.acceptedAlerts()).isEqualTo(20);
        assertThat(receiver.duplicateIds()).isZero();
    }

    private HttpResponse<String> post(String id, String body, boolean signed) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = signed ? new WebhookSignature(secret).sign(id, timestamp, bytes)
                : new WebhookSignature(WebhookSignature.newSecret()).sign(id, timestamp, bytes);
        return http.send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
