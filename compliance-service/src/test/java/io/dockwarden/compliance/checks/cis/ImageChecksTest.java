package io.dockwarden.compliance.checks.cis;

import static io.dockwarden.compliance.checks.cis.Verdicts.compliant;
import static io.dockwarden.compliance.checks.cis.Verdicts.fails;
import static io.dockwarden.compliance.checks.cis.Verdicts.on;
import static io.dockwarden.compliance.checks.cis.Verdicts.onlyEvidence;
import static io.dockwarden.compliance.checks.cis.Verdicts.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.container.ContainerSnapshot.HealthcheckConfig;
import io.dockwarden.events.container.ContainerSnapshot.HistoryStep;
import io.dockwarden.events.container.ContainerSnapshot.ImageInfo;
import io.dockwarden.events.finding.Evidence;
import io.dockwarden.events.finding.Severity;
import io.dockwarden.events.fixtures.ContainerSnapshotBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageChecksTest {

    private static ContainerSnapshot withImage(String user, HealthcheckConfig healthcheck, List<String> env,
            List<HistoryStep> history) {
        ImageInfo image = compliant().build().image();
        return compliant().image(new ImageInfo(image.id(), image.ref(), image.digest(), user, healthcheck, env,
                history)).build();
    }

    private static ContainerSnapshot withHistory(String... steps) {
        ImageInfo image = compliant().build().image();
        List<HistoryStep> history = java.util.Arrays.stream(steps).map(step -> new HistoryStep(step, false)).toList();
        return withImage(image.user(), image.healthcheck(), image.envNames(), history);
    }

    private static ContainerSnapshot withUser(ContainerSnapshot container, String user) {
        return ContainerSnapshotBuilder.from(container).user(user).build();
    }

    @Nested
    class UserCreated {

        private final ContainerUserCreated check = new ContainerUserCreated();

        @Test
        void passesAnUnprivilegedUser() {
            passes(on(check, compliant().user("10001:10001").build()));
            passes(on(check, compliant().user("app").build()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "root", "0", "0:0", "root:staff", "0:1000", " root ", "0000"})
        void failsRootWithOrWithoutAGroup(String user) {
            ContainerSnapshot container = withUser(withImage("", null, List.of(), List.of()), user);
            Evidence evidence = onlyEvidence(fails(on(check, container), Severity.MEDIUM));
            assertThat(evidence.field()).isEqualTo("Config.User");
        }

        @Test
        void readsTheImageUserWhenTheContainerSetsNone() {
            ImageInfo image = compliant().build().image();
            passes(on(check, withUser(withImage("10001", image.healthcheck(), List.of(), List.of()), "")));
            fails(on(check, withUser(withImage("root", image.healthcheck(), List.of(), List.of()), "")),
                    Severity.MEDIUM);
        }

        @Test
        void treatsUid10AsUnprivileged() {
            passes(on(check, compliant().user("10").build()));
        }
    }

    @Nested
    class ImageHealthcheckDefined {

        private final ImageHealthcheck check = new ImageHealthcheck();

        @Test
        void passesAnImageWithAHealthcheck() {
            passes(on(check, compliant().build()));
        }

        @Test
        void failsAnImageWithout() {
            Evidence evidence = onlyEvidence(fails(on(check, withImage("1", null, List.of(), List.of())),
                    Severity.LOW));
            assertThat(evidence.actual()).isEqualTo("absent");
        }

        @Test
        void failsAnImageThatDisablesIt() {
            HealthcheckConfig none = new HealthcheckConfig("NONE", 0, 0, 0, 0);
            assertThat(onlyEvidence(on(check, withImage("1", none, List.of(), List.of()))).actual())
                    .isEqualTo("NONE");
        }

        @Test
        void doesNotCountAHealthcheckGivenOnlyToTheContainer() {
            ContainerSnapshot container = ContainerSnapshotBuilder
                    .from(withImage("1", null, List.of(), List.of()))
                    .healthcheck(new HealthcheckConfig("CMD", 0, 0, 0, 0)).build();
            fails(on(check, container), Severity.LOW);
        }
    }

    @Nested
    class UpdateInstructions {

        private final UpdateNotAlone check = new UpdateNotAlone();

        @Test
        void passesUpdateAndInstallInOneStep() {
            passes(on(check, withHistory("/bin/sh -c apt-get update && apt-get install -y curl",
                    "RUN /bin/sh -c apk update && apk add --no-cache tini # buildkit")));
        }

        @Test
        void failsAnUpdateAlone() {
            Evidence evidence = onlyEvidence(fails(on(check, withHistory("/bin/sh -c #(nop) ADD file:abc in / ",
                    "/bin/sh -c apt-get update", "/bin/sh -c apt-get install -y curl")), Severity.LOW));
            assertThat(evidence.field()).isEqualTo("Image.History[1].CreatedBy");
        }

        @Test
        void recognisesOptionsBeforeUpdate() {
            fails(on(check, withHistory("/bin/sh -c apt-get -qq update")), Severity.LOW);
            fails(on(check, withHistory("RUN apk --no-progress update # buildkit")), Severity.LOW);
        }

        @Test
        void ignoresOtherTools() {
            passes(on(check, withHistory("/bin/sh -c pip install --upgrade pip", "/bin/sh -c npm update")));
        }
    }

    @Nested
    class CopyNotAdd {

        private final CopyInsteadOfAdd check = new CopyInsteadOfAdd();

        @Test
        void passesTheBaseImagesRootFilesystem() {
            passes(on(check, withHistory("/bin/sh -c #(nop) ADD file:0a1b2c in / ", "/bin/sh -c #(nop)  CMD [\"sh\"]",
                    "COPY app.jar /app/ # buildkit")));
        }

        @Test
        void failsAnAddAfterTheBase() {
            Evidence evidence = onlyEvidence(fails(on(check, withHistory("/bin/sh -c #(nop) ADD file:0a1b in / ",
                    "ADD https://example.com/tool.tgz /opt/ # buildkit")), Severity.LOW));
            assertThat(evidence.field()).isEqualTo("Image.History[1].CreatedBy");
        }

        @Test
        void countsOnlyTheFirstRootFilesystemAsTheBase() {
            assertThat(((io.dockwarden.compliance.checks.Verdict.Fail) on(check, withHistory(
                    "/bin/sh -c #(nop) ADD file:aaa in / ", "/bin/sh -c #(nop) ADD file:bbb in /opt ")))
                    .evidence()).hasSize(1);
        }

        @Test
        void ignoresWordsThatMerelyContainAdd() {
            passes(on(check, withHistory("/bin/sh -c useradd app && addgroup app", "LABEL ADDRESS=x")));
        }
    }

    @Nested
    class SecretsInImage {

        private final NoSecretsInImage check = new NoSecretsInImage(Set.of("GPG_KEY", "GPG_KEYS"));

        @Test
        void passesHarmlessNames() {
            passes(on(check, withImage("1", null, List.of("PATH", "JAVA_HOME", "LANG"), List.of())));
        }

        @Test
        void failsSecretLookingNamesAndReportsOnlyTheNames() {
            Evidence evidence = onlyEvidence(fails(on(check, withImage("1", null,
                    List.of("PATH", "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "api_token", "SSH_PASS"), List.of())),
                    Severity.HIGH));
            assertThat(evidence.actual()).isEqualTo("[DB_PASSWORD, AWS_SECRET_ACCESS_KEY, api_token, SSH_PASS]");
        }

        @Test
        void allowsGpgKey() {
            passes(on(check, withImage("1", null, List.of("GPG_KEY", "GPG_KEYS"), List.of())));
        }

        @Test
        void ignoresTheContainersOwnEnvironment() {
            passes(on(check, compliant().envNames(List.of("DB_PASSWORD")).build()));
        }
    }
}
