package io.dockwarden.snapshots;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.host.HostSnapshot.RegistryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@code /info}, {@code /version} and the default bridge network to a {@link HostSnapshot}. Proxy settings, the
 * engine's labels and registry mirrors are left out: the checks do not read them and they can carry credentials.
 */
public final class HostSnapshots {

    /** The option of the default bridge that lets containers on it talk to each other (CIS 2.1). */
    public static final String ENABLE_ICC_OPTION = "com.docker.network.bridge.enable_icc";

    private static final Set<String> SWARM_STATES = Set.of("", "inactive", "pending", "active", "error", "locked");

    private HostSnapshots() {
    }

    /**
     * The engine's snapshot.
     *
     * @param info {@code GET /info}
     * @param version {@code GET /version}
     * @param defaultBridge {@code GET /networks/bridge}, or null if the engine runs without a default bridge
     */
    public static HostSnapshot from(Info info, Version version, @Nullable Network defaultBridge) {
        Map<String, Object> raw = Raw.of(info);
        String swarmState = text(Raw.string(raw, "Swarm", "LocalNodeState"));
        if (!Raw.present(raw) && info.getSwarm() != null && info.getSwarm().getLocalNodeState() != null) {
            swarmState = info.getSwarm().getLocalNodeState().getValue();
        }
        String osType = text(info.getOsType()).isBlank() ? text(version.getOperatingSystem()) : info.getOsType();
        return new HostSnapshot(
                Objects.requireNonNull(info.getId(), "the engine reports no ID"),
                text(info.getName()),
                text(info.getServerVersion()).isBlank() ? text(version.getVersion()) : info.getServerVersion(),
                text(version.getApiVersion()),
                osType.equalsIgnoreCase("windows") ? "windows" : "linux",
                text(info.getOperatingSystem()),
                text(info.getKernelVersion()).isBlank() ? text(version.getKernelVersion()) : info.getKernelVersion(),
                text(info.getArchitecture()),
                Math.max(0, orZero(info.getNCPU())),
                Math.max(0L, info.getMemTotal() == null ? 0L : info.getMemTotal()),
                text(info.getDriver()),
                text(info.getLoggingDriver()),
                text(info.getCGroupDriver()),
                text(info.getCGroupVersion()),
                text(Raw.string(raw, "DefaultRuntime")),
                info.getSecurityOptions() == null ? List.of()
                        : info.getSecurityOptions().stream().filter(Objects::nonNull).filter(s -> !s.isBlank())
                                .toList(),
                Boolean.TRUE.equals(Raw.bool(raw, "LiveRestoreEnabled")),
                Boolean.TRUE.equals(info.getExperimentalBuild()),
                SWARM_STATES.contains(swarmState) ? swarmState : "",
                insecureRegistryCidrs(raw, info),
                registryIndexes(raw),
                defaultBridgeIcc(defaultBridge),
                Math.max(0, orZero(info.getContainers())),
                Math.max(0, orZero(info.getImages())));
    }

    private static List<String> insecureRegistryCidrs(Map<String, Object> raw, Info info) {
        if (Raw.present(raw)) {
            return Raw.strings(raw, "RegistryConfig", "InsecureRegistryCIDRs").stream()
                    .filter(cidr -> !cidr.isBlank()).toList();
        }
        if (info.getRegistryConfig() == null || info.getRegistryConfig().getInsecureRegistryCIDRs() == null) {
            return List.of();
        }
        return List.copyOf(info.getRegistryConfig().getInsecureRegistryCIDRs());
    }

    private static List<RegistryIndex> registryIndexes(Map<String, Object> raw) {
        List<RegistryIndex> indexes = new ArrayList<>();
        Raw.map(raw, "RegistryConfig", "IndexConfigs").forEach((key, index) -> {
            String name = Raw.string(index, "Name");
            indexes.add(new RegistryIndex(name == null || name.isBlank() ? key : name,
                    !Boolean.FALSE.equals(Raw.bool(index, "Secure")), Boolean.TRUE.equals(Raw.bool(index, "Official"))));
        });
        indexes.sort(java.util.Comparator.comparing(RegistryIndex::name));
        return indexes;
    }

    /** The engine enables inter-container communication unless the option says {@code false}. */
    private static @Nullable Boolean defaultBridgeIcc(@Nullable Network defaultBridge) {
        if (defaultBridge == null) {
            return null;
        }
        Map<String, String> options = defaultBridge.getOptions();
        String icc = options == null ? null : options.get(ENABLE_ICC_OPTION);
        return icc == null || !icc.strip().equalsIgnoreCase("false");
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
