package io.dockwarden.notification.routing;

import java.util.List;
import java.util.Map;

/** A conjunction of matchers: all must match; none matches everything. */
public record Matchers(List<Matcher> all) {

    public Matchers {
        all = List.copyOf(all);
    }

    public static Matchers none() {
        return new Matchers(List.of());
    }

    public boolean matches(Map<String, String> labels) {
        for (Matcher matcher : all) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < all.size(); i++) {
            text.append(i == 0 ? "" : ",").append(all.get(i));
        }
        return text.append('}').toString();
    }
}
