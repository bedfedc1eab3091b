package io.dockwarden.compliance.waivers;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reports waiver labels that are ignored, so that a team learns its waiver is not in force. */
public final class LabelWaiverCheck implements ContainerCheck {

    public static final String ID = "dockwarden.label-waivers";

    private final CheckInfo info;
    private final Duration maximumAhead;

    public LabelWaiverCheck(Duration maximumAhead) {
        this.maximumAhead = maximumAhead;
        this.info = new CheckInfo(ID, Benchmarks.DOCKWARDEN, "Ensure label waivers are justified and expire in time",
                1, false, Severity.LOW,
                "A waiver is an accepted risk: it needs a reason someone can review and an end, or it outlives the "
                        + "reason it was granted for.",
                "Give each dockwarden.waive.<check> label a justification and a dockwarden.waive.<check>.expires "
                        + "date at most " + maximumAhead.toDays() + " days ahead, or ask for a central waiver.",
                "Fails when a waiver label has no justification, no or an unreadable expiry, or an expiry more than "
                        + maximumAhead.toDays() + " days ahead; such labels waive nothing. Not applicable to "
                        + "containers without waiver labels.",
                CheckTarget.CONTAINER, CheckInfo.BUILT_IN);
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        if (!LabelWaivers.declared(context.container().labels())) {
            return Verdict.notApplicable("the container has no waiver labels");
        }
        LabelWaivers waivers = LabelWaivers.of(context.container().labels(), context.now(), maximumAhead);
        if (waivers.rejected().isEmpty()) {
            return Verdict.pass();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (RejectedLabelWaiver rejected : waivers.rejected()) {
            evidence.add(Evidences.of("Config.Labels[\"" + rejected.label() + "\"]", rejected.value(),
                    rejected.reason()));
        }
        return Verdict.fail(info.severity(), evidence);
    }
}
