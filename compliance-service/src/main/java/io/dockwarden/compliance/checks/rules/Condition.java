package io.dockwarden.compliance.checks.rules;

import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.events.finding.Evidence;
import java.util.List;

/** A condition over a snapshot: a comparison on one field, or all/any/not of other conditions. */
public sealed interface Condition permits Condition.All, Condition.Any, Condition.Not, Condition.Comparison {

    boolean test(Object snapshot);

    /**
     * Adds the comparisons that kept this condition from coming out as {@code wanted}, each with what the rule
     * wanted of it: the evidence of a failed rule. Only meaningful when {@code test(snapshot) != wanted}.
     */
    void explain(Object snapshot, boolean wanted, List<Evidence> out);

    /**
     * Every condition holds.
     *
     * @param conditions at least one
     */
    record All(List<Condition> conditions) implements Condition {

        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Object snapshot) {
            for (Condition condition : conditions) {
                if (!condition.test(snapshot)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void explain(Object snapshot, boolean wanted, List<Evidence> out) {
            for (Condition condition : conditions) {
                // Wanted true: the false members decided it. Wanted false: all members were true, all decided it.
                if (!wanted || !condition.test(snapshot)) {
                    condition.explain(snapshot, wanted, out);
                }
            }
        }
    }

    /**
     * At least one condition holds.
     *
     * @param conditions at least one
     */
    record Any(List<Condition> conditions) implements Condition {

        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Object snapshot) {
            for (Condition condition : conditions) {
                if (condition.test(snapshot)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void explain(Object snapshot, boolean wanted, List<Evidence> out) {
            for (Condition condition : conditions) {
                // Wanted true: every member was false. Wanted false: the true members decided it.
                if (wanted || condition.test(snapshot)) {
                    condition.explain(snapshot, wanted, out);
                }
            }
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the negated condition
     */
    record Not(Condition condition) implements Condition {

        @Override
        public boolean test(Object snapshot) {
            return !condition.test(snapshot);
        }

        @Override
        public void explain(Object snapshot, boolean wanted, List<Evidence> out) {
            condition.explain(snapshot, !wanted, out);
        }
    }

    /**
     * One field compared by one operator.
     *
     * @param path the field
     * @param operator the comparison, with its operand prepared
     */
    record Comparison(FieldPath path, Operator operator) implements Condition {

        @Override
        public boolean test(Object snapshot) {
            return operator.test(path.resolve(snapshot));
        }

        @Override
        public void explain(Object snapshot, boolean wanted, List<Evidence> out) {
            List<Object> values = path.resolve(snapshot);
            Object actual = values.isEmpty() ? "absent" : values.size() == 1 ? values.get(0) : values;
            out.add(Evidences.of(path.text(), actual, wanted ? operator.describe() : "not " + operator.describe()));
        }
    }
}
