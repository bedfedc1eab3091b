package io.dockwarden.notification.channels;

import io.dockwarden.notification.delivery.Outcome;
import io.dockwarden.notification.delivery.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a body and classifies the answer the way webhook senders should: 2xx delivered; 5xx, timeouts and connection
 * errors retried; 429 and 503 retried after their {@code Retry-After}; any other status (4xx, redirects) fails at
 * once. Reasons name the status or the kind of error, never the URL, which may carry a token.
 */
public final class HttpPoster {

    private final HttpClient client;
    private final Clock clock;

    public HttpPoster(Duration connectTimeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.clock = clock;
    }

    public Outcome post(String what, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Dockwarden-Notification/1");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            return Outcome.retryable(what + ": connection timed out");
        } catch (HttpTimeoutException e) {
            return Outcome.retryable(what + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return Outcome.retryable(what + ": cannot connect (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            return Outcome.retryable(what + ": I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retryable(what + ": interrupted (the service is stopping)");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.delivered();
        }
        String reason = what + " answered HTTP " + status;
        if (status == 429 || status == 503) {
            return Outcome.retryableAfter(reason, RetryAfter.parse(
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant()).orElse(null));
        }
        if (status >= 500) {
            return Outcome.retryable(reason);
        }
        return Outcome.permanent(reason + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
    }
}
