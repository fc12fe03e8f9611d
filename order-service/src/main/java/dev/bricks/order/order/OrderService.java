package dev.bricks.order.order;

import dev.bricks.contracts.order.OrderPage;
import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.contracts.order.OrderSummary;
import dev.bricks.contracts.order.OrderView;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.store.OrderEntity;
import dev.bricks.order.store.OrderFilter;
import dev.bricks.order.store.OrderStore;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The back-office and customer use cases on stored orders. */
@ApplicationScoped
public class OrderService {

    static final Duration MAX_SUMMARY_RANGE = Duration.ofDays(366);
    static final int EXPORT_BATCH = 500;

    private final OrderStore store;

    public OrderService(OrderStore store) {
        this.store = store;
    }

    @Transactional
    public OrderPage list(OrderFilter filter, int page, int size) {
        OrderStore.Slice slice = store.page(filter, page, size);
        int pages = (int) ((slice.totalItems() + size - 1) / size);
        return new OrderPage(slice.items().stream().map(OrderViews::of).toList(), page, size, slice.totalItems(),
                pages);
    }

    @Transactional
    public OrderPage mine(Caller caller, int page, int size) {
        UUID customerId = customerIdOf(caller);
        return list(OrderFilter.ofCustomer(customerId), page, size);
    }

    /** Staff see every order; a customer only their own; to anyone else it does not exist. */
    @Transactional
    public OrderView get(String id, Caller caller) {
        OrderEntity order = parseId(id).flatMap(store::find)
                .filter(o -> caller.staff() || Objects.equals(o.customerId.toString(), caller.subject()))
                .orElseThrow(() -> ProblemException.notFound("no order " + id));
        return OrderViews.of(order);
    }

    /** Whether an order with this id is stored. */
    @Transactional
    public boolean exists(UUID orderId) {
        return store.find(orderId).isPresent();
    }

    /** PLACED → FULFILLED or CANCELLED, once; the row lock makes two racing staff members see 200 and 409. */
    @Transactional
    public OrderView transition(String id, OrderStatus target, Caller staff) {
        OrderEntity order = parseId(id).flatMap(store::findForUpdate)
                .orElseThrow(() -> ProblemException.notFound("no order " + id));
        if (order.status != OrderStatus.PLACED) {
            throw ProblemException.conflict("order " + id + " is " + order.status + "; only a PLACED order can be "
                    + (target == OrderStatus.FULFILLED ? "fulfilled" : "cancelled"));
        }
        store.recordStatus(order, target, Instant.now().truncatedTo(ChronoUnit.MICROS), staff.email());
        return OrderViews.of(order);
    }

    @Transactional
    public OrderSummary summary(Instant from, Instant to) {
        Instant end = to != null ? to : Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Instant start = from != null ? from : latest(end.minus(30, ChronoUnit.DAYS), OrderQuery.EARLIEST);
        if (!start.isBefore(end)) {
            throw ProblemException.badField("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_SUMMARY_RANGE) > 0) {
            throw ProblemException.badField("to", "the range from..to may span at most 366 days");
        }
        List<OrderSummary.Row> rows = store.summary(start, end).stream()
                .map(r -> new OrderSummary.Row(r.day(), r.status(), r.currency(), r.orders(),
                        OrderViews.money(r.revenue(), OrderViews.decimals(r.currency()))))
                .toList();
        return new OrderSummary(start, end, rows);
    }

    /** The whole filtered list as CSV, newest first, read in batches. */
    @Transactional
    public String exportCsv(OrderFilter filter) {
        StringBuilder csv = new StringBuilder(OrderCsv.HEADER);
        var query = store.query(filter).page(Page.ofSize(EXPORT_BATCH));
        for (List<OrderEntity> batch = query.list(); !batch.isEmpty(); batch = query.nextPage().list()) {
            batch.forEach(order -> csv.append(OrderCsv.row(OrderViews.of(order))));
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
        }
        return csv.toString();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static UUID customerIdOf(Caller caller) {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("the token's subject is not a customer id");
        }
    }

    private static java.util.Optional<UUID> parseId(String id) {
        try {
            return id != null && id.length() == 36 ? java.util.Optional.of(UUID.fromString(id))
                    : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
