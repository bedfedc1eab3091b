package io.dockwarden.benchmarks.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback that does what a careful production receiver does: verifies every request's Standard
 * Webhooks signature (401 if it does not hold), deduplicates on {@code webhook-id}, and counts the alerts each body
 * carries. It can be taken down (connections refused, on the same port when it comes back) and told to throttle with
 * {@code 429} and {@code Retry-After}, for outage drills.
 */
public final class SignedWebhookReceiver implements AutoCloseable {

    public static final String PATH = "/hook";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookSignature signature;
    private final int port;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> acceptedIds = new ConcurrentHashMap<>();
    private final AtomicLong rejectedSignatures = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong acceptedAlerts = new AtomicLong();
    private volatile int retryAfterSeconds;
    private @Nullable HttpServer server;
    private @Nullable ExecutorService executor;

    public SignedWebhookReceiver(String secret) {
        this.signature = new WebhookSignature(secret);
        this.port = start(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + PATH;
    }

    private synchronized int start(int requestedPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    requestedPort), 256);
            started.createContext(PATH, this::handle);
            executor = Executors.newFixedThreadPool(8);
            started.setExecutor(executor);
            started.start();
            server = started;
            return started.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + requestedPort, e);
        }
    }

    /** Stops listening: senders get connection refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() {
        if (server == null) {
            start(port);
        }
    }

    /** Answers every request with {@code 429} and this {@code Retry-After} (seconds) until {@link #accept()}. */
    public void throttle(int seconds) {
        retryAfterSeconds = seconds;
    }

    /** Accepts valid requests again. */
    public void accept() {
        retryAfterSeconds = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            Instant now = Instant.now();
            if (!signature.verify(id, timestamp, signatures, body, now)) {
                rejectedSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            int wait = retryAfterSeconds;
            if (wait > 0) {
                throttled.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(wait));
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            int alerts = alertsIn(body);
            if (acceptedIds.merge(id, 1, Integer::sum) == 1) {
                acceptedAlerts.addAndGet(alerts);
            }
            accepted.add(new Delivery(id, timestamp, signatures, body, alerts, System.nanoTime()));
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    /** The alerts in a webhook body: the length of {@code alerts}, or one for a digest. */
    static int alertsIn(byte[] body) {
        JsonNode tree = JSON.readTree(body);
        JsonNode alerts = tree.path("alerts");
        return alerts.isArray() ? alerts.size() : 1;
    }

    /** Every request answered 2xx, duplicates included, in arrival order. */
    public List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    /** Alerts in requests with distinct webhook ids. */
    public long acceptedAlerts() {
        return acceptedAlerts.get();
    }

    /** Distinct webhook ids answered 2xx. */
    public int distinctIds() {
        return acceptedIds.size();
    }

    /** Requests answered 2xx whose webhook id had been answered 2xx before: what the sender delivered twice. */
    public long duplicateIds() {
        return acceptedIds.values().stream().mapToLong(count -> count - 1).sum();
    }

    public long rejectedSignatures() {
        return rejectedSignatures.get();
    }

    public long throttled() {
        return throttled.get();
    }

    /** Forgets everything received (the baseline then posts to the same receiver). */
    public void reset() {
        accepted.clear();
        acceptedIds.clear();
        acceptedAlerts.set(0);
        rejectedSignatures.set(0);
        throttled.set(0);
    }

    /** What every accepted delivery's id was seen answered, for a drill's report. */
    public Map<String, Integer> idCounts() {
        return new HashMap<>(acceptedIds);
    }

    @Override
    public void close() {
        down();
    }

    /**
     * One accepted request.
     *
     * @param id webhook-id
     * @param timestamp webhook-timestamp
     * @param signatures webhook-signature
     * @param body the body
     * @param alerts alerts in it
     * @param receivedNanos when it arrived ({@link System#nanoTime()})
     */
    public record Delivery(String id, String timestamp, String signatures, byte[] body, int alerts,
            long receivedNanos) {
    }
}
