package io.dockwarden.benchmarks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification. */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final WebhookSignature signature = new WebhookSignature(SPEC_SECRET);
    private final Instant then = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(signature.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void acceptsAnyMatchingSignatureOfARotation() {
        String other = new WebhookSignature(WebhookSignature.newSecret()).sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);
        assertThat(signature.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), other + " " + SPEC_SIGNATURE, SPEC_BODY,
                then)).isTrue();
    }

    @Test
    void rejectsTamperingStalenessAndMissingHeaders() {
        String timestamp = Long.toString(SPEC_TIMESTAMP);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(SPEC_ID, timestamp, SPEC_SIGNATURE, tampered, then)).isFalse();
        assertThat(signature.verify("msg_other", timestamp, SPEC_SIGNATURE, SPEC_BODY, then)).isFalse();
        assertThat(signature.verify(SPEC_ID, timestamp, SPEC_SIGNATURE, SPEC_BODY, then.plusSeconds(301)))
                .isFalse();
        assertThat(signature.verify(SPEC_ID, "yesterday", SPEC_SIGNATURE, SPEC_BODY, then)).isFalse();
        assertThat(signature.verify(SPEC_ID, timestamp, null, SPEC_BODY, then)).isFalse();
    }
}
