package io.dockwarden.compliance.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** An archive in a sorted map, as a bucket lists keys; objects can be tampered with. */
final class InMemoryArchive implements ReportArchive {

    final TreeMap<String, byte[]> objects = new TreeMap<>();

    @Override
    public List<String> reportKeys() {
        return new ArrayList<>(objects.keySet().stream().filter(key -> key.endsWith("/report.json")).toList());
    }

    @Override
    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public void write(String key, byte[] content, String contentType, String sha256) {
        objects.put(key, content.clone());
    }

    @Override
    public String location() {
        return "test-bucket";
    }
}
