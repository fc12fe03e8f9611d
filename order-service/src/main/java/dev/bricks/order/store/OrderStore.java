package dev.bricks.order.store;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.contracts.order.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.hibernate.Session;

/** The orders database: the idempotent insert of the drain and the back-office queries. */
@ApplicationScoped
public class OrderStore {

    /** Who a PLACED status is attributed to in the history. */
    public static final String CHECKOUT = "checkout";

    private static final String STORE_ONCE = """
            with new_order as (
                insert into orders (order_id, cart_id, customer_id, email, total, currency, catalog_generation,
                                    placed_at, status, status_changed_at, status_changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PLACED', ?, ?)
                on conflict (order_id) do nothing
                returning order_id
            ), new_lines as (
                insert into order_lines (order_id, line_no, sku, name, unit_price, quantity)
                select new_order.order_id, line.line_no, line.sku, line.name, line.unit_price, line.quantity
                from new_order,
                     unnest(?::text[], ?::text[], ?::numeric[], ?::int[])
                         with ordinality as line(sku, name, unit_price, quantity, line_no)
            ), first_status as (
                insert into order_status_history (order_id, status, changed_at, changed_by)
                select order_id, 'PLACED', ?, ? from new_order
            )
            select count(*) from new_order
            """;

    private final EntityManager em;

    OrderStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores the order, its lines and its first history row in one transaction, unless an order
     * with this id is already stored: one statement, so one round trip to the database whatever the
     * number of lines (the lines and the history row are inserted only for an order inserted now;
     * the foreign keys are checked at the end of the statement).
     *
     * @return true if stored now, false if it was already there (a redelivered record)
     */
    @Transactional
    public boolean storeOnce(OrderPlaced order) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(STORE_ONCE)) {
                UUID orderId = UUID.fromString(order.orderId());
                OffsetDateTime placedAt = order.placedAt().atOffset(ZoneOffset.UTC);
                List<OrderPlaced.Line> lines = order.lines();
                int i = 0;
                insert.setObject(++i, orderId);
                insert.setString(++i, order.cartId());
                insert.setObject(++i, UUID.fromString(order.customerId()));
                insert.setString(++i, order.email());
                insert.setBigDecimal(++i, order.total());
                insert.setString(++i, order.currency());
                insert.setLong(++i, order.catalogGeneration());
                insert.setObject(++i, placedAt);
                insert.setObject(++i, placedAt);
                insert.setString(++i, CHECKOUT);
                insert.setArray(++i, connection.createArrayOf("text",
                        lines.stream().map(OrderPlaced.Line::sku).toArray()));
                insert.setArray(++i, connection.createArrayOf("text",
                        lines.stream().map(OrderPlaced.Line::name).toArray()));
                insert.setArray(++i, connection.createArrayOf("numeric",
                        lines.stream().map(OrderPlaced.Line::unitPrice).toArray()));
                insert.setArray(++i, connection.createArrayOf("int4",
                        lines.stream().map(OrderPlaced.Line::quantity).toArray()));
                insert.setObject(++i, placedAt);
                insert.setString(++i, CHECKOUT);
                try (ResultSet inserted = insert.executeQuery()) {
                    return inserted.next() && inserted.getInt(1) == 1;
                }
            }
        });
    }

    public Optional<OrderEntity> find(UUID orderId) {
        return OrderEntity.findByIdOptional(orderId);
    }

    /** The order, its row locked until the caller's transaction ends (status changes). */
    public Optional<OrderEntity> findForUpdate(UUID orderId) {
        return OrderEntity.findByIdOptional(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    public void recordStatus(OrderEntity order, OrderStatus status, Instant at, String by) {
        order.status = status;
        order.statusChangedAt = at;
        order.statusChangedBy = by;
        StatusChangeEntity change = new StatusChangeEntity();
        change.order = order;
        change.status = status;
        change.changedAt = at;
        change.changedBy = by;
        change.persist();
        order.history.add(change);
    }

    /** Orders matching the filter, newest first (ties broken by id so that pages never overlap). */
    public PanacheQuery<OrderEntity> query(OrderFilter filter) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.add("o.status = :status");
            params.and("status", filter.status());
        }
        if (filter.customerId() != null) {
            where.add("o.customerId = :customerId");
            params.and("customerId", filter.customerId());
        }
        if (filter.email() != null) {
            where.add("lower(o.email) = :email");
            params.and("email", filter.email().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.sku() != null) {
            where.add("exists (select 1 from OrderLineEntity l where l.order = o and l.sku = :sku)");
            params.and("sku", filter.sku());
        }
        if (filter.from() != null) {
            where.add("o.placedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("o.placedAt < :to");
            params.and("to", filter.to());
        }
        String hql = "from OrderEntity o" + (where.length() == 0 ? "" : " where " + where);
        return OrderEntity.find(hql, Sort.descending("placedAt").and("orderId", Sort.Direction.Descending), params);
    }

    /** One page of a filtered list and how many orders match in all. */
    public record Slice(List<OrderEntity> items, long totalItems) {
    }

    public Slice page(OrderFilter filter, int page, int size) {
        PanacheQuery<OrderEntity> query = query(filter).page(Page.of(page, size));
        return new Slice(query.list(), query.count());
    }

    /** The newest orders, newest first. */
    public List<OrderEntity> newest(int count) {
        return query(OrderFilter.none()).page(Page.ofSize(count)).list();
    }

    /** One row of the summary: orders and revenue of one UTC day, status and currency. */
    public record SummaryRow(LocalDate day, OrderStatus status, String currency, long orders, BigDecimal revenue) {
    }

    public List<SummaryRow> summary(Instant from, Instant to) {
        return summary(from, to, ZoneOffset.UTC);
    }

    /** The same, per day in {@code zone} (a region id that PostgreSQL knows, or UTC). */
    @SuppressWarnings("unchecked")
    public List<SummaryRow> summary(Instant from, Instant to, ZoneId zone) {
        List<Object[]> rows = em.createNativeQuery("""
                select cast(placed_at at time zone cast(:zone as text) as date) as day, status, currency, count(*),
                       sum(total)
                from orders
                where placed_at >= :from and placed_at < :to
                group by 1, 2, 3
                order by 1, 2, 3
                """)
                .setParameter("zone", zone.getId().equals("Z") ? "UTC" : zone.getId())
                .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .getResultList();
        List<SummaryRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new SummaryRow(toLocalDate(row[0]), OrderStatus.valueOf((String) row[1]),
                    ((String) row[2]).trim(), ((Number) row[3]).longValue(), (BigDecimal) row[4]));
        }
        return result;
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
