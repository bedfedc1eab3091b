package io.dockwarden.compliance.checks.rules;

import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Verdict;

/** An operator's rule over container snapshots. */
final class CustomContainerRule implements ContainerCheck {

    private final CheckInfo info;
    private final RuleLogic logic;

    CustomContainerRule(CheckInfo info, RuleLogic logic) {
        this.info = info;
        this.logic = logic;
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        return logic.evaluate(context.container());
    }

    @Override
    public String toString() {
        return info.id() + " " + info.title() + " (" + info.origin() + ")";
    }
}
