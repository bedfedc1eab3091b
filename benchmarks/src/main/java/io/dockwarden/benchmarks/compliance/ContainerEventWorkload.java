package io.dockwarden.benchmarks.compliance;

import io.dockwarden.events.codec.CloudEventHeaders;
import io.dockwarden.events.codec.EncodedEvent;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container events as the inventory publishes them, many of them: {@code events} records over {@code containers}
 * containers, each container one of three profiles of the contract's fixtures (privileged, hardened, bare) whose
 * events alternate between a running and an exited snapshot, so that every event changes the container and some
 * change its findings. Each record is encoded by the contract's codec once per profile and state, then given its
 * container's id, which keeps producing 200,000 of them cheap without leaving the contract.
 *
 * @param hostId the host of every container
 * @param events records in all
 * @param containers distinct containers
 */
public record ContainerEventWorkload(String hostId, int events, int containers) {

    public static final String SOURCE = "/dockwarden/inventory/" + EventFixtures.HOST_ID;
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<ContainerSnapshot> PROFILES = List.of(ContainerSnapshots.privileged(),
            ContainerSnapshots.hardened(), ContainerSnapshotBuilder.from(ContainerSnapshots.minimal())
                    .running(EventFixtures.T0).build());
    private static final byte[] PLACEHOLDER = EventFixtures.CONTAINER_ID.getBytes(StandardCharsets.UTF_8);

    public ContainerEventWorkload {
        if (events <= 0 || containers <= 0) {
            throw new IllegalArgumentException("events and containers must be positive");
        }
    }

    public static ContainerEventWorkload of(int events, int containers) {
        return new ContainerEventWorkload(EventFixtures.HOST_ID, events, containers);
    }

    /** Produces the records in order; container {@code i % containers} is the subject of record {@code i}. */
    public Generator generator() {
        return new Generator();
    }

    /** The id of the n-th container: 64 hex digits, as the engine's. */
    public static String containerId(int container) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(("bench-container-" + container)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** The profile (0 privileged, 1 hardened, 2 bare) of the n-th container. */
    public static int profileOf(int container) {
        return container % PROFILES.size();
    }

    /** The snapshot of a profile, running or exited, with the fixture's container id. */
    public static ContainerSnapshot snapshot(int profile, boolean running) {
        ContainerSnapshot base = PROFILES.get(profile);
        return running ? base : ContainerSnapshotBuilder.from(base).exited(0, EventFixtures.T0.plusSeconds(600))
                .build();
    }

    /** Makes the records one after another; not thread-safe. */
    public final class Generator {

        private final EncodedEvent[] templates = new EncodedEvent[PROFILES.size() * 2];
        private final String[] ids = new String[containers];
        private int next;

        Generator() {
            EventCodec codec = new EventCodec(SOURCE);
            for (int profile = 0; profile < PROFILES.size(); profile++) {
                for (int state = 0; state < 2; state++) {
                    ContainerObserved event = new ContainerObserved(hostId, EventFixtures.CONTAINER_ID,
                            EventFixtures.T0, snapshot(profile, state == 0));
                    templates[profile * 2 + state] = codec.encode(event, "template", START);
                }
            }
        }

        public boolean hasNext() {
            return next < events;
        }

        public EncodedEvent next() {
            int index = next++;
            int container = index % containers;
            int round = index / containers;
            if (ids[container] == null) {
                ids[container] = containerId(container);
            }
            String id = ids[container];
            EncodedEvent template = templates[profileOf(container) * 2 + round % 2];
            String subject = hostId + "/" + id;
            Map<String, String> headers = new LinkedHashMap<>(template.headers());
            headers.put(CloudEventHeaders.ID, "bench-" + index);
            headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(
                    START.plus(Duration.ofMillis(index))));
            headers.put(CloudEventHeaders.SUBJECT, subject);
            return new EncodedEvent(template.topic(), subject, headers,
                    replace(template.value(), PLACEHOLDER, id.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Every occurrence of {@code target} in {@code source} replaced by a replacement of the same length. */
    static byte[] replace(byte[] source, byte[] target, byte[] replacement) {
        if (target.length != replacement.length) {
            throw new IllegalArgumentException("the replacement must have the target's length");
        }
        byte[] result = Arrays.copyOf(source, source.length);
        outer:
        for (int i = 0; i <= result.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (result[i + j] != target[j]) {
                    continue outer;
                }
            }
            System.arraycopy(replacement, 0, result, i, replacement.length);
            i += target.length - 1;
        }
        return result;
    }
}
