package io.dockwarden.compliance.checks.rules;

import io.dockwarden.compliance.checks.CheckInfo;
import io.dockwarden.compliance.checks.HostCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.host.HostSnapshot;

/** An operator's rule over engine snapshots. */
final class CustomHostRule implements HostCheck {

    private final CheckInfo info;
    private final RuleLogic logic;

    CustomHostRule(CheckInfo info, RuleLogic logic) {
        this.info = info;
        this.logic = logic;
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    @Override
    public Verdict evaluate(HostSnapshot host) {
        return logic.evaluate(host);
    }

    @Override
    public String toString() {
        return info.id() + " " + info.title() + " (" + info.origin() + ")";
    }
}
