package io.dockwarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.testsupport.s3.S3Server;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class S3ServerIT {

    @Test
    void storesObjectsSignedWithSigV4AndRejectsAWrongSecret() throws Exception {
        S3Server server = S3Server.shared();
        server.createBucket("sigv4");
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        try (MinioClient client = server.client()) {
            client.putObject(PutObjectArgs.builder().bucket("sigv4").object("a/b.txt")
                    .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
            try (var in = client.getObject(GetObjectArgs.builder().bucket("sigv4").object("a/b.txt").build())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
        assertThat(server.objectKeys("sigv4", "a/")).containsExactly("a/b.txt");
        try (MinioClient forger = MinioClient.builder().endpoint(server.endpoint()).region(S3Server.REGION)
                .credentials(server.accessKey(), "not-the-secret").build()) {
            assertThatThrownBy(() -> forger.getObject(GetObjectArgs.builder().bucket("sigv4").object("a/b.txt")
                    .build())).isInstanceOf(ErrorResponseException.class);
        }
    }

    @Test
    void restartsOnTheSamePortWithTheSameDataAndListsIncompleteUploads() throws Exception {
        try (S3Server server = S3Server.dedicated()) {
            server.createBucket("outage");
            byte[] content = "kept".getBytes(StandardCharsets.UTF_8);
            try (MinioClient client = server.client()) {
                client.putObject(PutObjectArgs.builder().bucket("outage").object("kept")
                        .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
            }
            server.stop();
            server.start();
            assertThat(server.objectKeys("outage", "")).containsExactly("kept");
            assertThat(server.incompleteUploads("outage")).isEmpty();
        }
    }
}
