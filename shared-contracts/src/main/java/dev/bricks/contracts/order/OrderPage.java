package dev.bricks.contracts.order;

import java.util.List;

/**
 * One page of orders, newest first.
 *
 * @param page       zero-based page index
 * @param size       the page size asked for (1..100)
 * @param totalItems how many orders match the filter in all
 * @param totalPages how many pages of {@code size} that makes
 */
public record OrderPage(List<OrderView> items, int page, int size, long totalItems, int totalPages) {
}
