package io.dockwarden.backup.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyLabelsTest {

    private static final PolicyLabels.Defaults DEFAULTS = new PolicyLabels.Defaults("0 0 2 * * *",
            RetentionPolicy.parse("last=7,daily=7,weekly=4,monthly=6"));

    @Test
    void anUnlabelledVolumeHasTheDefaultsAndIsNotScheduled() {
        BackupPolicy policy = PolicyLabels.resolve(new VolumeView("v", "local", Map.of(), List.of()), DEFAULTS);
        assertThat(policy.enabled()).isFalse();
        assertThat(policy.source()).isEqualTo("defaults");
        assertThat(policy.schedule()).isEqualTo("0 0 2 * * *");
        assertThat(policy.retention()).isEqualTo(DEFAULTS.retention());
        assertThat(policy.quiesce()).isEmpty();
    }

    @Test
    void labelsOnTheVolumeWinOverLabelsOnContainers() {
        VolumeView volume = new VolumeView("v", "local", Map.of(
                PolicyLabels.ENABLED, "true",
                PolicyLabels.SCHEDULE, "0 3 * * *",
                PolicyLabels.EXCLUDE, "*.tmp"), List.of(container("app", true, Map.of(
                        PolicyLabels.ENABLED, "true",
                        PolicyLabels.SCHEDULE, "0 4 * * *",
                        PolicyLabels.RETENTION, "last=3"))));
        BackupPolicy policy = PolicyLabels.resolve(volume, DEFAULTS);
        assertThat(policy.enabled()).isTrue();
        assertThat(policy.source()).isEqualTo("volume");
        assertThat(policy.schedule()).isEqualTo("0 3 * * *");
        assertThat(policy.retention()).isEqualTo(RetentionPolicy.parse("last=3"));
        assertThat(policy.excludes().globs()).containsExactly("*.tmp");
    }

    @Test
    void aLabelledContainerMountingTheVolumeEnablesItAndIsQuiescedAsItsLabelsSay() {
        VolumeView volume = new VolumeView("db-data", "local", Map.of(), List.of(
                container("zz-sidecar", true, Map.of()),
                container("db", true, Map.of(
                        PolicyLabels.ENABLED, "yes",
                        PolicyLabels.STOP_DURING_BACKUP, "true",
                        PolicyLabels.PRE_EXEC, "pg_dumpall > /data/dump.sql",
                        PolicyLabels.POST_EXEC, "rm /data/dump.sql")),
                container("cache", true, Map.of(PolicyLabels.STOP_DURING_BACKUP, "pause"))));
        BackupPolicy policy = PolicyLabels.resolve(volume, DEFAULTS);
        assertThat(policy.enabled()).isTrue();
        assertThat(policy.source()).isEqualTo("container db");
        assertThat(policy.quiesce()).containsExactly(
                new QuiesceTarget("id-cache", "cache", QuiesceMode.PAUSE, null, null, true, false),
                new QuiesceTarget("id-db", "db", QuiesceMode.STOP, "pg_dumpall > /data/dump.sql", "rm /data/dump.sql",
                        true, false));
    }

    @Test
    void stopDuringBackupOnTheVolumeStopsEveryContainerMountingIt() {
        VolumeView volume = new VolumeView("v", "local", Map.of(PolicyLabels.STOP_DURING_BACKUP, "true"),
                List.of(container("a", true, Map.of()), container("b", false, Map.of())));
        assertThat(PolicyLabels.resolve(volume, DEFAULTS).quiesce()).extracting(QuiesceTarget::mode)
                .containsExactly(QuiesceMode.STOP, QuiesceMode.STOP);
    }

    @Test
    void unreadableLabelsAreReportedWithTheirOwner() {
        assertThatThrownBy(() -> PolicyLabels.resolve(new VolumeView("v", "local",
                Map.of(PolicyLabels.RETENTION, "keep=all"), List.of()), DEFAULTS))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("volume v")
                .hasMessageContaining("unknown key 'keep'");
        assertThatThrownBy(() -> PolicyLabels.resolve(new VolumeView("v", "local", Map.of(), List.of(
                container("app", true, Map.of(PolicyLabels.STOP_DURING_BACKUP, "sometimes")))), DEFAULTS))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("container app");
    }

    private static MountingContainer container(String name, boolean running, Map<String, String> labels) {
        return new MountingContainer("id-" + name, name, running, false, labels);
    }
}
