package io.dockwarden.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.notification.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    @Test
    void signsLikeTheSpecificationsExample() {
        String signature = StandardWebhooks.signature(List.of(new Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsOncePerSecretDuringARotation() {
        String signature = StandardWebhooks.signature(List.of(new Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                new Secret("whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=")), "msg_1", 1L, new byte[0]);

        assertThat(signature.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
    }
}
