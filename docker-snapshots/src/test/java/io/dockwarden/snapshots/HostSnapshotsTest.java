package io.dockwarden.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.dockerjava.api.model.Network;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.host.HostObserved;
import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.events.host.HostSnapshot.RegistryIndex;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostSnapshotsTest {

    @Test
    void mapsTheEngineFacts() {
        HostSnapshot host = HostSnapshots.from(EngineFixtures.info(), EngineFixtures.version(), null);

        assertThat(host.engineId()).isEqualTo("7Q2M:KX4D:RB3N:ZV6T:HJ5W:LC8P:YF2S:MN7G:QD4E:TA9K:UW3B:PX6R");
        assertThat(host.name()).isEqualTo("docker-host-1");
        assertThat(host.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(host.apiVersion()).isEqualTo("1.41");
        assertThat(host.osType()).isEqualTo("linux");
        assertThat(host.operatingSystem()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(host.architecture()).isEqualTo("x86_64");
        assertThat(host.cpus()).isEqualTo(2);
        assertThat(host.memTotalBytes()).isPositive();
        assertThat(host.storageDriver()).isEqualTo("overlay2");
        assertThat(host.loggingDriver()).isEqualTo("json-file");
        assertThat(host.cgroupDriver()).isEqualTo("cgroupfs");
        assertThat(host.cgroupVersion()).isEqualTo("1");
        assertThat(host.defaultRuntime()).isEqualTo("runc");
        assertThat(host.securityOptions()).containsExactly("name=seccomp,profile=default");
        assertThat(host.liveRestoreEnabled()).isFalse();
        assertThat(host.experimentalBuild()).isFalse();
        assertThat(host.swarmLocalNodeState()).isEqualTo("inactive");
        assertThat(host.insecureRegistryCidrs()).containsExactly("127.0.0.0/8");
        assertThat(host.registryIndexes()).containsExactly(new RegistryIndex("docker.io", true, true));
        assertThat(host.containers()).isEqualTo(4);
        assertThat(host.images()).isEqualTo(7);
    }

    @Test
    void saysNothingOfInterContainerCommunicationWithoutADefaultBridge() {
        assertThat(HostSnapshots.from(EngineFixtures.info(), EngineFixtures.version(), null).defaultBridgeIcc())
                .isNull();
    }

    @Test
    void readsInterContainerCommunicationFromTheDefaultBridge() {
        Network bridge = EngineFixtures.network("bridge");
        assertThat(HostSnapshots.from(EngineFixtures.info(), EngineFixtures.version(), bridge).defaultBridgeIcc())
                .isTrue();

        bridge.getOptions().put(HostSnapshots.ENABLE_ICC_OPTION, "false");
        assertThat(HostSnapshots.from(EngineFixtures.info(), EngineFixtures.version(), bridge).defaultBridgeIcc())
                .isFalse();
    }

    @Test
    void producesASnapshotValidUnderTheContract() {
        HostSnapshot host = HostSnapshots.from(EngineFixtures.info(), EngineFixtures.version(),
                EngineFixtures.network("bridge"));

        assertThatCode(() -> new EventCodec("/dockwarden/inventory/test")
                .encode(new HostObserved("host-1", Instant.now(), host))).doesNotThrowAnyException();
    }
}
