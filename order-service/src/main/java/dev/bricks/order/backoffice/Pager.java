package dev.bricks.order.backoffice;

import dev.bricks.contracts.order.OrderPage;

/** The links under a list page; null where there is no such page. {@code number} counts from 1. */
public record Pager(String previous, String next, int number, int pages) {

    static Pager of(OrderPage page, ListForm form) {
        return new Pager(page.page() > 0 ? form.link(page.page() - 1) : null,
                page.page() + 1 < page.totalPages() ? form.link(page.page() + 1) : null,
                page.page() + 1, Math.max(1, page.totalPages()));
    }
}
