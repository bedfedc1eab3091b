package io.dockwarden.testsupport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on 127.0.0.1 that verifies the Standard Webhooks signature of every request on the paths it
 * knows secrets for (and answers 401 to a bad one), answers with scripted statuses, and records everything. Its
 * verification is written independently of the service's signer, so a signing bug or a wrong secret shows here.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How far a webhook-timestamp may be from now, as Standard Webhooks libraries allow. */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /**
     * One request received.
     *
     * @param path the path
     * @param headers headers, names in lower case
     * @param body the body
     * @param at when it arrived
     * @param signatureValid whether it carried a valid signature (true where no secret is expected)
     * @param status what was answered
     */
    public record Request(String path, Map<String, String> headers, String body, Instant at, boolean signatureValid,
            int status) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A scripted answer.
     *
     * @param status the status
     * @param headers the headers
     */
    public record Reply(int status, Map<String, String> headers) {
        public static Reply of(int status) {
            return new Reply(status, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> keys = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests on this path must be signed with one of these secrets ({@code whsec_...}). */
    public void expectSecrets(String path, String... secrets) {
        List<byte[]> decoded = new ArrayList<>();
        for (String secret : secrets) {
            decoded.add(Base64.getDecoder().decode(secret.substring("whsec_".length())));
        }
        keys.put(path, decoded);
    }

    /** The next answers on this path; after them, 200. */
    public void script(String path, Reply... replies) {
        scripts.put(path, new ArrayDeque<>(List.of(replies)));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    public List<Request> await(String path, int count, Duration timeout) {
        return await(path, 0, count, timeout);
    }

    /** Waits for {@code count} requests after the first {@code seen} ones, and returns those after them. */
    public List<Request> await(String path, int seen, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Request> received = requests(path);
            if (received.size() - seen >= count) {
                return received.subList(seen, received.size());
            }
            sleep(50);
        }
        throw new AssertionError("expected " + count + " requests on " + path + " within " + timeout + ", got "
                + (requests(path).size() - seen));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        boolean valid = !keys.containsKey(path) || verify(keys.get(path), headers, body);
        Reply reply;
        if (!valid) {
            reply = Reply.of(401);
        } else {
            Deque<Reply> script = scripts.get(path);
            Reply next = script == null ? null : script.poll();
            reply = next == null ? Reply.of(200) : next;
        }
        requests.add(new Request(path, headers, new String(body, StandardCharsets.UTF_8), Instant.now(), valid,
                reply.status()));
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = (reply.status() == 401 ? "invalid signature" : "ok").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Standard Webhooks verification: any {@code v1} signature matching any expected key, timestamp recent. */
    static boolean verify(List<byte[]> expectedKeys, Map<String, String> headers, byte[] body) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        for (byte[] key : expectedKeys) {
            byte[] expected = hmac(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, decode(signature.substring(3)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh secret in Standard Webhooks form. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
