package dev.bricks.order.backoffice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time zone a staff member reads times in: their choice, kept in the cookie {@code bricks_tz}
 * (scoped to {@code /backoffice}, a year, URL-encoded), first set from the browser's zone at sign-in; without it
 * the setting {@code bricks.backoffice.time-zone}. Only region zones (and UTC) are offered: those
 * are the ones PostgreSQL's day grouping knows by the same name.
 */
@ApplicationScoped
public class ZonePreference {

    public static final String COOKIE = "bricks_tz";
    static final int ONE_YEAR = 365 * 24 * 3600;
    private static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(ZonePreference::offered).sorted().toList();

    private final ZoneId fallback;
    private final boolean secure;

    public ZonePreference(@ConfigProperty(name = "bricks.backoffice.time-zone") String fallback,
            @ConfigProperty(name = "bricks.backoffice.secure-cookie") boolean secure) {
        this.fallback = parse(fallback).orElse(ZoneId.of("UTC"));
        this.secure = secure;
    }

    /** The zone of the cookie, else the configured default. */
    public ZoneId zone(String cookie) {
        return fromCookie(cookie).orElse(fallback);
    }

    /** The zone the cookie names, if any (its value is URL-encoded: a '/' would make it a quoted cookie). */
    public static Optional<ZoneId> fromCookie(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            return parse(URLDecoder.decode(cookie, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The zone named, if it is one of {@link #choices()}. */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || !CHOICES.contains(id.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static List<String> choices() {
        return CHOICES;
    }

    public NewCookie remember(ZoneId zone) {
        return new NewCookie.Builder(COOKIE).value(URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8))
                .path(StaffSession.PATH).maxAge(ONE_YEAR)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static boolean offered(String id) {
        return id.equals("UTC")
                || id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+");
    }
}
