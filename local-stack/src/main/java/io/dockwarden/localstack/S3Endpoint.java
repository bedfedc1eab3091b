package io.dockwarden.localstack;

/**
 * Where the S3 part of the stack is and how to sign in.
 *
 * @param url endpoint URL
 * @param accessKey access key
 * @param secretKey secret key
 */
public record S3Endpoint(String url, String accessKey, String secretKey) {

    @Override
    public String toString() {
        return "S3Endpoint[url=" + url + ", accessKey=" + accessKey + ", secretKey=***]";
    }
}
