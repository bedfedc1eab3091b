package io.dockwarden.notification.web;

import io.dockwarden.notification.routing.Matcher;
import io.dockwarden.notification.silences.InvalidSilenceException;
import io.dockwarden.notification.silences.Silence;
import io.dockwarden.notification.silences.Silences;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Silences, in Alertmanager's API shape: matchers as {@code name}, {@code value}, {@code isRegex}, {@code isEqual};
 * {@code startsAt}, {@code endsAt}, {@code createdBy}, {@code comment}. Deleting a silence expires it.
 */
@RestController
@RequestMapping("/api/silences")
class SilencesController {

    private final Silences silences;
    private final Clock clock;

    SilencesController(Silences silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    /**
     * One matcher of a silence.
     *
     * @param name label name
     * @param value value or regular expression
     * @param isRegex whether the value is a regular expression (anchored)
     * @param isEqual false for {@code !=} and {@code !~}; defaults to true
     */
    record MatcherJson(String name, String value, boolean isRegex, @Nullable Boolean isEqual) {

        Matcher toMatcher() {
            boolean equal = isEqual == null || isEqual;
            Matcher.Type type = isRegex ? (equal ? Matcher.Type.REGEX : Matcher.Type.NOT_REGEX)
                    : (equal ? Matcher.Type.EQUAL : Matcher.Type.NOT_EQUAL);
            return new Matcher(name, type, value);
        }

        static MatcherJson of(Matcher matcher) {
            return new MatcherJson(matcher.name(), matcher.value(), matcher.type().isRegex(),
                    !matcher.type().isNegative());
        }
    }

    /**
     * A silence to create.
     *
     * @param matchers what it mutes
     * @param startsAt when it starts; now if absent
     * @param endsAt when it ends
     * @param createdBy who creates it
     * @param comment why
     */
    record SilenceRequest(@Nullable List<MatcherJson> matchers, @Nullable Instant startsAt, @Nullable Instant endsAt,
            @Nullable String createdBy, @Nullable String comment) {
    }

    /**
     * A silence as the API shows it.
     *
     * @param id its id
     * @param matchers what it mutes
     * @param startsAt when it starts
     * @param endsAt when it ends
     * @param createdBy who created it
     * @param comment why
     * @param updatedAt when it last changed
     * @param status its state: pending, active or expired
     */
    record SilenceJson(String id, List<MatcherJson> matchers, Instant startsAt, Instant endsAt, String createdBy,
            String comment, Instant updatedAt, Status status) {

        record Status(String state) {
        }

        static SilenceJson of(Silence silence, Instant now) {
            return new SilenceJson(silence.id(), silence.matchers().stream().map(MatcherJson::of).toList(),
                    silence.startsAt(), silence.endsAt(), silence.createdBy(), silence.comment(), silence.updatedAt(),
                    new Status(silence.state(now).wireName()));
        }
    }

    @PostMapping
    ResponseEntity<SilenceJson> create(@RequestBody SilenceRequest request) {
        if (request.endsAt() == null) {
            throw new InvalidSilenceException("endsAt is required");
        }
        List<Matcher> matchers = new ArrayList<>();
        for (MatcherJson matcher : request.matchers() == null ? List.<MatcherJson>of() : request.matchers()) {
            if (matcher == null || matcher.name() == null || matcher.value() == null) {
                throw new InvalidSilenceException("every matcher needs a name and a value");
            }
            try {
                matchers.add(matcher.toMatcher());
            } catch (IllegalArgumentException e) {
                throw new InvalidSilenceException(e.getMessage());
            }
        }
        Instant now = clock.instant();
        Silence silence = silences.create(new Silences.Draft(matchers, request.startsAt(), request.endsAt(),
                request.createdBy() == null ? "" : request.createdBy(),
                request.comment() == null ? "" : request.comment()), now);
        return ResponseEntity.created(URI.create("/api/silences/" + silence.id())).body(SilenceJson.of(silence, now));
    }

    @GetMapping
    List<SilenceJson> list(@RequestParam(required = false) @Nullable String state) {
        Instant now = clock.instant();
        return silences.all().stream().map(silence -> SilenceJson.of(silence, now))
                .filter(silence -> state == null || silence.status().state().equals(state)).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<SilenceJson> get(@PathVariable String id) {
        return silences.get(id).map(silence -> ResponseEntity.ok(SilenceJson.of(silence, clock.instant())))
                .orElse(ResponseEntity.notFound().build());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<SilenceJson> expire(@PathVariable String id) {
        Instant now = clock.instant();
        return silences.expire(id, now).map(silence -> ResponseEntity.ok(SilenceJson.of(silence, now)))
                .orElse(ResponseEntity.notFound().build());
    }

    @ExceptionHandler(InvalidSilenceException.class)
    ProblemDetail invalid(InvalidSilenceException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid silence");
        return problem;
    }
}
