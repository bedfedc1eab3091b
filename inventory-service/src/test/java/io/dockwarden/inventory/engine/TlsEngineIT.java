package io.dockwarden.inventory.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.events.host.HostSnapshot;
import io.dockwarden.inventory.InventoryProperties;
import io.dockwarden.inventory.tracking.EngineAction;
import io.dockwarden.inventory.tracking.EngineUnavailableException;
import io.dockwarden.testsupport.FreePorts;
import io.dockwarden.testsupport.docker.RequiresDocker;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An engine reached over {@code tcp://} with TLS client certificates, as a remote engine is: a dockerd of the test's
 * own listening on loopback with {@code --tlsverify}, certificates made by the test.
 */
@RequiresDocker
class TlsEngineIT {

    private static Path directory;
    private static Process dockerd;
    private static String dockerHost;
    private static Path trusted;
    private static Path untrusted;

    @BeforeAll
    static void startEngineWithTls() throws Exception {
        directory = Files.createTempDirectory(Path.of("/tmp"), "dwtls-");
        trusted = Files.createDirectories(directory.resolve("client"));
        untrusted = Files.createDirectories(directory.resolve("stranger"));
        Path server = Files.createDirectories(directory.resolve("server"));
        CertificateAuthority ca = new CertificateAuthority("dockwarden test CA");
        ca.issue("engine", false, server);
        ca.issue("inventory", true, trusted);
        new CertificateAuthority("another CA").issue("inventory", true, untrusted);

        int port = FreePorts.next();
        dockerHost = "tcp://127.0.0.1:" + port;
        dockerd = new ProcessBuilder("dockerd", "--host", dockerHost, "--tlsverify",
                "--tlscacert", server.resolve("ca.pem").toString(),
                "--tlscert", server.resolve("cert.pem").toString(),
                "--tlskey", server.resolve("key.pem").toString(),
                "--data-root", directory.resolve("data").toString(),
                "--exec-root", directory.resolve("exec").toString(),
                "--pidfile", directory.resolve("docker.pid").toString(),
                "--bridge=none", "--iptables=false", "--ip-masq=false")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("dockerd.log").toFile())
                .start();
        assertThat(FreePorts.awaitListening(port, Duration.ofSeconds(60)))
                .as("dockerd listens; see " + directory.resolve("dockerd.log")).isTrue();
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (dockerd != null) {
            dockerd.destroy();
            if (!dockerd.waitFor(60, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (directory != null) {
            new ProcessBuilder("rm", "-rf", directory.toString()).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void readsAndFollowsAnEngineThatTrustsTheClientCertificate() throws Exception {
        try (DockerConnection connection = new DockerConnection(settings(trusted))) {
            assertThat(connection.tls()).isTrue();
            DockerEngineView view = new DockerEngineView(connection.requests());

            HostSnapshot host = awaitHost(view);
            assertThat(host.engineId()).isNotBlank();

            List<EngineAction> actions = new CopyOnWriteArrayList<>();
            try (Closeable stream = new EngineEventStream(connection.events()).subscribe(0, actions::add,
                    error -> { }, Duration.ofSeconds(30))) {
                connection.requests().createVolumeCmd().withName("over-tls").exec();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (actions.stream().noneMatch(action -> action.actorId().equals("over-tls"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                connection.requests().removeVolumeCmd("over-tls").exec();
            }
            assertThat(actions).anyMatch(action -> action.type().equals("volume") && action.verb().equals("create")
                    && action.actorId().equals("over-tls"));
        }
    }

    @Test
    void refusesAnEngineWhoseCertificateItCannotVerify() throws IOException {
        try (DockerConnection connection = new DockerConnection(settings(untrusted))) {
            assertThatThrownBy(() -> new DockerEngineView(connection.requests()).host())
                    .isInstanceOf(EngineUnavailableException.class);
        }
    }

    private static HostSnapshot awaitHost(DockerEngineView view) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return view.host();
            } catch (EngineUnavailableException starting) {
                if (System.nanoTime() > deadline) {
                    throw starting;
                }
                Thread.sleep(200);
            }
        }
    }

    private static InventoryProperties.Docker settings(Path certs) {
        return new InventoryProperties.Docker(dockerHost, true, certs.toString(), null, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 4);
    }

    /** A certificate authority of the test, issuing the engine's certificate and the client's, in PEM files. */
    private static final class CertificateAuthority {

        private final X500Name name;
        private final KeyPair keys;
        private final X509Certificate certificate;

        CertificateAuthority(String commonName) throws Exception {
            this.name = new X500Name("CN=" + commonName);
            this.keys = rsa();
            JcaX509v3CertificateBuilder builder = builder(name, name, keys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            this.certificate = sign(builder, keys);
        }

        /** Writes {@code ca.pem}, {@code cert.pem} and {@code key.pem}, as the docker CLI and the engine read them. */
        void issue(String commonName, boolean client, Path directory) throws Exception {
            KeyPair subject = rsa();
            JcaX509v3CertificateBuilder builder = builder(name, new X500Name("CN=" + commonName), subject);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    client ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
            if (!client) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            pem(directory.resolve("ca.pem"), certificate);
            pem(directory.resolve("cert.pem"), sign(builder, keys));
            pem(directory.resolve("key.pem"), subject.getPrivate());
        }

        private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
            Instant now = Instant.now();
            return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                    keys.getPublic());
        }

        private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
        }

        private static KeyPair rsa() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        private static void pem(Path file, Object object) throws IOException {
            try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
                pem.writeObject(object);
            }
        }
    }
}
