package io.dockwarden.backup.s3;

import io.dockwarden.backup.BackupProperties;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** minio clients for the configured bucket, and the store adapter. */
@Configuration(proxyBeanMethods = false)
class S3Configuration {

    @Bean
    OkHttpClient s3HttpClient(BackupProperties properties) {
        BackupProperties.S3 s3 = properties.s3();
        return new OkHttpClient.Builder()
                .connectTimeout(s3.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(s3.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(s3.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // A pooled connection the store closed is replaced at once; longer outages are the pipeline's.
                .retryOnConnectionFailure(true)
                .build();
    }

    @Bean
    MinioClient minioClient(BackupProperties properties, OkHttpClient s3HttpClient) {
        BackupProperties.S3 s3 = properties.s3();
        MinioClient.Builder builder = MinioClient.builder().endpoint(s3.endpoint()).region(s3.region())
                .httpClient(s3HttpClient);
        if (s3.accessKey() != null && s3.secretKey() != null) {
            builder.credentials(s3.accessKey(), s3.secretKey());
        }
        return builder.build();
    }

    @Bean
    MinioAsyncClient minioAsyncClient(BackupProperties properties, OkHttpClient s3HttpClient) {
        BackupProperties.S3 s3 = properties.s3();
        MinioAsyncClient.Builder builder = MinioAsyncClient.builder().endpoint(s3.endpoint()).region(s3.region())
                .httpClient(s3HttpClient);
        if (s3.accessKey() != null && s3.secretKey() != null) {
            builder.credentials(s3.accessKey(), s3.secretKey());
        }
        return builder.build();
    }

    @Bean
    S3ObjectStore objectStore(MinioClient client, MinioAsyncClient asyncClient, BackupProperties properties) {
        return new S3ObjectStore(client, asyncClient, properties.s3().bucket(), properties.s3().createBucket());
    }

    @Bean
    S3HealthIndicator s3HealthIndicator(S3ObjectStore store, BackupProperties properties) {
        return new S3HealthIndicator(store, properties);
    }
}
