package io.dockwarden.benchmarks.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a service's Micrometer metrics through its actuator endpoint, as an operator's scraper would. */
public final class Actuator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public Actuator(int port) {
        this.port = port;
    }

    /** Heap in use now ({@code jvm.memory.used} summed over the heap pools), in bytes. */
    public OptionalDouble heapUsedBytes() {
        return metric("jvm.memory.used?tag=area:heap");
    }

    /** The {@code VALUE} (or {@code COUNT}) measurement of a metric, empty when the service does not answer. */
    public OptionalDouble metric(String nameAndTags) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + nameAndTags))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                String statistic = measurement.path("statistic").asString();
                if (statistic.equals("VALUE") || statistic.equals("COUNT")) {
                    return OptionalDouble.of(measurement.path("value").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /** The mean of a timer in milliseconds ({@code TOTAL_TIME / COUNT}), empty when it has no records. */
    public OptionalDouble timerMeanMillis(String timer) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + timer))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            double count = 0;
            double totalSeconds = 0;
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                switch (measurement.path("statistic").asString()) {
                    case "COUNT" -> count = measurement.path("value").asDouble();
                    case "TOTAL_TIME" -> totalSeconds = measurement.path("value").asDouble();
                    default -> {
                    }
                }
            }
            return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(totalSeconds * 1000 / count);
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /**
     * The status of the service's health, or of one of its health components (such as {@code engine}), read from the
     * JSON rather than from its text so that the order of its fields does not matter; {@code DOWN} when it does not
     * answer.
     */
    public String healthStatus(String component) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health" + (component.isEmpty() ? "" : "/" + component)))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            String status = JSON.readTree(response.body()).path("status").asString();
            return status.isEmpty() ? "DOWN" : status;
        } catch (IOException | RuntimeException e) {
            return "DOWN";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN";
        }
    }

    /** The body of a GET on the service, for REST endpoints a benchmark reads. */
    public String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " on port " + port + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** POSTs JSON and returns the answer's status and body. */
    public HttpResponse<String> postJson(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " on port " + port + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
