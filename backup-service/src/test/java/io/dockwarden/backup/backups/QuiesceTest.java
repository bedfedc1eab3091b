package io.dockwarden.backup.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.backup.policy.QuiesceMode;
import io.dockwarden.backup.policy.QuiesceTarget;
import io.dockwarden.backup.policy.VolumeView;
import io.dockwarden.backup.ports.EngineException;
import io.dockwarden.backup.ports.RetryPolicy;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuiesceTest {

    private final ContainerLog engine = new ContainerLog();
    private final Quiesce quiesce = new Quiesce(engine, new Retrying(new RetryPolicy(3, Duration.ZERO, 1.0,
            Duration.ZERO), duration -> { }));

    @Test
    void runsPreExecThenStopsAndUndoesInReverseWithPostExecLast() {
        Quiesce.Quiesced quiesced = quiesce.apply(List.of(
                target("db", QuiesceMode.STOP, "dump", "cleanup", true),
                target("cache", QuiesceMode.PAUSE, null, null, true),
                target("idle", QuiesceMode.STOP, "never", null, false)));
        assertThat(engine.calls).containsExactly("exec db dump", "stop db", "pause cache");
        assertThat(quiesced.describe()).containsExactly("cache:pause", "db:stop", "db:hook");

        assertThat(quiesced.release()).isEmpty();
        assertThat(engine.calls).containsExactly("exec db dump", "stop db", "pause cache", "unpause cache",
                "start db", "exec db cleanup");
    }

    @Test
    void aFailingPreExecUndoesWhatWasDoneAndFailsTheStep() {
        engine.exitCodes.put("dump", 2L);
        assertThatThrownBy(() -> quiesce.apply(List.of(target("web", QuiesceMode.STOP, null, null, true),
                target("db", QuiesceMode.STOP, "dump", "cleanup", true))))
                .isInstanceOf(StepFailure.class).hasMessageContaining("pre-exec hook in container db exited with 2")
                .satisfies(e -> assertThat(((StepFailure) e).retryable()).isFalse());
        assertThat(engine.calls).containsExactly("stop web", "exec db dump", "start web", "exec db cleanup");
    }

    @Test
    void engineFailuresThatMayPassAreRetriedAndUndoProblemsAreReported() {
        engine.failuresBeforeSuccess.put("stop db", 2);
        Quiesce.Quiesced quiesced = quiesce.apply(List.of(target("db", QuiesceMode.STOP, null, null, true)));
        assertThat(engine.calls).containsExactly("stop db", "stop db", "stop db");
        engine.failuresBeforeSuccess.put("start db", 5);
        assertThat(quiesced.release()).singleElement().asString().contains("container db could not be started");
    }

    private static QuiesceTarget target(String name, QuiesceMode mode, String preExec, String postExec,
            boolean running) {
        return new QuiesceTarget(name, name, mode, preExec, postExec, running, false);
    }

    /** An engine that records what is asked of containers; volumes are out of this test's scope. */
    private static final class ContainerLog implements VolumeEngine {

        final List<String> calls = new ArrayList<>();
        final Map<String, Long> exitCodes = new java.util.HashMap<>();
        final Map<String, Integer> failuresBeforeSuccess = new java.util.HashMap<>();

        private void call(String call) {
            calls.add(call);
            Integer failures = failuresBeforeSuccess.get(call);
            if (failures != null && failures > 0) {
                failuresBeforeSuccess.put(call, failures - 1);
                throw new EngineException(call + " failed: engine busy", true);
            }
        }

        @Override
        public void stopContainer(String containerId) {
            call("stop " + containerId);
        }

        @Override
        public void startContainer(String containerId) {
            call("start " + containerId);
        }

        @Override
        public void pauseContainer(String containerId) {
            call("pause " + containerId);
        }

        @Override
        public void unpauseContainer(String containerId) {
            call("unpause " + containerId);
        }

        @Override
        public long exec(String containerId, String command) {
            call("exec " + containerId + " " + command);
            return exitCodes.getOrDefault(command, 0L);
        }

        @Override
        public String hostId() {
            return "host";
        }

        @Override
        public Optional<VolumeView> inspect(String volumeName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VolumeView> volumes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createVolume(String volumeName, Map<String, String> labels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeVolume(String volumeName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArchiveStream openArchive(String volumeName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeArchive(String volumeName, InputStream tar) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void emptyVolume(String volumeName) {
            throw new UnsupportedOperationException();
        }
    }
}
