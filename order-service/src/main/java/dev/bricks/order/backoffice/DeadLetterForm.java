package dev.bricks.order.backoffice;

import dev.bricks.order.deadletter.DeadLetterPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The filter of the dead-letter list as typed. */
public record DeadLetterForm(String status, String reason) {

    public boolean is(String value) {
        return value.equalsIgnoreCase(status == null || status.isBlank() ? "OPEN" : status.strip());
    }

    /** The list at page {@code page} with this filter. */
    public String link(int page) {
        StringBuilder link = new StringBuilder("/backoffice/dead-letters?page=").append(page);
        if (status != null && !status.isBlank()) {
            link.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        if (reason != null && !reason.isBlank()) {
            link.append("&reason=").append(URLEncoder.encode(reason, StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    /** The link to the newer page, null on the first. */
    public String previous(DeadLetterPage page) {
        return page.page() > 0 ? link(page.page() - 1) : null;
    }

    /** The link to the older page, null on the last. */
    public String next(DeadLetterPage page) {
        return page.page() + 1 < page.totalPages() ? link(page.page() + 1) : null;
    }

    public String pageText(DeadLetterPage page) {
        return "page " + (page.page() + 1) + " of " + Math.max(1, page.totalPages());
    }

    public String reasonText() {
        return reason == null ? "" : reason;
    }
}
