package io.dockwarden.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            /bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2 APP_HOME=/srv => /bin/sh -c #(nop)  ENV DB_PASSWORD=****** APP_HOME=******
            /bin/sh -c #(nop)  ENV DB_PASSWORD hunter2 and more => /bin/sh -c #(nop)  ENV DB_PASSWORD ******
            ENV AWS_SECRET_ACCESS_KEY=hunter2 LOG_LEVEL=info => ENV AWS_SECRET_ACCESS_KEY=****** LOG_LEVEL=******
            `ENV GREETING="hello hunter2" B='x y'` => `ENV GREETING="******" B='******'`
            ARG NPM_TOKEN=hunter2 => ARG NPM_TOKEN=******
            /bin/sh -c #(nop)  ARG API_TOKEN => /bin/sh -c #(nop)  ARG API_TOKEN
            |1 API_TOKEN=hunter2 /bin/sh -c make => |1 API_TOKEN=****** /bin/sh -c make
            RUN |2 NPM_TOKEN=hunter2 GIT_REF=main /bin/sh -c make => RUN |2 NPM_TOKEN=****** GIT_REF=****** /bin/sh -c make
            RUN /bin/sh -c docker run -e DB_USER=hunter2 app => RUN /bin/sh -c docker run -e DB_USER=****** app
            RUN /bin/sh -c docker run --env=MODE=hunter2 app => RUN /bin/sh -c docker run --env=MODE=****** app
            RUN /bin/sh -c docker build --build-arg REF=hunter2 . => RUN /bin/sh -c docker build --build-arg REF=****** .
            RUN /bin/sh -c export DB_PASSWORD='hunter2' && run => RUN /bin/sh -c export DB_PASSWORD='******' && run
            RUN /bin/sh -c app --password hunter2 --token=hunter2 => RUN /bin/sh -c app --password ****** --token=******
            RUN /bin/sh -c docker login -p hunter2 registry.example => RUN /bin/sh -c docker login -p ****** registry.example
            RUN /bin/sh -c curl -fsSL -u ci:hunter2 https://x/a.tgz => RUN /bin/sh -c curl -fsSL -u ci:****** https://x/a.tgz
            `RUN /bin/sh -c curl -H "Authorization: Bearer hunter2" x` => `RUN /bin/sh -c curl -H "Authorization: Bearer ******" x`
            RUN /bin/sh -c wget http://deploy:hunter2@repo.example/x => RUN /bin/sh -c wget http://deploy:******@repo.example/x
            RUN /bin/sh -c git clone https://hunter2@github.com/o/r => RUN /bin/sh -c git clone https://******@github.com/o/r
            `RUN /bin/sh -c echo "token=$API_TOKEN" > /dev/null` => `RUN /bin/sh -c echo "token=$API_TOKEN" > /dev/null`
            RUN /bin/sh -c docker login --password-stdin registry => RUN /bin/sh -c docker login --password-stdin registry
            RUN /bin/sh -c mkdir -p /srv/app && apt-get upgrade -y => RUN /bin/sh -c mkdir -p /srv/app && apt-get upgrade -y
            /bin/sh -c #(nop) ADD https://example.com/app.tgz /srv => /bin/sh -c #(nop) ADD https://example.com/app.tgz /srv
            RUN /bin/sh -c echo ENV X=1 => RUN /bin/sh -c echo ENV X=1
            """)
    void masksSecretsAndKeepsTheRestOfTheStep(String step, String masked) {
        assertThat(SecretMasking.mask(step)).isEqualTo(masked);
    }

    @Test
    void masksKnownSecretValuesWhereverTheyAppear() {
        assertThat(SecretMasking.mask("RUN /bin/sh -c echo hunter2 > /etc/app.conf", List.of("hunter2")))
                .isEqualTo("RUN /bin/sh -c echo ****** > /etc/app.conf");
    }

    @Test
    void takesKnownSecretsOnlyFromVariablesNamedAsSecrets() {
        assertThat(SecretMasking.secretValuesOf(List.of("DB_PASSWORD=hunter2", "APP_HOME=/srv", "API_KEY=abc",
                "GITHUB_TOKEN=ghp_123456", "PWD=/home/app", "EMPTY_SECRET="))).containsExactly("hunter2",
                "ghp_123456");
    }

    @Test
    void recognisesSecretNames() {
        assertThat(List.of("DB_PASSWORD", "db_passwd", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "API_KEY", "apikey",
                "CREDENTIALS", "SESSION_COOKIE")).allMatch(SecretMasking::isSensitiveName);
        assertThat(List.of("PATH", "HOME", "APP_HOME", "PWD", "LOG_LEVEL", "KEYBOARD"))
                .noneMatch(SecretMasking::isSensitiveName);
    }
}
