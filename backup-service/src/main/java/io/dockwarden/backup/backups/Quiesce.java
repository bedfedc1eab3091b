package io.dockwarden.backup.backups;

import io.dockwarden.backup.policy.QuiesceMode;
import io.dockwarden.backup.policy.QuiesceTarget;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1: makes the volume consistent before it is read. For each labelled container that runs: the pre-exec hook
 * (such as a database dump into the volume), then stop or pause. {@link Quiesced#release()} undoes it in reverse order
 * (start or unpause, then the post-exec hook) whatever happened in between, and a failure half way through undoes what
 * was done before it reports.
 */
public final class Quiesce {

    private static final Logger log = LoggerFactory.getLogger(Quiesce.class);

    private final VolumeEngine engine;
    private final Retrying retrying;

    public Quiesce(VolumeEngine engine, Retrying retrying) {
        this.engine = engine;
        this.retrying = retrying;
    }

    /**
     * Quiesces the targets.
     *
     * @throws StepFailure (quiesce) if a hook fails or a container cannot be stopped; what was done is undone first
     */
    public Quiesced apply(List<QuiesceTarget> targets) {
        Quiesced quiesced = new Quiesced();
        for (QuiesceTarget target : targets) {
            if (!target.running()) {
                continue;
            }
            try {
                if ((target.preExec() != null || target.postExec() != null) && !target.paused()) {
                    quiesced.hooked.push(target);
                }
                if (target.preExec() != null && !target.paused()) {
                    long exit = retrying.call("pre-exec in " + target.containerName(),
                            () -> engine.exec(target.containerId(), target.preExec()));
                    if (exit != 0) {
                        throw new StepFailure(Step.QUIESCE, "the pre-exec hook in container " + target.containerName()
                                + " exited with " + exit, false);
                    }
                }
                if (target.mode() == QuiesceMode.STOP) {
                    retrying.run("stopping " + target.containerName(), () -> engine.stopContainer(target.containerId()));
                    quiesced.undo.push(new Undo(target, QuiesceMode.STOP));
                } else if (target.mode() == QuiesceMode.PAUSE && !target.paused()) {
                    retrying.run("pausing " + target.containerName(), () -> engine.pauseContainer(target.containerId()));
                    quiesced.undo.push(new Undo(target, QuiesceMode.PAUSE));
                }
            } catch (RuntimeException e) {
                List<String> problems = quiesced.release();
                StepFailure failure = e instanceof StepFailure step ? step
                        : new StepFailure(Step.QUIESCE, "quiescing container " + target.containerName() + " failed: "
                                + e.getMessage(), Retrying.isRetryable(e), e);
                problems.forEach(problem -> failure.addSuppressed(new IllegalStateException(problem)));
                throw failure;
            }
        }
        return quiesced;
    }

    private record Undo(QuiesceTarget target, QuiesceMode mode) {
    }

    /** What was done to the containers; {@link #release()} undoes it and says what could not be undone. */
    public final class Quiesced {

        private final Deque<Undo> undo = new ArrayDeque<>();
        private final Deque<QuiesceTarget> hooked = new ArrayDeque<>();
        private final List<String> done = new ArrayList<>();
        private boolean closed;

        /** What was done, as {@code <container>:<stop|pause|hook>}, for the manifest. */
        public List<String> describe() {
            List<String> described = new ArrayList<>();
            undo.forEach(step -> described.add(step.target().containerName() + ":" + step.mode().name()
                    .toLowerCase(java.util.Locale.ROOT)));
            hooked.forEach(target -> described.add(target.containerName() + ":hook"));
            return described;
        }

        /** Undoes everything; returns the problems, empty when every container is back as it was. */
        public List<String> release() {
            if (closed) {
                return List.copyOf(done);
            }
            closed = true;
            while (!undo.isEmpty()) {
                Undo step = undo.pop();
                String name = step.target().containerName();
                try {
                    if (step.mode() == QuiesceMode.STOP) {
                        retrying.run("starting " + name, () -> engine.startContainer(step.target().containerId()));
                    } else {
                        retrying.run("unpausing " + name, () -> engine.unpauseContainer(step.target().containerId()));
                    }
                } catch (RuntimeException e) {
                    log.error("Container {} could not be {} after the backup: {}", name,
                            step.mode() == QuiesceMode.STOP ? "started" : "unpaused", e.getMessage());
                    done.add("container " + name + " could not be "
                            + (step.mode() == QuiesceMode.STOP ? "started" : "unpaused") + " again: " + e.getMessage());
                }
            }
            while (!hooked.isEmpty()) {
                QuiesceTarget target = hooked.pop();
                if (target.postExec() == null) {
                    continue;
                }
                try {
                    long exit = retrying.call("post-exec in " + target.containerName(),
                            () -> engine.exec(target.containerId(), target.postExec()));
                    if (exit != 0) {
                        done.add("the post-exec hook in container " + target.containerName() + " exited with " + exit);
                    }
                } catch (RuntimeException e) {
                    done.add("the post-exec hook in container " + target.containerName() + " failed: "
                            + e.getMessage());
                }
            }
            return List.copyOf(done);
        }
    }
}
