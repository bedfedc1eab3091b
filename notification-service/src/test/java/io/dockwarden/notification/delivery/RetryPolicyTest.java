package io.dockwarden.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2, 5,
            Duration.ofHours(1), Duration.ofMinutes(10));

    @Test
    void backsOffExponentiallyWithinTheJitter() {
        assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4, 0.5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(3200));
        assertThat(policy.backoff(3, 1.0)).isEqualTo(Duration.ofMillis(4800));
        assertThat(policy.backoff(30, 1.0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void retriesServerErrorsUntilTheAttemptsRunOut() {
        Outcome.Failed serverError = new Outcome.Failed("HTTP 500", true, null);

        assertThat(policy.after(1, NOW, serverError, NOW, () -> 0.5))
                .isEqualTo(new RetryPolicy.RetryAt(NOW.plusSeconds(1)));
        assertThat(policy.after(5, NOW, serverError, NOW, () -> 0.5))
                .isInstanceOfSatisfying(RetryPolicy.GiveUp.class, giveUp ->
                        assertThat(giveUp.reason()).contains("gave up after 5 attempts"));
    }

    @Test
    void honoursRetryAfterExactlyUpToItsCap() {
        assertThat(policy.after(1, NOW, new Outcome.Failed("HTTP 429", true, Duration.ofSeconds(2)), NOW, () -> 0.9))
                .isEqualTo(new RetryPolicy.RetryAt(NOW.plusSeconds(2)));
        assertThat(policy.after(1, NOW, new Outcome.Failed("HTTP 503", true, Duration.ofDays(1)), NOW, () -> 0.5))
                .isEqualTo(new RetryPolicy.RetryAt(NOW.plus(Duration.ofMinutes(10))));
    }

    @Test
    void permanentFailuresAndOldDeliveriesAreGivenUp() {
        assertThat(policy.after(1, NOW, new Outcome.Failed("HTTP 404", false, null), NOW, () -> 0.5))
                .isInstanceOf(RetryPolicy.GiveUp.class);
        assertThat(policy.after(2, NOW.minus(Duration.ofMinutes(59)).minusSeconds(59),
                new Outcome.Failed("HTTP 500", true, null), NOW, () -> 0.5))
                .isInstanceOfSatisfying(RetryPolicy.GiveUp.class, giveUp ->
                        assertThat(giveUp.reason()).contains("maximum age"));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(RetryAfter.parse("2", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void aTokenBucketAllowsTheBurstThenTheRate() {
        long[] nanos = {0};
        TokenBucket bucket = new TokenBucket(10, 2, () -> nanos[0]);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(100_000_000L);
        nanos[0] += 100_000_000L;
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void aLaneRunsNoMoreSendsAtOnceThanItsCap() throws Exception {
        try (ChannelLane lane = new ChannelLane("webhook", 2, 1000, 1000)) {
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger highest = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<java.util.concurrent.CompletableFuture<Integer>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(lane.run(() -> {
                    highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return running.decrementAndGet();
                }));
            }
            java.util.concurrent.CompletableFuture.allOf(sends.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(highest.get()).isEqualTo(2);
        }
    }
}
