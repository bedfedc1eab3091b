package io.dockwarden.benchmarks.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the fan-out: a plain {@code java.net.http.HttpClient} posting bodies that are already made and
 * signed, with as many requests in flight as the service's webhook lane allows.
 */
public final class PlainPoster {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Posts every delivery once and returns the time it took in milliseconds.
     *
     * @throws IllegalStateException if any post is not answered 2xx
     */
    public long post(String url, List<SignedWebhookReceiver.Delivery> deliveries, int concurrency) {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> {
                    for (int index = next.getAndIncrement(); index < deliveries.size();
                            index = next.getAndIncrement()) {
                        send(url, deliveries.get(index));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get(10, TimeUnit.MINUTES);
            }
            return (System.nanoTime() - started) / 1_000_000;
        } catch (Exception e) {
            throw new IllegalStateException("the plain poster failed: " + e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
    }

    private void send(String url, SignedWebhookReceiver.Delivery delivery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", delivery.timestamp())
                .header("webhook-signature", delivery.signatures())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("the receiver answered " + status);
        }
    }
}
