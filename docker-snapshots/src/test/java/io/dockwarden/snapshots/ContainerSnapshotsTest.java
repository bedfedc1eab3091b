package io.dockwarden.snapshots;

import static io.dockwarden.snapshots.EngineFixtures.container;
import static io.dockwarden.snapshots.EngineFixtures.history;
import static io.dockwarden.snapshots.EngineFixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockwarden.events.container.ContainerObserved;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.Health;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.container.ContainerSnapshot.HistoryStep;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.container.ContainerSnapshot.PortBinding;
import io.dockwarden.events.container.ContainerSnapshot.RestartPolicy;
import io.dockwarden.events.container.ContainerSnapshot.Ulimit;
import io.dockwarden.events.codec.EventCodec;
import io.dockwarden.events.codec.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSnapshotsTest {

    private static final long SECOND = 1_000_000_000L;

    private final ContainerSnapshot hardened =
            ContainerSnapshots.from(container("hardened"), image("app"), history("app"));
    private final ContainerSnapshot risky =
            ContainerSnapshots.from(container("risky"), image("busybox"), history("busybox"));

    @Test
    void mapsARunningHardenedContainer() {
        assertThat(hardened.id()).isEqualTo("e2fc3259b603f4f63fa324487e4c8f8582087a98d3f0e42ef840322bd2982624");
        assertThat(hardened.name()).isEqualTo("dw-fixture-hardened");
        assertThat(hardened.status()).isEqualTo("running");
        assertThat(hardened.createdAt()).isEqualTo(Instant.parse("2026-11-23T16:53:58.762026350Z"));
        assertThat(hardened.startedAt()).isNotNull();
        assertThat(hardened.finishedAt()).isNull();
        assertThat(hardened.exitCode()).isNull();
        assertThat(hardened.user()).isEqualTo("1000:1000");
        assertThat(hardened.readonlyRootfs()).isTrue();
        assertThat(hardened.securityOpt()).containsExactly("no-new-privileges");
        assertThat(hardened.capDrop()).containsExactly("ALL");
        assertThat(hardened.capAdd()).isEmpty();
        assertThat(hardened.privileged()).isFalse();
        assertThat(hardened.resources().memoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(hardened.resources().memorySwapBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(hardened.resources().pidsLimit()).isEqualTo(64L);
        assertThat(hardened.ulimits()).containsExactly(new Ulimit("nofile", 1024, 2048));
        assertThat(hardened.restartPolicy()).isEqualTo(new RestartPolicy("unless-stopped", 0));
        assertThat(hardened.networkMode()).isEqualTo("none");
        assertThat(hardened.networks()).containsExactly("none");
        assertThat(hardened.logDriver()).isEqualTo("json-file");
        assertThat(hardened.labels()).containsEntry("backup.volumes", "data")
                .containsEntry("org.example.team", "platform");
    }

    @Test
    void keepsEnvironmentNamesAndNeverValues() {
        assertThat(hardened.envNames()).containsExactly("DB_PASSWORD", "APP_MODE", "PATH", "APP_HOME");
        assertThat(hardened.image().envNames()).containsExactly("PATH", "DB_PASSWORD", "APP_HOME");
    }

    @Test
    void readsRuntimeHealthAndTheContainersOwnHealthcheck() {
        assertThat(hardened.health()).isEqualTo(new Health("healthy", 0));
        assertThat(hardened.healthcheck()).isEqualTo(new HealthcheckConfig("CMD-SHELL", SECOND, 2 * SECOND, 3, 0));
        assertThat(hardened.image().healthcheck())
                .isEqualTo(new HealthcheckConfig("CMD-SHELL", 5 * SECOND, 2 * SECOND, 3, 0));
    }

    @Test
    void leavesOutAHealthcheckInheritedFromTheImage() {
        ContainerSnapshot inheriting = ContainerSnapshots.from(container("hardened", tree -> {
            ObjectNode healthcheck = (ObjectNode) tree.path("Config").path("Healthcheck");
            healthcheck.put("Interval", 5 * SECOND);
        }), image("app"), history("app"));

        assertThat(inheriting.healthcheck()).isNull();
        assertThat(inheriting.image().healthcheck()).isNotNull();
    }

    @Test
    void readsTheImageFromItsInspectAndHistory() {
        assertThat(hardened.image().id())
                .isEqualTo("sha256:3b94759c84542f82dc5b3b448a9008044f0f50450831e111ad3a6646972f1d9d");
        assertThat(hardened.image().ref()).isEqualTo("dockwarden-fixture/app:1");
        assertThat(hardened.image().digest()).isNull();
        assertThat(hardened.image().user()).isEqualTo("app");
        assertThat(hardened.image().history()).extracting(HistoryStep::createdBy).containsExactly(
                "",
                "/bin/sh -c #(nop)  ARG API_TOKEN",
                "/bin/sh -c #(nop)  ENV DB_PASSWORD=****** APP_HOME=******",
                "|1 API_TOKEN=****** /bin/sh -c echo \"token=$API_TOKEN\" > /dev/null && wget -q "
                        + "http://deploy:******@repo.invalid/x -O /dev/null || true",
                "/bin/sh -c #(nop)  USER app",
                "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"test -d /tmp\"] \"5s\" \"2s\" \"0s\" '\\x03'}",
                "/bin/sh -c #(nop)  LABEL org.example.team=platform");
        assertThat(hardened.image().history()).extracting(HistoryStep::emptyLayer)
                .containsExactly(false, true, true, false, true, true, true);
    }

    @Test
    void mapsVolumeAndTmpfsMounts() {
        assertThat(hardened.mounts()).containsExactly(
                new Mount("volume", "/var/lib/docker/volumes/dw-fixture-data/_data", "/data", "dw-fixture-data",
                        true, ""),
                new Mount("tmpfs", "", "/run", null, true, ""));
    }

    @Test
    void mapsACreatedPrivilegedContainer() {
        assertThat(risky.status()).isEqualTo("created");
        assertThat(risky.startedAt()).isNull();
        assertThat(risky.finishedAt()).isNull();
        assertThat(risky.exitCode()).isNull();
        assertThat(risky.privileged()).isTrue();
        assertThat(risky.capAdd()).containsExactly("CAP_SYS_ADMIN");
        assertThat(risky.pidMode()).isEqualTo("host");
        assertThat(risky.ipcMode()).isEqualTo("private");
        assertThat(risky.securityOpt()).containsExactly("label=disable");
        assertThat(risky.devices()).containsExactly(
                new ContainerSnapshot.Device("/dev/null", "/dev/xnull", "rw"));
        assertThat(risky.resources().pidsLimit()).isNull();
        assertThat(risky.resources().memoryBytes()).isZero();
        assertThat(risky.health()).isNull();
        assertThat(risky.healthcheck()).isNull();
        assertThat(risky.user()).isEmpty();
        assertThat(risky.image().history()).containsExactly(new HistoryStep("", false));
    }

    @Test
    void keepsTheBindPropagation() {
        assertThat(risky.mounts()).containsExactly(new Mount("bind", "/srv/shared", "/shared", null, true, "rshared"));
    }

    @Test
    void publishesTheConfiguredPortsOfAContainerThatDoesNotRun() {
        assertThat(risky.ports()).containsExactly(
                new PortBinding(53, "udp", "127.0.0.1", 0),
                new PortBinding(80, "tcp", "0.0.0.0", 8080));
    }

    @Test
    void publishesTheLiveBindingsOfARunningContainer() {
        ContainerSnapshot running = ContainerSnapshots.from(container("hardened", tree -> {
            ((ObjectNode) tree.path("HostConfig")).putObject("PortBindings").putArray("8080/tcp").addObject()
                    .put("HostIp", "").put("HostPort", "");
            ObjectNode live = ((ObjectNode) tree.path("NetworkSettings")).putObject("Ports");
            live.putArray("8080/tcp").addObject().put("HostIp", "").put("HostPort", "49153");
            live.putNull("9090/tcp");
        }), image("app"), history("app"));

        assertThat(running.ports()).containsExactly(new PortBinding(8080, "tcp", "", 49153));
    }

    @Test
    void mapsAnExitedContainer() {
        ContainerSnapshot exited = ContainerSnapshots.from(container("exited"), image("busybox"), history("busybox"));

        assertThat(exited.status()).isEqualTo("exited");
        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(exited.startedAt()).isNotNull();
        assertThat(exited.finishedAt()).isAfterOrEqualTo(exited.startedAt());
    }

    @Test
    void mapsAPausedContainer() {
        ContainerSnapshot paused = ContainerSnapshots.from(container("paused"), image("busybox"), history("busybox"));

        assertThat(paused.status()).isEqualTo("paused");
        assertThat(paused.exitCode()).isNull();
    }

    @Test
    void describesWhatIsKnownWhenTheImageIsGone() {
        ContainerSnapshot orphan = ContainerSnapshots.from(container("risky"), null, List.of());

        assertThat(orphan.image().id())
                .isEqualTo("sha256:3b1b547900d64297f7185e741a378a1c525df607b969c2dc0169b72d165585d4");
        assertThat(orphan.image().ref()).isEqualTo("dockwarden-test/busybox:1");
        assertThat(orphan.image().history()).isEmpty();
        assertThat(orphan.image().healthcheck()).isNull();
    }

    @Test
    void producesSnapshotsValidUnderTheContract() {
        EventCodec codec = new EventCodec("/dockwarden/inventory/test");
        for (ContainerSnapshot snapshot : List.of(hardened, risky,
                ContainerSnapshots.from(container("exited"), image("busybox"), history("busybox")),
                ContainerSnapshots.from(container("paused"), image("busybox"), history("buildkit")),
                ContainerSnapshots.from(container("risky"), null, List.of()))) {
            assertThatCode(() -> codec.encode(new ContainerObserved("host-1", snapshot.id(), Instant.now(), snapshot)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void neverCarriesThePlantedSecret() {
        assertThat(EngineFixtures.text("container-hardened.json")).contains(EngineFixtures.SECRET);
        assertThat(EngineFixtures.text("container-risky.json")).contains(EngineFixtures.SECRET);
        assertThat(EngineFixtures.text("history-app.json")).contains(EngineFixtures.SECRET);
        assertThat(EngineFixtures.text("history-buildkit.json")).contains(EngineFixtures.SECRET);

        for (ContainerSnapshot snapshot : List.of(hardened, risky,
                ContainerSnapshots.from(container("hardened"), image("app"), history("buildkit")),
                ContainerSnapshots.from(container("risky"), image("app"), history("app")))) {
            String json = new String(EventJson.toJson(
                    new ContainerObserved("host-1", snapshot.id(), Instant.now(), snapshot)), StandardCharsets.UTF_8);
            assertThat(json).doesNotContain(EngineFixtures.SECRET);
        }
    }
}
