package io.dockwarden.inventory.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.dockwarden.snapshots.ImageHistories;
import io.dockwarden.snapshots.ImageHistoryItem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Image inspects and histories by image id. An image's content never changes under its id, so a full sync of many
 * containers of one image reads it once; tags and digests do change, which is why image events clear the cache.
 */
final class ImageCache {

    static final int MAX_IMAGES = 512;

    /**
     * @param image the inspect, absent if the engine no longer has the image
     * @param history its build steps, newest first
     */
    record CachedImage(@Nullable InspectImageResponse image, List<ImageHistoryItem> history) {
    }

    private final DockerClient client;
    private final Map<String, CachedImage> images = new ConcurrentHashMap<>();

    ImageCache(DockerClient client) {
        this.client = client;
    }

    CachedImage get(String imageId) {
        CachedImage cached = images.get(imageId);
        if (cached != null) {
            return cached;
        }
        CachedImage read = read(imageId);
        if (images.size() >= MAX_IMAGES) {
            images.clear();
        }
        if (read.image() != null) {
            images.put(imageId, read);
        }
        return read;
    }

    void clear() {
        images.clear();
    }

    private CachedImage read(String imageId) {
        try {
            InspectImageResponse image = client.inspectImageCmd(imageId).exec();
            return new CachedImage(image, ImageHistories.fetch(client, imageId));
        } catch (NotFoundException gone) {
            return new CachedImage(null, List.of());
        }
    }
}
