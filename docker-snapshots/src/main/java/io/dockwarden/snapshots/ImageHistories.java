package io.dockwarden.snapshots;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an image's build history, {@code GET /images/{name}/history}, which docker-java has no command for. Entries
 * come newest first, as the engine returns them.
 */
public final class ImageHistories {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ImageHistories() {
    }

    /**
     * Asks the engine for an image's history.
     *
     * @param client a client made by {@code DockerClientImpl}, whose transport this uses
     * @param image the image id or name
     * @throws NotFoundException if the engine has no such image
     * @throws DockerException if the engine answers with another error
     * @throws UncheckedIOException if the engine cannot be reached
     */
    public static List<ImageHistoryItem> fetch(DockerClient client, String image) {
        if (!(client instanceof DockerClientImpl impl)) {
            throw new IllegalArgumentException("image history needs a DockerClientImpl, not " + client.getClass());
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/images/" + encodePath(image) + "/history")
                .build();
        try (DockerHttpClient.Response response = impl.getHttpClient().execute(request);
                InputStream body = response.getBody()) {
            byte[] bytes = body.readAllBytes();
            int status = response.getStatusCode();
            if (status == 404) {
                throw new NotFoundException("no such image: " + image);
            }
            if (status != 200) {
                throw new DockerException("image history of " + image + " failed: "
                        + new String(bytes, StandardCharsets.UTF_8), status);
            }
            return parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("image history of " + image + " failed", e);
        }
    }

    /** Parses the JSON the history endpoint returns. */
    public static List<ImageHistoryItem> parse(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not an image history: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not an image history: expected a JSON array");
        }
        List<ImageHistoryItem> items = new ArrayList<>();
        for (JsonNode entry : root) {
            long created = entry.path("Created").asLong(0);
            items.add(new ImageHistoryItem(
                    entry.path("Id").asString(""),
                    created > 0 ? Instant.ofEpochSecond(created) : null,
                    entry.path("CreatedBy").asString(""),
                    entry.path("Size").asLong(0),
                    entry.path("Comment").asString("")));
        }
        return List.copyOf(items);
    }

    /** Image names keep their slashes and colons in the path, as the engine's router expects. */
    private static String encodePath(String image) {
        StringBuilder path = new StringBuilder();
        for (String part : image.split("/", -1)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("%3A", ":").replace("+", "%20"));
        }
        return path.toString();
    }
}
