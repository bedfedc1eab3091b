package io.dockwarden.compliance.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckTarget;
import io.dockwarden.compliance.checks.ContainerCheck;
import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.HostCheck;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.compliance.definitions.DefinitionException;
import io.dockwarden.compliance.definitions.DefinitionProblem;
import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.Mount;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import io.dockwarden.events.fixtures.ContainerSnapshots;
import io.dockwarden.events.fixtures.EventFixtures;
import io.dockwarden.events.fixtures.HostSnapshots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleFilesTest {

    private static final Set<String> BUILT_IN = Set.of("5.5", "5.13");

    private static ContainerCheck containerRule(String yaml) {
        List<Check> rules = RuleFiles.parse("rules.yaml", yaml, BUILT_IN);
        assertThat(rules).hasSize(1);
        return (ContainerCheck) rules.get(0);
    }

    private static Verdict evaluate(ContainerCheck rule, ContainerSnapshot container) {
        return rule.evaluate(new ContainerContext(container, HostSnapshots.hardened(), EventFixtures.T0));
    }

    private static DefinitionProblem problem(String yaml) {
        try {
            RuleFiles.parse("rules.yaml", yaml, BUILT_IN);
        } catch (DefinitionException e) {
            return e.problem();
        }
        throw new AssertionError("the rule file was accepted");
    }

    private static String rule(String condition) {
        return """
                rules:
                  - id: ACME-1
                    title: A rule
                    severity: high
                    remediation: Fix it.
                    require:
                """ + condition.indent(6);
    }

    @Test
    void readsEveryPartOfARule() {
        ContainerCheck rule = containerRule("""
                rules:
                  - id: ACME-1
                    title: Containers name their owning team
                    severity: medium
                    level: 2
                    scored: false
                    benchmark: ACME container policy v3
                    rationale: Someone must answer for every container.
                    description: Checks the team label.
                    remediation: Add the label com.acme.team.
                    require:
                      path: labels["com.acme.team"]
                      exists: true
                """);
        assertThat(rule.info().id()).isEqualTo("ACME-1");
        assertThat(rule.info().level()).isEqualTo(2);
        assertThat(rule.info().scored()).isFalse();
        assertThat(rule.info().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rule.info().benchmark()).isEqualTo("ACME container policy v3");
        assertThat(rule.info().origin()).isEqualTo("rules.yaml");
        assertThat(evaluate(rule, ContainerSnapshots.hardened())).isInstanceOf(Verdict.Fail.class);
        assertThat(evaluate(rule, ContainerSnapshotBuilder.from(ContainerSnapshots.hardened())
                .label("com.acme.team", "shop").build())).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void explainsAFailureWithTheFieldAndWhatWasExpected() {
        ContainerCheck rule = containerRule(rule("""
                all:
                  - path: resources.memoryBytes
                    le: 536870912
                  - path: image.ref
                    matches: "^registry\\\\.example\\\\.com/"
                  - not:
                      path: user
                      in: ["", "root", "0"]
                """));
        ContainerSnapshot container = ContainerSnapshotBuilder.from(ContainerSnapshots.hardened()).user("root")
                .build();
        Verdict.Fail fail = (Verdict.Fail) evaluate(rule, container);
        assertThat(fail.severity()).isEqualTo(Severity.HIGH);
        assertThat(fail.evidence()).containsExactly(new Evidence("user", "root", "not in [\"\", \"root\", \"0\"]"));
        assertThat(evaluate(rule, ContainerSnapshots.hardened())).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void anyNeedsOneMemberAndExplainsAllOfThem() {
        ContainerCheck rule = containerRule(rule("""
                any:
                  - path: readonlyRootfs
                    eq: true
                  - path: labels.writable
                    eq: approved
                """));
        ContainerSnapshot writable = ContainerSnapshotBuilder.from(ContainerSnapshots.hardened()).readonlyRootfs(false)
                .build();
        assertThat(((Verdict.Fail) evaluate(rule, writable)).evidence()).extracting(Evidence::field)
                .containsExactly("readonlyRootfs", "labels.writable");
        assertThat(evaluate(rule, ContainerSnapshotBuilder.from(writable).label("writable", "approved").build()))
                .isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void aListInThePathAppliesToEachElement() {
        ContainerCheck rule = containerRule(rule("""
                not:
                  path: mounts.source
                  matches: "^/srv/secrets"
                """));
        ContainerSnapshot container = ContainerSnapshotBuilder.from(ContainerSnapshots.hardened())
                .addMount(new Mount("bind", "/srv/secrets/db", "/run/secrets/db", null, false, "")).build();
        Verdict.Fail fail = (Verdict.Fail) evaluate(rule, container);
        assertThat(fail.evidence().get(0).expected()).isEqualTo("not matches /^/srv/secrets/");
        assertThat(evaluate(rule, ContainerSnapshots.hardened())).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void containsLooksIntoListsMapsAndText() {
        ContainerSnapshot container = ContainerSnapshots.privileged();
        assertThat(evaluate(containerRule(rule("{path: capAdd, contains: ALL}")), container))
                .isInstanceOf(Verdict.Pass.class);
        assertThat(evaluate(containerRule(rule("{path: labels, contains: com.example.team}")),
                ContainerSnapshots.hardened())).isInstanceOf(Verdict.Pass.class);
        assertThat(evaluate(containerRule(rule("{path: image.ref, contains: ubuntu}")), container))
                .isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void comparesNumbersAcrossListsAndNe() {
        assertThat(evaluate(containerRule(rule("{path: ports.hostPort, gt: 1024}")), ContainerSnapshots.hardened()))
                .isInstanceOf(Verdict.Pass.class);
        assertThat(evaluate(containerRule(rule("{path: resources.pidsLimit, lt: 50}")),
                ContainerSnapshots.hardened())).isInstanceOf(Verdict.Fail.class);
        assertThat(evaluate(containerRule(rule("{path: networkMode, ne: host}")), ContainerSnapshots.privileged()))
                .isInstanceOf(Verdict.Fail.class);
        assertThat(evaluate(containerRule(rule("{path: privileged, eq: false}")), ContainerSnapshots.hardened()))
                .isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void appliesWhenMakesTheRuleNotApplicable() {
        ContainerCheck rule = containerRule("""
                rules:
                  - id: ACME-2
                    title: Running containers are limited
                    severity: low
                    remediation: Set --memory.
                    applies-when: {path: status, eq: running}
                    require: {path: resources.memoryBytes, gt: 0}
                """);
        Verdict verdict = evaluate(rule, ContainerSnapshots.minimal());
        assertThat(verdict).isInstanceOf(Verdict.NotApplicable.class);
        assertThat(((Verdict.NotApplicable) verdict).why()).contains("status is created");
    }

    @Test
    void hostRulesReadEngineFacts() {
        List<Check> rules = RuleFiles.parse("host.yaml", """
                rules:
                  - id: ACME-H1
                    target: host
                    title: Engines run a current version
                    severity: medium
                    remediation: Upgrade the engine.
                    require: {path: serverVersion, matches: "^(2[7-9]|[3-9][0-9])\\\\."}
                """, BUILT_IN);
        HostCheck rule = (HostCheck) rules.get(0);
        assertThat(rule.info().target()).isEqualTo(CheckTarget.HOST);
        assertThat(rule.evaluate(HostSnapshots.minimal())).isInstanceOf(Verdict.Pass.class);
        assertThat(rule.evaluate(HostSnapshots.builder().serverVersion("20.10.24").build()))
                .isInstanceOf(Verdict.Fail.class);
    }

    @Test
    void anEmptyFileHoldsNoRules() {
        assertThat(RuleFiles.parse("empty.yaml", "", BUILT_IN)).isEmpty();
        assertThat(RuleFiles.parse("empty.yaml", "rules: []", BUILT_IN)).isEmpty();
    }

    @Nested
    class Rejects {

        @Test
        void anUnknownFieldWithItsLineAndTheFieldsThatExist() {
            DefinitionProblem problem = problem(rule("{path: resources.memory, gt: 0}"));
            assertThat(problem.file()).isEqualTo("rules.yaml");
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.reason()).contains("'resources' has no field 'memory'").contains("memoryBytes");
        }

        @Test
        void anOperatorThatDoesNotSuitTheField() {
            assertThat(problem(rule("{path: name, gt: 5}")).reason()).contains("'gt' compares numbers and times");
            assertThat(problem(rule("{path: privileged, eq: maybe}")).reason()).contains("true or false");
            assertThat(problem(rule("{path: resources.memoryBytes, eq: lots}")).reason()).contains("is not");
        }

        @Test
        void aBadRegularExpression() {
            DefinitionProblem problem = problem(rule("{path: name, matches: \"([a-z\"}"));
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.reason()).contains("not a valid regular expression");
        }

        @Test
        void twoOperatorsOrNone() {
            assertThat(problem(rule("{path: name, eq: a, ne: b}")).reason()).contains("exactly one operator");
            assertThat(problem(rule("{path: name}")).reason()).contains("exactly one operator");
        }

        @Test
        void scriptingOfAnyKind() {
            assertThat(problem(rule("{path: name, script: \"Runtime.exec('x')\"}")).reason())
                    .contains("exactly one operator");
            assertThat(problem("rules: !!javax.script.ScriptEngineManager []").reason()).contains("tag is not allowed");
            DefinitionProblem tagged = problem("rules:\n  - !exec {id: x}");
            assertThat(tagged.line()).isEqualTo(2);
            assertThat(tagged.reason()).contains("YAML tags are not allowed");
        }

        @Test
        void missingRequiredKeysAndUnknownKeys() {
            assertThat(problem("""
                    rules:
                      - id: ACME-1
                        title: x
                        remediation: y
                        require: {path: name, exists: true}
                    """).reason()).isEqualTo("a rule needs 'severity'");
            DefinitionProblem typo = problem("""
                    rules:
                      - id: ACME-1
                        title: x
                        severity: low
                        remedation: y
                        require: {path: name, exists: true}
                    """);
            assertThat(typo.line()).isEqualTo(5);
            assertThat(typo.reason()).contains("unknown key 'remedation'");
        }

        @Test
        void builtInIdsAndIdsWithSlashes() {
            assertThat(problem(rule("{path: name, exists: true}").replace("ACME-1", "\"5.5\"")).reason())
                    .contains("is a built-in check");
            assertThat(problem(rule("{path: name, exists: true}").replace("ACME-1", "a/b")).reason())
                    .contains("without slashes");
        }

        @Test
        void brokenYamlWithTheLine() {
            DefinitionProblem problem = problem("rules:\n  - id: [unclosed\n    title: x\n");
            assertThat(problem.line()).isGreaterThan(0);
            assertThat(problem.reason()).startsWith("not valid YAML");
        }

        @Test
        void duplicateKeys() {
            assertThat(problem("""
                    rules:
                      - id: A
                        id: B
                    """).reason()).contains("duplicate key 'id'");
        }
    }

    @Test
    void aSetWithOneBadFileIsRejectedWhole() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("good.yaml", rule("{path: name, exists: true}"));
        files.put("bad.yaml", rule("{path: nosuch, exists: true}").replace("ACME-1", "ACME-2"));
        RuleFiles.Loaded loaded = RuleFiles.load(files, BUILT_IN);
        assertThat(loaded.accepted()).isFalse();
        assertThat(loaded.rules()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bad.yaml");
            assertThat(problem.line()).isEqualTo(7);
        });
    }

    @Test
    void theSameIdInTwoFilesIsRejected() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.yaml", rule("{path: name, exists: true}"));
        files.put("b.yaml", rule("{path: name, exists: true}"));
        assertThat(RuleFiles.load(files, BUILT_IN).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("already defined in a.yaml"));
    }

    @Test
    void refusesListPositionsInPaths() {
        assertThatThrownBy(() -> FieldPath.compile("labels[0]", ContainerSnapshot.class))
                .hasMessageContaining("map keys in quotes");
    }
}
